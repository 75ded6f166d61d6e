#include "value/key_order.h"

#include <aerospike/as_bytes.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_string.h>

#include <cstring>

namespace aeroshim {

namespace {

template <typename T>
int three_way(T a, T b) noexcept {
  return a < b ? -1 : (b < a ? 1 : 0);
}

int compare_bytes(const as_bytes* a, const as_bytes* b) noexcept {
  uint32_t common = a->size < b->size ? a->size : b->size;
  int c = common > 0 ? std::memcmp(a->value, b->value, common) : 0;
  return c != 0 ? c : three_way(a->size, b->size);
}

}  // namespace

bool is_map_key(const as_val* key) noexcept {
  switch (as_val_type(key)) {
    case AS_INTEGER:
    case AS_STRING: return true;
    case AS_BYTES: return reinterpret_cast<const as_bytes*>(key)->type == AS_BYTES_BLOB;
    default: return false;
  }
}

int compare_keys(const as_val* a, const as_val* b) noexcept {
  if (a->type != b->type) return three_way(a->type, b->type);
  switch (a->type) {
    case AS_INTEGER:
      return three_way(reinterpret_cast<const as_integer*>(a)->value,
                       reinterpret_cast<const as_integer*>(b)->value);
    case AS_STRING: {
      // A string without characters sorts as the empty string.
      const char* sa = reinterpret_cast<const as_string*>(a)->value;
      const char* sb = reinterpret_cast<const as_string*>(b)->value;
      return std::strcmp(sa != nullptr ? sa : "", sb != nullptr ? sb : "");
    }
    default:
      return compare_bytes(reinterpret_cast<const as_bytes*>(a),
                           reinterpret_cast<const as_bytes*>(b));
  }
}

}  // namespace aeroshim
