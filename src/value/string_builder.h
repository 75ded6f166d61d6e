// as_string_builder: text appended into a terminated buffer. A builder
// with `resize` grows on the heap (doubling, or to what the append needs);
// one without fills what fits and reports false.
#pragma once

#include <aerospike/as_string_builder.h>

#include <cstdint>

namespace aeroshim {

void string_builder_init(as_string_builder* sb, uint32_t capacity, bool resize) noexcept;
void string_builder_destroy(as_string_builder* sb) noexcept;
bool string_builder_append(as_string_builder* sb, const char* value) noexcept;
bool string_builder_append_char(as_string_builder* sb, char value) noexcept;
// "[0A 1B]": hex pairs between brackets (just "]" for no bytes, as 7.4.0).
bool string_builder_append_bytes(as_string_builder* sb, const uint8_t* src, uint32_t size) noexcept;

}  // namespace aeroshim
