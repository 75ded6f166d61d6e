// extern "C" entry points of as_boolean.h.
#include "core/error.h"
#include "value/memory.h"
#include "value/scalars.h"

#include <aerospike/as_boolean.h>

using namespace aeroshim;

extern "C" {

as_boolean* as_boolean_init(as_boolean* boolean, bool value) {
  return guard_value<as_boolean*>(nullptr, {}, [&] { return boolean_make(boolean, false, value); });
}

as_boolean* as_boolean_new(bool value) {
  return guard_value<as_boolean*>(
      nullptr, {}, [&] { return boolean_make(allocate_struct<as_boolean>(), true, value); });
}

void as_boolean_val_destroy(as_val* v) {
  guard_void({}, [&] { boolean_clear(v); });
}

uint32_t as_boolean_val_hashcode(const as_val* v) {
  return guard_value<uint32_t>(0, {}, [&] { return boolean_hash(v); });
}

char* as_boolean_val_tostring(const as_val* v) {
  return guard_value<char*>(nullptr, {}, [&] { return boolean_text(v); });
}

}  // extern "C"
