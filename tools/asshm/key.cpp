// Key parsing without strtoul: it skips spaces, accepts signs and trailing
// garbage, reads a leading 0 as octal and saturates on overflow, each of
// which turned a typo into some other segment's key.
#include "key.h"

#include <fmt/format.h>

#include <cstdint>

namespace asshm {

namespace {

constexpr uint64_t kMaxUnsigned = 0xFFFFFFFFu;
constexpr uint64_t kMaxNegated = 0x80000000u;  // -2147483648
constexpr size_t kLockFileDigits = 8;

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool all_of(std::string_view digits, int base) {
  if (digits.empty()) return false;
  for (char c : digits) {
    const int d = hex_digit(c);
    if (d < 0 || d >= base) return false;
  }
  return true;
}

// The value of `digits` (already checked), or nullopt past `limit`.
std::optional<uint64_t> value_of(std::string_view digits, int base, uint64_t limit) {
  uint64_t value = 0;
  for (char c : digits) {
    value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(hex_digit(c));
    if (value > limit) return std::nullopt;
  }
  return value;
}

const char kForms[] =
    "use 0x and up to 8 hex digits (0xA5000000), exactly 8 hex digits as in lock file names "
    "(A5000000), or decimal (2768240640)";

}  // namespace

std::optional<int> parse_key(std::string_view text, std::string& error) {
  std::optional<uint64_t> value;
  bool negative = false;
  const bool prefixed = text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
  if (prefixed) {
    const std::string_view digits = text.substr(2);
    if (!all_of(digits, 16)) {
      error = fmt::format("'{}' is not a shm_key: after 0x come hex digits only; {}", text, kForms);
      return std::nullopt;
    }
    value = value_of(digits, 16, kMaxUnsigned);
  } else if (text.size() == kLockFileDigits && all_of(text, 16)) {
    value = value_of(text, 16, kMaxUnsigned);
  } else {
    negative = !text.empty() && text[0] == '-';
    const std::string_view digits = negative ? text.substr(1) : text;
    if (!all_of(digits, 10)) {
      error = all_of(text, 16)
                  ? fmt::format(
                        "'{}' is not a shm_key: hex without 0x must have exactly 8 digits "
                        "(as in lock file names); {}",
                        text, kForms)
                  : fmt::format("'{}' is not a shm_key; {}", text, kForms);
      return std::nullopt;
    }
    value = value_of(digits, 10, negative ? kMaxNegated : kMaxUnsigned);
  }
  if (!value) {
    error = fmt::format(
        "'{}' is out of range: a shm_key has 32 bits (0x1 to 0xFFFFFFFF, or -2147483648 to "
        "4294967295 in decimal)",
        text);
    return std::nullopt;
  }
  if (*value == 0) {
    error = fmt::format("'{}' is 0, which is IPC_PRIVATE and names no segment", text);
    return std::nullopt;
  }
  const uint32_t bits = negative ? static_cast<uint32_t>(0u - static_cast<uint32_t>(*value))
                                 : static_cast<uint32_t>(*value);
  return static_cast<int>(bits);
}

std::optional<int> lock_file_key(std::string_view file_name) {
  constexpr std::string_view kPrefix = "aeroshim-";
  constexpr std::string_view kSuffix = ".owner";
  if (file_name.size() != kPrefix.size() + kLockFileDigits + kSuffix.size() ||
      file_name.substr(0, kPrefix.size()) != kPrefix ||
      file_name.substr(file_name.size() - kSuffix.size()) != kSuffix) {
    return std::nullopt;
  }
  const std::string_view digits = file_name.substr(kPrefix.size(), kLockFileDigits);
  for (char c : digits) {
    if (hex_digit(c) < 0 || (c >= 'a' && c <= 'f')) return std::nullopt;
  }
  return static_cast<int>(*value_of(digits, 16, kMaxUnsigned));
}

}  // namespace asshm
