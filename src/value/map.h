// as_map, the abstract map: construction over any hook table, and the
// as_val-level destroy/hash/text that go through those hooks.
#pragma once

#include <aerospike/as_map.h>

#include <cstdint>

namespace aeroshim {

as_map* map_make(as_map* map, bool free, uint32_t flags, const as_map_hooks* hooks) noexcept;
void map_clear(as_val* v) noexcept;
uint32_t map_hash(const as_val* v) noexcept;
// "{k1:v1, k2:v2}" in the map's iteration order; the rendering stops at
// the first key or value without one of its own, as 7.4.0's does.
char* map_text(const as_val* v) noexcept;

}  // namespace aeroshim
