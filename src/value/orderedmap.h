// as_orderedmap: the library's map (and, since 7.x, as_hashmap). Entries
// live in `table` sorted by key (key_order.h). An insert far from the end
// of a large table would shift most of it, so it waits instead in the hold
// area, itself sorted, with the table position it belongs at; the hold is
// merged into the table before anything walks the map in order (iteration,
// foreach, remove) and whenever it fills. Lookups search both.
#pragma once

#include <aerospike/as_orderedmap.h>

#include <cstdint>

namespace aeroshim {

// The hook table of every ordered map (not exported by 7.4.0).
extern const as_map_hooks kOrderedMapHooks;

as_orderedmap* orderedmap_make(as_orderedmap* map, bool free, uint32_t capacity) noexcept;
as_orderedmap* orderedmap_new(uint32_t capacity) noexcept;
bool orderedmap_release(as_orderedmap* map) noexcept;

uint32_t orderedmap_size(const as_orderedmap* map) noexcept;
as_val* orderedmap_get(const as_orderedmap* map, const as_val* key) noexcept;
// 0 on success, -1 for a missing map, a key of another type, no memory.
// The map takes over key and val (a null val stores nil); a key already
// present has its old key and value released.
int orderedmap_set(as_orderedmap* map, const as_val* key, const as_val* val) noexcept;
int orderedmap_clear(as_orderedmap* map) noexcept;
int orderedmap_remove(as_orderedmap* map, const as_val* key) noexcept;
bool orderedmap_foreach(const as_orderedmap* map, as_map_foreach_callback callback,
                        void* udata) noexcept;

// Moves held entries into the table; false when out of memory.
bool orderedmap_merge(as_orderedmap* map) noexcept;

as_orderedmap_iterator* orderedmap_iterator_make(as_orderedmap_iterator* it, bool free,
                                                 const as_orderedmap* map) noexcept;
as_orderedmap_iterator* orderedmap_iterator_new(const as_orderedmap* map) noexcept;
bool orderedmap_iterator_release(as_orderedmap_iterator* it) noexcept;
bool orderedmap_iterator_has_next(const as_orderedmap_iterator* it) noexcept;
// The next entry as the iterator's own pair, borrowing key and value.
const as_val* orderedmap_iterator_next(as_orderedmap_iterator* it) noexcept;

}  // namespace aeroshim
