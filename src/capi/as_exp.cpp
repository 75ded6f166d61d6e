// extern "C" entry points of as_exp.h.
#include "core/error.h"
#include "ops/exp_compile.h"

#include <citrusleaf/alloc.h>

using namespace aeroshim;

namespace {

// Command field ids of a filter expression and of a secondary-index expression.
constexpr uint8_t kFieldFilter = 43;
constexpr uint8_t kFieldIndexExpression = 24;

}  // namespace

extern "C" {

as_exp* as_exp_compile(as_exp_entry* table, uint32_t n) {
  if (table == nullptr && n != 0) return nullptr;
  return guard_value<as_exp*>(nullptr, {}, [&] { return exp_compile(table, n); });
}

char* as_exp_compile_b64(as_exp* exp) {
  if (exp == nullptr) return nullptr;
  return guard_value<char*>(nullptr, {}, [&] { return exp_to_base64(exp); });
}

void as_exp_destroy_b64(char* b64) { cf_free(b64); }

as_exp* as_exp_from_base64(const char* base64) {
  return guard_value<as_exp*>(nullptr, {{base64, "base64"}},
                              [&] { return exp_from_base64(base64); });
}

void as_exp_destroy(as_exp* exp) { cf_free(exp); }

uint8_t* as_exp_write(as_exp* exp, uint8_t* ptr) {
  return guard_value<uint8_t*>(ptr, {{exp, "exp"}, {ptr, "ptr"}},
                               [&] { return exp_write_field(exp, kFieldFilter, ptr); });
}

uint8_t* as_exp_write_index(as_exp* exp, uint8_t* ptr) {
  return guard_value<uint8_t*>(ptr, {{exp, "exp"}, {ptr, "ptr"}},
                               [&] { return exp_write_field(exp, kFieldIndexExpression, ptr); });
}

int64_t as_exp_get_ctx_type(const as_cdt_ctx* ctx, as_exp_type default_type) {
  return guard_value<int64_t>(AS_EXP_TYPE_ERROR, {},
                              [&] { return exp_ctx_type(ctx, default_type); });
}

int64_t as_exp_get_list_type(as_exp_type default_type, as_list_return_type rtype, bool is_multi) {
  return guard_value<int64_t>(AS_EXP_TYPE_ERROR, {},
                              [&] { return exp_list_type(default_type, rtype, is_multi); });
}

int64_t as_exp_get_map_type(as_exp_type type, as_map_return_type rtype, bool is_multi) {
  return guard_value<int64_t>(AS_EXP_TYPE_ERROR, {},
                              [&] { return exp_map_type(type, rtype, is_multi); });
}

}  // extern "C"
