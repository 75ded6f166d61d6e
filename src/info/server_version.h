// A node's `build` answer as the client uses it: a version to compare, and
// the feature bits the stock 7.4.0 client derives from it (it never asks
// `features`).
#pragma once

#include "core/status.h"

#include <aerospike/as_version.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace aeroshim {

struct ServerVersion {
  uint16_t major = 0, minor = 0, patch = 0, build = 0;

  friend bool operator<(const ServerVersion& a, const ServerVersion& b) {
    if (a.major != b.major) return a.major < b.major;
    if (a.minor != b.minor) return a.minor < b.minor;
    if (a.patch != b.patch) return a.patch < b.patch;
    return a.build < b.build;
  }
  friend bool operator>=(const ServerVersion& a, const ServerVersion& b) { return !(a < b); }
};

// "8.1.0.1" (trailing text after the numbers, as in "8.1.0.1-rc1", is
// ignored). Fewer than two numbers, or a number over 65535, is an error.
Result<ServerVersion> parse_server_version(std::string_view build);

// The oldest server the 7.4.0 client accepts.
inline constexpr ServerVersion kMinimumServer{4, 9, 0, 3};

// AS_FEATURES_* bits for a server of this version.
uint32_t features_for(const ServerVersion& version);

// Servers from 8.1.0.0 accept `user-agent-set`.
bool accepts_user_agent(const ServerVersion& version);

// as_version.h's functions, as 7.4.0 has them: from_string reads with
// "%hu.%hu.%hu.%hu" and wants three parts at least (build 0 when missing);
// compare returns the first differing field's difference.
bool version_from_string(as_version* version, const char* text) noexcept;
void version_to_string(const as_version* version, char* text, size_t size) noexcept;
int version_compare(const as_version* a, const as_version* b) noexcept;

}  // namespace aeroshim
