// extern "C" entry points of as_nil.h (the as_nil constant is defined with
// the other shared constants in value/constants.cpp).
#include "core/error.h"
#include "value/scalars.h"

#include <aerospike/as_nil.h>

using namespace aeroshim;

extern "C" {

// Nil owns nothing.
void as_nil_val_destroy(as_val* /*v*/) {}

uint32_t as_nil_val_hashcode(const as_val* /*v*/) { return 0; }

char* as_nil_val_tostring(const as_val* /*v*/) {
  return guard_value<char*>(nullptr, {}, [&] { return nil_text(); });
}

}  // extern "C"
