/*
 * as_arraylist: the library's list, a growable array of value pointers.
 * A list built with block_size 0 cannot grow past its capacity (the
 * as_arraylist_inita stack form); otherwise it grows by block_size elements
 * at a time. Its hook table, as_arraylist_list_hooks, is what the generic
 * as_list functions dispatch through.
 */
#pragma once

#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_list.h>
#include <aerospike/as_map.h>
#include <aerospike/as_std.h>
#include <aerospike/as_string.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_arraylist_s {
	as_list _;
	/* Growth step in elements; 0 means fixed capacity. */
	uint32_t block_size;
	uint32_t capacity;
	uint32_t size;
	as_val** elements;
	/* Whether destroy frees `elements`. */
	bool free;
} as_arraylist;

typedef enum as_arraylist_status_e {
	AS_ARRAYLIST_OK = 0,
	AS_ARRAYLIST_ERR_ALLOC = 1,
	AS_ARRAYLIST_ERR_MAX = 2,
	AS_ARRAYLIST_ERR_INDEX = 3
} as_arraylist_status;

/* An empty fixed-capacity list whose element array lives on the stack. */
#define as_arraylist_inita(__list, __n) \
	as_arraylist_init((__list), 0, 0); \
	(__list)->free = false; \
	(__list)->capacity = (__n); \
	(__list)->size = 0; \
	(__list)->elements = (as_val**)alloca(sizeof(as_val*) * (__n));

AS_EXTERN as_arraylist* as_arraylist_init(as_arraylist* list, uint32_t capacity, uint32_t block_size);
AS_EXTERN as_arraylist* as_arraylist_new(uint32_t capacity, uint32_t block_size);
AS_EXTERN void as_arraylist_destroy(as_arraylist* list);

AS_EXTERN uint32_t as_arraylist_hashcode(const as_arraylist* list);
AS_EXTERN uint32_t as_arraylist_size(const as_arraylist* list);
AS_EXTERN int as_arraylist_concat(as_arraylist* list, const as_arraylist* list2);
AS_EXTERN int as_arraylist_trim(as_arraylist* list, uint32_t index);
AS_EXTERN as_val* as_arraylist_head(const as_arraylist* list);
AS_EXTERN as_arraylist* as_arraylist_tail(const as_arraylist* list);
AS_EXTERN as_arraylist* as_arraylist_drop(const as_arraylist* list, uint32_t n);
AS_EXTERN as_arraylist* as_arraylist_take(const as_arraylist* list, uint32_t n);

/* Getters borrow the element; out of range gives NULL, 0 or 0.0. */
AS_EXTERN as_val* as_arraylist_get(const as_arraylist* list, uint32_t index);
AS_EXTERN int64_t as_arraylist_get_int64(const as_arraylist* list, uint32_t index);
AS_EXTERN double as_arraylist_get_double(const as_arraylist* list, uint32_t index);
AS_EXTERN char* as_arraylist_get_str(const as_arraylist* list, uint32_t index);

static inline as_integer* as_arraylist_get_integer(const as_arraylist* list, uint32_t index)
{
	return as_integer_fromval(as_arraylist_get(list, index));
}

static inline as_double* as_arraylist_get_as_double(const as_arraylist* list, uint32_t index)
{
	return as_double_fromval(as_arraylist_get(list, index));
}

static inline as_string* as_arraylist_get_string(const as_arraylist* list, uint32_t index)
{
	return as_string_fromval(as_arraylist_get(list, index));
}

static inline as_bytes* as_arraylist_get_bytes(const as_arraylist* list, uint32_t index)
{
	return as_bytes_fromval(as_arraylist_get(list, index));
}

static inline as_list* as_arraylist_get_list(const as_arraylist* list, uint32_t index)
{
	return as_list_fromval(as_arraylist_get(list, index));
}

static inline as_map* as_arraylist_get_map(const as_arraylist* list, uint32_t index)
{
	return as_map_fromval(as_arraylist_get(list, index));
}

/* Mutators return an as_arraylist_status; the list takes over the reference. */
AS_EXTERN int as_arraylist_set(as_arraylist* list, uint32_t index, as_val* value);
AS_EXTERN int as_arraylist_set_int64(as_arraylist* list, uint32_t index, int64_t value);
AS_EXTERN int as_arraylist_set_double(as_arraylist* list, uint32_t index, double value);
AS_EXTERN int as_arraylist_set_str(as_arraylist* list, uint32_t index, const char* value);

static inline int as_arraylist_set_integer(as_arraylist* list, uint32_t index, as_integer* value)
{
	return as_arraylist_set(list, index, (as_val*)value);
}

static inline int as_arraylist_set_as_double(as_arraylist* list, uint32_t index, as_double* value)
{
	return as_arraylist_set(list, index, (as_val*)value);
}

static inline int as_arraylist_set_string(as_arraylist* list, uint32_t index, as_string* value)
{
	return as_arraylist_set(list, index, (as_val*)value);
}

static inline int as_arraylist_set_bytes(as_arraylist* list, uint32_t index, as_bytes* value)
{
	return as_arraylist_set(list, index, (as_val*)value);
}

static inline int as_arraylist_set_list(as_arraylist* list, uint32_t index, as_list* value)
{
	return as_arraylist_set(list, index, (as_val*)value);
}

static inline int as_arraylist_set_map(as_arraylist* list, uint32_t index, as_map* value)
{
	return as_arraylist_set(list, index, (as_val*)value);
}

AS_EXTERN int as_arraylist_insert(as_arraylist* list, uint32_t index, as_val* value);
AS_EXTERN int as_arraylist_insert_int64(as_arraylist* list, uint32_t index, int64_t value);
AS_EXTERN int as_arraylist_insert_double(as_arraylist* list, uint32_t index, double value);
AS_EXTERN int as_arraylist_insert_str(as_arraylist* list, uint32_t index, const char* value);

static inline int as_arraylist_insert_integer(as_arraylist* list, uint32_t index, as_integer* value)
{
	return as_arraylist_insert(list, index, (as_val*)value);
}

static inline int as_arraylist_insert_as_double(as_arraylist* list, uint32_t index, as_double* value)
{
	return as_arraylist_insert(list, index, (as_val*)value);
}

static inline int as_arraylist_insert_string(as_arraylist* list, uint32_t index, as_string* value)
{
	return as_arraylist_insert(list, index, (as_val*)value);
}

static inline int as_arraylist_insert_bytes(as_arraylist* list, uint32_t index, as_bytes* value)
{
	return as_arraylist_insert(list, index, (as_val*)value);
}

static inline int as_arraylist_insert_list(as_arraylist* list, uint32_t index, as_list* value)
{
	return as_arraylist_insert(list, index, (as_val*)value);
}

static inline int as_arraylist_insert_map(as_arraylist* list, uint32_t index, as_map* value)
{
	return as_arraylist_insert(list, index, (as_val*)value);
}

AS_EXTERN int as_arraylist_append(as_arraylist* list, as_val* value);
AS_EXTERN int as_arraylist_append_int64(as_arraylist* list, int64_t value);
AS_EXTERN int as_arraylist_append_double(as_arraylist* list, double value);
AS_EXTERN int as_arraylist_append_str(as_arraylist* list, const char* value);

static inline int as_arraylist_append_integer(as_arraylist* list, as_integer* value)
{
	return as_arraylist_append(list, (as_val*)value);
}

static inline int as_arraylist_append_as_double(as_arraylist* list, as_double* value)
{
	return as_arraylist_append(list, (as_val*)value);
}

static inline int as_arraylist_append_string(as_arraylist* list, as_string* value)
{
	return as_arraylist_append(list, (as_val*)value);
}

static inline int as_arraylist_append_bytes(as_arraylist* list, as_bytes* value)
{
	return as_arraylist_append(list, (as_val*)value);
}

static inline int as_arraylist_append_list(as_arraylist* list, as_list* value)
{
	return as_arraylist_append(list, (as_val*)value);
}

static inline int as_arraylist_append_map(as_arraylist* list, as_map* value)
{
	return as_arraylist_append(list, (as_val*)value);
}

AS_EXTERN int as_arraylist_prepend(as_arraylist* list, as_val* value);
AS_EXTERN int as_arraylist_prepend_int64(as_arraylist* list, int64_t value);
AS_EXTERN int as_arraylist_prepend_double(as_arraylist* list, double value);
AS_EXTERN int as_arraylist_prepend_str(as_arraylist* list, const char* value);

static inline int as_arraylist_prepend_integer(as_arraylist* list, as_integer* value)
{
	return as_arraylist_prepend(list, (as_val*)value);
}

static inline int as_arraylist_prepend_as_double(as_arraylist* list, as_double* value)
{
	return as_arraylist_prepend(list, (as_val*)value);
}

static inline int as_arraylist_prepend_string(as_arraylist* list, as_string* value)
{
	return as_arraylist_prepend(list, (as_val*)value);
}

static inline int as_arraylist_prepend_bytes(as_arraylist* list, as_bytes* value)
{
	return as_arraylist_prepend(list, (as_val*)value);
}

static inline int as_arraylist_prepend_list(as_arraylist* list, as_list* value)
{
	return as_arraylist_prepend(list, (as_val*)value);
}

static inline int as_arraylist_prepend_map(as_arraylist* list, as_map* value)
{
	return as_arraylist_prepend(list, (as_val*)value);
}

AS_EXTERN int as_arraylist_remove(as_arraylist* list, uint32_t index);
AS_EXTERN bool as_arraylist_foreach(const as_arraylist* list, as_list_foreach_callback callback, void* udata);

#ifdef __cplusplus
}
#endif
