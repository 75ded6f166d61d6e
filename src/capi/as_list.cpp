// extern "C" entry points of as_list.h.
#include "core/error.h"
#include "value/list.h"
#include "value/memory.h"

#include <aerospike/as_list.h>

using namespace aeroshim;

extern "C" {

as_list* as_list_cons(as_list* list, bool free, const as_list_hooks* hooks) {
  return guard_value<as_list*>(nullptr, {}, [&] { return list_make(list, free, hooks); });
}

as_list* as_list_init(as_list* list, const as_list_hooks* hooks) {
  return guard_value<as_list*>(nullptr, {}, [&] { return list_make(list, false, hooks); });
}

as_list* as_list_new(const as_list_hooks* hooks) {
  return guard_value<as_list*>(nullptr, {},
                               [&] { return list_make(allocate_struct<as_list>(), true, hooks); });
}

void as_list_val_destroy(as_val* v) {
  guard_void({}, [&] { list_clear(v); });
}

uint32_t as_list_val_hashcode(const as_val* v) {
  return guard_value<uint32_t>(0, {}, [&] { return list_hash(v); });
}

char* as_list_val_tostring(const as_val* v) {
  return guard_value<char*>(nullptr, {}, [&] { return list_text(v); });
}

}  // extern "C"
