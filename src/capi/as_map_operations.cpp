// extern "C" entry points of as_map_operations.h: each names its op code and
// arguments in wire order; ops/cdt_pack.h packs them.
#include "core/error.h"
#include "ops/cdt_pack.h"
#include "ops/map_ops.h"

using namespace aeroshim;

extern "C" {

void as_map_policy_init(as_map_policy* policy) {
  guard_void({{policy, "policy"}}, [&] {
    map_policy_set(policy, AS_MAP_UNORDERED, AS_MAP_WRITE_DEFAULT, AS_MAP_UPDATE, false);
  });
}

void as_map_policy_set(as_map_policy* policy, as_map_order order, as_map_write_mode mode) {
  guard_void({{policy, "policy"}},
             [&] { map_policy_set(policy, order, AS_MAP_WRITE_DEFAULT, mode, false); });
}

void as_map_policy_set_flags(as_map_policy* policy, as_map_order order, uint32_t flags) {
  guard_void({{policy, "policy"}},
             [&] { map_policy_set(policy, order, flags, AS_MAP_UPDATE, false); });
}

void as_map_policy_set_all(as_map_policy* policy, as_map_order order, uint32_t flags,
                           bool persist_index) {
  guard_void({{policy, "policy"}},
             [&] { map_policy_set(policy, order, flags, AS_MAP_UPDATE, persist_index); });
}

bool as_operations_map_create(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                              as_map_order order) {
  return guard_value(false, {}, [&] { return map_create(ops, name, ctx, order, false); });
}

bool as_operations_map_create_all(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                  as_map_order order, bool persist_index) {
  return guard_value(false, {}, [&] { return map_create(ops, name, ctx, order, persist_index); });
}

bool as_operations_map_set_policy(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                  as_map_policy* policy) {
  return guard_value(false, {}, [&] { return map_set_policy(ops, name, ctx, policy); });
}

bool as_operations_map_put(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                           as_map_policy* policy, as_val* key, as_val* value) {
  return guard_value(false, {}, [&] { return map_put(ops, name, ctx, policy, key, value); });
}

bool as_operations_map_put_items(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                 as_map_policy* policy, as_map* items) {
  return guard_value(false, {}, [&] { return map_put_items(ops, name, ctx, policy, items); });
}

bool as_operations_map_increment(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                 as_map_policy* policy, as_val* key, as_val* value) {
  return guard_value(false, {}, [&] {
    return map_add_to(ops, name, ctx, policy, AS_CDT_OP_MAP_INCREMENT, key, value);
  });
}

bool as_operations_map_decrement(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                 as_map_policy* policy, as_val* key, as_val* value) {
  return guard_value(false, {}, [&] {
    return map_add_to(ops, name, ctx, policy, AS_CDT_OP_MAP_DECREMENT, key, value);
  });
}

bool as_operations_map_clear(as_operations* ops, const char* name, as_cdt_ctx* ctx) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_CLEAR, {});
  });
}

bool as_operations_map_remove_by_key(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                     as_val* key, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REMOVE_BY_KEY,
                         {CdtArg::sint(return_type), CdtArg::value(key)});
  });
}

bool as_operations_map_remove_by_key_list(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                          as_list* keys, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(
        ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REMOVE_BY_KEY_LIST,
        {CdtArg::sint(return_type), CdtArg::value(reinterpret_cast<as_val*>(keys))});
  });
}

bool as_operations_map_remove_by_key_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                           as_val* begin, as_val* end,
                                           as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_range_op(ops, name, ctx, AS_OPERATOR_MAP_MODIFY,
                        AS_CDT_OP_MAP_REMOVE_BY_KEY_INTERVAL, CdtArg::sint(return_type), begin,
                        end);
  });
}

bool as_operations_map_remove_by_key_rel_index_range_to_end(as_operations* ops, const char* name,
                                                            as_cdt_ctx* ctx, as_val* key,
                                                            int64_t index,
                                                            as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_MODIFY,
                         AS_CDT_OP_MAP_REMOVE_BY_KEY_REL_INDEX_RANGE,
                         {CdtArg::sint(return_type), CdtArg::value(key), CdtArg::sint(index)});
  });
}

bool as_operations_map_remove_by_key_rel_index_range(as_operations* ops, const char* name,
                                                     as_cdt_ctx* ctx, as_val* key, int64_t index,
                                                     uint64_t count,
                                                     as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(
        ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REMOVE_BY_KEY_REL_INDEX_RANGE,
        {CdtArg::sint(return_type), CdtArg::value(key), CdtArg::sint(index), CdtArg::uint(count)});
  });
}

bool as_operations_map_remove_by_value(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                       as_val* value, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REMOVE_ALL_BY_VALUE,
                         {CdtArg::sint(return_type), CdtArg::value(value)});
  });
}

bool as_operations_map_remove_by_value_list(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                            as_list* values, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(
        ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REMOVE_BY_VALUE_LIST,
        {CdtArg::sint(return_type), CdtArg::value(reinterpret_cast<as_val*>(values))});
  });
}

bool as_operations_map_remove_by_value_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                             as_val* begin, as_val* end,
                                             as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_range_op(ops, name, ctx, AS_OPERATOR_MAP_MODIFY,
                        AS_CDT_OP_MAP_REMOVE_BY_VALUE_INTERVAL, CdtArg::sint(return_type), begin,
                        end);
  });
}

bool as_operations_map_remove_by_value_rel_rank_range_to_end(as_operations* ops, const char* name,
                                                             as_cdt_ctx* ctx, as_val* value,
                                                             int64_t rank,
                                                             as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_MODIFY,
                         AS_CDT_OP_MAP_REMOVE_BY_VALUE_REL_RANK_RANGE,
                         {CdtArg::sint(return_type), CdtArg::value(value), CdtArg::sint(rank)});
  });
}

bool as_operations_map_remove_by_value_rel_rank_range(as_operations* ops, const char* name,
                                                      as_cdt_ctx* ctx, as_val* value, int64_t rank,
                                                      uint64_t count,
                                                      as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(
        ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REMOVE_BY_VALUE_REL_RANK_RANGE,
        {CdtArg::sint(return_type), CdtArg::value(value), CdtArg::sint(rank), CdtArg::uint(count)});
  });
}

bool as_operations_map_remove_by_index(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                       int64_t index, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REMOVE_BY_INDEX,
                  {CdtArg::sint(return_type), CdtArg::sint(index)});
  });
}

bool as_operations_map_remove_by_index_range_to_end(as_operations* ops, const char* name,
                                                    as_cdt_ctx* ctx, int64_t index,
                                                    as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REMOVE_BY_INDEX_RANGE,
                  {CdtArg::sint(return_type), CdtArg::sint(index)});
  });
}

bool as_operations_map_remove_by_index_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                             int64_t index, uint64_t count,
                                             as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REMOVE_BY_INDEX_RANGE,
                  {CdtArg::sint(return_type), CdtArg::sint(index), CdtArg::uint(count)});
  });
}

bool as_operations_map_remove_by_rank(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                      int64_t rank, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REMOVE_BY_RANK,
                  {CdtArg::sint(return_type), CdtArg::sint(rank)});
  });
}

bool as_operations_map_remove_by_rank_range_to_end(as_operations* ops, const char* name,
                                                   as_cdt_ctx* ctx, int64_t rank,
                                                   as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REMOVE_BY_RANK_RANGE,
                  {CdtArg::sint(return_type), CdtArg::sint(rank)});
  });
}

bool as_operations_map_remove_by_rank_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                            int64_t rank, uint64_t count,
                                            as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REMOVE_BY_RANK_RANGE,
                  {CdtArg::sint(return_type), CdtArg::sint(rank), CdtArg::uint(count)});
  });
}

bool as_operations_map_size(as_operations* ops, const char* name, as_cdt_ctx* ctx) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_SIZE, {});
  });
}

bool as_operations_map_get_by_key(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                  as_val* key, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_BY_KEY,
                         {CdtArg::sint(return_type), CdtArg::value(key)});
  });
}

bool as_operations_map_get_by_key_list(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                       as_list* keys, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(
        ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_BY_KEY_LIST,
        {CdtArg::sint(return_type), CdtArg::value(reinterpret_cast<as_val*>(keys))});
  });
}

bool as_operations_map_get_by_key_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                        as_val* begin, as_val* end,
                                        as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_range_op(ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_BY_KEY_INTERVAL,
                        CdtArg::sint(return_type), begin, end);
  });
}

bool as_operations_map_get_by_key_rel_index_range_to_end(as_operations* ops, const char* name,
                                                         as_cdt_ctx* ctx, as_val* key,
                                                         int64_t index,
                                                         as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_READ,
                         AS_CDT_OP_MAP_GET_BY_KEY_REL_INDEX_RANGE,
                         {CdtArg::sint(return_type), CdtArg::value(key), CdtArg::sint(index)});
  });
}

bool as_operations_map_get_by_key_rel_index_range(as_operations* ops, const char* name,
                                                  as_cdt_ctx* ctx, as_val* key, int64_t index,
                                                  uint64_t count, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(
        ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_BY_KEY_REL_INDEX_RANGE,
        {CdtArg::sint(return_type), CdtArg::value(key), CdtArg::sint(index), CdtArg::uint(count)});
  });
}

bool as_operations_map_get_by_value(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                    as_val* value, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_ALL_BY_VALUE,
                         {CdtArg::sint(return_type), CdtArg::value(value)});
  });
}

bool as_operations_map_get_by_value_list(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                         as_list* values, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(
        ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_BY_VALUE_LIST,
        {CdtArg::sint(return_type), CdtArg::value(reinterpret_cast<as_val*>(values))});
  });
}

bool as_operations_map_get_by_value_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                          as_val* begin, as_val* end,
                                          as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_range_op(ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_BY_VALUE_INTERVAL,
                        CdtArg::sint(return_type), begin, end);
  });
}

bool as_operations_map_get_by_value_rel_rank_range_to_end(as_operations* ops, const char* name,
                                                          as_cdt_ctx* ctx, as_val* value,
                                                          int64_t rank,
                                                          as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_READ,
                         AS_CDT_OP_MAP_GET_BY_VALUE_REL_RANK_RANGE,
                         {CdtArg::sint(return_type), CdtArg::value(value), CdtArg::sint(rank)});
  });
}

bool as_operations_map_get_by_value_rel_rank_range(as_operations* ops, const char* name,
                                                   as_cdt_ctx* ctx, as_val* value, int64_t rank,
                                                   uint64_t count, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op_owning(
        ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_BY_VALUE_REL_RANK_RANGE,
        {CdtArg::sint(return_type), CdtArg::value(value), CdtArg::sint(rank), CdtArg::uint(count)});
  });
}

bool as_operations_map_get_by_index(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                    int64_t index, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_BY_INDEX,
                  {CdtArg::sint(return_type), CdtArg::sint(index)});
  });
}

bool as_operations_map_get_by_index_range_to_end(as_operations* ops, const char* name,
                                                 as_cdt_ctx* ctx, int64_t index,
                                                 as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_BY_INDEX_RANGE,
                  {CdtArg::sint(return_type), CdtArg::sint(index)});
  });
}

bool as_operations_map_get_by_index_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                          int64_t index, uint64_t count,
                                          as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_BY_INDEX_RANGE,
                  {CdtArg::sint(return_type), CdtArg::sint(index), CdtArg::uint(count)});
  });
}

bool as_operations_map_get_by_rank(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                   int64_t rank, as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_BY_RANK,
                  {CdtArg::sint(return_type), CdtArg::sint(rank)});
  });
}

bool as_operations_map_get_by_rank_range_to_end(as_operations* ops, const char* name,
                                                as_cdt_ctx* ctx, int64_t rank,
                                                as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_BY_RANK_RANGE,
                  {CdtArg::sint(return_type), CdtArg::sint(rank)});
  });
}

bool as_operations_map_get_by_rank_range(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                         int64_t rank, uint64_t count,
                                         as_map_return_type return_type) {
  return guard_value(false, {}, [&] {
    return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_READ, AS_CDT_OP_MAP_GET_BY_RANK_RANGE,
                  {CdtArg::sint(return_type), CdtArg::sint(rank), CdtArg::uint(count)});
  });
}

}  // extern "C"
