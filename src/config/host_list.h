// Parsing seed host lists ("a:3000,[::1]:3000,b:tls-name:4333,c") into
// values: a pure function, so every malformed shape is a unit test away.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aeroshim {

struct HostSpec {
  std::string name;
  std::string tls_name;  // empty when none was given
  uint16_t port = 0;
  friend bool operator==(const HostSpec& a, const HostSpec& b) {
    return a.name == b.name && a.tls_name == b.tls_name && a.port == b.port;
  }
};

// All or nothing: a list with one bad entry yields an error and no hosts.
Result<std::vector<HostSpec>> parse_host_list(std::string_view text, uint16_t default_port);

}  // namespace aeroshim
