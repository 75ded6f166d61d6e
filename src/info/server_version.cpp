#include "info/server_version.h"

#include <aerospike/as_node.h>

#include <cstdio>

namespace aeroshim {

Result<ServerVersion> parse_server_version(std::string_view build) {
  uint32_t parts[4] = {0, 0, 0, 0};
  size_t count = 0;
  size_t i = 0;
  while (count < 4 && i < build.size()) {
    if (build[i] < '0' || build[i] > '9') break;
    uint32_t v = 0;
    while (i < build.size() && build[i] >= '0' && build[i] <= '9') {
      v = v * 10 + static_cast<uint32_t>(build[i] - '0');
      if (v > 65535)
        return Status::error(AEROSPIKE_ERR_CLIENT, "build '{}' has a number over 65535", build);
      ++i;
    }
    parts[count++] = v;
    if (i < build.size() && build[i] == '.') ++i;
    else break;
  }
  if (count < 2) return Status::error(AEROSPIKE_ERR_CLIENT, "build '{}' is not a version", build);
  return ServerVersion{static_cast<uint16_t>(parts[0]), static_cast<uint16_t>(parts[1]),
                       static_cast<uint16_t>(parts[2]), static_cast<uint16_t>(parts[3])};
}

uint32_t features_for(const ServerVersion& v) {
  uint32_t features = 0;
  if (v >= kMinimumServer) features |= AS_FEATURES_PARTITION_SCAN;
  if (v >= ServerVersion{5, 7, 0, 7}) features |= AS_FEATURES_QUERY_SHOW;
  if (v >= ServerVersion{6, 0, 0, 0})
    features |= AS_FEATURES_PARTITION_QUERY | AS_FEATURES_BATCH_ANY;
  if (v >= ServerVersion{8, 1, 2, 0}) features |= AS_FEATURES_HAS_QUERY_OPS_PROJECTION_EXT;
  return features;
}

bool accepts_user_agent(const ServerVersion& v) { return v >= ServerVersion{8, 1, 0, 0}; }

bool version_from_string(as_version* version, const char* text) noexcept {
  // The C library's reading, exactly 7.4.0's: digits wrap at 16 bits, text
  // after the last number is ignored.
  const int parts = std::sscanf(text, "%hu.%hu.%hu.%hu", &version->major, &version->minor,
                                &version->patch, &version->build);
  if (parts < 3) return false;
  if (parts == 3) version->build = 0;
  return true;
}

void version_to_string(const as_version* version, char* text, size_t size) noexcept {
  std::snprintf(text, size, "%hu.%hu.%hu.%hu", version->major, version->minor, version->patch,
                version->build);
}

int version_compare(const as_version* a, const as_version* b) noexcept {
  if (a->major != b->major) return a->major - b->major;
  if (a->minor != b->minor) return a->minor - b->minor;
  if (a->patch != b->patch) return a->patch - b->patch;
  return a->build - b->build;
}

}  // namespace aeroshim
