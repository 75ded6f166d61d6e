// SHA-1 for cf_SHA1, from OpenSSL (one-shot, so no context layout to keep).
#pragma once

#include <cstddef>
#include <cstdint>

namespace aeroshim {

constexpr std::size_t kSha1Size = 20;

// Writes kSha1Size bytes to out; throws std::runtime_error if OpenSSL fails.
void sha1(const uint8_t* data, std::size_t size, uint8_t* out);

}  // namespace aeroshim
