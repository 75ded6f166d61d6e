// The ordered map's iterator and the two hook tables every ordered map and
// its iterators carry (static in 7.4.0: reached only through the pointers).
#include "value/iterator.h"
#include "value/memory.h"
#include "value/orderedmap.h"
#include "value/pair.h"

#include <aerospike/as_map_iterator.h>

namespace aeroshim {

namespace {

extern const as_iterator_hooks kOrderedMapIteratorHooks;

}  // namespace

// The map is merged first so the walk sees every entry in key order.
as_orderedmap_iterator* orderedmap_iterator_make(as_orderedmap_iterator* it, bool free,
                                                 const as_orderedmap* map) noexcept {
  if (map != nullptr && !orderedmap_merge(const_cast<as_orderedmap*>(map))) return nullptr;
  if (it == nullptr) return nullptr;
  iterator_make(&it->_, free, nullptr, &kOrderedMapIteratorHooks);
  it->ix = 0;
  it->map = map;
  return it;
}

as_orderedmap_iterator* orderedmap_iterator_new(const as_orderedmap* map) noexcept {
  if (map != nullptr && !orderedmap_merge(const_cast<as_orderedmap*>(map))) return nullptr;
  return orderedmap_iterator_make(allocate_struct<as_orderedmap_iterator>(), true, map);
}

bool orderedmap_iterator_release(as_orderedmap_iterator* it) noexcept {
  if (it == nullptr) return false;
  it->map = nullptr;
  it->ix = 0;
  return true;
}

bool orderedmap_iterator_has_next(const as_orderedmap_iterator* it) noexcept {
  return it != nullptr && it->map != nullptr && it->ix < it->map->count;
}

const as_val* orderedmap_iterator_next(as_orderedmap_iterator* it) noexcept {
  if (!orderedmap_iterator_has_next(it)) return nullptr;
  const map_entry& entry = it->map->table[it->ix++];
  pair_make(&it->pair, false, entry.key, entry.value);
  return &it->pair._;
}

namespace {

as_orderedmap* self(as_map* m) { return reinterpret_cast<as_orderedmap*>(m); }
const as_orderedmap* self(const as_map* m) { return reinterpret_cast<const as_orderedmap*>(m); }

bool destroy(as_map* m) { return orderedmap_release(self(m)); }
// Maps hash to 1, whatever they hold (7.4.0).
uint32_t hashcode(const as_map* /*m*/) { return 1; }
uint32_t size(const as_map* m) { return orderedmap_size(self(m)); }
int set(as_map* m, const as_val* k, const as_val* v) { return orderedmap_set(self(m), k, v); }
as_val* get(const as_map* m, const as_val* k) { return orderedmap_get(self(m), k); }
int clear(as_map* m) { return orderedmap_clear(self(m)); }
int remove(as_map* m, const as_val* k) { return orderedmap_remove(self(m), k); }
void set_flags(as_map* m, uint32_t flags) { as_orderedmap_set_flags(self(m), flags); }

bool foreach (const as_map* m, as_map_foreach_callback callback, void* udata) {
  return orderedmap_foreach(self(m), callback, udata);
}

as_map_iterator* iterator_new(const as_map* m) {
  return reinterpret_cast<as_map_iterator*>(orderedmap_iterator_new(self(m)));
}

as_map_iterator* iterator_init(const as_map* m, as_map_iterator* it) {
  auto* iterator = reinterpret_cast<as_orderedmap_iterator*>(it);
  return reinterpret_cast<as_map_iterator*>(orderedmap_iterator_make(iterator, false, self(m)));
}

bool iterator_destroy_hook(as_iterator* i) {
  return orderedmap_iterator_release(reinterpret_cast<as_orderedmap_iterator*>(i));
}

bool iterator_has_next_hook(const as_iterator* i) {
  return orderedmap_iterator_has_next(reinterpret_cast<const as_orderedmap_iterator*>(i));
}

const as_val* iterator_next_hook(as_iterator* i) {
  return orderedmap_iterator_next(reinterpret_cast<as_orderedmap_iterator*>(i));
}

const as_iterator_hooks kOrderedMapIteratorHooks = {
    iterator_destroy_hook,
    iterator_has_next_hook,
    iterator_next_hook,
};

}  // namespace

// Slot order is the as_map_hooks member order (ABI).
const as_map_hooks kOrderedMapHooks = {
    destroy, hashcode,  size,    set,          get,           clear,
    remove,  set_flags, foreach, iterator_new, iterator_init,
};

}  // namespace aeroshim
