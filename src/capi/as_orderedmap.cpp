// extern "C" entry points of as_orderedmap.h (as_hashmap.h renames them),
// and the two release functions 7.4.0 exports without declaring them (the
// destroy hooks of the map and of its iterator).
#include "core/error.h"
#include "value/iterator.h"
#include "value/orderedmap.h"
#include "value/val.h"

#include <aerospike/as_orderedmap.h>

using namespace aeroshim;

extern "C" {

AS_EXTERN bool as_orderedmap_release(as_orderedmap* map);
AS_EXTERN bool as_orderedmap_iterator_release(as_orderedmap_iterator* it);

as_orderedmap* as_orderedmap_init(as_orderedmap* map, uint32_t capacity) {
  return guard_value<as_orderedmap*>(nullptr, {},
                                     [&] { return orderedmap_make(map, false, capacity); });
}

as_orderedmap* as_orderedmap_new(uint32_t capacity) {
  return guard_value<as_orderedmap*>(nullptr, {}, [&] { return orderedmap_new(capacity); });
}

bool as_orderedmap_release(as_orderedmap* map) {
  return guard_value(false, {}, [&] { return orderedmap_release(map); });
}

void as_orderedmap_destroy(as_orderedmap* map) {
  guard_void({}, [&] { val_release(reinterpret_cast<as_val*>(map)); });
}

uint32_t as_orderedmap_size(const as_orderedmap* map) {
  return guard_value<uint32_t>(0, {}, [&] { return orderedmap_size(map); });
}

as_val* as_orderedmap_get(const as_orderedmap* map, const as_val* key) {
  return guard_value<as_val*>(nullptr, {}, [&] { return orderedmap_get(map, key); });
}

int as_orderedmap_set(as_orderedmap* map, const as_val* key, const as_val* val) {
  return guard_value(-1, {}, [&] { return orderedmap_set(map, key, val); });
}

int as_orderedmap_clear(as_orderedmap* map) {
  return guard_value(-1, {}, [&] { return orderedmap_clear(map); });
}

int as_orderedmap_remove(as_orderedmap* map, const as_val* key) {
  return guard_value(-1, {}, [&] { return orderedmap_remove(map, key); });
}

bool as_orderedmap_foreach(const as_orderedmap* map, as_map_foreach_callback callback,
                           void* udata) {
  return guard_value(false, {}, [&] { return orderedmap_foreach(map, callback, udata); });
}

as_orderedmap_iterator* as_orderedmap_iterator_init(as_orderedmap_iterator* it,
                                                    const as_orderedmap* map) {
  return guard_value<as_orderedmap_iterator*>(
      nullptr, {}, [&] { return orderedmap_iterator_make(it, false, map); });
}

as_orderedmap_iterator* as_orderedmap_iterator_new(const as_orderedmap* map) {
  return guard_value<as_orderedmap_iterator*>(nullptr, {},
                                              [&] { return orderedmap_iterator_new(map); });
}

bool as_orderedmap_iterator_release(as_orderedmap_iterator* it) {
  return guard_value(false, {}, [&] { return orderedmap_iterator_release(it); });
}

void as_orderedmap_iterator_destroy(as_orderedmap_iterator* it) {
  guard_void({}, [&] { iterator_destroy(reinterpret_cast<as_iterator*>(it)); });
}

bool as_orderedmap_iterator_has_next(const as_orderedmap_iterator* it) {
  return guard_value(false, {}, [&] { return orderedmap_iterator_has_next(it); });
}

const as_val* as_orderedmap_iterator_next(as_orderedmap_iterator* it) {
  return guard_value<const as_val*>(nullptr, {}, [&] { return orderedmap_iterator_next(it); });
}

}  // extern "C"
