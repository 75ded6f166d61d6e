// extern "C" entry points of as_vector.h.
#include "core/error.h"
#include "core/vector.h"

using namespace aeroshim;

extern "C" {

void as_vector_init(as_vector* vector, uint32_t item_size, uint32_t capacity) {
  guard_void({}, [&] { vector_init(vector, item_size, capacity); });
}

as_vector* as_vector_create(uint32_t item_size, uint32_t capacity) {
  return guard_value<as_vector*>(nullptr, {}, [&] { return vector_create(item_size, capacity); });
}

void as_vector_destroy(as_vector* vector) {
  guard_void({}, [&] { vector_destroy(vector); });
}

void as_vector_increase_capacity(as_vector* vector) {
  guard_void({}, [&] { vector_increase_capacity(vector); });
}

bool as_vector_append_unique(as_vector* vector, void* value) {
  return guard_value(false, {}, [&] { return vector_append_unique(vector, value); });
}

void* as_vector_to_array(as_vector* vector, uint32_t* size) {
  return guard_value<void*>(nullptr, {}, [&] { return vector_to_array(vector, size); });
}

bool as_vector_remove(as_vector* vector, uint32_t index) {
  return guard_value(false, {}, [&] { return vector_remove(vector, index); });
}

}  // extern "C"
