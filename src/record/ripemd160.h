// RIPEMD-160 over the caller-allocated cf_RIPEMD160_CTX of cf_crypto.h. The
// context's layout is ABI (the inline cf_digest_compute2 keeps one on the
// caller's stack) and smaller than OpenSSL's, so OpenSSL runs the block
// function on the chaining value this context keeps.
#pragma once

#include <citrusleaf/cf_crypto.h>

#include <cstddef>
#include <cstdint>

namespace aeroshim {

constexpr std::size_t kRipemd160Size = CF_RIPEMD160_DIGEST_LENGTH;

void ripemd160_init(cf_RIPEMD160_CTX* ctx) noexcept;
void ripemd160_update(cf_RIPEMD160_CTX* ctx, const void* data, std::size_t size) noexcept;
// Writes the digest to out and leaves ctx finished (Init again to reuse it).
void ripemd160_final(cf_RIPEMD160_CTX* ctx, uint8_t* out) noexcept;
void ripemd160(const void* data, std::size_t size, uint8_t* out) noexcept;

}  // namespace aeroshim
