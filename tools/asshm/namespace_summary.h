// One namespace's partition table summarized: who masters how much, and how
// many partitions have no owner at each replica index below the replication
// factor (an entry that names no used node entry).
#pragma once

#include "map/cluster_map.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace asshm {

struct NamespaceSummary {
  std::string name;
  uint8_t replicas = 0;
  bool sc = false;
  std::map<uint32_t, uint32_t> masters;  // node index -> partitions it masters
  std::vector<uint32_t> unowned;         // replica index -> partitions without an owner
  uint32_t without_master() const { return unowned.empty() ? 0 : unowned[0]; }
};

std::vector<NamespaceSummary> summarize_namespaces(const aeroshim::ClusterMap& map);

// The replica indexes worth counting: below the factor, and at least the
// master (a factor of 0 still has to name one).
uint32_t counted_replicas(uint8_t replication_factor);

}  // namespace asshm
