// RIPEMD-160: two parallel lines of five rounds over each 64-byte block,
// MD4-style padding, little-endian words throughout.
#include "record/ripemd160.h"

#include <array>
#include <cstring>

namespace aeroshim {
namespace {

constexpr std::array<uint32_t, 5> kInitialState = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu,
                                                   0x10325476u, 0xC3D2E1F0u};

// Message word used by each of the 80 steps, left and right line.
constexpr std::array<uint8_t, 80> kWordLeft = {
    0,  1, 2,  3, 4,  5,  6, 7,  8, 9,  10, 11, 12, 13, 14, 15, 7,  4,  13, 1,
    10, 6, 15, 3, 12, 0,  9, 5,  2, 14, 11, 8,  3,  10, 14, 4,  9,  15, 8,  1,
    2,  7, 0,  6, 13, 11, 5, 12, 1, 9,  11, 10, 0,  8,  12, 4,  13, 3,  7,  15,
    14, 5, 6,  2, 4,  0,  5, 9,  7, 12, 2,  10, 14, 1,  3,  8,  11, 6,  15, 13};
constexpr std::array<uint8_t, 80> kWordRight = {
    5,  14, 7,  0,  9,  2,  11, 4,  13, 6, 15, 8, 1,  10, 3,  12, 6, 11, 3, 7,
    0,  13, 5,  10, 14, 15, 8,  12, 4,  9, 1,  2, 15, 5,  1,  3,  7, 14, 6, 9,
    11, 8,  12, 2,  10, 0,  4,  13, 8,  6, 4,  1, 3,  11, 15, 0,  5, 12, 2, 13,
    9,  7,  10, 14, 12, 15, 10, 4,  1,  5, 8,  7, 6,  2,  13, 14, 0, 3,  9, 11};

// Left-rotation of each step.
constexpr std::array<uint8_t, 80> kShiftLeft = {
    11, 14, 15, 12, 5, 8,  7,  9,  11, 13, 14, 15, 6,  7,  9,  8,  7,  6,  8,  13,
    11, 9,  7,  15, 7, 12, 15, 9,  11, 7,  13, 12, 11, 13, 6,  7,  14, 9,  13, 15,
    14, 8,  13, 6,  5, 12, 7,  5,  11, 12, 14, 15, 14, 15, 9,  8,  9,  14, 5,  6,
    8,  6,  5,  12, 9, 15, 5,  11, 6,  8,  13, 12, 5,  12, 13, 14, 11, 8,  5,  6};
constexpr std::array<uint8_t, 80> kShiftRight = {
    8,  9,  9,  11, 13, 15, 15, 5, 7,  7,  8,  11, 14, 14, 12, 6,  9,  13, 15, 7,
    12, 8,  9,  11, 7,  7,  12, 7, 6,  15, 13, 11, 9,  7,  15, 11, 8,  6,  6,  14,
    12, 13, 5,  14, 13, 13, 7,  5, 15, 5,  8,  11, 14, 14, 6,  14, 6,  9,  12, 9,
    12, 5,  15, 8,  8,  5,  12, 9, 12, 5,  14, 6,  8,  13, 6,  5,  15, 13, 11, 11};

// Additive constant of each round.
constexpr std::array<uint32_t, 5> kConstLeft = {0x00000000u, 0x5A827999u, 0x6ED9EBA1u, 0x8F1BBCDCu,
                                                0xA953FD4Eu};
constexpr std::array<uint32_t, 5> kConstRight = {0x50A28BE6u, 0x5C4DD124u, 0x6D703EF3u, 0x7A6D76E9u,
                                                 0x00000000u};

constexpr uint32_t rotl(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }

// The boolean function of round 0..4 (the right line runs them in reverse).
constexpr uint32_t mix(unsigned round, uint32_t x, uint32_t y, uint32_t z) {
  switch (round) {
    case 0: return x ^ y ^ z;
    case 1: return (x & y) | (~x & z);
    case 2: return (x | ~y) ^ z;
    case 3: return (x & z) | (y & ~z);
    default: return x ^ (y | ~z);
  }
}

uint32_t load_le32(const uint8_t* p) {
  return uint32_t{p[0]} | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16) | (uint32_t{p[3]} << 24);
}

void store_le32(uint32_t v, uint8_t* p) {
  for (int i = 0; i < 4; i++) p[i] = static_cast<uint8_t>(v >> (8 * i));
}

struct Line {
  uint32_t a, b, c, d, e;

  void step(uint32_t f, uint32_t word, uint32_t k, unsigned shift) {
    uint32_t t = rotl(a + f + word + k, shift) + e;
    a = e;
    e = d;
    d = rotl(c, 10);
    c = b;
    b = t;
  }
};

void compress(uint32_t* h, const uint8_t* block) {
  std::array<uint32_t, 16> x{};
  for (std::size_t i = 0; i < 16; i++) x[i] = load_le32(block + 4 * i);
  Line left{h[0], h[1], h[2], h[3], h[4]};
  Line right = left;
  for (unsigned j = 0; j < 80; j++) {
    unsigned round = j / 16;
    left.step(mix(round, left.b, left.c, left.d), x[kWordLeft[j]], kConstLeft[round],
              kShiftLeft[j]);
    right.step(mix(4 - round, right.b, right.c, right.d), x[kWordRight[j]], kConstRight[round],
               kShiftRight[j]);
  }
  uint32_t t = h[1] + left.c + right.d;
  h[1] = h[2] + left.d + right.e;
  h[2] = h[3] + left.e + right.a;
  h[3] = h[4] + left.a + right.b;
  h[4] = h[0] + left.b + right.c;
  h[0] = t;
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
