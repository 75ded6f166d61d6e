// Unsigned decimal fields of info values. Servers never send signs, spaces or
// leading '+', so anything but plain digits marks a corrupt answer.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace aeroshim {

inline std::optional<uint64_t> parse_decimal(std::string_view digits, uint64_t max) {
  uint64_t value = 0;
  const char* end = digits.data() + digits.size();
  auto [stop, ec] = std::from_chars(digits.data(), end, value);
  if (digits.empty() || ec != std::errc() || stop != end || value > max) return std::nullopt;
  return value;
}

}  // namespace aeroshim
