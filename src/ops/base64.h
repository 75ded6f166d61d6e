// Standard base64 (RFC 4648, '=' padding) as cf_b64.h declares it: the codec
// behind the base64 forms of expressions and CDT contexts.
#pragma once

#include <cstdint>

namespace aeroshim {

// Writes ((size + 2) / 3) * 4 characters, no terminator.
void b64_encode(const uint8_t* in, uint32_t size, char* out) noexcept;

// Decodes whole groups of 4 (in_len a multiple of 4) into (in_len / 4) * 3
// bytes, characters outside the alphabet counting as zero bits; *out_size
// (when given) is that less the '=' padding. in and out may be the same
// buffer: each group is read before it is written, and output never passes
// input.
void b64_decode(const uint8_t* in, uint32_t in_len, uint8_t* out, uint32_t* out_size) noexcept;

// A non-empty multiple of 4 of alphabet characters, optionally ending in "=" or "==".
bool b64_valid(const char* in, uint32_t in_len) noexcept;

}  // namespace aeroshim
