// asim's command line, parsed into a value the rest of the simulator uses.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>
#include <vector>

namespace asim {

struct NamespaceSpec {
  std::string name;
  int replication_factor = 2;  // 1..3
  bool strong_consistency = false;
};

struct Options {
  int nodes = 3;
  uint16_t port = 3000;        // 0: every node takes an ephemeral port
  std::vector<NamespaceSpec> namespaces;  // default: test:2
  std::string cluster_name = "asim";
  std::string build = "8.1.0.1";
  int duration_sec = 0;        // 0: until SIGTERM/SIGINT
  std::string record_path;     // empty: data requests are not recorded
  bool help = false;
};

aeroshim::Result<Options> parse_options(const std::vector<std::string>& args);
aeroshim::Result<NamespaceSpec> parse_namespace(const std::string& spec);
std::string usage();

}  // namespace asim
