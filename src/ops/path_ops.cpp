#include "ops/path_ops.h"

#include "ops/cdt_pack.h"

namespace aeroshim {
namespace {

constexpr uint64_t kContextSelect = 0xfe;
// Flag bit telling the server a modify expression follows.
constexpr uint64_t kApplyExp = 4;

}  // namespace

Status select_by_path(as_operations* ops, const char* name, const as_cdt_ctx* ctx, uint64_t flags) {
  if (cdt_ctx_is_empty(const_cast<as_cdt_ctx*>(ctx))) {
    return Status(AEROSPIKE_ERR_PARAM, "Context is empty");
  }
  as_packer pk;
  bool packed = pack_two_pass(&pk, [&](as_packer* p) {
    return as_pack_list_header(p, 3) == 0 && as_pack_uint64(p, kContextSelect) == 0 &&
           cdt_ctx_pack(ctx, p) != 0 && as_pack_uint64(p, flags & ~kApplyExp) == 0;
  });
  if (!packed || !cdt_add_or_free(&pk, ops, name, AS_OPERATOR_CDT_READ)) {
    return Status(AEROSPIKE_ERR_PARAM, "Context didn't add");
  }
  return Status::ok();
}

Status modify_by_path(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
                      const as_exp* mod_exp, uint64_t flags) {
  if (cdt_ctx_is_empty(const_cast<as_cdt_ctx*>(ctx))) {
    return Status(AEROSPIKE_ERR_PARAM, "Context is empty");
  }
  if (mod_exp == nullptr) return Status(AEROSPIKE_ERR_PARAM, "Context packing failed");
  as_packer pk;
  bool packed = pack_two_pass(&pk, [&](as_packer* p) {
    return as_pack_list_header(p, 4) == 0 && as_pack_uint64(p, kContextSelect) == 0 &&
           cdt_ctx_pack(ctx, p) != 0 && as_pack_uint64(p, flags | kApplyExp) == 0 &&
           as_pack_append(p, mod_exp->packed, mod_exp->packed_sz) == 0;
  });
  if (!packed || !cdt_add_or_free(&pk, ops, name, AS_OPERATOR_CDT_MODIFY)) {
    return Status(AEROSPIKE_ERR_PARAM, "Context packing failed");
  }
  return Status::ok();
}

}  // namespace aeroshim
