// Packing of CDT (list, map, bit, HLL) operations: the two-pass packer every
// builder uses, the op header with an optional context, the context itself,
// and the generic "[command, args...]" encoder behind the C builders.
//
// Wire form of one CDT op (msgpack):
//   without context:  [command, arg...]
//   with context:     [0xff, [type, value, ...], [command, arg...]]
#pragma once

#include <aerospike/as_cdt_ctx.h>
#include <aerospike/as_msgpack.h>
#include <aerospike/as_operations.h>
#include <citrusleaf/alloc.h>

#include <cstdint>
#include <initializer_list>

namespace aeroshim {

// One argument of an op, in wire order.
struct CdtArg {
  enum class Kind : uint8_t { kInt, kUint, kVal, kBytes, kBool };

  static CdtArg sint(int64_t v) noexcept { return {Kind::kInt, v, 0, nullptr, nullptr, 0}; }
  static CdtArg uint(uint64_t v) noexcept { return {Kind::kUint, 0, v, nullptr, nullptr, 0}; }
  static CdtArg value(const as_val* v) noexcept { return {Kind::kVal, 0, 0, v, nullptr, 0}; }
  static CdtArg blob(const uint8_t* b, uint32_t n) noexcept {
    return {Kind::kBytes, 0, 0, nullptr, b, n};
  }
  static CdtArg boolean(bool b) noexcept {
    return {Kind::kBool, 0, b ? 1U : 0U, nullptr, nullptr, 0};
  }

  Kind kind;
  int64_t i;
  uint64_t u;
  const as_val* val;
  const uint8_t* bytes;
  uint32_t size;
};

// Packs one argument; 0 on success as the as_pack_* functions.
int pack_arg(as_packer* pk, const CdtArg& arg);

// Runs fill(pk) on a measuring packer (NULL buffer), then again into a
// cf_malloc'ed buffer of exactly the measured size, which *pk then holds.
// False (and nothing allocated) when a pass reports a packing failure.
template <typename Fill>
bool pack_two_pass(as_packer* pk, Fill&& fill) {
  *pk = as_packer{};
  if (!fill(pk)) return false;
  uint32_t size = pk->offset;
  auto* buffer = static_cast<unsigned char*>(cf_malloc(size == 0 ? 1 : size));
  if (buffer == nullptr) return false;
  *pk = as_packer{};
  pk->buffer = buffer;
  pk->capacity = size;
  if (!fill(pk) || pk->offset != size) {
    cf_free(buffer);
    *pk = as_packer{};
    return false;
  }
  return true;
}

// [ctx items...] as a flat msgpack list of (type, value) pairs; the packed
// size, or 0 on failure (as_cdt_ctx_pack).
uint32_t cdt_ctx_pack(const as_cdt_ctx* ctx, as_packer* pk);

// The op header: the context wrapper when ctx is given, then the op list
// header for count arguments and the command (as_cdt_pack_header).
int cdt_pack_header(as_packer* pk, const as_cdt_ctx* ctx, uint16_t command, uint32_t count);

// The same with flag or-ed into the type of the last context step: how a
// missing nested list or map gets created (as_cdt_pack_header_flag).
int cdt_pack_header_flag(as_packer* pk, const as_cdt_ctx* ctx, uint16_t command, uint32_t count,
                         uint32_t flag);

// [0xff, ctx] header of a context-wrapped op (as_cdt_pack_ctx).
int cdt_pack_ctx(as_packer* pk, const as_cdt_ctx* ctx);

// Appends a binop of type op_type whose value is the packed bytes (as a
// blob the operation list owns). False when the list is full or the name is
// too long; the buffer stays with pk then.
bool cdt_add_packed(as_packer* pk, as_operations* ops, const char* name, as_operator op_type);

// Builds [command, args...] behind ctx and appends it; frees everything on failure.
bool cdt_op(as_operations* ops, const char* name, const as_cdt_ctx* ctx, as_operator op_type,
            uint16_t command, std::initializer_list<CdtArg> args);

// Same with the create flag on the last context step (ctx required).
bool cdt_op_flag(as_operations* ops, const char* name, const as_cdt_ctx* ctx, as_operator op_type,
                 uint16_t command, uint32_t flag, std::initializer_list<CdtArg> args);

// Packs the finished buffer of pk into ops, freeing it when it cannot be added.
bool cdt_add_or_free(as_packer* pk, as_operations* ops, const char* name, as_operator op_type);

}  // namespace aeroshim

namespace aeroshim {

// cdt_op for list and map builders, which own the values they are given:
// 7.4.0 destroys every as_val argument once packed, added or not.
bool cdt_op_owning(as_operations* ops, const char* name, const as_cdt_ctx* ctx, as_operator op_type,
                   uint16_t command, std::initializer_list<CdtArg> args);

// The by-value/by-key interval selectors: [command, rtype, begin, end?] with
// a missing begin meaning nil and a missing end meaning "to the end".
bool cdt_range_op(as_operations* ops, const char* name, const as_cdt_ctx* ctx, as_operator op_type,
                  uint16_t command, CdtArg return_type, as_val* begin, as_val* end);

}  // namespace aeroshim
