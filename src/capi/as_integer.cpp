// extern "C" entry points of as_integer.h.
#include "core/error.h"
#include "value/memory.h"
#include "value/scalars.h"

#include <aerospike/as_integer.h>

using namespace aeroshim;

extern "C" {

as_integer* as_integer_init(as_integer* integer, int64_t value) {
  return guard_value<as_integer*>(nullptr, {}, [&] { return integer_make(integer, false, value); });
}

as_integer* as_integer_new(int64_t value) {
  return guard_value<as_integer*>(
      nullptr, {}, [&] { return integer_make(allocate_struct<as_integer>(), true, value); });
}

void as_integer_val_destroy(as_val* v) {
  guard_void({}, [&] { integer_clear(v); });
}

uint32_t as_integer_val_hashcode(const as_val* v) {
  return guard_value<uint32_t>(0, {}, [&] { return integer_hash(v); });
}

char* as_integer_val_tostring(const as_val* v) {
  return guard_value<char*>(nullptr, {}, [&] { return integer_text(v); });
}

}  // extern "C"
