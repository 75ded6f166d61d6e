/*
 * Bitwise operations on blob bins: builders that append one bit op (msgpack
 * [op code, args...]) to an as_operations. Most are inline forms of the six
 * exported encoders, which take the op code.
 */
#pragma once

#include <aerospike/as_operations.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum as_bit_write_flags_e {
	AS_BIT_WRITE_DEFAULT = 0,
	AS_BIT_WRITE_CREATE_ONLY = 1,
	AS_BIT_WRITE_UPDATE_ONLY = 2,
	AS_BIT_WRITE_NO_FAIL = 4,
	AS_BIT_WRITE_PARTIAL = 8
} as_bit_write_flags;

typedef enum as_bit_resize_flags_e {
	AS_BIT_RESIZE_DEFAULT = 0,
	AS_BIT_RESIZE_FROM_FRONT = 1,
	AS_BIT_RESIZE_GROW_ONLY = 2,
	AS_BIT_RESIZE_SHRINK_ONLY = 4
} as_bit_resize_flags;

typedef enum as_bit_overflow_action_e {
	AS_BIT_OVERFLOW_FAIL = 0,
	AS_BIT_OVERFLOW_SATURATE = 2,
	AS_BIT_OVERFLOW_WRAP = 4
} as_bit_overflow_action;

typedef struct as_bit_policy_s {
	uint64_t flags;
} as_bit_policy;

/* Wire op codes of bit operations. */
typedef enum {
	AS_BIT_OP_RESIZE = 0,
	AS_BIT_OP_INSERT = 1,
	AS_BIT_OP_REMOVE = 2,
	AS_BIT_OP_SET = 3,
	AS_BIT_OP_OR = 4,
	AS_BIT_OP_XOR = 5,
	AS_BIT_OP_AND = 6,
	AS_BIT_OP_NOT = 7,
	AS_BIT_OP_LSHIFT = 8,
	AS_BIT_OP_RSHIFT = 9,
	AS_BIT_OP_ADD = 10,
	AS_BIT_OP_SUBTRACT = 11,
	AS_BIT_OP_SET_INT = 12,
	AS_BIT_OP_GET = 50,
	AS_BIT_OP_COUNT = 51,
	AS_BIT_OP_LSCAN = 52,
	AS_BIT_OP_RSCAN = 53,
	AS_BIT_OP_GET_INT = 54
} as_bit_op;

AS_EXTERN bool
as_bit_write(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, uint16_t command, int offset, uint32_t size);

AS_EXTERN bool
as_bit_shift(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, uint16_t command, int bit_offset, uint32_t bit_size, uint32_t shift);

AS_EXTERN bool
as_bit_math(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, uint16_t command, int bit_offset, uint32_t bit_size, uint64_t value, bool sign, as_bit_overflow_action action);

AS_EXTERN bool
as_bit_byte_math(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, uint16_t command, int bit_offset, uint32_t bit_size, uint32_t value_size, uint8_t* value);

AS_EXTERN bool
as_bit_read(as_operations* ops, const char* name, as_cdt_ctx* ctx, uint16_t command, int bit_offset, uint32_t bit_size);

AS_EXTERN bool
as_bit_scan(as_operations* ops, const char* name, as_cdt_ctx* ctx, uint16_t command, int bit_offset, uint32_t bit_size, bool value);

static inline void
as_bit_policy_init(as_bit_policy* policy)
{
	policy->flags = AS_BIT_WRITE_DEFAULT;
}

static inline void
as_bit_policy_set_write_flags(as_bit_policy* policy, as_bit_write_flags flags)
{
	policy->flags = flags;
}

AS_EXTERN bool
as_operations_bit_resize(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, uint32_t byte_size, as_bit_resize_flags flags);

AS_EXTERN bool
as_operations_bit_insert(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, int byte_offset, uint32_t value_byte_size, uint8_t* value);

static inline bool
as_operations_bit_remove(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, int byte_offset, uint32_t byte_size)
{
	return as_bit_write(ops, name, ctx, policy, AS_BIT_OP_REMOVE, byte_offset, byte_size);
}

static inline bool
as_operations_bit_set(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, int bit_offset, uint32_t bit_size, uint32_t value_byte_size, uint8_t* value)
{
	return as_bit_byte_math(ops, name, ctx, policy, AS_BIT_OP_SET, bit_offset, bit_size, value_byte_size, value);
}

static inline bool
as_operations_bit_or(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, int bit_offset, uint32_t bit_size, uint32_t value_byte_size, uint8_t* value)
{
	return as_bit_byte_math(ops, name, ctx, policy, AS_BIT_OP_OR, bit_offset, bit_size, value_byte_size, value);
}

static inline bool
as_operations_bit_xor(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, int bit_offset, uint32_t bit_size, uint32_t value_byte_size, uint8_t* value)
{
	return as_bit_byte_math(ops, name, ctx, policy, AS_BIT_OP_XOR, bit_offset, bit_size, value_byte_size, value);
}

static inline bool
as_operations_bit_and(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, int bit_offset, uint32_t bit_size, uint32_t value_byte_size, uint8_t* value)
{
	return as_bit_byte_math(ops, name, ctx, policy, AS_BIT_OP_AND, bit_offset, bit_size, value_byte_size, value);
}

static inline bool
as_operations_bit_not(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, int bit_offset, uint32_t bit_size)
{
	return as_bit_write(ops, name, ctx, policy, AS_BIT_OP_NOT, bit_offset, bit_size);
}

static inline bool
as_operations_bit_lshift(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, int bit_offset, uint32_t bit_size, uint32_t shift)
{
	return as_bit_shift(ops, name, ctx, policy, AS_BIT_OP_LSHIFT, bit_offset, bit_size, shift);
}

static inline bool
as_operations_bit_rshift(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, int bit_offset, uint32_t bit_size, uint32_t shift)
{
	return as_bit_shift(ops, name, ctx, policy, AS_BIT_OP_RSHIFT, bit_offset, bit_size, shift);
}

static inline bool
as_operations_bit_add(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, int bit_offset, uint32_t bit_size, uint64_t value, bool sign, as_bit_overflow_action action)
{
	return as_bit_math(ops, name, ctx, policy, AS_BIT_OP_ADD, bit_offset, bit_size, value, sign, action);
}

static inline bool
as_operations_bit_subtract(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, int bit_offset, uint32_t bit_size, uint64_t value, bool sign, as_bit_overflow_action action)
{
	return as_bit_math(ops, name, ctx, policy, AS_BIT_OP_SUBTRACT, bit_offset, bit_size, value, sign, action);
}

AS_EXTERN bool
as_operations_bit_set_int(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy, int bit_offset, uint32_t bit_size, int64_t value);

static inline bool
as_operations_bit_get(as_operations* ops, const char* name, as_cdt_ctx* ctx, int bit_offset, uint32_t bit_size)
{
	return as_bit_read(ops, name, ctx, AS_BIT_OP_GET, bit_offset, bit_size);
}

static inline bool
as_operations_bit_count(as_operations* ops, const char* name, as_cdt_ctx* ctx, int bit_offset, uint32_t bit_size)
{
	return as_bit_read(ops, name, ctx, AS_BIT_OP_COUNT, bit_offset, bit_size);
}

static inline bool
as_operations_bit_lscan(as_operations* ops, const char* name, as_cdt_ctx* ctx, int bit_offset, uint32_t bit_size, bool value)
{
	return as_bit_scan(ops, name, ctx, AS_BIT_OP_LSCAN, bit_offset, bit_size, value);
}

static inline bool
as_operations_bit_rscan(as_operations* ops, const char* name, as_cdt_ctx* ctx, int bit_offset, uint32_t bit_size, bool value)
{
	return as_bit_scan(ops, name, ctx, AS_BIT_OP_RSCAN, bit_offset, bit_size, value);
}

AS_EXTERN bool
as_operations_bit_get_int(as_operations* ops, const char* name, as_cdt_ctx* ctx, int bit_offset, uint32_t bit_size, bool sign);

#ifdef __cplusplus
}
#endif
