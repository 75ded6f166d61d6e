#include "ops/base64.h"

#include <array>

namespace aeroshim {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr uint8_t kInvalid = 0xff;

constexpr std::array<uint8_t, 256> make_sextets() {
  std::array<uint8_t, 256> table{};
  for (auto& entry : table) entry = kInvalid;
  for (uint8_t i = 0; i < 64; i++) table[static_cast<uint8_t>(kAlphabet[i])] = i;
  return table;
}

constexpr std::array<uint8_t, 256> kSextets = make_sextets();

// Sextet of a character, 0 for anything outside the alphabet (padding included).
uint8_t sextet(uint8_t c) noexcept {
  uint8_t value = kSextets[c];
  return value == kInvalid ? 0 : value;
}

bool in_alphabet(uint8_t c) noexcept { return kSextets[c] != kInvalid; }

}  // namespace

void b64_encode(const uint8_t* in, uint32_t size, char* out) noexcept {
  for (uint32_t i = 0; i < size; i += 3) {
    uint32_t left = size - i;
    uint32_t group = static_cast<uint32_t>(in[i]) << 16;
    if (left > 1) group |= static_cast<uint32_t>(in[i + 1]) << 8;
    if (left > 2) group |= in[i + 2];
    *out++ = kAlphabet[(group >> 18) & 0x3f];
    *out++ = kAlphabet[(group >> 12) & 0x3f];
    *out++ = left > 1 ? kAlphabet[(group >> 6) & 0x3f] : '=';
    *out++ = left > 2 ? kAlphabet[group & 0x3f] : '=';
  }
}

void b64_decode(const uint8_t* in, uint32_t in_len, uint8_t* out, uint32_t* out_size) noexcept {
  uint32_t padding = 0;
  if (in_len >= 4) {
    padding = (in[in_len - 1] == '=' ? 1U : 0U) + (in[in_len - 2] == '=' ? 1U : 0U);
  }
  uint32_t written = 0;
  for (uint32_t i = 0; i + 4 <= in_len; i += 4) {
    uint32_t group = static_cast<uint32_t>(sextet(in[i])) << 18 |
                     static_cast<uint32_t>(sextet(in[i + 1])) << 12 |
                     static_cast<uint32_t>(sextet(in[i + 2])) << 6 | sextet(in[i + 3]);
    out[written++] = static_cast<uint8_t>(group >> 16);
    out[written++] = static_cast<uint8_t>(group >> 8);
    out[written++] = static_cast<uint8_t>(group);
  }
  if (out_size != nullptr) *out_size = written - padding;
}

bool b64_valid(const char* in, uint32_t in_len) noexcept {
  if (in == nullptr || in_len == 0 || in_len % 4 != 0) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(in);
  for (uint32_t i = 0; i + 2 < in_len; i++) {
    if (!in_alphabet(bytes[i])) return false;
  }
  uint8_t third = bytes[in_len - 2];
  uint8_t last = bytes[in_len - 1];
  if (third == '=') return last == '=';
  return in_alphabet(third) && (last == '=' || in_alphabet(last));
}

}  // namespace aeroshim
