// RIPEMD-160 over the caller-allocated cf_RIPEMD160_CTX: the block function is
// OpenSSL's; only the buffering and MD4-style padding around it are ours,
// because the context's 92-byte layout is ABI and OpenSSL's is 96 bytes.
#include "record/ripemd160.h"

// RIPEMD160_Transform is deprecated in OpenSSL 3 but is the one entry point
// that runs the block function on a chaining value we keep ourselves.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/ripemd.h>

#include <array>
#include <cstring>

namespace aeroshim {
namespace {

constexpr std::array<uint32_t, 5> kInitialState = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu,
                                                   0x10325476u, 0xC3D2E1F0u};

void store_le32(uint32_t v, uint8_t* p) {
  for (int i = 0; i < 4; i++) p[i] = static_cast<uint8_t>(v >> (8 * i));
}

// One 64-byte block into the chaining value h[5]. OpenSSL's block function
// reads and writes only A..E of its context, so the rest stays unset.
void compress(uint32_t* h, const uint8_t* block) {
  RIPEMD160_CTX c;
  c.A = h[0];
  c.B = h[1];
  c.C = h[2];
  c.D = h[3];
  c.E = h[4];
  RIPEMD160_Transform(&c, block);
  h[0] = c.A;
  h[1] = c.B;
  h[2] = c.C;
  h[3] = c.D;
  h[4] = c.E;
}

}  // namespace

void ripemd160_init(cf_RIPEMD160_CTX* ctx) noexcept {
  ctx->total[0] = 0;
  ctx->total[1] = 0;
  for (unsigned i = 0; i < 5; i++) ctx->state[i] = kInitialState[i];
}

void ripemd160_update(cf_RIPEMD160_CTX* ctx, const void* data, std::size_t size) noexcept {
  if (size == 0) return;
  const auto* in = static_cast<const uint8_t*>(data);
  std::size_t used = ctx->total[0] & 63u;
  // The byte count is 64 bits in two words; size may exceed 32 bits itself.
  uint64_t total = (uint64_t{ctx->total[1]} << 32 | ctx->total[0]) + size;
  ctx->total[0] = static_cast<uint32_t>(total);
  ctx->total[1] = static_cast<uint32_t>(total >> 32);
  if (used != 0) {
    std::size_t take = 64 - used < size ? 64 - used : size;
    std::memcpy(ctx->buffer + used, in, take);
    in += take;
    size -= take;
    if (used + take < 64) return;
    compress(ctx->state, ctx->buffer);
  }
  for (; size >= 64; in += 64, size -= 64) compress(ctx->state, in);
  if (size != 0) std::memcpy(ctx->buffer, in, size);
}

void ripemd160_final(cf_RIPEMD160_CTX* ctx, uint8_t* out) noexcept {
  uint64_t bits = (uint64_t{ctx->total[1]} << 32 | ctx->total[0]) << 3;
  std::array<uint8_t, 72> pad{};
  pad[0] = 0x80;
  std::size_t used = ctx->total[0] & 63u;
  // Pad to 56 mod 64, then the bit count as a little-endian 64-bit word.
  std::size_t pad_size = used < 56 ? 56 - used : 120 - used;
  for (int i = 0; i < 8; i++) pad[pad_size + i] = static_cast<uint8_t>(bits >> (8 * i));
  ripemd160_update(ctx, pad.data(), pad_size + 8);
  for (std::size_t i = 0; i < 5; i++) store_le32(ctx->state[i], out + 4 * i);
}

void ripemd160(const void* data, std::size_t size, uint8_t* out) noexcept {
  cf_RIPEMD160_CTX ctx;
  ripemd160_init(&ctx);
  ripemd160_update(&ctx, data, size);
  ripemd160_final(&ctx, out);
}

}  // namespace aeroshim
