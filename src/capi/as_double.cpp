// extern "C" entry points of as_double.h.
#include "core/error.h"
#include "value/memory.h"
#include "value/scalars.h"

#include <aerospike/as_double.h>

using namespace aeroshim;

extern "C" {

as_double* as_double_init(as_double* value_ptr, double value) {
  return guard_value<as_double*>(nullptr, {}, [&] { return double_make(value_ptr, false, value); });
}

as_double* as_double_new(double value) {
  return guard_value<as_double*>(
      nullptr, {}, [&] { return double_make(allocate_struct<as_double>(), true, value); });
}

void as_double_val_destroy(as_val* value) {
  guard_void({}, [&] { double_clear(value); });
}

uint32_t as_double_val_hashcode(const as_val* value) {
  return guard_value<uint32_t>(0, {}, [&] { return double_hash(value); });
}

char* as_double_val_tostring(const as_val* value) {
  return guard_value<char*>(nullptr, {}, [&] { return double_text(value); });
}

}  // extern "C"
