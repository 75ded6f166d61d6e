/*
 * as_orderedmap: the library's map, entries kept sorted by key in the value
 * order the server uses, so iteration and serialization follow key order.
 * Fresh inserts may wait in the hold area (hold_table, with the sorted
 * positions they go to in hold_locations) until the map next needs its
 * table in order.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_map.h>
#include <aerospike/as_pair.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct map_entry_s {
	as_val* key;
	as_val* value;
} map_entry;

typedef struct as_orderedmap_s {
	as_map _;
	/* Entries in `table`, and its room. */
	uint32_t count;
	uint32_t capacity;
	map_entry* table;
	uint32_t hold_count;
	map_entry* hold_table;
	uint32_t* hold_locations;
} as_orderedmap;

typedef struct as_orderedmap_iterator_s {
	as_iterator _;
	const as_orderedmap* map;
	/* Index of the next entry. */
	uint32_t ix;
	/* What next() returns: borrows the entry's key and value. */
	as_pair pair;
} as_orderedmap_iterator;

AS_EXTERN as_orderedmap* as_orderedmap_init(as_orderedmap* map, uint32_t capacity);
AS_EXTERN as_orderedmap* as_orderedmap_new(uint32_t capacity);
AS_EXTERN void as_orderedmap_destroy(as_orderedmap* map);

AS_EXTERN uint32_t as_orderedmap_size(const as_orderedmap* map);
AS_EXTERN as_val* as_orderedmap_get(const as_orderedmap* map, const as_val* key);
AS_EXTERN int as_orderedmap_set(as_orderedmap* map, const as_val* key, const as_val* val);
AS_EXTERN int as_orderedmap_clear(as_orderedmap* map);
AS_EXTERN int as_orderedmap_remove(as_orderedmap* map, const as_val* key);

/* Keeps only the map-order bits; any order bit set also sets bit 0 (the
 * "ordered" bit the server wants). */
static inline void as_orderedmap_set_flags(as_orderedmap* map, uint32_t flags)
{
	map->_.flags = flags & AS_MAP_FLAGS_MASK;
	if (map->_.flags != 0) {
		map->_.flags |= 1;
	}
}

AS_EXTERN bool as_orderedmap_foreach(const as_orderedmap* map, as_map_foreach_callback callback, void* udata);

AS_EXTERN as_orderedmap_iterator* as_orderedmap_iterator_init(as_orderedmap_iterator* it, const as_orderedmap* map);
AS_EXTERN as_orderedmap_iterator* as_orderedmap_iterator_new(const as_orderedmap* map);
AS_EXTERN void as_orderedmap_iterator_destroy(as_orderedmap_iterator* it);
AS_EXTERN bool as_orderedmap_iterator_has_next(const as_orderedmap_iterator* it);
AS_EXTERN const as_val* as_orderedmap_iterator_next(as_orderedmap_iterator* it);

#ifdef __cplusplus
}
#endif
