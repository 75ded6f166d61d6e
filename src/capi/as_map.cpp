// extern "C" entry points of as_map.h.
#include "core/error.h"
#include "value/map.h"
#include "value/memory.h"

#include <aerospike/as_map.h>

using namespace aeroshim;

extern "C" {

as_map* as_map_cons(as_map* map, bool free, uint32_t flags, const as_map_hooks* hooks) {
  return guard_value<as_map*>(nullptr, {}, [&] { return map_make(map, free, flags, hooks); });
}

as_map* as_map_init(as_map* map, const as_map_hooks* hooks) {
  return guard_value<as_map*>(nullptr, {}, [&] { return map_make(map, false, 0, hooks); });
}

as_map* as_map_new(const as_map_hooks* hooks) {
  return guard_value<as_map*>(nullptr, {},
                              [&] { return map_make(allocate_struct<as_map>(), true, 0, hooks); });
}

void as_map_val_destroy(as_val* val) {
  guard_void({}, [&] { map_clear(val); });
}

uint32_t as_map_val_hashcode(const as_val* val) {
  return guard_value<uint32_t>(0, {}, [&] { return map_hash(val); });
}

char* as_map_val_tostring(const as_val* val) {
  return guard_value<char*>(nullptr, {}, [&] { return map_text(val); });
}

}  // extern "C"
