#include "info/tend_answers.h"

#include "info/decimal.h"
#include "info/excerpt.h"

#include <aerospike/as_node.h>
#include <aerospike/as_partition.h>

#include <optional>

namespace aeroshim {

Result<uint32_t> parse_generation(const InfoResponse& answer, std::string_view name) {
  const std::string* value = answer.find(name);
  if (!value) return Status::error(AEROSPIKE_ERR_CLIENT, "{} missing from the answer", name);
  auto parsed = parse_decimal(*value, UINT32_MAX);
  if (!parsed)
    return Status::error(AEROSPIKE_ERR_CLIENT, "{} is not a 32-bit number: '{}'", name,
                         excerpt(*value));
  return static_cast<uint32_t>(*parsed);
}

Result<std::string> parse_node_name(const InfoResponse& answer) {
  const std::string* name = answer.find("node");
  if (!name) return Status::error(AEROSPIKE_ERR_CLIENT, "node missing from the answer");
  if (name->empty() || name->size() >= AS_NODE_NAME_SIZE || is_info_error(*name))
    return Status::error(AEROSPIKE_ERR_CLIENT, "invalid node name '{}'", excerpt(*name));
  return *name;
}

Result<std::vector<NamespaceRack>> parse_namespace_racks(std::string_view value) {
  std::vector<NamespaceRack> racks;
  while (!value.empty()) {
    const size_t end = value.find(';');
    const std::string_view entry = value.substr(0, end);
    value = end == std::string_view::npos ? std::string_view() : value.substr(end + 1);
    if (entry.empty() || entry == "\n") continue;
    const size_t colon = entry.rfind(':');
    auto id = colon == std::string_view::npos ? std::nullopt
                                              : parse_decimal(entry.substr(colon + 1), INT32_MAX);
    if (!id)
      return Status::error(AEROSPIKE_ERR_CLIENT, "rack-ids entry is not ns:rack: '{}'",
                           excerpt(entry));
    if (colon == 0 || colon >= AS_MAX_NAMESPACE_SIZE)
      return Status::error(AEROSPIKE_ERR_CLIENT, "Racks update. Invalid rack namespace {}",
                           excerpt(entry.substr(0, colon)));
    racks.push_back(NamespaceRack{std::string(entry.substr(0, colon)), static_cast<int32_t>(*id)});
  }
  return racks;
}

int32_t map_rack(const std::vector<NamespaceRack>& racks) {
  std::optional<int32_t> rack;
  for (const NamespaceRack& r : racks) {
    if (rack && *rack != r.rack_id) return -1;
    rack = r.rack_id;
  }
  return rack.value_or(0);
}

Result<int32_t> parse_rack_ids(std::string_view value) {
  auto racks = parse_namespace_racks(value);
  if (!racks) return racks.status();
  return map_rack(*racks);
}

}  // namespace aeroshim
