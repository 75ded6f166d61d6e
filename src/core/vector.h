// as_vector operations: the growable C array of the 7.4.0 API.
#pragma once

#include <aerospike/as_vector.h>

namespace aeroshim {

void vector_init(as_vector* vector, uint32_t item_size, uint32_t capacity);
as_vector* vector_create(uint32_t item_size, uint32_t capacity);
void vector_destroy(as_vector* vector);
void vector_increase_capacity(as_vector* vector);
bool vector_append_unique(as_vector* vector, const void* value);
void* vector_to_array(as_vector* vector, uint32_t* size);
bool vector_remove(as_vector* vector, uint32_t index);

}  // namespace aeroshim
