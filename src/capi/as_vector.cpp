// extern "C" entry points of as_vector.h.
#include "core/error.h"
#include "core/vector.h"

using namespace aeroshim;

extern "C" {

void as_vector_init(as_vector* vector, uint32_t item_size, uint32_t capacity) {
  guarded_value(0, __func__, [&] { vector_init(vector, item_size, capacity); return 0; });
}

as_vector* as_vector_create(uint32_t item_size, uint32_t capacity) {
  return guarded_value<as_vector*>(nullptr, __func__,
                                   [&] { return vector_create(item_size, capacity); });
}

void as_vector_destroy(as_vector* vector) { vector_destroy(vector); }

void as_vector_increase_capacity(as_vector* vector) {
  guarded_value(0, __func__, [&] { vector_increase_capacity(vector); return 0; });
}

bool as_vector_append_unique(as_vector* vector, void* value) {
  return guarded_value(false, __func__, [&] { return vector_append_unique(vector, value); });
}

void* as_vector_to_array(as_vector* vector, uint32_t* size) {
  return guarded_value<void*>(nullptr, __func__, [&] { return vector_to_array(vector, size); });
}

bool as_vector_remove(as_vector* vector, uint32_t index) { return vector_remove(vector, index); }

}  // extern "C"
