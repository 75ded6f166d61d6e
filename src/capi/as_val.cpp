// extern "C" entry points of as_val.h.
#include "core/error.h"
#include "value/val.h"

#include <aerospike/as_val.h>

using namespace aeroshim;

extern "C" {

bool as_val_tobool(const as_val* v) {
  return guard_value(false, {}, [&] { return val_truthy(v); });
}

as_val* as_val_val_reserve(as_val* v) {
  return guard_value<as_val*>(v, {}, [&] { return val_reserve(v); });
}

as_val* as_val_val_destroy(as_val* v) {
  return guard_value<as_val*>(v, {}, [&] { return val_release(v); });
}

uint32_t as_val_val_hashcode(const as_val* v) {
  return guard_value<uint32_t>(0, {}, [&] { return val_hash(v); });
}

char* as_val_val_tostring(const as_val* v) {
  return guard_value<char*>(nullptr, {}, [&] { return val_text(v); });
}

}  // extern "C"
