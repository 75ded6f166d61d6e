// extern "C" entry points of as_bit_operations.h: each names its op code and
// arguments in wire order; ops/cdt_pack.h packs them.
#include "core/error.h"
#include "ops/cdt_pack.h"

#include <aerospike/as_bit_operations.h>

using namespace aeroshim;

namespace {

// Flag bit of a signed integer in add/subtract/get_int.
constexpr uint64_t kSigned = 1;

// The policy's write flags, packed as 7.4.0 does (signed, 0 without a policy).
CdtArg flags_of(const as_bit_policy* policy) {
  return CdtArg::sint(policy != nullptr ? static_cast<int64_t>(policy->flags) : 0);
}

bool modify(as_operations* ops, const char* name, as_cdt_ctx* ctx, uint16_t command,
            std::initializer_list<CdtArg> args) {
  return guard_value(false, {},
                     [&] { return cdt_op(ops, name, ctx, AS_OPERATOR_BIT_MODIFY, command, args); });
}

bool read(as_operations* ops, const char* name, as_cdt_ctx* ctx, uint16_t command,
          std::initializer_list<CdtArg> args) {
  return guard_value(false, {},
                     [&] { return cdt_op(ops, name, ctx, AS_OPERATOR_BIT_READ, command, args); });
}

}  // namespace

extern "C" {

bool as_bit_write(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy,
                  uint16_t command, int offset, uint32_t size) {
  return modify(ops, name, ctx, command,
                {CdtArg::sint(offset), CdtArg::uint(size), flags_of(policy)});
}

bool as_bit_shift(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy,
                  uint16_t command, int bit_offset, uint32_t bit_size, uint32_t shift) {
  return modify(
      ops, name, ctx, command,
      {CdtArg::sint(bit_offset), CdtArg::uint(bit_size), CdtArg::uint(shift), flags_of(policy)});
}

bool as_bit_math(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy,
                 uint16_t command, int bit_offset, uint32_t bit_size, uint64_t value, bool sign,
                 as_bit_overflow_action action) {
  uint64_t flags = static_cast<uint64_t>(action) | (sign ? kSigned : 0);
  return modify(ops, name, ctx, command,
                {CdtArg::sint(bit_offset), CdtArg::uint(bit_size), CdtArg::uint(value),
                 flags_of(policy), CdtArg::uint(flags)});
}

bool as_bit_byte_math(as_operations* ops, const char* name, as_cdt_ctx* ctx, as_bit_policy* policy,
                      uint16_t command, int bit_offset, uint32_t bit_size, uint32_t value_size,
                      uint8_t* value) {
  return modify(ops, name, ctx, command,
                {CdtArg::sint(bit_offset), CdtArg::uint(bit_size), CdtArg::blob(value, value_size),
                 flags_of(policy)});
}

bool as_bit_read(as_operations* ops, const char* name, as_cdt_ctx* ctx, uint16_t command,
                 int bit_offset, uint32_t bit_size) {
  return read(ops, name, ctx, command, {CdtArg::sint(bit_offset), CdtArg::uint(bit_size)});
}

bool as_bit_scan(as_operations* ops, const char* name, as_cdt_ctx* ctx, uint16_t command,
                 int bit_offset, uint32_t bit_size, bool value) {
  return read(ops, name, ctx, command,
              {CdtArg::sint(bit_offset), CdtArg::uint(bit_size), CdtArg::boolean(value)});
}

bool as_operations_bit_resize(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                              as_bit_policy* policy, uint32_t byte_size,
                              as_bit_resize_flags flags) {
  return modify(ops, name, ctx, AS_BIT_OP_RESIZE,
                {CdtArg::uint(byte_size), flags_of(policy), CdtArg::uint(flags)});
}

bool as_operations_bit_insert(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                              as_bit_policy* policy, int byte_offset, uint32_t value_byte_size,
                              uint8_t* value) {
  return modify(
      ops, name, ctx, AS_BIT_OP_INSERT,
      {CdtArg::sint(byte_offset), CdtArg::blob(value, value_byte_size), flags_of(policy)});
}

bool as_operations_bit_set_int(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                               as_bit_policy* policy, int bit_offset, uint32_t bit_size,
                               int64_t value) {
  return modify(
      ops, name, ctx, AS_BIT_OP_SET_INT,
      {CdtArg::sint(bit_offset), CdtArg::uint(bit_size), CdtArg::sint(value), flags_of(policy)});
}

bool as_operations_bit_get_int(as_operations* ops, const char* name, as_cdt_ctx* ctx,
                               int bit_offset, uint32_t bit_size, bool sign) {
  if (sign) {
    return read(ops, name, ctx, AS_BIT_OP_GET_INT,
                {CdtArg::sint(bit_offset), CdtArg::uint(bit_size), CdtArg::uint(kSigned)});
  }
  return read(ops, name, ctx, AS_BIT_OP_GET_INT,
              {CdtArg::sint(bit_offset), CdtArg::uint(bit_size)});
}

}  // extern "C"
