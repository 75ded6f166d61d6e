/*
 * Map operations: builders that append one CDT map op (msgpack [op code,
 * args...], optionally behind a context) to an as_operations, and the map
 * write policy. The as_operations_add_map_* inline forms take no context.
 */
#pragma once

#include <aerospike/as_cdt_order.h>
#include <aerospike/as_operations.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Legacy write modes (as_map_policy_set). */
typedef enum as_map_write_mode_e {
	AS_MAP_UPDATE,
	AS_MAP_UPDATE_ONLY,
	AS_MAP_CREATE_ONLY
} as_map_write_mode;

typedef enum as_map_write_flags_e {
	AS_MAP_WRITE_DEFAULT = 0,
	AS_MAP_WRITE_CREATE_ONLY = 1,
	AS_MAP_WRITE_UPDATE_ONLY = 2,
	AS_MAP_WRITE_NO_FAIL = 4,
	AS_MAP_WRITE_PARTIAL = 8
} as_map_write_flags;

/* attributes: the map order flags; item_command/items_command: the put op codes the mode selects. */
typedef struct as_map_policy_s {
	uint64_t attributes;
	uint64_t flags;
	int item_command;
	int items_command;
} as_map_policy;

typedef enum as_map_return_type_e {
	AS_MAP_RETURN_NONE = 0,
	AS_MAP_RETURN_INDEX = 1,
	AS_MAP_RETURN_REVERSE_INDEX = 2,
	AS_MAP_RETURN_RANK = 3,
	AS_MAP_RETURN_REVERSE_RANK = 4,
	AS_MAP_RETURN_COUNT = 5,
	AS_MAP_RETURN_KEY = 6,
	AS_MAP_RETURN_VALUE = 7,
	AS_MAP_RETURN_KEY_VALUE = 8,
	AS_MAP_RETURN_EXISTS = 13,
	AS_MAP_RETURN_UNORDERED_MAP = 16,
	AS_MAP_RETURN_ORDERED_MAP = 17,
	AS_MAP_RETURN_INVERTED = 0x10000
} as_map_return_type;

/* Wire op codes of map operations. */
typedef enum {
	AS_CDT_OP_MAP_SET_TYPE = 64,
	AS_CDT_OP_MAP_ADD = 65,
	AS_CDT_OP_MAP_ADD_ITEMS = 66,
	AS_CDT_OP_MAP_PUT = 67,
	AS_CDT_OP_MAP_PUT_ITEMS = 68,
	AS_CDT_OP_MAP_REPLACE = 69,
	AS_CDT_OP_MAP_REPLACE_ITEMS = 70,
	AS_CDT_OP_MAP_INCREMENT = 73,
	AS_CDT_OP_MAP_DECREMENT = 74,
	AS_CDT_OP_MAP_CLEAR = 75,
	AS_CDT_OP_MAP_REMOVE_BY_KEY = 76,
	AS_CDT_OP_MAP_REMOVE_BY_INDEX = 77,
	AS_CDT_OP_MAP_REMOVE_BY_RANK = 79,
	AS_CDT_OP_MAP_REMOVE_BY_KEY_LIST = 81,
	AS_CDT_OP_MAP_REMOVE_ALL_BY_VALUE = 82,
	AS_CDT_OP_MAP_REMOVE_BY_VALUE_LIST = 83,
	AS_CDT_OP_MAP_REMOVE_BY_KEY_INTERVAL = 84,
	AS_CDT_OP_MAP_REMOVE_BY_INDEX_RANGE = 85,
	AS_CDT_OP_MAP_REMOVE_BY_VALUE_INTERVAL = 86,
	AS_CDT_OP_MAP_REMOVE_BY_RANK_RANGE = 87,
	AS_CDT_OP_MAP_REMOVE_BY_KEY_REL_INDEX_RANGE = 88,
	AS_CDT_OP_MAP_REMOVE_BY_VALUE_REL_RANK_RANGE = 89,
	AS_CDT_OP_MAP_SIZE = 96,
	AS_CDT_OP_MAP_GET_BY_KEY = 97,
	AS_CDT_OP_MAP_GET_BY_INDEX = 98,
	AS_CDT_OP_MAP_GET_BY_RANK = 100,
	AS_CDT_OP_MAP_GET_ALL_BY_VALUE = 102,
	AS_CDT_OP_MAP_GET_BY_KEY_INTERVAL = 103,
	AS_CDT_OP_MAP_GET_BY_INDEX_RANGE = 104,
	AS_CDT_OP_MAP_GET_BY_VALUE_INTERVAL = 105,
	AS_CDT_OP_MAP_GET_BY_RANK_RANGE = 106,
	AS_CDT_OP_MAP_GET_BY_KEY_LIST = 107,
	AS_CDT_OP_MAP_GET_BY_VALUE_LIST = 108,
	AS_CDT_OP_MAP_GET_BY_KEY_REL_INDEX_RANGE = 109,
	AS_CDT_OP_MAP_GET_BY_VALUE_REL_RANK_RANGE = 110
} as_cdt_op_map;

AS_EXTERN void
as_map_policy_init(as_map_policy* policy);

AS_EXTERN void
as_map_policy_set(as_map_policy* policy, as_map_order order, as_map_write_mode mode);

AS_EXTERN void
as_map_policy_set_flags(as_map_policy* policy, as_map_order order, uint32_t flags);

AS_EXTERN void
as_map_policy_set_all(as_map_policy* policy, as_map_order order, uint32_t flags, bool persist_index);

AS_EXTERN bool
as_operations_map_create(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_map_order order);

AS_EXTERN bool
as_operations_map_create_all(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_map_order order, bool persist_index);

AS_EXTERN bool
as_operations_map_set_policy(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_map_policy* policy);

AS_EXTERN bool
as_operations_map_put(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_map_policy* policy, as_val* key, as_val* value);

AS_EXTERN bool
as_operations_map_put_items(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_map_policy* policy, as_map* items);

AS_EXTERN bool
as_operations_map_increment(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_map_policy* policy, as_val* key, as_val* value);

AS_EXTERN bool
as_operations_map_decrement(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_map_policy* policy, as_val* key, as_val* value);

AS_EXTERN bool
as_operations_map_clear(as_operations* ops, const char* name, as_cdt_ctx* ctx);

AS_EXTERN bool
as_operations_map_remove_by_key(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* key, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_key_list(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list* keys, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_key_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* begin, as_val* end, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_key_rel_index_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* key, int64_t index, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_key_rel_index_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* key, int64_t index, uint64_t count, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_value(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* value, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_value_list(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list* values, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_value_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* begin, as_val* end, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_value_rel_rank_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* value, int64_t rank, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_value_rel_rank_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* value, int64_t rank, uint64_t count, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_index(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_index_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_index_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, uint64_t count, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_rank(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t rank, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_rank_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t rank, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_remove_by_rank_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t rank, uint64_t count, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_size(as_operations* ops, const char* name, as_cdt_ctx* ctx);

AS_EXTERN bool
as_operations_map_get_by_key(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* key, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_key_list(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list* keys, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_key_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* begin, as_val* end, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_key_rel_index_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* key, int64_t index, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_key_rel_index_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* key, int64_t index, uint64_t count, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_value(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* value, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_value_list(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list* values, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_value_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* begin, as_val* end, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_value_rel_rank_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* value, int64_t rank, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_value_rel_rank_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* value, int64_t rank, uint64_t count, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_index(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_index_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_index_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, uint64_t count, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_rank(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t rank, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_rank_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t rank, as_map_return_type return_type);

AS_EXTERN bool
as_operations_map_get_by_rank_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t rank, uint64_t count, as_map_return_type return_type);

/* Shorthands without a context. */

static inline bool
as_operations_add_map_set_policy(as_operations* ops, const char* name, as_map_policy* policy)
{
	return as_operations_map_set_policy(ops, name, NULL, policy);
}

static inline bool
as_operations_add_map_put(as_operations* ops, const char* name, as_map_policy* policy, as_val* key, as_val* value)
{
	return as_operations_map_put(ops, name, NULL, policy, key, value);
}

static inline bool
as_operations_add_map_put_items(as_operations* ops, const char* name, as_map_policy* policy, as_map* items)
{
	return as_operations_map_put_items(ops, name, NULL, policy, items);
}

static inline bool
as_operations_add_map_increment(as_operations* ops, const char* name, as_map_policy* policy, as_val* key, as_val* value)
{
	return as_operations_map_increment(ops, name, NULL, policy, key, value);
}

static inline bool
as_operations_add_map_decrement(as_operations* ops, const char* name, as_map_policy* policy, as_val* key, as_val* value)
{
	return as_operations_map_decrement(ops, name, NULL, policy, key, value);
}

static inline bool
as_operations_add_map_clear(as_operations* ops, const char* name)
{
	return as_operations_map_clear(ops, name, NULL);
}

static inline bool
as_operations_add_map_remove_by_key(as_operations* ops, const char* name, as_val* key, as_map_return_type return_type)
{
	return as_operations_map_remove_by_key(ops, name, NULL, key, return_type);
}

static inline bool
as_operations_add_map_remove_by_key_list(as_operations* ops, const char* name, as_list* keys, as_map_return_type return_type)
{
	return as_operations_map_remove_by_key_list(ops, name, NULL, keys, return_type);
}

static inline bool
as_operations_add_map_remove_by_key_range(as_operations* ops, const char* name, as_val* begin, as_val* end, as_map_return_type return_type)
{
	return as_operations_map_remove_by_key_range(ops, name, NULL, begin, end, return_type);
}

static inline bool
as_operations_add_map_remove_by_key_rel_index_range_to_end(as_operations* ops, const char* name, as_val* key, int64_t index, as_map_return_type return_type)
{
	return as_operations_map_remove_by_key_rel_index_range_to_end(ops, name, NULL, key, index, return_type);
}

static inline bool
as_operations_add_map_remove_by_key_rel_index_range(as_operations* ops, const char* name, as_val* key, int64_t index, uint64_t count, as_map_return_type return_type)
{
	return as_operations_map_remove_by_key_rel_index_range(ops, name, NULL, key, index, count, return_type);
}

static inline bool
as_operations_add_map_remove_by_value(as_operations* ops, const char* name, as_val* value, as_map_return_type return_type)
{
	return as_operations_map_remove_by_value(ops, name, NULL, value, return_type);
}

static inline bool
as_operations_add_map_remove_by_value_list(as_operations* ops, const char* name, as_list* values, as_map_return_type return_type)
{
	return as_operations_map_remove_by_value_list(ops, name, NULL, values, return_type);
}

static inline bool
as_operations_add_map_remove_by_value_range(as_operations* ops, const char* name, as_val* begin, as_val* end, as_map_return_type return_type)
{
	return as_operations_map_remove_by_value_range(ops, name, NULL, begin, end, return_type);
}

static inline bool
as_operations_add_map_remove_by_value_rel_rank_range_to_end(as_operations* ops, const char* name, as_val* value, int64_t rank, as_map_return_type return_type)
{
	return as_operations_map_remove_by_value_rel_rank_range_to_end(ops, name, NULL, value, rank, return_type);
}

static inline bool
as_operations_add_map_remove_by_value_rel_rank_range(as_operations* ops, const char* name, as_val* value, int64_t rank, uint64_t count, as_map_return_type return_type)
{
	return as_operations_map_remove_by_value_rel_rank_range(ops, name, NULL, value, rank, count, return_type);
}

static inline bool
as_operations_add_map_remove_by_index(as_operations* ops, const char* name, int64_t index, as_map_return_type return_type)
{
	return as_operations_map_remove_by_index(ops, name, NULL, index, return_type);
}

static inline bool
as_operations_add_map_remove_by_index_range_to_end(as_operations* ops, const char* name, int64_t index, as_map_return_type return_type)
{
	return as_operations_map_remove_by_index_range_to_end(ops, name, NULL, index, return_type);
}

static inline bool
as_operations_add_map_remove_by_index_range(as_operations* ops, const char* name, int64_t index, uint64_t count, as_map_return_type return_type)
{
	return as_operations_map_remove_by_index_range(ops, name, NULL, index, count, return_type);
}

static inline bool
as_operations_add_map_remove_by_rank(as_operations* ops, const char* name, int64_t rank, as_map_return_type return_type)
{
	return as_operations_map_remove_by_rank(ops, name, NULL, rank, return_type);
}

static inline bool
as_operations_add_map_remove_by_rank_range_to_end(as_operations* ops, const char* name, int64_t rank, as_map_return_type return_type)
{
	return as_operations_map_remove_by_rank_range_to_end(ops, name, NULL, rank, return_type);
}

static inline bool
as_operations_add_map_remove_by_rank_range(as_operations* ops, const char* name, int64_t rank, uint64_t count, as_map_return_type return_type)
{
	return as_operations_map_remove_by_rank_range(ops, name, NULL, rank, count, return_type);
}

static inline bool
as_operations_add_map_size(as_operations* ops, const char* name)
{
	return as_operations_map_size(ops, name, NULL);
}

static inline bool
as_operations_add_map_get_by_key(as_operations* ops, const char* name, as_val* key, as_map_return_type return_type)
{
	return as_operations_map_get_by_key(ops, name, NULL, key, return_type);
}

static inline bool
as_operations_add_map_get_by_key_list(as_operations* ops, const char* name, as_list* keys, as_map_return_type return_type)
{
	return as_operations_map_get_by_key_list(ops, name, NULL, keys, return_type);
}

static inline bool
as_operations_add_map_get_by_key_range(as_operations* ops, const char* name, as_val* begin, as_val* end, as_map_return_type return_type)
{
	return as_operations_map_get_by_key_range(ops, name, NULL, begin, end, return_type);
}

static inline bool
as_operations_add_map_get_by_key_rel_index_range_to_end(as_operations* ops, const char* name, as_val* key, int64_t index, as_map_return_type return_type)
{
	return as_operations_map_get_by_key_rel_index_range_to_end(ops, name, NULL, key, index, return_type);
}

static inline bool
as_operations_add_map_get_by_key_rel_index_range(as_operations* ops, const char* name, as_val* key, int64_t index, uint64_t count, as_map_return_type return_type)
{
	return as_operations_map_get_by_key_rel_index_range(ops, name, NULL, key, index, count, return_type);
}

static inline bool
as_operations_add_map_get_by_value(as_operations* ops, const char* name, as_val* value, as_map_return_type return_type)
{
	return as_operations_map_get_by_value(ops, name, NULL, value, return_type);
}

static inline bool
as_operations_add_map_get_by_value_list(as_operations* ops, const char* name, as_list* values, as_map_return_type return_type)
{
	return as_operations_map_get_by_value_list(ops, name, NULL, values, return_type);
}

static inline bool
as_operations_add_map_get_by_value_range(as_operations* ops, const char* name, as_val* begin, as_val* end, as_map_return_type return_type)
{
	return as_operations_map_get_by_value_range(ops, name, NULL, begin, end, return_type);
}

static inline bool
as_operations_add_map_get_by_value_rel_rank_range_to_end(as_operations* ops, const char* name, as_val* value, int64_t rank, as_map_return_type return_type)
{
	return as_operations_map_get_by_value_rel_rank_range_to_end(ops, name, NULL, value, rank, return_type);
}

static inline bool
as_operations_add_map_get_by_value_rel_rank_range(as_operations* ops, const char* name, as_val* value, int64_t rank, uint64_t count, as_map_return_type return_type)
{
	return as_operations_map_get_by_value_rel_rank_range(ops, name, NULL, value, rank, count, return_type);
}

static inline bool
as_operations_add_map_get_by_index(as_operations* ops, const char* name, int64_t index, as_map_return_type return_type)
{
	return as_operations_map_get_by_index(ops, name, NULL, index, return_type);
}

static inline bool
as_operations_add_map_get_by_index_range_to_end(as_operations* ops, const char* name, int64_t index, as_map_return_type return_type)
{
	return as_operations_map_get_by_index_range_to_end(ops, name, NULL, index, return_type);
}

static inline bool
as_operations_add_map_get_by_index_range(as_operations* ops, const char* name, int64_t index, uint64_t count, as_map_return_type return_type)
{
	return as_operations_map_get_by_index_range(ops, name, NULL, index, count, return_type);
}

static inline bool
as_operations_add_map_get_by_rank(as_operations* ops, const char* name, int64_t rank, as_map_return_type return_type)
{
	return as_operations_map_get_by_rank(ops, name, NULL, rank, return_type);
}

static inline bool
as_operations_add_map_get_by_rank_range_to_end(as_operations* ops, const char* name, int64_t rank, as_map_return_type return_type)
{
	return as_operations_map_get_by_rank_range_to_end(ops, name, NULL, rank, return_type);
}

static inline bool
as_operations_add_map_get_by_rank_range(as_operations* ops, const char* name, int64_t rank, uint64_t count, as_map_return_type return_type)
{
	return as_operations_map_get_by_rank_range(ops, name, NULL, rank, count, return_type);
}

#ifdef __cplusplus
}
#endif
