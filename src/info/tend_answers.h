// The small values of the tender's answers (node name, generations, racks),
// parsed in one place so the fuzzer covers them and every failure says which
// field held what.
#pragma once

#include "core/status.h"
#include "info/info_text.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace aeroshim {

// A generation (`partition-generation`, `peers-generation`, ...): a decimal
// that fits 32 bits. Missing or anything else is AEROSPIKE_ERR_CLIENT naming
// the field and an excerpt of what came instead.
Result<uint32_t> parse_generation(const InfoResponse& answer, std::string_view name);

// The `node` value: a non-empty name shorter than AS_NODE_NAME_SIZE.
Result<std::string> parse_node_name(const InfoResponse& answer);

// `rack-ids`: "ns:rack;ns:rack;". One rack for every namespace is returned
// as is; racks that differ per namespace give -1, as stock stores them.
Result<int32_t> parse_rack_ids(std::string_view value);

}  // namespace aeroshim
