// extern "C" entry points of as_cdt_ctx.h.
#include "core/error.h"
#include "ops/cdt_ctx.h"

#include <citrusleaf/cf_b64.h>

using namespace aeroshim;

extern "C" {

void as_cdt_ctx_destroy(as_cdt_ctx* ctx) {
  guard_void({{ctx, "ctx"}}, [&] { ctx_destroy(ctx); });
}

void as_cdt_ctx_add_all_children(as_cdt_ctx* ctx) {
  guard_void({{ctx, "ctx"}}, [&] { ctx_add_exp(ctx, AS_CDT_CTX_EXP, nullptr); });
}

void as_cdt_ctx_add_all_children_with_filter(as_cdt_ctx* ctx, const as_exp* exp) {
  guard_void({{ctx, "ctx"}, {exp, "exp"}}, [&] { ctx_add_exp(ctx, AS_CDT_CTX_EXP, exp); });
}

void as_cdt_ctx_add_and_filter(as_cdt_ctx* ctx, const as_exp* exp) {
  guard_void({{ctx, "ctx"}, {exp, "exp"}},
             [&] { ctx_add_exp(ctx, AS_CDT_CTX_AND | AS_CDT_CTX_EXP, exp); });
}

uint32_t as_cdt_ctx_byte_capacity(const as_cdt_ctx* ctx) {
  return guard_value<uint32_t>(0, {{ctx, "ctx"}}, [&] { return ctx_packed_size(ctx); });
}

uint32_t as_cdt_ctx_to_bytes(const as_cdt_ctx* ctx, uint8_t* bytes, uint32_t capacity) {
  return guard_value<uint32_t>(0, {{ctx, "ctx"}},
                               [&] { return ctx_to_bytes(ctx, bytes, capacity); });
}

bool as_cdt_ctx_from_bytes(as_cdt_ctx* ctx, const uint8_t* bytes, uint32_t size) {
  return guard_value(false, {{ctx, "ctx"}, {bytes, "bytes"}}, [&] {
    as_unpacker pk{};
    pk.buffer = bytes;
    pk.length = size;
    return ctx_from_unpacker(ctx, &pk);
  });
}

uint32_t as_cdt_ctx_base64_capacity(const as_cdt_ctx* ctx) {
  return guard_value<uint32_t>(0, {{ctx, "ctx"}}, [&]() -> uint32_t {
    uint32_t size = ctx_packed_size(ctx);
    return size == 0 ? 0 : cf_b64_encoded_len(size) + 1;
  });
}

bool as_cdt_ctx_to_base64(const as_cdt_ctx* ctx, char* base64, uint32_t capacity) {
  return guard_value(false, {{ctx, "ctx"}}, [&] { return ctx_to_base64(ctx, base64, capacity); });
}

bool as_cdt_ctx_from_base64(as_cdt_ctx* ctx, const char* base64) {
  return guard_value(false, {{ctx, "ctx"}, {base64, "base64"}},
                     [&] { return ctx_from_base64(ctx, base64); });
}

}  // extern "C"
