// The order of map keys: the server's value order restricted to the key
// types a map accepts (integer < string < blob bytes, by type tag first),
// integers by value, strings by strcmp, bytes by memcmp then length. This
// is what decides an ordered map's iteration and serialization order.
#pragma once

#include <aerospike/as_val.h>

namespace aeroshim {

// Integers, strings and bytes of particle type BLOB.
bool is_map_key(const as_val* key) noexcept;

// <0, 0 or >0 as a sorts before, with, or after b. Both are map keys.
int compare_keys(const as_val* a, const as_val* b) noexcept;

}  // namespace aeroshim
