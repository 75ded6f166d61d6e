/*
 * HyperLogLog operations: builders that append one HLL op (msgpack [op code,
 * args...]) to an as_operations.
 */
#pragma once

#include <aerospike/as_operations.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum as_hll_write_flags_e {
	AS_HLL_WRITE_DEFAULT = 0,
	AS_HLL_WRITE_CREATE_ONLY = 1,
	AS_HLL_WRITE_UPDATE_ONLY = 2,
	AS_HLL_WRITE_NO_FAIL = 4,
	AS_HLL_WRITE_ALLOW_FOLD = 8
} as_hll_write_flags;

typedef struct as_hll_policy_s {
	uint64_t flags;
} as_hll_policy;

/* Wire op codes of HLL operations. */
typedef enum {
	AS_HLL_OP_INIT = 0,
	AS_HLL_OP_ADD = 1,
	AS_HLL_OP_UNION = 2,
	AS_HLL_OP_REFRESH_COUNT = 3,
	AS_HLL_OP_FOLD = 4,
	AS_HLL_OP_COUNT = 50,
	AS_HLL_OP_GET_UNION = 51,
	AS_HLL_OP_UNION_COUNT = 52,
	AS_HLL_OP_INTERSECT_COUNT = 53,
	AS_HLL_OP_SIMILARITY = 54,
	AS_HLL_OP_DESCRIBE = 55,
	AS_HLL_OP_MAY_CONTAIN = 56
} as_hll_op;

AS_EXTERN bool
as_operations_hll_read(as_operations* ops, const char* name, as_cdt_ctx* ctx, uint16_t command);

AS_EXTERN bool
as_operations_hll_read_list(as_operations* ops, const char* name, as_cdt_ctx* ctx, uint16_t command, as_list* list);

static inline void
as_hll_policy_init(as_hll_policy* policy)
{
	policy->flags = AS_HLL_WRITE_DEFAULT;
}

static inline void
as_hll_policy_set_write_flags(as_hll_policy* policy, as_hll_write_flags flags)
{
	policy->flags = flags;
}

/* A bit count of -1 leaves that parameter to the server. */
AS_EXTERN bool
as_operations_hll_init_mh(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_hll_policy* policy, int index_bit_count, int mh_bit_count);

static inline bool
as_operations_hll_init(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_hll_policy* policy, int index_bit_count)
{
	return as_operations_hll_init_mh(ops, name, ctx, policy, index_bit_count, -1);
}

AS_EXTERN bool
as_operations_hll_add_mh(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_hll_policy* policy, as_list* list, int index_bit_count, int mh_bit_count);

static inline bool
as_operations_hll_add(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_hll_policy* policy, as_list* list, int index_bit_count)
{
	return as_operations_hll_add_mh(ops, name, ctx, policy, list, index_bit_count, -1);
}

static inline bool
as_operations_hll_update(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_hll_policy* policy, as_list* list)
{
	return as_operations_hll_add_mh(ops, name, ctx, policy, list, -1, -1);
}

AS_EXTERN bool
as_operations_hll_set_union(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_hll_policy* policy, as_list* list);

AS_EXTERN bool
as_operations_hll_refresh_count(as_operations* ops, const char* name, as_cdt_ctx* ctx);

AS_EXTERN bool
as_operations_hll_fold(as_operations* ops, const char* name, as_cdt_ctx* ctx, int index_bit_count);

static inline bool
as_operations_hll_get_count(as_operations* ops, const char* name, as_cdt_ctx* ctx)
{
	return as_operations_hll_read(ops, name, ctx, AS_HLL_OP_COUNT);
}

static inline bool
as_operations_hll_get_union(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list* list)
{
	return as_operations_hll_read_list(ops, name, ctx, AS_HLL_OP_GET_UNION, list);
}

static inline bool
as_operations_hll_get_union_count(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list* list)
{
	return as_operations_hll_read_list(ops, name, ctx, AS_HLL_OP_UNION_COUNT, list);
}

static inline bool
as_operations_hll_get_intersect_count(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list* list)
{
	return as_operations_hll_read_list(ops, name, ctx, AS_HLL_OP_INTERSECT_COUNT, list);
}

static inline bool
as_operations_hll_get_similarity(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list* list)
{
	return as_operations_hll_read_list(ops, name, ctx, AS_HLL_OP_SIMILARITY, list);
}

static inline bool
as_operations_hll_describe(as_operations* ops, const char* name, as_cdt_ctx* ctx)
{
	return as_operations_hll_read(ops, name, ctx, AS_HLL_OP_DESCRIBE);
}

#ifdef __cplusplus
}
#endif
