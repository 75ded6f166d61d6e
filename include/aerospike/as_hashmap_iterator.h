/*
 * as_hashmap_iterator: the ordered map's iterator under its old names.
 */
#pragma once

#include <aerospike/as_hashmap.h>
#include <aerospike/as_iterator.h>
#include <aerospike/as_pair.h>
#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

#define as_hashmap_iterator as_orderedmap_iterator
#define as_hashmap_iterator_init as_orderedmap_iterator_init
#define as_hashmap_iterator_new as_orderedmap_iterator_new
#define as_hashmap_iterator_destroy as_orderedmap_iterator_destroy
#define as_hashmap_iterator_has_next as_orderedmap_iterator_has_next
#define as_hashmap_iterator_next as_orderedmap_iterator_next

#ifdef __cplusplus
}
#endif
