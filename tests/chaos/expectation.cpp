#include "expectation.h"

#include "asim_process.h"

#include <cstdlib>
#include <cstring>
#include <vector>

namespace chaos {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t end = text.find(separator, start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

}  // namespace

bool publish_expectation(uint16_t port, uint32_t generation, Expectation& e, std::string& why) {
  char* raw = asim_info(port, "asim-ownership:ns=test");
  if (!raw) {
    why = "no answer to asim-ownership from port " + std::to_string(port);
    return false;
  }
  const std::string text = raw;
  std::free(raw);
  const std::vector<std::string> partitions = split(text, ';');
  if (partitions.size() != kPartitions) {
    why = "asim-ownership listed " + std::to_string(partitions.size()) + " partitions";
    return false;
  }
  std::vector<std::string> names;
  uint32_t replicas = 0;
  for (uint32_t p = 0; p < kPartitions; ++p) {
    const std::vector<std::string> owners = split(partitions[p], ',');
    if (p == 0) replicas = static_cast<uint32_t>(owners.size());
    if (owners.size() != replicas || replicas == 0 || replicas > kMaxReplicas) {
      why = "asim-ownership partition " + std::to_string(p) + " has " + std::to_string(owners.size()) + " replicas";
      return false;
    }
    for (uint32_t r = 0; r < replicas; ++r) {
      size_t index = 0;
      while (index < names.size() && names[index] != owners[r]) ++index;
      if (index == names.size()) {
        if (names.size() == kMaxNames || owners[r].empty() || owners[r].size() >= kNameBytes) {
          why = "asim-ownership names an unusable node '" + owners[r] + "'";
          return false;
        }
        names.push_back(owners[r]);
      }
      e.owners[p][r] = static_cast<uint8_t>(index);
    }
  }
  e.replicas = replicas;
  e.name_count = static_cast<uint32_t>(names.size());
  for (size_t i = 0; i < names.size(); ++i) std::strncpy(e.names[i], names[i].c_str(), kNameBytes - 1);
  // Release: a worker that reads this generation reads the table above.
  e.generation.store(generation, std::memory_order_release);
  return true;
}

}  // namespace chaos
