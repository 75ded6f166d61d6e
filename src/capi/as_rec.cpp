// extern "C" entry points of as_rec.h.
#include "core/error.h"
#include "record/rec.h"

#include <aerospike/as_rec.h>

using namespace aeroshim;

extern "C" {

as_rec* as_rec_cons(as_rec* rec, bool free, void* data, const as_rec_hooks* hooks) {
  return rec_cons(rec, free, data, hooks);
}

as_rec* as_rec_init(as_rec* rec, void* data, const as_rec_hooks* hooks) {
  return rec_cons(rec, false, data, hooks);
}

as_rec* as_rec_new(void* data, const as_rec_hooks* hooks) {
  return guard_value<as_rec*>(nullptr, {}, [&] { return rec_new(data, hooks); });
}

void as_rec_val_destroy(as_val* v) { rec_val_destroy(v); }

uint32_t as_rec_val_hashcode(const as_val* v) { return rec_val_hashcode(v); }

char* as_rec_val_tostring(const as_val* v) {
  return guard_value<char*>(nullptr, {}, [&] { return rec_val_tostring(v); });
}

}  // extern "C"
