// as_val's entry points: reference counting and the dispatch of destroy,
// hash and text by type tag, with 7.4.0's per-type rules (nil, booleans and
// the comparison sentinels are never counted; a count of 0 marks a constant
// that destroy leaves alone).
#pragma once

#include <aerospike/as_val.h>

#include <cstdint>

namespace aeroshim {

as_val* val_reserve(as_val* v) noexcept;

// Drops one reference; at zero runs the type's teardown and frees a heap
// struct. The value while references remain, nullptr once torn down.
as_val* val_release(as_val* v) noexcept;

uint32_t val_hash(const as_val* v) noexcept;

// New malloc'd text, or nullptr for types without a rendering.
char* val_text(const as_val* v) noexcept;

// A true boolean or a non-zero integer; everything else is false.
bool val_truthy(const as_val* v) noexcept;

}  // namespace aeroshim
