/*
 * as_vector: the growable array the 7.4.0 API uses for hosts, rack ids and
 * metric labels. flags bit 0: the item buffer is heap-owned; bit 1: the
 * struct itself is heap-owned.
 */
#pragma once

#include <aerospike/as_std.h>

#include <alloca.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_vector_s {
	void* list;
	uint32_t capacity;
	uint32_t size;
	uint32_t item_size;
	uint32_t flags;
} as_vector;

#define as_vector_inita(__vector, __item_size, __capacity) \
	(__vector)->list = alloca((__capacity) * (__item_size)); \
	(__vector)->capacity = __capacity; \
	(__vector)->item_size = __item_size; \
	(__vector)->size = 0; \
	(__vector)->flags = 0;

AS_EXTERN void as_vector_init(as_vector* vector, uint32_t item_size, uint32_t capacity);
AS_EXTERN as_vector* as_vector_create(uint32_t item_size, uint32_t capacity);
AS_EXTERN void as_vector_destroy(as_vector* vector);
AS_EXTERN void as_vector_increase_capacity(as_vector* vector);
AS_EXTERN bool as_vector_append_unique(as_vector* vector, void* value);
AS_EXTERN void* as_vector_to_array(as_vector* vector, uint32_t* size);
AS_EXTERN bool as_vector_remove(as_vector* vector, uint32_t index);

static inline void as_vector_clear(as_vector* vector)
{
	vector->size = 0;
}

static inline void* as_vector_get(as_vector* vector, uint32_t index)
{
	return (void*)((uint8_t*)vector->list + (size_t)vector->item_size * index);
}

static inline void* as_vector_get_ptr(as_vector* vector, uint32_t index)
{
	return *(void**)((uint8_t*)vector->list + (size_t)vector->item_size * index);
}

static inline void as_vector_set(as_vector* vector, uint32_t index, void* value)
{
	memcpy((uint8_t*)vector->list + (size_t)vector->item_size * index, value, vector->item_size);
}

static inline void as_vector_append(as_vector* vector, void* value)
{
	if (vector->size >= vector->capacity) {
		as_vector_increase_capacity(vector);
	}
	memcpy((uint8_t*)vector->list + (size_t)vector->item_size * vector->size, value,
		vector->item_size);
	vector->size++;
}

static inline void* as_vector_reserve(as_vector* vector)
{
	if (vector->size >= vector->capacity) {
		as_vector_increase_capacity(vector);
	}
	void* item = (uint8_t*)vector->list + (size_t)vector->item_size * vector->size;
	memset(item, 0, vector->item_size);
	vector->size++;
	return item;
}

#ifdef __cplusplus
}
#endif
