/*
 * as_list_iterator: storage big enough for any list's iterator (only the
 * arraylist one exists), what as_list_iterator_init fills in.
 */
#pragma once

#include <aerospike/as_arraylist_iterator.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef union as_list_iterator_u {
	as_arraylist_iterator arraylist;
} as_list_iterator;

#ifdef __cplusplus
}
#endif
