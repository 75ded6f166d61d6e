// extern "C" entry points of as_operations.h (and the two append primitives
// 7.4.0 exports from as_operations.c).
#include "core/error.h"
#include "ops/binops.h"
#include "ops/path_ops.h"
#include "record/bin.h"

#include <aerospike/as_bin.h>
#include <citrusleaf/alloc.h>

using namespace aeroshim;

namespace {

// Appends an entry for op and lets init fill its bin.
template <typename Init>
bool add_bin(as_operations* ops, as_operator op, const char* name, Init&& init) {
  return guard_value(false, {}, [&] {
    as_binop* binop = binop_for_append(ops, op, name);
    if (binop == nullptr) return false;
    init(&binop->bin);
    return true;
  });
}

}  // namespace

extern "C" {

as_binop* as_binop_forappend(as_operations* ops, as_operator op, const char* name) {
  return guard_value<as_binop*>(nullptr, {}, [&] { return binop_for_append(ops, op, name); });
}

bool as_binop_append(as_operations* ops, as_operator op) {
  return guard_value(false, {}, [&] { return binop_append(ops, op); });
}

as_operations* as_operations_init(as_operations* ops, uint16_t nops) {
  return guard_value<as_operations*>(nullptr, {{ops, "ops"}},
                                     [&] { return operations_setup(ops, false, nops); });
}

as_operations* as_operations_new(uint16_t nops) {
  return guard_value<as_operations*>(nullptr, {}, [&]() -> as_operations* {
    auto* ops = static_cast<as_operations*>(cf_malloc(sizeof(as_operations)));
    return ops == nullptr ? nullptr : operations_setup(ops, true, nops);
  });
}

void as_operations_destroy(as_operations* ops) {
  if (ops == nullptr) return;
  guard_void({}, [&] { operations_destroy(ops); });
}

bool as_operations_add_write(as_operations* ops, const char* name, as_bin_value* value) {
  return add_bin(ops, AS_OPERATOR_WRITE, name, [&](as_bin* b) { bin_init(b, name, value); });
}

bool as_operations_add_write_bool(as_operations* ops, const char* name, bool value) {
  return add_bin(ops, AS_OPERATOR_WRITE, name, [&](as_bin* b) { bin_init_bool(b, name, value); });
}

bool as_operations_add_write_int64(as_operations* ops, const char* name, int64_t value) {
  return add_bin(ops, AS_OPERATOR_WRITE, name, [&](as_bin* b) { bin_init_int64(b, name, value); });
}

bool as_operations_add_write_double(as_operations* ops, const char* name, double value) {
  return add_bin(ops, AS_OPERATOR_WRITE, name, [&](as_bin* b) { bin_init_double(b, name, value); });
}

bool as_operations_add_write_strp(as_operations* ops, const char* name, const char* value,
                                  bool free) {
  return add_bin(ops, AS_OPERATOR_WRITE, name,
                 [&](as_bin* b) { bin_init_str(b, name, value, free); });
}

bool as_operations_add_write_geojson_strp(as_operations* ops, const char* name, const char* value,
                                          bool free) {
  return add_bin(ops, AS_OPERATOR_WRITE, name,
                 [&](as_bin* b) { bin_init_geojson(b, name, value, free); });
}

bool as_operations_add_write_rawp(as_operations* ops, const char* name, const uint8_t* value,
                                  uint32_t size, bool free) {
  return add_bin(ops, AS_OPERATOR_WRITE, name,
                 [&](as_bin* b) { bin_init_raw(b, name, value, size, free); });
}

bool as_operations_add_read(as_operations* ops, const char* name) {
  return add_bin(ops, AS_OPERATOR_READ, name, [&](as_bin* b) { bin_init_nil(b, name); });
}

bool as_operations_add_read_all(as_operations* ops) {
  return guard_value(false, {}, [&] { return binop_append(ops, AS_OPERATOR_READ); });
}

bool as_operations_add_incr(as_operations* ops, const char* name, int64_t value) {
  return add_bin(ops, AS_OPERATOR_INCR, name, [&](as_bin* b) { bin_init_int64(b, name, value); });
}

bool as_operations_add_incr_double(as_operations* ops, const char* name, double value) {
  return add_bin(ops, AS_OPERATOR_INCR, name, [&](as_bin* b) { bin_init_double(b, name, value); });
}

bool as_operations_add_prepend_strp(as_operations* ops, const char* name, const char* value,
                                    bool free) {
  return add_bin(ops, AS_OPERATOR_PREPEND, name,
                 [&](as_bin* b) { bin_init_str(b, name, value, free); });
}

bool as_operations_add_prepend_rawp(as_operations* ops, const char* name, const uint8_t* value,
                                    uint32_t size, bool free) {
  return add_bin(ops, AS_OPERATOR_PREPEND, name,
                 [&](as_bin* b) { bin_init_raw(b, name, value, size, free); });
}

bool as_operations_add_append_strp(as_operations* ops, const char* name, const char* value,
                                   bool free) {
  return add_bin(ops, AS_OPERATOR_APPEND, name,
                 [&](as_bin* b) { bin_init_str(b, name, value, free); });
}

bool as_operations_add_append_rawp(as_operations* ops, const char* name, const uint8_t* value,
                                   uint32_t size, bool free) {
  return add_bin(ops, AS_OPERATOR_APPEND, name,
                 [&](as_bin* b) { bin_init_raw(b, name, value, size, free); });
}

bool as_operations_add_touch(as_operations* ops) {
  return guard_value(false, {}, [&] { return binop_append(ops, AS_OPERATOR_TOUCH); });
}

bool as_operations_add_delete(as_operations* ops) {
  return guard_value(false, {}, [&] { return binop_append(ops, AS_OPERATOR_DELETE); });
}

as_status as_operations_select_by_path(as_error* err, as_operations* ops, const char* name,
                                       as_cdt_ctx* ctx, as_exp_path_select_flags flags) {
  return guard(err, {}, [&] { return select_by_path(ops, name, ctx, flags); });
}

as_status as_operations_modify_by_path(as_error* err, as_operations* ops, const char* name,
                                       as_cdt_ctx* ctx, as_exp* mod_exp,
                                       as_exp_path_modify_flags flags) {
  return guard(err, {}, [&] { return modify_by_path(ops, name, ctx, mod_exp, flags); });
}

bool as_operations_has_write(const as_operations* ops) {
  return guard_value(false, {}, [&] { return operations_has_write(ops); });
}

bool as_operations_consists_of_all_writes(const as_operations* ops) {
  return guard_value(false, {}, [&] { return operations_all_writes(ops); });
}

}  // extern "C"
