#include "ops/map_ops.h"

#include "ops/cdt_pack.h"

#include <aerospike/as_nil.h>

namespace aeroshim {
namespace {

// Attribute bit asking the server to keep an index of a top-level map.
constexpr uint64_t kPersistIndex = 0x10;

const as_val* nil() { return reinterpret_cast<const as_val*>(&as_nil); }

}  // namespace

void map_policy_set(as_map_policy* policy, as_map_order order, uint64_t flags,
                    as_map_write_mode mode, bool persist_index) {
  policy->attributes = static_cast<uint64_t>(order) | (persist_index ? kPersistIndex : 0);
  policy->flags = flags;
  switch (mode) {
    case AS_MAP_UPDATE_ONLY:
      policy->item_command = AS_CDT_OP_MAP_REPLACE;
      policy->items_command = AS_CDT_OP_MAP_REPLACE_ITEMS;
      break;
    case AS_MAP_CREATE_ONLY:
      policy->item_command = AS_CDT_OP_MAP_ADD;
      policy->items_command = AS_CDT_OP_MAP_ADD_ITEMS;
      break;
    default:
      policy->item_command = AS_CDT_OP_MAP_PUT;
      policy->items_command = AS_CDT_OP_MAP_PUT_ITEMS;
      break;
  }
}

bool map_create(as_operations* ops, const char* name, const as_cdt_ctx* ctx, as_map_order order,
                bool persist_index) {
  if (ctx == nullptr) {
    as_map_policy policy;
    map_policy_set(&policy, order, AS_MAP_WRITE_DEFAULT, AS_MAP_UPDATE, persist_index);
    return map_set_policy(ops, name, nullptr, &policy);
  }
  // A nested map is created through its context step; persist_index does not apply.
  return cdt_op_flag(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_SET_TYPE,
                     as_map_order_to_flag(order), {CdtArg::uint(order)});
}

bool map_set_policy(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
                    const as_map_policy* policy) {
  if (policy == nullptr) return false;
  uint64_t attributes = policy->attributes;
  if (ctx != nullptr) attributes &= ~kPersistIndex;
  return cdt_op(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_SET_TYPE,
                {CdtArg::uint(attributes)});
}

bool map_put(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
             const as_map_policy* policy, as_val* key, as_val* value) {
  CdtArg k = CdtArg::value(key);
  CdtArg v = CdtArg::value(value);
  if (policy == nullptr) {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_PUT,
                         {k, v, CdtArg::uint(0)});
  }
  if (policy->flags != AS_MAP_WRITE_DEFAULT) {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_PUT,
                         {k, v, CdtArg::uint(policy->attributes), CdtArg::uint(policy->flags)});
  }
  // Replace never creates the map, so it carries no attributes.
  if (policy->item_command == AS_CDT_OP_MAP_REPLACE) {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REPLACE, {k, v});
  }
  return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_MODIFY,
                       static_cast<uint16_t>(policy->item_command),
                       {k, v, CdtArg::uint(policy->attributes)});
}

bool map_put_items(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
                   const as_map_policy* policy, as_map* items) {
  CdtArg m = CdtArg::value(reinterpret_cast<as_val*>(items));
  if (policy == nullptr) {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_PUT_ITEMS,
                         {m, CdtArg::uint(0)});
  }
  if (policy->flags != AS_MAP_WRITE_DEFAULT) {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_PUT_ITEMS,
                         {m, CdtArg::uint(policy->attributes), CdtArg::uint(policy->flags)});
  }
  if (policy->items_command == AS_CDT_OP_MAP_REPLACE_ITEMS) {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, AS_CDT_OP_MAP_REPLACE_ITEMS, {m});
  }
  return cdt_op_owning(ops, name, ctx, AS_OPERATOR_MAP_MODIFY,
                       static_cast<uint16_t>(policy->items_command),
                       {m, CdtArg::uint(policy->attributes)});
}

bool map_add_to(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
                const as_map_policy* policy, uint16_t command, as_val* key, as_val* value) {
  // 7.4.0 reads the attributes without checking; a missing policy is refused here.
  bool added = policy != nullptr &&
               cdt_op(ops, name, ctx, AS_OPERATOR_MAP_MODIFY, command,
                      {CdtArg::value(key), CdtArg::value(value != nullptr ? value : nil()),
                       CdtArg::uint(policy->attributes)});
  if (key != nullptr) as_val_destroy(key);
  if (value != nullptr) as_val_destroy(value);
  return added;
}

}  // namespace aeroshim
