#include "value/orderedmap.h"

#include "value/key_order.h"
#include "value/map.h"
#include "value/memory.h"
#include "value/val.h"

#include <aerospike/as_nil.h>

#include <cstring>

namespace aeroshim {

namespace {

// Held entries before a merge is forced (7.4.0's size of the hold area),
// and how close to the table's end an insert goes straight in.
constexpr uint32_t kHoldCapacity = 1000;

struct Position {
  bool found;
  uint32_t index;  // the match, or where the key would go
};

// Binary search; with probe_last the last entry is tried first, which
// makes ascending inserts (the common way maps are built) one comparison.
Position find_key(const map_entry* table, uint32_t count, const as_val* key,
                  bool probe_last) noexcept {
  int64_t low = 0;
  int64_t high = static_cast<int64_t>(count) - 1;
  while (low <= high) {
    int64_t mid = probe_last ? high : (low + high) / 2;
    probe_last = false;
    int c = compare_keys(key, table[mid].key);
    if (c == 0) return {true, static_cast<uint32_t>(mid)};
    if (c > 0) {
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return {false, static_cast<uint32_t>(low)};
}

void replace_entry(map_entry* entry, as_val* key, as_val* value) noexcept {
  val_release(entry->key);
  val_release(entry->value);
  entry->key = key;
  entry->value = value;
}

// Direct insert into the sorted table at index, doubling it when full.
int insert_in_table(as_orderedmap* map, uint32_t index, as_val* key, as_val* value) noexcept {
  if (map->count == map->capacity) {
    uint64_t capacity = static_cast<uint64_t>(map->capacity) * 2;
    if (capacity > UINT32_MAX) return -1;
    auto* table = static_cast<map_entry*>(std::realloc(map->table, sizeof(map_entry) * capacity));
    if (table == nullptr) return -1;
    map->table = table;
    map->capacity = static_cast<uint32_t>(capacity);
  }
  std::memmove(map->table + index + 1, map->table + index,
               sizeof(map_entry) * (map->count - index));
  map->table[index] = {key, value};
  map->count++;
  return 0;
}

// Insert into the hold area; `location` is the key's table position.
int insert_in_hold(as_orderedmap* map, uint32_t location, as_val* key, as_val* value) noexcept {
  if (map->hold_table == nullptr) {
    map->hold_table = static_cast<map_entry*>(std::malloc(sizeof(map_entry) * kHoldCapacity));
    map->hold_locations = static_cast<uint32_t*>(std::malloc(sizeof(uint32_t) * kHoldCapacity));
    if (map->hold_table == nullptr || map->hold_locations == nullptr) {
      std::free(map->hold_table);
      std::free(map->hold_locations);
      map->hold_table = nullptr;
      map->hold_locations = nullptr;
      return -1;
    }
  }
  Position at = find_key(map->hold_table, map->hold_count, key, false);
  if (at.found) {
    replace_entry(&map->hold_table[at.index], key, value);
    return 0;
  }
  uint32_t tail = map->hold_count - at.index;
  std::memmove(map->hold_table + at.index + 1, map->hold_table + at.index,
               sizeof(map_entry) * tail);
  std::memmove(map->hold_locations + at.index + 1, map->hold_locations + at.index,
               sizeof(uint32_t) * tail);
  map->hold_table[at.index] = {key, value};
  map->hold_locations[at.index] = location;
  map->hold_count++;
  if (map->hold_count == kHoldCapacity) orderedmap_merge(map);
  return 0;
}

void release_entries(map_entry* entries, uint32_t count) noexcept {
  for (uint32_t i = 0; i < count; ++i) {
    val_release(entries[i].key);
    val_release(entries[i].value);
  }
}

}  // namespace

// Room for at least `capacity` entries, rounded to a multiple of 8 above it.
as_orderedmap* orderedmap_make(as_orderedmap* map, bool free, uint32_t capacity) noexcept {
  if (map == nullptr) return nullptr;
  map_make(&map->_, free, 1, &kOrderedMapHooks);
  map->count = 0;
  map->capacity =
      static_cast<uint32_t>(((static_cast<uint64_t>(capacity) + 8) / 8) * 8 & UINT32_MAX);
  if (map->capacity == 0) map->capacity = 8;
  map->hold_count = 0;
  map->hold_table = nullptr;
  map->hold_locations = nullptr;
  map->table = static_cast<map_entry*>(std::malloc(sizeof(map_entry) * map->capacity));
  return map->table != nullptr ? map : nullptr;
}

as_orderedmap* orderedmap_new(uint32_t capacity) noexcept {
  auto* map = allocate_struct<as_orderedmap>();
  if (map == nullptr) return nullptr;
  if (orderedmap_make(map, true, capacity) == nullptr) {
    std::free(map);
    return nullptr;
  }
  return map;
}

bool orderedmap_release(as_orderedmap* map) noexcept {
  if (map == nullptr) return false;
  orderedmap_clear(map);
  std::free(map->table);
  std::free(map->hold_table);
  std::free(map->hold_locations);
  map->table = nullptr;
  map->hold_table = nullptr;
  map->hold_locations = nullptr;
  map->capacity = 0;
  return true;
}

uint32_t orderedmap_size(const as_orderedmap* map) noexcept {
  return map != nullptr ? map->count + map->hold_count : 0;
}

as_val* orderedmap_get(const as_orderedmap* map, const as_val* key) noexcept {
  if (map == nullptr || !is_map_key(key)) return nullptr;
  Position at = find_key(map->table, map->count, key, false);
  if (at.found) return map->table[at.index].value;
  at = find_key(map->hold_table, map->hold_count, key, false);
  return at.found ? map->hold_table[at.index].value : nullptr;
}

int orderedmap_set(as_orderedmap* map, const as_val* key, const as_val* val) noexcept {
  if (map == nullptr || map->table == nullptr || !is_map_key(key)) return -1;
  auto* owned_key = const_cast<as_val*>(key);
  auto* owned_value = const_cast<as_val*>(val != nullptr ? val : &as_nil);
  Position at = find_key(map->table, map->count, key, true);
  if (at.found) {
    replace_entry(&map->table[at.index], owned_key, owned_value);
    return 0;
  }
  if (static_cast<uint64_t>(at.index) + kHoldCapacity > map->count) {
    return insert_in_table(map, at.index, owned_key, owned_value);
  }
  return insert_in_hold(map, at.index, owned_key, owned_value);
}

int orderedmap_clear(as_orderedmap* map) noexcept {
  if (map == nullptr) return -1;
  release_entries(map->table, map->count);
  map->count = 0;
  release_entries(map->hold_table, map->hold_count);
  map->hold_count = 0;
  return 0;
}

// Removing a key that is not there is still a success.
int orderedmap_remove(as_orderedmap* map, const as_val* key) noexcept {
  if (map == nullptr || !is_map_key(key) || !orderedmap_merge(map)) return -1;
  Position at = find_key(map->table, map->count, key, false);
  if (at.found) {
    val_release(map->table[at.index].key);
    val_release(map->table[at.index].value);
    std::memmove(map->table + at.index, map->table + at.index + 1,
                 sizeof(map_entry) * (map->count - at.index - 1));
    map->count--;
  }
  return 0;
}

bool orderedmap_foreach(const as_orderedmap* map, as_map_foreach_callback callback,
                        void* udata) noexcept {
  auto* mutable_map = const_cast<as_orderedmap*>(map);
  if (map == nullptr || callback == nullptr || !orderedmap_merge(mutable_map)) return false;
  for (uint32_t i = 0; i < map->count; ++i) {
    if (!callback(map->table[i].key, map->table[i].value, udata)) return false;
  }
  return true;
}

// Each held entry goes in front of the table entry at its location; the
// locations are non-decreasing because the hold is sorted like the table.
bool orderedmap_merge(as_orderedmap* map) noexcept {
  if (map == nullptr || map->hold_count == 0) return true;
  uint32_t capacity = map->count + map->hold_count;
  if (capacity < map->capacity) capacity = map->capacity;
  auto* merged = static_cast<map_entry*>(std::malloc(sizeof(map_entry) * capacity));
  if (merged == nullptr) return false;
  uint32_t from = 0;
  uint32_t to = 0;
  for (uint32_t h = 0; h < map->hold_count; ++h) {
    uint32_t run = map->hold_locations[h] - from;
    std::memcpy(merged + to, map->table + from, sizeof(map_entry) * run);
    from += run;
    to += run;
    merged[to++] = map->hold_table[h];
  }
  std::memcpy(merged + to, map->table + from, sizeof(map_entry) * (map->count - from));
  std::free(map->table);
  map->table = merged;
  map->count += map->hold_count;
  map->capacity = capacity;
  map->hold_count = 0;
  return true;
}

}  // namespace aeroshim
