// Server text quoted in error messages: an answer can be megabytes of
// garbage, and a log line must stay readable and must not carry control
// bytes (a NUL would cut the C message short).
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace aeroshim {

inline std::string excerpt(std::string_view text, size_t max = 40) {
  std::string out;
  for (size_t i = 0; i < text.size() && i < max; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c >= 0x7f) {
      fmt::format_to(std::back_inserter(out), "\\x{:02x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  if (text.size() > max) out += "...";
  return out;
}

}  // namespace aeroshim
