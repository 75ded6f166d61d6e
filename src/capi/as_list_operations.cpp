// extern "C" entry points of as_list_operations.h: each names its op code and
// arguments in wire order; ops/cdt_pack.h packs them.
#include "core/error.h"
#include "ops/cdt_pack.h"
#include "ops/list_ops.h"

using namespace aeroshim;

extern "C" {

bool as_operations_list_create(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                               as_list_order order, bool pad) {
  return guard_value(false, {}, [&] { return list_create(ops, name, ctx, order, pad, false); });
}

bool as_operations_list_create_all(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                   as_list_order order, bool pad, bool persist_index) {
  return guard_value(false, {},
                     [&] { return list_create(ops, name, ctx, order, pad, persist_index); });
}

bool as_operations_list_set_order(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                  as_list_order order) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_SET_TYPE,
                  {CdtArg::uint(order)});
  });
}

bool as_operations_list_sort(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                             as_list_sort_flags flags) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_SORT,
                  {CdtArg::uint(flags)});
  });
}

bool as_operations_list_append(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                               as_list_policy* policy, as_val* val) {
  return guard_value(false, {},
                     [&] { return list_add(ops, name, ctx, policy, AS_CDT_OP_LIST_APPEND, val); });
}

bool as_operations_list_append_items(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                     as_list_policy* policy, as_list* list) {
  return guard_value(false, {}, [&] {
    return list_add(ops, name, ctx, policy, AS_CDT_OP_LIST_APPEND_ITEMS,
                    reinterpret_cast<as_val*>(list));
  });
}

bool as_operations_list_insert(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                               as_list_policy* policy, int64_t index, as_val* val) {
  return guard_value(false, {}, [&] {
    return list_put_at(ops, name, ctx, policy, AS_CDT_OP_LIST_INSERT, index, val);
  });
}

bool as_operations_list_insert_items(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                     as_list_policy* policy, int64_t index, as_list* list) {
  return guard_value(false, {}, [&] {
    return list_put_at(ops, name, ctx, policy, AS_CDT_OP_LIST_INSERT_ITEMS, index,
                       reinterpret_cast<as_val*>(list));
  });
}

bool as_operations_list_increment(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                  as_list_policy* policy, int64_t index, as_val* incr) {
  return guard_value(false, {},
                     [&] { return list_increment(ops, name, ctx, policy, index, incr); });
}

bool as_operations_list_set(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                            as_list_policy* policy, int64_t index, as_val* val) {
  return guard_value(false, {}, [&] {
    return list_put_at(ops, name, ctx, policy, AS_CDT_OP_LIST_SET, index, val);
  });
}

bool as_operations_list_pop(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_POP,
                  {CdtArg::sint(index)});
  });
}

bool as_operations_list_pop_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                  int64_t index, uint64_t count) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_POP_RANGE,
                  {CdtArg::sint(index), CdtArg::uint(count)});
  });
}

bool as_operations_list_pop_range_from(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                       int64_t index) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_POP_RANGE,
                  {CdtArg::sint(index)});
  });
}

bool as_operations_list_remove(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                               int64_t index) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_REMOVE,
                  {CdtArg::sint(index)});
  });
}

bool as_operations_list_remove_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                     int64_t index, uint64_t count) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_REMOVE_RANGE,
                  {CdtArg::sint(index), CdtArg::uint(count)});
  });
}

bool as_operations_list_remove_range_from(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                          int64_t index) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_REMOVE_RANGE,
                  {CdtArg::sint(index)});
  });
}

bool as_operations_list_remove_by_value(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                        as_val* value, as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_REMOVE_ALL_BY_VALUE,
                         {CdtArg::uint(return_type), CdtArg::value(value)});
  });
}

bool as_operations_list_remove_by_value_list(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                             as_list* values, as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(
        ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_REMOVE_BY_VALUE_LIST,
        {CdtArg::uint(return_type), CdtArg::value(reinterpret_cast<as_val*>(values))});
  });
}

bool as_operations_list_remove_by_value_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                              as_val* begin, as_val* end,
                                              as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_range_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY,
                        AS_CDT_OP_LIST_REMOVE_BY_VALUE_INTERVAL, CdtArg::uint(return_type), begin,
                        end);
  });
}

bool as_operations_list_remove_by_value_rel_rank_range_to_end(as_operations* ops, const char* name,
                                                              as_cdt_ctx* ctx, as_val* value,
                                                              int64_t rank,
                                                              as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_CDT_MODIFY,
                         AS_CDT_OP_LIST_REMOVE_BY_VALUE_REL_RANK_RANGE,
                         {CdtArg::uint(return_type), CdtArg::value(value), CdtArg::sint(rank)});
  });
}

bool as_operations_list_remove_by_value_rel_rank_range(as_operations* ops, const char* name,
                                                       as_cdt_ctx* ctx, as_val* value, int64_t rank,
                                                       uint64_t count,
                                                       as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(
        ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_REMOVE_BY_VALUE_REL_RANK_RANGE,
        {CdtArg::uint(return_type), CdtArg::value(value), CdtArg::sint(rank), CdtArg::uint(count)});
  });
}

bool as_operations_list_remove_by_index(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                        int64_t index, as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_REMOVE_BY_INDEX,
                  {CdtArg::uint(return_type), CdtArg::sint(index)});
  });
}

bool as_operations_list_remove_by_index_range_to_end(as_operations* ops, const char* name,
                                                     as_cdt_ctx* ctx, int64_t index,
                                                     as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_REMOVE_BY_INDEX_RANGE,
                  {CdtArg::uint(return_type), CdtArg::sint(index)});
  });
}

bool as_operations_list_remove_by_index_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                              int64_t index, uint64_t count,
                                              as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_REMOVE_BY_INDEX_RANGE,
                  {CdtArg::uint(return_type), CdtArg::sint(index), CdtArg::uint(count)});
  });
}

bool as_operations_list_remove_by_rank(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                       int64_t rank, as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_REMOVE_BY_RANK,
                  {CdtArg::uint(return_type), CdtArg::sint(rank)});
  });
}

bool as_operations_list_remove_by_rank_range_to_end(as_operations* ops, const char* name,
                                                    as_cdt_ctx* ctx, int64_t rank,
                                                    as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_REMOVE_BY_RANK_RANGE,
                  {CdtArg::uint(return_type), CdtArg::sint(rank)});
  });
}

bool as_operations_list_remove_by_rank_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                             int64_t rank, uint64_t count,
                                             as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_REMOVE_BY_RANK_RANGE,
                  {CdtArg::uint(return_type), CdtArg::sint(rank), CdtArg::uint(count)});
  });
}

bool as_operations_list_trim(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index,
                             uint64_t count) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_TRIM,
                  {CdtArg::sint(index), CdtArg::uint(count)});
  });
}

bool as_operations_list_clear(as_operations* ops, const char* name, as_cdt_ctx* ctx) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_CLEAR, {});
  });
}

bool as_operations_list_size(as_operations* ops, const char* name, as_cdt_ctx* ctx) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_SIZE, {});
  });
}

bool as_operations_list_get(as_operations* ops, const char* name, as_cdt_ctx* ctx, int64_t index) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_GET, {CdtArg::sint(index)});
  });
}

bool as_operations_list_get_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                  int64_t index, uint64_t count) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_GET_RANGE,
                  {CdtArg::sint(index), CdtArg::uint(count)});
  });
}

bool as_operations_list_get_range_from(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                       int64_t index) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_GET_RANGE,
                  {CdtArg::sint(index)});
  });
}

bool as_operations_list_get_by_value(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                     as_val* value, as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_GET_ALL_BY_VALUE,
                         {CdtArg::uint(return_type), CdtArg::value(value)});
  });
}

bool as_operations_list_get_by_value_list(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                          as_list* values, as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(
        ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_GET_BY_VALUE_LIST,
        {CdtArg::uint(return_type), CdtArg::value(reinterpret_cast<as_val*>(values))});
  });
}

bool as_operations_list_get_by_value_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                           as_val* begin, as_val* end,
                                           as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_range_op(ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_GET_BY_VALUE_INTERVAL,
                        CdtArg::uint(return_type), begin, end);
  });
}

bool as_operations_list_get_by_value_rel_rank_range_to_end(as_operations* ops, const char* name,
                                                           as_cdt_ctx* ctx, as_val* value,
                                                           int64_t rank,
                                                           as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_CDT_READ,
                         AS_CDT_OP_LIST_GET_BY_VALUE_REL_RANK_RANGE,
                         {CdtArg::uint(return_type), CdtArg::value(value), CdtArg::sint(rank)});
  });
}

bool as_operations_list_get_by_value_rel_rank_range(as_operations* ops, const char* name,
                                                    as_cdt_ctx* ctx, as_val* value, int64_t rank,
                                                    uint64_t count,
                                                    as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(
        ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_GET_BY_VALUE_REL_RANK_RANGE,
        {CdtArg::uint(return_type), CdtArg::value(value), CdtArg::sint(rank), CdtArg::uint(count)});
  });
}

bool as_operations_list_get_by_index(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                     int64_t index, as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_GET_BY_INDEX,
                  {CdtArg::uint(return_type), CdtArg::sint(index)});
  });
}

bool as_operations_list_get_by_index_range_to_end(as_operations* ops, const char* name,
                                                  as_cdt_ctx* ctx, int64_t index,
                                                  as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_GET_BY_INDEX_RANGE,
                  {CdtArg::uint(return_type), CdtArg::sint(index)});
  });
}

bool as_operations_list_get_by_index_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                           int64_t index, uint64_t count,
                                           as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_GET_BY_INDEX_RANGE,
                  {CdtArg::uint(return_type), CdtArg::sint(index), CdtArg::uint(count)});
  });
}

bool as_operations_list_get_by_rank(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                    int64_t rank, as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_GET_BY_RANK,
                  {CdtArg::uint(return_type), CdtArg::sint(rank)});
  });
}

bool as_operations_list_get_by_rank_range_to_end(as_operations* ops, const char* name,
                                                 as_cdt_ctx* ctx, int64_t rank,
                                                 as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_GET_BY_RANK_RANGE,
                  {CdtArg::uint(return_type), CdtArg::sint(rank)});
  });
}

bool as_operations_list_get_by_rank_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                          int64_t rank, uint64_t count,
                                          as_list_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_CDT_READ, AS_CDT_OP_LIST_GET_BY_RANK_RANGE,
                  {CdtArg::uint(return_type), CdtArg::sint(rank), CdtArg::uint(count)});
  });
}

}  // extern "C"
