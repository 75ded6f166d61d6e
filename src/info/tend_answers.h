// The small values of the tender's answers (node name, generations, racks),
// parsed in one place so the fuzzer covers them and every failure says which
// field held what.
#pragma once

#include "core/status.h"
#include "info/info_text.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aeroshim {

// A generation (`partition-generation`, `peers-generation`, ...): a decimal
// that fits 32 bits. Missing or anything else is AEROSPIKE_ERR_CLIENT naming
// the field and an excerpt of what came instead.
Result<uint32_t> parse_generation(const InfoResponse& answer, std::string_view name);

// The `node` value: a non-empty name shorter than AS_NODE_NAME_SIZE.
Result<std::string> parse_node_name(const InfoResponse& answer);

struct NamespaceRack {
  std::string ns;  // 1 to 31 characters
  int32_t rack_id;
};

// `rack-ids`: "ns:rack;ns:rack;", every entry.
Result<std::vector<NamespaceRack>> parse_namespace_racks(std::string_view value);

// The one rack the map stores for those racks: the rack when every
// namespace has the same one (0 for none), -1 when they differ, as stock
// stores it.
int32_t map_rack(const std::vector<NamespaceRack>& racks);

// parse_namespace_racks, then map_rack.
Result<int32_t> parse_rack_ids(std::string_view value);

}  // namespace aeroshim
