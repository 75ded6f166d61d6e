/*
 * as_arraylist_iterator: walks an as_arraylist front to back; the elements
 * it returns stay owned by the list.
 */
#pragma once

#include <aerospike/as_arraylist.h>
#include <aerospike/as_iterator.h>
#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_arraylist_iterator_s {
	as_iterator _;
	const as_arraylist* list;
	/* Index of the next element. */
	uint32_t pos;
} as_arraylist_iterator;

AS_EXTERN as_arraylist_iterator* as_arraylist_iterator_init(as_arraylist_iterator* iterator, const as_arraylist* list);
AS_EXTERN as_arraylist_iterator* as_arraylist_iterator_new(const as_arraylist* list);
AS_EXTERN void as_arraylist_iterator_destroy(as_arraylist_iterator* iterator);
AS_EXTERN bool as_arraylist_iterator_has_next(const as_arraylist_iterator* iterator);
AS_EXTERN const as_val* as_arraylist_iterator_next(as_arraylist_iterator* iterator);

#ifdef __cplusplus
}
#endif
