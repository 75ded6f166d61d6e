/*
 * as_operations: the list of bin operations one operate() command carries,
 * plus the record ttl and generation to apply. Each entry is an as_binop (the
 * operator and a bin holding its name and argument). Programs fill stack
 * lists with as_operations_inita, so every layout here is ABI.
 */
#pragma once

#include <aerospike/as_bin.h>
#include <aerospike/as_cdt_ctx.h>
#include <aerospike/as_status.h>

#ifdef __cplusplus
extern "C" {
#endif

/* 7.4.0 forward-declares the status enum; strict C and C++ need its definition (as_status.h). */
struct as_error_s;

/* Operator of one binop; the order gives each its value, the wire id comes from proto. */
typedef enum as_operator_e {
	AS_OPERATOR_READ,
	AS_OPERATOR_WRITE,
	AS_OPERATOR_CDT_READ,
	AS_OPERATOR_CDT_MODIFY,
	AS_OPERATOR_MAP_READ,
	AS_OPERATOR_MAP_MODIFY,
	AS_OPERATOR_INCR,
	AS_OPERATOR_EXP_READ,
	AS_OPERATOR_EXP_MODIFY,
	AS_OPERATOR_APPEND,
	AS_OPERATOR_PREPEND,
	AS_OPERATOR_TOUCH,
	AS_OPERATOR_BIT_READ,
	AS_OPERATOR_BIT_MODIFY,
	AS_OPERATOR_DELETE,
	AS_OPERATOR_HLL_READ,
	AS_OPERATOR_HLL_MODIFY
} as_operator;

typedef struct as_binop_s {
	as_operator op;
	as_bin bin;
} as_binop;

typedef struct as_binops_s {
	as_binop* entries;
	uint16_t capacity;
	uint16_t size;
	bool _free;
} as_binops;

typedef struct as_operations_s {
	as_binops binops;
	uint32_t ttl;
	uint16_t gen;
	bool _free;
} as_operations;

/*
 * Flags of as_operations_select_by_path. Bits 0-3 choose what is returned;
 * the higher bits are shared with as_exp_path_modify_flags.
 */
typedef enum {
	AS_EXP_PATH_SELECT_MATCHING_TREE = 0,
	AS_EXP_PATH_SELECT_VALUE = 1,
	AS_EXP_PATH_SELECT_LIST_VALUE = 1,
	AS_EXP_PATH_SELECT_MAP_VALUE = 1,
	AS_EXP_PATH_SELECT_MAP_KEY = 2,
	AS_EXP_PATH_SELECT_MAP_KEY_VALUE = AS_EXP_PATH_SELECT_MAP_KEY | AS_EXP_PATH_SELECT_MAP_VALUE,
	AS_EXP_PATH_SELECT_NO_FAIL = 0x10
} as_exp_path_select_flags;

typedef enum {
	AS_EXP_PATH_MODIFY_DEFAULT = 0x00,
	AS_EXP_PATH_MODIFY_NO_FAIL = 0x10
} as_exp_path_modify_flags;

/* Operation list of __nops entries on the caller's stack (alloca); destroy frees only bin values. */
#define as_operations_inita(__ops, __nops) \
	(__ops)->binops.entries = (as_binop*)alloca(sizeof(as_binop) * (__nops)); \
	(__ops)->binops.capacity = (__nops); \
	(__ops)->binops.size = 0; \
	(__ops)->binops._free = false; \
	(__ops)->ttl = 0; \
	(__ops)->gen = 0; \
	(__ops)->_free = false;

AS_EXTERN as_operations*
as_operations_init(as_operations* ops, uint16_t nops);

AS_EXTERN as_operations*
as_operations_new(uint16_t nops);

AS_EXTERN void
as_operations_destroy(as_operations* ops);

static inline bool
as_operations_defined(as_operations* ops)
{
	return ops != NULL && ops->binops.size > 0;
}

/* Each adder returns false when the list is full or the bin name is too long. */
AS_EXTERN bool
as_operations_add_write(as_operations* ops, const char* name, as_bin_value* value);

AS_EXTERN bool
as_operations_add_write_bool(as_operations* ops, const char* name, bool value);

AS_EXTERN bool
as_operations_add_write_int64(as_operations* ops, const char* name, int64_t value);

AS_EXTERN bool
as_operations_add_write_double(as_operations* ops, const char* name, double value);

/* free: the operation list frees value when it is destroyed. */
AS_EXTERN bool
as_operations_add_write_strp(as_operations* ops, const char* name, const char* value, bool free);

static inline bool
as_operations_add_write_str(as_operations* ops, const char* name, const char* value)
{
	return as_operations_add_write_strp(ops, name, value, false);
}

AS_EXTERN bool
as_operations_add_write_geojson_strp(as_operations* ops, const char* name, const char* value, bool free);

static inline bool
as_operations_add_write_geojson_str(as_operations* ops, const char* name, const char* value)
{
	return as_operations_add_write_geojson_strp(ops, name, value, false);
}

AS_EXTERN bool
as_operations_add_write_rawp(as_operations* ops, const char* name, const uint8_t* value, uint32_t size, bool free);

static inline bool
as_operations_add_write_raw(as_operations* ops, const char* name, const uint8_t* value, uint32_t size)
{
	return as_operations_add_write_rawp(ops, name, value, size, false);
}

AS_EXTERN bool
as_operations_add_read(as_operations* ops, const char* name);

/* Reads every bin: a read entry with an empty bin name. */
AS_EXTERN bool
as_operations_add_read_all(as_operations* ops);

static inline bool
as_operations_add_read_all_called(const as_operations* ops)
{
	int i;

	if (ops == NULL) {
		return false;
	}
	for (i = 0; i < ops->binops.size; i++) {
		const as_binop* binop = &ops->binops.entries[i];

		if (binop->op == AS_OPERATOR_READ && binop->bin.name[0] == '\0') {
			return true;
		}
	}
	return false;
}

AS_EXTERN bool
as_operations_add_incr(as_operations* ops, const char* name, int64_t value);

AS_EXTERN bool
as_operations_add_incr_double(as_operations* ops, const char* name, double value);

AS_EXTERN bool
as_operations_add_prepend_strp(as_operations* ops, const char* name, const char* value, bool free);

static inline bool
as_operations_add_prepend_str(as_operations* ops, const char* name, const char* value)
{
	return as_operations_add_prepend_strp(ops, name, value, false);
}

AS_EXTERN bool
as_operations_add_prepend_rawp(as_operations* ops, const char* name, const uint8_t* value, uint32_t size, bool free);

static inline bool
as_operations_add_prepend_raw(as_operations* ops, const char* name, const uint8_t* value, uint32_t size)
{
	return as_operations_add_prepend_rawp(ops, name, value, size, false);
}

AS_EXTERN bool
as_operations_add_append_strp(as_operations* ops, const char* name, const char* value, bool free);

static inline bool
as_operations_add_append_str(as_operations* ops, const char* name, const char* value)
{
	return as_operations_add_append_strp(ops, name, value, false);
}

AS_EXTERN bool
as_operations_add_append_rawp(as_operations* ops, const char* name, const uint8_t* value, uint32_t size, bool free);

static inline bool
as_operations_add_append_raw(as_operations* ops, const char* name, const uint8_t* value, uint32_t size)
{
	return as_operations_add_append_rawp(ops, name, value, size, false);
}

AS_EXTERN bool
as_operations_add_touch(as_operations* ops);

AS_EXTERN bool
as_operations_add_delete(as_operations* ops);

/* Path expressions (CDT select / modify through a context). */
AS_EXTERN enum as_status_e
as_operations_select_by_path(struct as_error_s* err, as_operations* ops, const char* name,
	as_cdt_ctx* ctx, as_exp_path_select_flags flags);

AS_EXTERN enum as_status_e
as_operations_modify_by_path(struct as_error_s* err, as_operations* ops, const char* name,
	as_cdt_ctx* ctx, struct as_exp* mod_exp, as_exp_path_modify_flags flags);

AS_EXTERN bool
as_operations_has_write(const as_operations* ops);

AS_EXTERN bool
as_operations_consists_of_all_writes(const as_operations* ops);

static inline bool
as_operations_is_basic_read(as_operator t)
{
	return t == AS_OPERATOR_READ;
}

/* 7.4.0 programs reach the list builders through this header. */
#include <aerospike/as_list_operations.h>

#ifdef __cplusplus
}
#endif
