/*
 * as_map: the abstract map value. Operations dispatch through the map's
 * hook table (as_orderedmap's in this library); the inline functions call
 * the hooks directly, so the table's member order is ABI. Integer results
 * are 0 on success and 1 when the map or the hook is missing.
 */
#pragma once

#include <aerospike/as_iterator.h>
#include <aerospike/as_std.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The map order bits a map keeps (as_map_order values); see as_orderedmap_set_flags. */
#define AS_MAP_FLAGS_MASK 0x13

union as_map_iterator_u;
struct as_map_hooks_s;

/* Called per entry; returning false stops the walk. */
typedef bool (*as_map_foreach_callback)(const as_val* key, const as_val* value, void* udata);

typedef struct as_map_s {
	as_val _;
	uint32_t flags;
	const struct as_map_hooks_s* hooks;
} as_map;

typedef struct as_map_hooks_s {
	bool (*destroy)(as_map* map);
	uint32_t (*hashcode)(const as_map* map);
	uint32_t (*size)(const as_map* map);
	int (*set)(as_map* map, const as_val* key, const as_val* val);
	as_val* (*get)(const as_map* map, const as_val* key);
	int (*clear)(as_map* map);
	int (*remove)(as_map* map, const as_val* key);
	void (*set_flags)(as_map* map, uint32_t flags);
	bool (*foreach)(const as_map* map, as_map_foreach_callback callback, void* udata);
	union as_map_iterator_u* (*iterator_new)(const as_map* map);
	union as_map_iterator_u* (*iterator_init)(const as_map* map, union as_map_iterator_u* it);
} as_map_hooks;

AS_EXTERN as_map* as_map_cons(as_map* map, bool free, uint32_t flags, const as_map_hooks* hooks);
AS_EXTERN as_map* as_map_init(as_map* map, const as_map_hooks* hooks);
AS_EXTERN as_map* as_map_new(const as_map_hooks* hooks);

static inline void as_map_destroy(as_map* map)
{
	as_val_destroy((as_val*)map);
}

static inline uint32_t as_map_hashcode(const as_map* map)
{
	return as_util_hook(hashcode, 0, map);
}

static inline uint32_t as_map_size(const as_map* map)
{
	return as_util_hook(size, 0, map);
}

/* The value under key, borrowed from the map; NULL when absent. */
static inline as_val* as_map_get(const as_map* map, const as_val* key)
{
	return as_util_hook(get, NULL, map, key);
}

/* The map takes over the caller's reference to key and val. */
static inline int as_map_set(as_map* map, const as_val* key, const as_val* val)
{
	return as_util_hook(set, 1, map, key, val);
}

static inline int as_map_clear(as_map* map)
{
	return as_util_hook(clear, 1, map);
}

static inline int as_map_remove(as_map* map, const as_val* key)
{
	return as_util_hook(remove, 1, map, key);
}

static inline void as_map_set_flags(as_map* map, uint32_t flags)
{
	as_util_hook_ret_void(set_flags, map, flags);
}

static inline bool as_map_foreach(const as_map* map, as_map_foreach_callback callback, void* udata)
{
	return as_util_hook(foreach, false, map, callback, udata);
}

static inline union as_map_iterator_u* as_map_iterator_new(const as_map* map)
{
	return as_util_hook(iterator_new, NULL, map);
}

/* The iterator comes first here; the hook takes the map first. */
static inline union as_map_iterator_u* as_map_iterator_init(union as_map_iterator_u* it, const as_map* map)
{
	return as_util_hook(iterator_init, NULL, map, it);
}

static inline as_val* as_map_toval(const as_map* map)
{
	return (as_val*)map;
}

static inline as_map* as_map_fromval(const as_val* val)
{
	return as_util_fromval(val, AS_MAP, as_map);
}

AS_EXTERN void as_map_val_destroy(as_val* val);
AS_EXTERN uint32_t as_map_val_hashcode(const as_val* val);
AS_EXTERN char* as_map_val_tostring(const as_val* val);

#ifdef __cplusplus
}
#endif
