/*
 * as_hashmap: the old name of the library's map. Since 7.x it is the ordered
 * map with no key order flags (an "unordered" map to the server), so most
 * names are plain aliases and only init/new add the flag reset.
 */
#pragma once

#include <aerospike/as_map.h>
#include <aerospike/as_orderedmap.h>
#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

#define as_hashmap as_orderedmap

static inline as_hashmap* as_hashmap_init(as_hashmap* map, uint32_t capacity)
{
	map = as_orderedmap_init(map, capacity);
	if (map) {
		as_orderedmap_set_flags(map, 0);
	}
	return map;
}

static inline as_hashmap* as_hashmap_new(uint32_t capacity)
{
	as_orderedmap* map = as_orderedmap_new(capacity);
	if (map) {
		as_orderedmap_set_flags(map, 0);
	}
	return map;
}

#define as_hashmap_destroy as_orderedmap_destroy
#define as_hashmap_size as_orderedmap_size

/* A constant, as in 7.4.0. */
static inline uint32_t as_hashmap_hashcode(const as_hashmap* map)
{
	(void)map;
	return 1;
}

#define as_hashmap_get as_orderedmap_get
#define as_hashmap_set as_orderedmap_set
#define as_hashmap_clear as_orderedmap_clear
#define as_hashmap_remove as_orderedmap_remove
#define as_hashmap_set_flags as_orderedmap_set_flags
#define as_hashmap_foreach as_orderedmap_foreach

#ifdef __cplusplus
}
#endif
