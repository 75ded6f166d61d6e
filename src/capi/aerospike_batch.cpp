// extern "C" entry points of aerospike_batch.h (the batch commands come
// with the batch layer; the records container is here already).
#include "core/error.h"
#include "record/batch_keys.h"

#include <aerospike/aerospike_batch.h>

using namespace aeroshim;

extern "C" {

void as_batch_records_destroy(as_batch_records* records) {
  guard_void({{records, "records"}}, [&] { batch_records_destroy(records); });
}

}  // extern "C"
