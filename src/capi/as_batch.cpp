// extern "C" entry points of as_batch.h.
#include "core/error.h"
#include "record/batch_keys.h"

#include <aerospike/as_batch.h>

using namespace aeroshim;

extern "C" {

as_batch* as_batch_new(uint32_t size) {
  return guard_value<as_batch*>(nullptr, {}, [&] { return batch_new(size); });
}

as_batch* as_batch_init(as_batch* batch, uint32_t size) {
  return guard_value<as_batch*>(nullptr, {}, [&] { return batch_init(batch, size); });
}

void as_batch_destroy(as_batch* batch) {
  guard_void({}, [&] { batch_destroy(batch); });
}

}  // extern "C"
