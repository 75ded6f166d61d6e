#include "info/tend_answers.h"

#include "info/decimal.h"
#include "info/excerpt.h"

#include <aerospike/as_node.h>

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

Result<int32_t> parse_rack_ids(std::string_view value) {
  std::optional<int32_t> rack;
  while (!value.empty()) {
    const size_t end = value.find(';');
    const std::string_view entry = value.substr(0, end);
    value = end == std::string_view::npos ? std::string_view() : value.substr(end + 1);
    if (entry.empty()) continue;
    const size_t colon = entry.rfind(':');
    auto id = colon == std::string_view::npos ? std::nullopt
                                              : parse_decimal(entry.substr(colon + 1), INT32_MAX);
    if (!id)
      return Status::error(AEROSPIKE_ERR_CLIENT, "rack-ids entry is not ns:rack: '{}'",
                           excerpt(entry));
    if (rack && *rack != static_cast<int32_t>(*id)) return -1;
    rack = static_cast<int32_t>(*id);
  }
  return rack.value_or(0);
}

}  // namespace aeroshim
