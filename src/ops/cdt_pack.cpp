#include "ops/cdt_pack.h"

#include "ops/binops.h"
#include "record/bin.h"

#include <aerospike/as_bytes.h>
#include <aerospike/as_exp.h>
#include <aerospike/as_nil.h>

namespace aeroshim {
namespace {

// Context-wrapped ops start with this command.
constexpr uint64_t kContextEval = 0xff;

const as_cdt_ctx_item* item_at(const as_cdt_ctx* ctx, uint32_t i) {
  return static_cast<const as_cdt_ctx_item*>(as_vector_get(const_cast<as_vector*>(&ctx->list), i));
}

// One (type, value) pair; type_bits are or-ed into the packed type only.
int pack_item(as_packer* pk, const as_cdt_ctx_item* item, uint32_t type_bits) {
  if (as_pack_uint64(pk, item->type | type_bits) != 0) return -1;
  if ((item->type & ~static_cast<uint32_t>(AS_CDT_CTX_AND)) == AS_CDT_CTX_EXP) {
    const as_exp* exp = item->val.exp;
    return as_pack_append(pk, exp->packed, exp->packed_sz);
  }
  if ((item->type & AS_CDT_CTX_VALUE) != 0) return as_pack_val(pk, item->val.pval);
  return as_pack_int64(pk, item->val.ival);
}

int pack_items(as_packer* pk, const as_cdt_ctx* ctx, uint32_t last_bits) {
  uint32_t n = ctx->list.size;
  if (as_pack_list_header(pk, n * 2) != 0) return -1;
  for (uint32_t i = 0; i < n; i++) {
    if (pack_item(pk, item_at(ctx, i), i + 1 == n ? last_bits : 0) != 0) return -1;
  }
  return 0;
}

int pack_command(as_packer* pk, uint16_t command, uint32_t count) {
  if (as_pack_list_header(pk, count + 1) != 0) return -1;
  return as_pack_uint64(pk, command);
}

int pack_args(as_packer* pk, std::initializer_list<CdtArg> args) {
  for (const CdtArg& arg : args) {
    if (pack_arg(pk, arg) != 0) return -1;
  }
  return 0;
}

}  // namespace

int pack_arg(as_packer* pk, const CdtArg& arg) {
  switch (arg.kind) {
    case CdtArg::Kind::kInt: return as_pack_int64(pk, arg.i);
    case CdtArg::Kind::kUint: return as_pack_uint64(pk, arg.u);
    case CdtArg::Kind::kVal: return as_pack_val(pk, arg.val);
    case CdtArg::Kind::kBytes: return as_pack_bytes(pk, arg.bytes, arg.size);
    case CdtArg::Kind::kBool: return as_pack_bool(pk, arg.u != 0);
  }
  return -1;
}

uint32_t cdt_ctx_pack(const as_cdt_ctx* ctx, as_packer* pk) {
  uint32_t start = pk->offset;
  if (pack_items(pk, ctx, 0) != 0) return 0;
  return pk->offset - start;
}

int cdt_pack_ctx(as_packer* pk, const as_cdt_ctx* ctx) {
  if (as_pack_list_header(pk, 3) != 0 || as_pack_uint64(pk, kContextEval) != 0) return -1;
  return cdt_ctx_pack(ctx, pk) == 0 ? -1 : 0;
}

int cdt_pack_header(as_packer* pk, const as_cdt_ctx* ctx, uint16_t command, uint32_t count) {
  if (ctx != nullptr && cdt_pack_ctx(pk, ctx) != 0) return -1;
  return pack_command(pk, command, count);
}

int cdt_pack_header_flag(as_packer* pk, const as_cdt_ctx* ctx, uint16_t command, uint32_t count,
                         uint32_t flag) {
  if (ctx == nullptr || ctx->list.size == 0) return -1;
  if (as_pack_list_header(pk, 3) != 0 || as_pack_uint64(pk, kContextEval) != 0) return -1;
  if (pack_items(pk, ctx, flag) != 0) return -1;
  return pack_command(pk, command, count);
}

bool cdt_add_packed(as_packer* pk, as_operations* ops, const char* name, as_operator op_type) {
  as_binop* binop = binop_for_append(ops, op_type, name);
  if (binop == nullptr) return false;
  as_bytes* bytes = as_bytes_new_wrap(pk->buffer, pk->offset, true);
  bin_init(&binop->bin, name, reinterpret_cast<as_bin_value*>(bytes));
  return true;
}

bool cdt_add_or_free(as_packer* pk, as_operations* ops, const char* name, as_operator op_type) {
  if (cdt_add_packed(pk, ops, name, op_type)) return true;
  cf_free(pk->buffer);
  return false;
}

bool cdt_op(as_operations* ops, const char* name, const as_cdt_ctx* ctx, as_operator op_type,
            uint16_t command, std::initializer_list<CdtArg> args) {
  as_packer pk;
  auto count = static_cast<uint32_t>(args.size());
  bool packed = pack_two_pass(&pk, [&](as_packer* p) {
    return cdt_pack_header(p, ctx, command, count) == 0 && pack_args(p, args) == 0;
  });
  return packed && cdt_add_or_free(&pk, ops, name, op_type);
}

bool cdt_op_flag(as_operations* ops, const char* name, const as_cdt_ctx* ctx, as_operator op_type,
                 uint16_t command, uint32_t flag, std::initializer_list<CdtArg> args) {
  as_packer pk;
  auto count = static_cast<uint32_t>(args.size());
  bool packed = pack_two_pass(&pk, [&](as_packer* p) {
    return cdt_pack_header_flag(p, ctx, command, count, flag) == 0 && pack_args(p, args) == 0;
  });
  return packed && cdt_add_or_free(&pk, ops, name, op_type);
}

}  // namespace aeroshim

namespace aeroshim {
namespace {

void destroy_values(std::initializer_list<CdtArg> args) {
  for (const CdtArg& arg : args) {
    if (arg.kind == CdtArg::Kind::kVal && arg.val != nullptr) {
      as_val_destroy(const_cast<as_val*>(arg.val));
    }
  }
}

}  // namespace

bool cdt_op_owning(as_operations* ops, const char* name, const as_cdt_ctx* ctx, as_operator op_type,
                   uint16_t command, std::initializer_list<CdtArg> args) {
  as_packer pk;
  auto count = static_cast<uint32_t>(args.size());
  bool packed = pack_two_pass(&pk, [&](as_packer* p) {
    return cdt_pack_header(p, ctx, command, count) == 0 && pack_args(p, args) == 0;
  });
  destroy_values(args);
  return packed && cdt_add_or_free(&pk, ops, name, op_type);
}

bool cdt_range_op(as_operations* ops, const char* name, const as_cdt_ctx* ctx, as_operator op_type,
                  uint16_t command, CdtArg return_type, as_val* begin, as_val* end) {
  const as_val* first = begin != nullptr ? begin : reinterpret_cast<const as_val*>(&as_nil);
  bool added = end != nullptr
                   ? cdt_op(ops, name, ctx, op_type, command,
                            {return_type, CdtArg::value(first), CdtArg::value(end)})
                   : cdt_op(ops, name, ctx, op_type, command, {return_type, CdtArg::value(first)});
  if (begin != nullptr) as_val_destroy(begin);
  if (end != nullptr) as_val_destroy(end);
  return added;
}

}  // namespace aeroshim
