// Encoding values (recursive: the nesting is the caller's own data) and the
// as_val ordering. Decoding, which reads untrusted bytes, is iterative and
// lives in value_decode.cpp.
#include "value/value_codec.h"

#include "value/msgpack_element.h"
#include "value/msgpack_pack.h"

#include <aerospike/as_boolean.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_list.h>
#include <aerospike/as_map.h>
#include <aerospike/as_pair.h>
#include <aerospike/as_string.h>

#include <cstring>

namespace aeroshim::msgpack {
namespace {

// The packer of as_pack_val: it grows into new buffers as it goes.
Packer growing(as_packer* pk) { return Packer(pk, Overflow::kGrow); }

int pack_list(as_packer* pk, const as_list* list) {
  // 7.4.0 writes no flags element for lists.
  int rc = growing(pk).list_header(as_list_size(list));
  if (rc != 0) return rc;
  auto each = [](as_val* v, void* udata) {
    return pack_value(static_cast<as_packer*>(udata), v) == 0;
  };
  return as_list_foreach(list, each, pk) ? 0 : 1;
}

int pack_map(as_packer* pk, const as_map* map) {
  uint32_t count = as_map_size(map);
  Packer p = growing(pk);
  if ((map->flags & AS_PACKED_MAP_FLAG_K_ORDERED) != 0) {
    // The flags ride as an empty ext key with a nil value, counted as a pair.
    int rc = p.map_header(count + 1);
    if (rc == 0) rc = p.ext_header(0, static_cast<uint8_t>(map->flags));
    if (rc == 0) rc = p.nil();
    if (rc != 0) return rc;
  } else if ((map->flags & AS_PACKED_MAP_FLAG_V_ORDERED) != 0 || p.map_header(count) != 0) {
    return -1;  // value order without key order does not exist, or the packer is full
  }
  auto each = [](const as_val* k, const as_val* v, void* udata) {
    auto* packer = static_cast<as_packer*>(udata);
    return pack_value(packer, k) == 0 && pack_value(packer, v) == 0;
  };
  return as_map_foreach(map, each, pk) ? 0 : 1;
}

int pack_pair(as_packer* pk, const as_pair* pair) {
  int rc = growing(pk).list_header(2);
  if (rc == 0) rc = pack_value(pk, pair->_1);
  if (rc == 0) rc = pack_value(pk, pair->_2);
  return rc;
}

int pack_text(as_packer* pk, uint8_t particle, const char* text, size_t length) {
  return growing(pk).typed_blob(particle, reinterpret_cast<const uint8_t*>(text),
                                static_cast<uint32_t>(length), Overflow::kGrow);
}

}  // namespace

int pack_value(as_packer* pk, const as_val* val) {
  if (val == nullptr) return -1;
  Packer p = growing(pk);
  switch (as_val_type(val)) {
    case AS_NIL: return p.nil();
    case AS_BOOLEAN: return p.boolean(reinterpret_cast<const as_boolean*>(val)->value);
    case AS_INTEGER: return p.sint(reinterpret_cast<const as_integer*>(val)->value);
    case AS_DOUBLE: return p.float64(reinterpret_cast<const as_double*>(val)->value);
    case AS_STRING: {
      // as_string_len caches the length in the value, as 7.4.0's encoder lets it.
      auto* s = const_cast<as_string*>(reinterpret_cast<const as_string*>(val));
      return pack_text(pk, kParticleString, s->value, as_string_len(s));
    }
    case AS_GEOJSON: {
      auto* g = const_cast<as_geojson*>(reinterpret_cast<const as_geojson*>(val));
      return pack_text(pk, kParticleGeoJson, g->value, as_geojson_len(g));
    }
    case AS_BYTES: {
      const auto* b = reinterpret_cast<const as_bytes*>(val);
      // The type may be any particle byte, not only an enumerator.
      unsigned int type = 0;
      std::memcpy(&type, &b->type, sizeof type);
      return p.typed_blob(static_cast<uint8_t>(type), b->value, b->size, Overflow::kGrow);
    }
    case AS_LIST: return pack_list(pk, reinterpret_cast<const as_list*>(val));
    case AS_MAP: return pack_map(pk, reinterpret_cast<const as_map*>(val));
    case AS_REC: return 1;  // records have no encoding
    case AS_PAIR: return pack_pair(pk, reinterpret_cast<const as_pair*>(val));
    case AS_CMP_WILDCARD: return p.cmp_wildcard();
    case AS_CMP_INF: return p.cmp_inf();
    default: return -2;
  }
}

}  // namespace aeroshim::msgpack
