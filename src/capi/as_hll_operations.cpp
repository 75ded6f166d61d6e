// extern "C" entry points of as_hll_operations.h: each names its op code and
// arguments in wire order; ops/cdt_pack.h packs them. The lists stay the
// caller's (7.4.0 does not destroy them).
#include "core/error.h"
#include "ops/cdt_pack.h"

#include <aerospike/as_hll_operations.h>

using namespace aeroshim;

namespace {

CdtArg flags_of(const as_hll_policy* policy) {
  return CdtArg::sint(policy != nullptr ? static_cast<int64_t>(policy->flags) : 0);
}

CdtArg list_arg(const as_list* list) {
  return CdtArg::value(reinterpret_cast<const as_val*>(list));
}

bool hll_op(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_operator op_type,
            uint16_t command, std::initializer_list<CdtArg> args) {
  return guard_value(false, {}, [&] { return cdt_op(ops, name, ctx, op_type, command, args); });
}

}  // namespace

extern "C" {

bool as_operations_hll_init_mh(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                               as_hll_policy* policy, int index_bit_count, int mh_bit_count) {
  return hll_op(ops, name, ctx, AS_OPERATOR_HLL_MODIFY, AS_HLL_OP_INIT,
                {CdtArg::sint(index_bit_count), CdtArg::sint(mh_bit_count), flags_of(policy)});
}

bool as_operations_hll_add_mh(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                              as_hll_policy* policy, as_list* list, int index_bit_count,
                              int mh_bit_count) {
  return hll_op(ops, name, ctx, AS_OPERATOR_HLL_MODIFY, AS_HLL_OP_ADD,
                {list_arg(list), CdtArg::sint(index_bit_count), CdtArg::sint(mh_bit_count),
                 flags_of(policy)});
}

bool as_operations_hll_set_union(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                 as_hll_policy* policy, as_list* list) {
  return hll_op(ops, name, ctx, AS_OPERATOR_HLL_MODIFY, AS_HLL_OP_UNION,
                {list_arg(list), flags_of(policy)});
}

bool as_operations_hll_refresh_count(as_operations* ops, const char* name, as_cdt_ctx* ctx) {
  return hll_op(ops, name, ctx, AS_OPERATOR_HLL_MODIFY, AS_HLL_OP_REFRESH_COUNT, {});
}

bool as_operations_hll_fold(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                            int index_bit_count) {
  return hll_op(ops, name, ctx, AS_OPERATOR_HLL_MODIFY, AS_HLL_OP_FOLD,
                {CdtArg::sint(index_bit_count)});
}

bool as_operations_hll_read(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                            uint16_t command) {
  return hll_op(ops, name, ctx, AS_OPERATOR_HLL_READ, command, {});
}

bool as_operations_hll_read_list(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                                 uint16_t command, as_list* list) {
  return hll_op(ops, name, ctx, AS_OPERATOR_HLL_READ, command, {list_arg(list)});
}

}  // extern "C"
