#include "ops/list_ops.h"

#include "ops/cdt_pack.h"

#include <aerospike/as_integer.h>

namespace aeroshim {
namespace {

// Set-type attribute bit asking the server to keep an index of a top-level list.
constexpr uint64_t kPersistIndex = 0x10;

}  // namespace

bool list_create(as_operations* ops, const char* name, const as_cdt_ctx* ctx, as_list_order order,
                 bool pad, bool persist_index) {
  if (ctx == nullptr) {
    uint64_t attributes = static_cast<uint64_t>(order) | (persist_index ? kPersistIndex : 0);
    return cdt_op(ops, name, nullptr, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_SET_TYPE,
                  {CdtArg::uint(attributes)});
  }
  // A nested list is created through its context step; persist_index does not apply.
  return cdt_op_flag(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_SET_TYPE,
                     as_list_order_to_flag(order, pad), {CdtArg::uint(order)});
}

bool list_add(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
              const as_list_policy* policy, uint16_t command, as_val* value) {
  if (policy == nullptr) {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, command, {CdtArg::value(value)});
  }
  return cdt_op_owning(
      ops, name, ctx, AS_OPERATOR_CDT_MODIFY, command,
      {CdtArg::value(value), CdtArg::uint(policy->order), CdtArg::uint(policy->flags)});
}

bool list_put_at(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
                 const as_list_policy* policy, uint16_t command, int64_t index, as_val* value) {
  // Inserts and sets never send the order: they are refused on ordered lists anyway.
  if (policy == nullptr) {
    return cdt_op_owning(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, command,
                         {CdtArg::sint(index), CdtArg::value(value)});
  }
  return cdt_op_owning(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, command,
                       {CdtArg::sint(index), CdtArg::value(value), CdtArg::uint(policy->flags)});
}

bool list_increment(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
                    const as_list_policy* policy, int64_t index, as_val* incr) {
  as_integer one;
  as_integer_init(&one, 1);
  const as_val* by = incr != nullptr ? incr : reinterpret_cast<const as_val*>(&one);
  bool added = policy == nullptr
                   ? cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_INCREMENT,
                            {CdtArg::sint(index), CdtArg::value(by)})
                   : cdt_op(ops, name, ctx, AS_OPERATOR_CDT_MODIFY, AS_CDT_OP_LIST_INCREMENT,
                            {CdtArg::sint(index), CdtArg::value(by), CdtArg::uint(policy->order),
                             CdtArg::uint(policy->flags)});
  if (incr != nullptr) as_val_destroy(incr);
  return added;
}

}  // namespace aeroshim
