// as_val_cmp: the server's order over decoded values, as 7.4.0 computes it
// (type number first; maps by size, then by their keys in iteration order,
// values not consulted; a wildcard inside a list settles it as equal).
#include "value/value_codec.h"

#include <aerospike/as_boolean.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_list.h>
#include <aerospike/as_map.h>
#include <aerospike/as_orderedmap.h>
#include <aerospike/as_pair.h>
#include <aerospike/as_string.h>

#include <cstring>

namespace aeroshim::msgpack {
namespace {

template <typename T>
msgpack_compare_t order(T x, T y) {
  if (x < y) return MSGPACK_COMPARE_LESS;
  if (y < x) return MSGPACK_COMPARE_GREATER;
  return MSGPACK_COMPARE_EQUAL;
}

// A string value without text (7.4.0 would crash on it) sorts as empty.
msgpack_compare_t compare_text(const char* x, const char* y) {
  return order(std::strcmp(x != nullptr ? x : "", y != nullptr ? y : ""), 0);
}

msgpack_compare_t compare_bytes(const as_bytes* x, const as_bytes* y) {
  uint32_t shorter = x->size < y->size ? x->size : y->size;
  int c = shorter == 0 ? 0 : std::memcmp(x->value, y->value, shorter);
  if (c != 0) return order(c, 0);
  return order(x->size, y->size);
}

msgpack_compare_t compare_lists(const as_list* x, const as_list* y) {
  uint32_t nx = as_list_size(x);
  uint32_t ny = as_list_size(y);
  for (uint32_t i = 0; i < nx && i < ny; i++) {
    const as_val* a = as_list_get(x, i);
    const as_val* b = as_list_get(y, i);
    if (as_val_type(a) == AS_CMP_WILDCARD || as_val_type(b) == AS_CMP_WILDCARD) {
      return MSGPACK_COMPARE_EQUAL;
    }
    msgpack_compare_t c = compare_values(a, b);
    if (c != MSGPACK_COMPARE_EQUAL) return c;
  }
  return order(nx, ny);
}

msgpack_compare_t compare_maps(const as_map* x, const as_map* y) {
  uint32_t nx = as_map_size(x);
  uint32_t ny = as_map_size(y);
  if (nx != ny) return order(nx, ny);
  // 7.4.0 walks both as ordered maps, the one map type it decodes into.
  as_orderedmap_iterator ix;
  as_orderedmap_iterator iy;
  as_orderedmap_iterator_init(&ix, reinterpret_cast<const as_orderedmap*>(x));
  as_orderedmap_iterator_init(&iy, reinterpret_cast<const as_orderedmap*>(y));
  for (uint32_t i = 0; i < nx; i++) {
    const auto* px = reinterpret_cast<const as_pair*>(as_orderedmap_iterator_next(&ix));
    const auto* py = reinterpret_cast<const as_pair*>(as_orderedmap_iterator_next(&iy));
    msgpack_compare_t c = compare_values(px->_1, py->_1);
    if (c != MSGPACK_COMPARE_EQUAL) return c;
  }
  return MSGPACK_COMPARE_EQUAL;
}

}  // namespace

msgpack_compare_t compare_values(const as_val* v1, const as_val* v2) {
  as_val_t t1 = as_val_type(v1);
  as_val_t t2 = as_val_type(v2);
  if (t1 != t2) return order(t1, t2);
  switch (t1) {
    case AS_NIL:
    case AS_CMP_WILDCARD: return MSGPACK_COMPARE_EQUAL;
    case AS_BOOLEAN:
      return order(reinterpret_cast<const as_boolean*>(v1)->value,
                   reinterpret_cast<const as_boolean*>(v2)->value);
    case AS_INTEGER:
      return order(reinterpret_cast<const as_integer*>(v1)->value,
                   reinterpret_cast<const as_integer*>(v2)->value);
    case AS_DOUBLE:
      return order(reinterpret_cast<const as_double*>(v1)->value,
                   reinterpret_cast<const as_double*>(v2)->value);
    case AS_STRING:
      return compare_text(reinterpret_cast<const as_string*>(v1)->value,
                          reinterpret_cast<const as_string*>(v2)->value);
    case AS_GEOJSON:
      return compare_text(reinterpret_cast<const as_geojson*>(v1)->value,
                          reinterpret_cast<const as_geojson*>(v2)->value);
    case AS_BYTES:
      return compare_bytes(reinterpret_cast<const as_bytes*>(v1),
                           reinterpret_cast<const as_bytes*>(v2));
    case AS_LIST:
      return compare_lists(reinterpret_cast<const as_list*>(v1),
                           reinterpret_cast<const as_list*>(v2));
    case AS_MAP:
      return compare_maps(reinterpret_cast<const as_map*>(v1), reinterpret_cast<const as_map*>(v2));
    default: return MSGPACK_COMPARE_ERROR;
  }
}

}  // namespace aeroshim::msgpack
