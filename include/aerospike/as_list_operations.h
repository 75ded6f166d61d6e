/*
 * List operations: builders that append one CDT list op (msgpack [op code,
 * args...], optionally behind a context) to an as_operations. The
 * as_operations_add_list_* inline forms are the context-free shorthands.
 */
#pragma once

#include <aerospike/as_operations.h>
#include <aerospike/as_cdt_ctx.h>
#include <aerospike/as_cdt_order.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum as_list_sort_flags_e {
	AS_LIST_SORT_DEFAULT = 0,
	AS_LIST_SORT_DROP_DUPLICATES = 2
} as_list_sort_flags;

typedef enum as_list_write_flags_e {
	AS_LIST_WRITE_DEFAULT = 0,
	AS_LIST_WRITE_ADD_UNIQUE = 1,
	AS_LIST_WRITE_INSERT_BOUNDED = 2,
	AS_LIST_WRITE_NO_FAIL = 4,
	AS_LIST_WRITE_PARTIAL = 8
} as_list_write_flags;

typedef struct as_list_policy_s {
	as_list_order order;
	as_list_write_flags flags;
} as_list_policy;

/* What a selecting op returns; AS_LIST_RETURN_INVERTED or-ed in selects the complement. */
typedef enum as_list_return_type_e {
	AS_LIST_RETURN_NONE = 0,
	AS_LIST_RETURN_INDEX = 1,
	AS_LIST_RETURN_REVERSE_INDEX = 2,
	AS_LIST_RETURN_RANK = 3,
	AS_LIST_RETURN_REVERSE_RANK = 4,
	AS_LIST_RETURN_COUNT = 5,
	AS_LIST_RETURN_VALUE = 7,
	AS_LIST_RETURN_EXISTS = 13,
	AS_LIST_RETURN_INVERTED = 0x10000
} as_list_return_type;

/* Wire op codes of list operations. */
typedef enum {
	AS_CDT_OP_LIST_SET_TYPE = 0,
	AS_CDT_OP_LIST_APPEND = 1,
	AS_CDT_OP_LIST_APPEND_ITEMS = 2,
	AS_CDT_OP_LIST_INSERT = 3,
	AS_CDT_OP_LIST_INSERT_ITEMS = 4,
	AS_CDT_OP_LIST_POP = 5,
	AS_CDT_OP_LIST_POP_RANGE = 6,
	AS_CDT_OP_LIST_REMOVE = 7,
	AS_CDT_OP_LIST_REMOVE_RANGE = 8,
	AS_CDT_OP_LIST_SET = 9,
	AS_CDT_OP_LIST_TRIM = 10,
	AS_CDT_OP_LIST_CLEAR = 11,
	AS_CDT_OP_LIST_INCREMENT = 12,
	AS_CDT_OP_LIST_SORT = 13,
	AS_CDT_OP_LIST_SIZE = 16,
	AS_CDT_OP_LIST_GET = 17,
	AS_CDT_OP_LIST_GET_RANGE = 18,
	AS_CDT_OP_LIST_GET_BY_INDEX = 19,
	AS_CDT_OP_LIST_GET_BY_RANK = 21,
	AS_CDT_OP_LIST_GET_ALL_BY_VALUE = 22,
	AS_CDT_OP_LIST_GET_BY_VALUE_LIST = 23,
	AS_CDT_OP_LIST_GET_BY_INDEX_RANGE = 24,
	AS_CDT_OP_LIST_GET_BY_VALUE_INTERVAL = 25,
	AS_CDT_OP_LIST_GET_BY_RANK_RANGE = 26,
	AS_CDT_OP_LIST_GET_BY_VALUE_REL_RANK_RANGE = 27,
	AS_CDT_OP_LIST_REMOVE_BY_INDEX = 32,
	AS_CDT_OP_LIST_REMOVE_BY_RANK = 34,
	AS_CDT_OP_LIST_REMOVE_ALL_BY_VALUE = 35,
	AS_CDT_OP_LIST_REMOVE_BY_VALUE_LIST = 36,
	AS_CDT_OP_LIST_REMOVE_BY_INDEX_RANGE = 37,
	AS_CDT_OP_LIST_REMOVE_BY_VALUE_INTERVAL = 38,
	AS_CDT_OP_LIST_REMOVE_BY_RANK_RANGE = 39,
	AS_CDT_OP_LIST_REMOVE_BY_VALUE_REL_RANK_RANGE = 40
} as_cdt_op_list;

static inline void
as_list_policy_init(as_list_policy* policy)
{
	policy->order = AS_LIST_UNORDERED;
	policy->flags = AS_LIST_WRITE_DEFAULT;
}

static inline void
as_list_policy_set(as_list_policy* policy, as_list_order order, as_list_write_flags flags)
{
	policy->order = order;
	policy->flags = flags;
}

AS_EXTERN bool
as_operations_list_create(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list_order order, bool pad);

AS_EXTERN bool
as_operations_list_create_all(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list_order order, bool pad, bool persist_index);

AS_EXTERN bool
as_operations_list_set_order(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list_order order);

AS_EXTERN bool
as_operations_list_sort(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list_sort_flags flags);

AS_EXTERN bool
as_operations_list_append(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list_policy* policy, as_val* val);

AS_EXTERN bool
as_operations_list_append_items(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list_policy* policy, as_list* list);

AS_EXTERN bool
as_operations_list_insert(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list_policy* policy, int64_t index, as_val* val);

AS_EXTERN bool
as_operations_list_insert_items(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list_policy* policy, int64_t index, as_list* list);

AS_EXTERN bool
as_operations_list_increment(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list_policy* policy, int64_t index, as_val* incr);

AS_EXTERN bool
as_operations_list_set(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list_policy* policy, int64_t index, as_val* val);

AS_EXTERN bool
as_operations_list_pop(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index);

AS_EXTERN bool
as_operations_list_pop_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, uint64_t count);

AS_EXTERN bool
as_operations_list_pop_range_from(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index);

AS_EXTERN bool
as_operations_list_remove(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index);

AS_EXTERN bool
as_operations_list_remove_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, uint64_t count);

AS_EXTERN bool
as_operations_list_remove_range_from(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index);

AS_EXTERN bool
as_operations_list_remove_by_value(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* value, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_remove_by_value_list(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list* values, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_remove_by_value_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* begin, as_val* end, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_remove_by_value_rel_rank_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* value, int64_t rank, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_remove_by_value_rel_rank_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* value, int64_t rank, uint64_t count, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_remove_by_index(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_remove_by_index_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_remove_by_index_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, uint64_t count, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_remove_by_rank(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t rank, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_remove_by_rank_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t rank, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_remove_by_rank_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t rank, uint64_t count, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_trim(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, uint64_t count);

AS_EXTERN bool
as_operations_list_clear(as_operations* ops, const char* name, as_cdt_ctx* ctx);

AS_EXTERN bool
as_operations_list_size(as_operations* ops, const char* name, as_cdt_ctx* ctx);

AS_EXTERN bool
as_operations_list_get(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index);

AS_EXTERN bool
as_operations_list_get_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, uint64_t count);

AS_EXTERN bool
as_operations_list_get_range_from(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index);

AS_EXTERN bool
as_operations_list_get_by_value(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* value, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_get_by_value_list(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_list* values, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_get_by_value_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* begin, as_val* end, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_get_by_value_rel_rank_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* value, int64_t rank, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_get_by_value_rel_rank_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_val* value, int64_t rank, uint64_t count, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_get_by_index(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_get_by_index_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_get_by_index_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index, uint64_t count, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_get_by_rank(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t rank, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_get_by_rank_range_to_end(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t rank, as_list_return_type return_type);

AS_EXTERN bool
as_operations_list_get_by_rank_range(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t rank, uint64_t count, as_list_return_type return_type);

/* Shorthands without a context (and, unless _with_policy, without a policy). */

static inline bool
as_operations_add_list_set_order(as_operations* ops, const char* name, as_list_order order)
{
	return as_operations_list_set_order(ops, name, NULL, order);
}

static inline bool
as_operations_add_list_sort(as_operations* ops, const char* name, as_list_sort_flags flags)
{
	return as_operations_list_sort(ops, name, NULL, flags);
}

static inline bool
as_operations_add_list_append(as_operations* ops, const char* name, as_val* val)
{
	return as_operations_list_append(ops, name, NULL, NULL, val);
}

static inline bool
as_operations_add_list_append_with_policy(as_operations* ops, const char* name, as_list_policy* policy, as_val* val)
{
	return as_operations_list_append(ops, name, NULL, policy, val);
}

static inline bool
as_operations_add_list_append_int64(as_operations* ops, const char* name, int64_t value)
{
	as_integer v;
	as_integer_init(&v, value);
	return as_operations_list_append(ops, name, NULL, NULL, (as_val*)&v);
}

static inline bool
as_operations_add_list_append_double(as_operations* ops, const char* name, double value)
{
	as_double v;
	as_double_init(&v, value);
	return as_operations_list_append(ops, name, NULL, NULL, (as_val*)&v);
}

static inline bool
as_operations_add_list_append_strp(as_operations* ops, const char* name, const char* value, bool free)
{
	as_string v;
	as_string_init(&v, (char*)value, free);
	return as_operations_list_append(ops, name, NULL, NULL, (as_val*)&v);
}

static inline bool
as_operations_add_list_append_str(as_operations* ops, const char* name, const char* value)
{
	return as_operations_add_list_append_strp(ops, name, value, false);
}

static inline bool
as_operations_add_list_append_rawp(as_operations* ops, const char* name, const uint8_t* value, uint32_t size, bool free)
{
	as_bytes v;
	as_bytes_init_wrap(&v, (uint8_t*)value, size, free);
	return as_operations_list_append(ops, name, NULL, NULL, (as_val*)&v);
}

static inline bool
as_operations_add_list_append_raw(as_operations* ops, const char* name, const uint8_t* value, uint32_t size)
{
	return as_operations_add_list_append_rawp(ops, name, value, size, false);
}

static inline bool
as_operations_add_list_append_items(as_operations* ops, const char* name, as_list* list)
{
	return as_operations_list_append_items(ops, name, NULL, NULL, list);
}

static inline bool
as_operations_add_list_append_items_with_policy(as_operations* ops, const char* name, as_list_policy* policy, as_list* list)
{
	return as_operations_list_append_items(ops, name, NULL, policy, list);
}

static inline bool
as_operations_add_list_insert(as_operations* ops, const char* name, int64_t index, as_val* val)
{
	return as_operations_list_insert(ops, name, NULL, NULL, index, val);
}

static inline bool
as_operations_add_list_insert_with_policy(as_operations* ops, const char* name, as_list_policy* policy, int64_t index, as_val* val)
{
	return as_operations_list_insert(ops, name, NULL, policy, index, val);
}

static inline bool
as_operations_add_list_insert_int64(as_operations* ops, const char* name, int64_t index, int64_t value)
{
	as_integer v;
	as_integer_init(&v, value);
	return as_operations_list_insert(ops, name, NULL, NULL, index, (as_val*)&v);
}

static inline bool
as_operations_add_list_insert_double(as_operations* ops, const char* name, int64_t index, double value)
{
	as_double v;
	as_double_init(&v, value);
	return as_operations_list_insert(ops, name, NULL, NULL, index, (as_val*)&v);
}

static inline bool
as_operations_add_list_insert_strp(as_operations* ops, const char* name, int64_t index, const char* value, bool free)
{
	as_string v;
	as_string_init(&v, (char*)value, free);
	return as_operations_list_insert(ops, name, NULL, NULL, index, (as_val*)&v);
}

static inline bool
as_operations_add_list_insert_str(as_operations* ops, const char* name, int64_t index, const char* value)
{
	return as_operations_add_list_insert_strp(ops, name, index, value, false);
}

static inline bool
as_operations_add_list_insert_rawp(as_operations* ops, const char* name, int64_t index, const uint8_t* value, uint32_t size, bool free)
{
	as_bytes v;
	as_bytes_init_wrap(&v, (uint8_t*)value, size, free);
	return as_operations_list_insert(ops, name, NULL, NULL, index, (as_val*)&v);
}

static inline bool
as_operations_add_list_insert_raw(as_operations* ops, const char* name, int64_t index, const uint8_t* value, uint32_t size)
{
	return as_operations_add_list_insert_rawp(ops, name, index, value, size, false);
}

static inline bool
as_operations_add_list_insert_items(as_operations* ops, const char* name, int64_t index, as_list* list)
{
	return as_operations_list_insert_items(ops, name, NULL, NULL, index, list);
}

static inline bool
as_operations_add_list_insert_items_with_policy(as_operations* ops, const char* name, as_list_policy* policy, int64_t index, as_list* list)
{
	return as_operations_list_insert_items(ops, name, NULL, policy, index, list);
}

static inline bool
as_operations_add_list_increment(as_operations* ops, const char* name, int64_t index, as_val* incr)
{
	return as_operations_list_increment(ops, name, NULL, NULL, index, incr);
}

static inline bool
as_operations_add_list_increment_with_policy(as_operations* ops, const char* name, as_list_policy* policy, int64_t index, as_val* incr)
{
	return as_operations_list_increment(ops, name, NULL, policy, index, incr);
}

static inline bool
as_operations_add_list_set(as_operations* ops, const char* name, int64_t index, as_val* val)
{
	return as_operations_list_set(ops, name, NULL, NULL, index, val);
}

static inline bool
as_operations_add_list_set_with_policy(as_operations* ops, const char* name, as_list_policy* policy, int64_t index, as_val* val)
{
	return as_operations_list_set(ops, name, NULL, policy, index, val);
}

static inline bool
as_operations_add_list_set_int64(as_operations* ops, const char* name, int64_t index, int64_t value)
{
	as_integer v;
	as_integer_init(&v, value);
	return as_operations_list_set(ops, name, NULL, NULL, index, (as_val*)&v);
}

static inline bool
as_operations_add_list_set_double(as_operations* ops, const char* name, int64_t index, double value)
{
	as_double v;
	as_double_init(&v, value);
	return as_operations_list_set(ops, name, NULL, NULL, index, (as_val*)&v);
}

static inline bool
as_operations_add_list_set_strp(as_operations* ops, const char* name, int64_t index, const char* value, bool free)
{
	as_string v;
	as_string_init(&v, (char*)value, free);
	return as_operations_list_set(ops, name, NULL, NULL, index, (as_val*)&v);
}

static inline bool
as_operations_add_list_set_str(as_operations* ops, const char* name, int64_t index, const char* value)
{
	return as_operations_add_list_set_strp(ops, name, index, value, false);
}

static inline bool
as_operations_add_list_set_rawp(as_operations* ops, const char* name, int64_t index, const uint8_t* value, uint32_t size, bool free)
{
	as_bytes v;
	as_bytes_init_wrap(&v, (uint8_t*)value, size, free);
	return as_operations_list_set(ops, name, NULL, NULL, index, (as_val*)&v);
}

static inline bool
as_operations_add_list_set_raw(as_operations* ops, const char* name, int64_t index, const uint8_t* value, uint32_t size)
{
	return as_operations_add_list_set_rawp(ops, name, index, value, size, false);
}

static inline bool
as_operations_add_list_pop(as_operations* ops, const char* name, int64_t index)
{
	return as_operations_list_pop(ops, name, NULL, index);
}

static inline bool
as_operations_add_list_pop_range(as_operations* ops, const char* name, int64_t index, uint64_t count)
{
	return as_operations_list_pop_range(ops, name, NULL, index, count);
}

static inline bool
as_operations_add_list_pop_range_from(as_operations* ops, const char* name, int64_t index)
{
	return as_operations_list_pop_range_from(ops, name, NULL, index);
}

static inline bool
as_operations_add_list_remove(as_operations* ops, const char* name, int64_t index)
{
	return as_operations_list_remove(ops, name, NULL, index);
}

static inline bool
as_operations_add_list_remove_range(as_operations* ops, const char* name, int64_t index, uint64_t count)
{
	return as_operations_list_remove_range(ops, name, NULL, index, count);
}

static inline bool
as_operations_add_list_remove_range_from(as_operations* ops, const char* name, int64_t index)
{
	return as_operations_list_remove_range_from(ops, name, NULL, index);
}

static inline bool
as_operations_add_list_remove_by_value(as_operations* ops, const char* name, as_val* value, as_list_return_type return_type)
{
	return as_operations_list_remove_by_value(ops, name, NULL, value, return_type);
}

static inline bool
as_operations_add_list_remove_by_value_list(as_operations* ops, const char* name, as_list* values, as_list_return_type return_type)
{
	return as_operations_list_remove_by_value_list(ops, name, NULL, values, return_type);
}

static inline bool
as_operations_add_list_remove_by_value_range(as_operations* ops, const char* name, as_val* begin, as_val* end, as_list_return_type return_type)
{
	return as_operations_list_remove_by_value_range(ops, name, NULL, begin, end, return_type);
}

static inline bool
as_operations_add_list_remove_by_value_rel_rank_range_to_end(as_operations* ops, const char* name, as_val* value, int64_t rank, as_list_return_type return_type)
{
	return as_operations_list_remove_by_value_rel_rank_range_to_end(ops, name, NULL, value, rank, return_type);
}

static inline bool
as_operations_add_list_remove_by_value_rel_rank_range(as_operations* ops, const char* name, as_val* value, int64_t rank, uint64_t count, as_list_return_type return_type)
{
	return as_operations_list_remove_by_value_rel_rank_range(ops, name, NULL, value, rank, count, return_type);
}

static inline bool
as_operations_add_list_remove_by_index(as_operations* ops, const char* name, int64_t index, as_list_return_type return_type)
{
	return as_operations_list_remove_by_index(ops, name, NULL, index, return_type);
}

static inline bool
as_operations_add_list_remove_by_index_range_to_end(as_operations* ops, const char* name, int64_t index, as_list_return_type return_type)
{
	return as_operations_list_remove_by_index_range_to_end(ops, name, NULL, index, return_type);
}

static inline bool
as_operations_add_list_remove_by_index_range(as_operations* ops, const char* name, int64_t index, uint64_t count, as_list_return_type return_type)
{
	return as_operations_list_remove_by_index_range(ops, name, NULL, index, count, return_type);
}

static inline bool
as_operations_add_list_remove_by_rank(as_operations* ops, const char* name, int64_t rank, as_list_return_type return_type)
{
	return as_operations_list_remove_by_rank(ops, name, NULL, rank, return_type);
}

static inline bool
as_operations_add_list_remove_by_rank_range_to_end(as_operations* ops, const char* name, int64_t rank, as_list_return_type return_type)
{
	return as_operations_list_remove_by_rank_range_to_end(ops, name, NULL, rank, return_type);
}

static inline bool
as_operations_add_list_remove_by_rank_range(as_operations* ops, const char* name, int64_t rank, uint64_t count, as_list_return_type return_type)
{
	return as_operations_list_remove_by_rank_range(ops, name, NULL, rank, count, return_type);
}

static inline bool
as_operations_add_list_trim(as_operations* ops, const char* name, int64_t index, uint64_t count)
{
	return as_operations_list_trim(ops, name, NULL, index, count);
}

static inline bool
as_operations_add_list_clear(as_operations* ops, const char* name)
{
	return as_operations_list_clear(ops, name, NULL);
}

static inline bool
as_operations_add_list_size(as_operations* ops, const char* name)
{
	return as_operations_list_size(ops, name, NULL);
}

static inline bool
as_operations_add_list_get(as_operations* ops, const char* name, int64_t index)
{
	return as_operations_list_get(ops, name, NULL, index);
}

static inline bool
as_operations_add_list_get_range(as_operations* ops, const char* name, int64_t index, uint64_t count)
{
	return as_operations_list_get_range(ops, name, NULL, index, count);
}

static inline bool
as_operations_add_list_get_range_from(as_operations* ops, const char* name, int64_t index)
{
	return as_operations_list_get_range_from(ops, name, NULL, index);
}

static inline bool
as_operations_add_list_get_by_value(as_operations* ops, const char* name, as_val* value, as_list_return_type return_type)
{
	return as_operations_list_get_by_value(ops, name, NULL, value, return_type);
}

static inline bool
as_operations_add_list_get_by_value_list(as_operations* ops, const char* name, as_list* values, as_list_return_type return_type)
{
	return as_operations_list_get_by_value_list(ops, name, NULL, values, return_type);
}

static inline bool
as_operations_add_list_get_by_value_range(as_operations* ops, const char* name, as_val* begin, as_val* end, as_list_return_type return_type)
{
	return as_operations_list_get_by_value_range(ops, name, NULL, begin, end, return_type);
}

static inline bool
as_operations_add_list_get_by_value_rel_rank_range_to_end(as_operations* ops, const char* name, as_val* value, int64_t rank, as_list_return_type return_type)
{
	return as_operations_list_get_by_value_rel_rank_range_to_end(ops, name, NULL, value, rank, return_type);
}

static inline bool
as_operations_add_list_get_by_value_rel_rank_range(as_operations* ops, const char* name, as_val* value, int64_t rank, uint64_t count, as_list_return_type return_type)
{
	return as_operations_list_get_by_value_rel_rank_range(ops, name, NULL, value, rank, count, return_type);
}

static inline bool
as_operations_add_list_get_by_index(as_operations* ops, const char* name, int64_t index, as_list_return_type return_type)
{
	return as_operations_list_get_by_index(ops, name, NULL, index, return_type);
}

static inline bool
as_operations_add_list_get_by_index_range_to_end(as_operations* ops, const char* name, int64_t index, as_list_return_type return_type)
{
	return as_operations_list_get_by_index_range_to_end(ops, name, NULL, index, return_type);
}

static inline bool
as_operations_add_list_get_by_index_range(as_operations* ops, const char* name, int64_t index, uint64_t count, as_list_return_type return_type)
{
	return as_operations_list_get_by_index_range(ops, name, NULL, index, count, return_type);
}

static inline bool
as_operations_add_list_get_by_rank(as_operations* ops, const char* name, int64_t rank, as_list_return_type return_type)
{
	return as_operations_list_get_by_rank(ops, name, NULL, rank, return_type);
}

static inline bool
as_operations_add_list_get_by_rank_range_to_end(as_operations* ops, const char* name, int64_t rank, as_list_return_type return_type)
{
	return as_operations_list_get_by_rank_range_to_end(ops, name, NULL, rank, return_type);
}

static inline bool
as_operations_add_list_get_by_rank_range(as_operations* ops, const char* name, int64_t rank, uint64_t count, as_list_return_type return_type)
{
	return as_operations_list_get_by_rank_range(ops, name, NULL, rank, count, return_type);
}

#ifdef __cplusplus
}
#endif
