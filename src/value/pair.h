// as_pair: two values held together, each side's reference owned.
#pragma once

#include <aerospike/as_pair.h>

#include <cstdint>

namespace aeroshim {

as_pair* pair_make(as_pair* pair, bool free, as_val* first, as_val* second) noexcept;
void pair_clear(as_val* v) noexcept;
// "(first, second)" from the sides' own renderings.
char* pair_text(const as_val* v) noexcept;

}  // namespace aeroshim
