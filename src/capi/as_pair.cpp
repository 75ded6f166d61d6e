// extern "C" entry points of as_pair.h.
#include "core/error.h"
#include "value/memory.h"
#include "value/pair.h"

#include <aerospike/as_pair.h>

using namespace aeroshim;

extern "C" {

as_pair* as_pair_new(as_val* _1, as_val* _2) {
  return guard_value<as_pair*>(nullptr, {},
                               [&] { return pair_make(allocate_struct<as_pair>(), true, _1, _2); });
}

as_pair* as_pair_init(as_pair* pair, as_val* _1, as_val* _2) {
  return guard_value<as_pair*>(nullptr, {}, [&] { return pair_make(pair, false, _1, _2); });
}

void as_pair_val_destroy(as_val* v) {
  guard_void({}, [&] { pair_clear(v); });
}

// Pairs hash to 0, whatever they hold (7.4.0).
uint32_t as_pair_val_hashcode(const as_val* /*v*/) { return 0; }

char* as_pair_val_tostring(const as_val* v) {
  return guard_value<char*>(nullptr, {}, [&] { return pair_text(v); });
}

}  // extern "C"
