// Fresh heap values for the typed collection setters (set_int64, append_str,
// ...). A null result (out of memory) is stored as nil by the collections,
// as 7.4.0 does; the typed setters release what a failed store left behind.
#pragma once

#include <aerospike/as_val.h>

#include <cstdint>

namespace aeroshim {

as_val* box(int64_t value) noexcept;
as_val* box(double value) noexcept;
// A string owning a copy; a null text gives a string without characters.
as_val* box(const char* value) noexcept;

}  // namespace aeroshim
