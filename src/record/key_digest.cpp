// The record digest: RIPEMD-160 of the set name (no terminator, possibly
// empty), then the key's particle type byte, then the key's bytes. The
// namespace is not part of it. Hashed in pieces, which gives the digest of the
// concatenation without copying the key.
#include "record/key.h"
#include "record/ripemd160.h"

#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_string.h>
#include <citrusleaf/cf_byte_order.h>

#include <cstring>

namespace aeroshim {
namespace {

void hash_scalar(cf_RIPEMD160_CTX* ctx, uint8_t particle, uint64_t bits) {
  uint8_t buf[9];
  buf[0] = particle;
  uint64_t big = cf_swap_to_be64(bits);
  std::memcpy(buf + 1, &big, sizeof(big));
  ripemd160_update(ctx, buf, sizeof(buf));
}

void hash_blob(cf_RIPEMD160_CTX* ctx, uint8_t particle, const void* data, std::size_t size) {
  ripemd160_update(ctx, &particle, 1);
  ripemd160_update(ctx, data, size);
}

// Feeds the key value's part; false for a type that cannot be a key.
bool hash_value(cf_RIPEMD160_CTX* ctx, as_val* value) {
  switch (as_val_type(value)) {
    case AS_INTEGER:
      hash_scalar(ctx, AS_BYTES_INTEGER, static_cast<uint64_t>(as_integer_fromval(value)->value));
      return true;
    case AS_DOUBLE: {
      uint64_t bits = 0;
      std::memcpy(&bits, &as_double_fromval(value)->value, sizeof(bits));
      hash_scalar(ctx, AS_BYTES_DOUBLE, bits);
      return true;
    }
    case AS_STRING: {
      as_string* s = as_string_fromval(value);
      hash_blob(ctx, AS_BYTES_STRING, s->value, as_string_len(s));
      return true;
    }
    case AS_BYTES: {
      // The bytes' own type goes out as the particle type: a blob type
      // (generic, Java, Python, ...) is what the server expects here.
      as_bytes* b = as_bytes_fromval(value);
      hash_blob(ctx, static_cast<uint8_t>(b->type), b->value, b->size);
      return true;
    }
    default: return false;
  }
}

}  // namespace

Status key_set_digest(as_key* key) {
  if (key->digest.init) return Status::ok();
  auto* value = reinterpret_cast<as_val*>(key->valuep);
  cf_RIPEMD160_CTX ctx;
  ripemd160_init(&ctx);
  ripemd160_update(&ctx, key->set, strnlen(key->set, AS_SET_MAX_SIZE));
  if (!hash_value(&ctx, value)) {
    return Status::error(AEROSPIKE_ERR_PARAM, "Invalid key type: {}", int{as_val_type(value)});
  }
  ripemd160_final(&ctx, key->digest.value);
  key->digest.init = true;
  return Status::ok();
}

}  // namespace aeroshim
