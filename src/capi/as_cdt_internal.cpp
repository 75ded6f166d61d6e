// extern "C" entry points of as_cdt_internal.h.
#include "core/error.h"
#include "ops/cdt_ctx.h"
#include "ops/cdt_pack.h"
#include "ops/unpack_text.h"

#include <aerospike/as_cdt_internal.h>

using namespace aeroshim;

extern "C" {

void as_cdt_pack_header(as_packer* pk, as_cdt_ctx* ctx, uint16_t command, uint32_t count) {
  guard_void({{pk, "pk"}}, [&] { cdt_pack_header(pk, ctx, command, count); });
}

void as_cdt_pack_header_flag(as_packer* pk, as_cdt_ctx* ctx, uint16_t command, uint32_t count,
                             uint32_t flag) {
  guard_void({{pk, "pk"}, {ctx, "ctx"}},
             [&] { cdt_pack_header_flag(pk, ctx, command, count, flag); });
}

void as_cdt_pack_ctx(as_packer* pk, as_cdt_ctx* ctx) {
  guard_void({{pk, "pk"}, {ctx, "ctx"}}, [&] { cdt_pack_ctx(pk, ctx); });
}

uint32_t as_cdt_ctx_pack(const as_cdt_ctx* ctx, as_packer* pk) {
  return guard_value<uint32_t>(0, {{ctx, "ctx"}, {pk, "pk"}},
                               [&] { return cdt_ctx_pack(ctx, pk); });
}

bool as_cdt_add_packed(as_packer* pk, as_operations* ops, const char* name, as_operator op_type) {
  return guard_value(false, {{pk, "pk"}}, [&] { return cdt_add_packed(pk, ops, name, op_type); });
}

bool as_cdt_ctx_from_unpacker(as_cdt_ctx* ctx, as_unpacker* pk) {
  return guard_value(false, {{ctx, "ctx"}, {pk, "pk"}}, [&] { return ctx_from_unpacker(ctx, pk); });
}

bool as_unpack_str_init(as_unpacker* pk, char* str, uint32_t max) {
  return guard_value(false, {{pk, "pk"}, {str, "str"}},
                     [&] { return unpack_text_into(pk, str, max); });
}

bool as_unpack_str_new(as_unpacker* pk, char** str, uint32_t max) {
  return guard_value(false, {{pk, "pk"}, {str, "str"}},
                     [&] { return unpack_text_new(pk, str, max); });
}

bool as_unpack_bytes_init(as_unpacker* pk, uint8_t* b, uint32_t max) {
  return guard_value(false, {{pk, "pk"}, {b, "b"}}, [&] { return unpack_bytes_into(pk, b, max); });
}

bool as_unpack_bytes_new(as_unpacker* pk, uint8_t** bytes, uint32_t* bytes_size, uint32_t max) {
  return guard_value(false, {{pk, "pk"}, {bytes, "bytes"}, {bytes_size, "bytes_size"}},
                     [&] { return unpack_bytes_new(pk, bytes, bytes_size, max); });
}

bool as_val_compare(as_val* v1, as_val* v2) {
  return guard_value(false, {}, [&] { return values_print_equal(v1, v2); });
}

}  // extern "C"
