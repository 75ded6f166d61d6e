#include "record/batch_keys.h"

#include "record/key.h"

#include <aerospike/as_record.h>
#include <aerospike/as_vector.h>

#include <cstdlib>

namespace aeroshim {

as_batch* batch_new(uint32_t size) noexcept {
  auto* batch = static_cast<as_batch*>(std::malloc(sizeof(as_batch) + sizeof(as_key) * size));
  if (!batch) return nullptr;
  batch->_free = true;
  batch->keys._free = false;
  batch->keys.size = size;
  batch->keys.entries = reinterpret_cast<as_key*>(batch + 1);
  return batch;
}

as_batch* batch_init(as_batch* batch, uint32_t size) noexcept {
  if (!batch) return nullptr;
  as_key* entries = nullptr;
  if (size > 0) {
    entries = static_cast<as_key*>(std::malloc(sizeof(as_key) * size));
    if (!entries) return batch;
  }
  batch->_free = false;
  batch->keys._free = true;
  batch->keys.size = size;
  batch->keys.entries = entries;
  return batch;
}

void batch_destroy(as_batch* batch) noexcept {
  if (!batch) return;
  if (batch->keys.entries) {
    for (uint32_t i = 0; i < batch->keys.size; ++i) key_destroy(&batch->keys.entries[i]);
    if (batch->keys._free) std::free(batch->keys.entries);
    batch->keys._free = false;
    batch->keys.size = 0;
    batch->keys.entries = nullptr;
  }
  if (batch->_free) std::free(batch);
}

void batch_records_destroy(as_batch_records* records) noexcept {
  as_vector* list = &records->list;
  for (uint32_t i = 0; i < list->size; ++i) {
    auto* record = static_cast<as_batch_base_record*>(as_vector_get(list, i));
    key_destroy(&record->key);
    as_record_destroy(&record->record);
  }
  as_vector_destroy(list);
}

}  // namespace aeroshim
