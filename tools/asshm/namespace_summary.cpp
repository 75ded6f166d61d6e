// Counting masters and unowned partitions per namespace.
#include "namespace_summary.h"

#include <algorithm>

namespace asshm {

uint32_t counted_replicas(uint8_t replication_factor) {
  return std::clamp<uint32_t>(replication_factor, 1, AS_MAX_REPLICATION_FACTOR);
}

std::vector<NamespaceSummary> summarize_namespaces(const aeroshim::ClusterMap& map) {
  std::vector<NamespaceSummary> namespaces;
  for (uint32_t t = 0; t < map.namespace_count(); t++) {
    NamespaceSummary ns{map.namespace_name(t), map.replica_size(t), map.sc_mode(t), {}, {}};
    const uint32_t counted = counted_replicas(ns.replicas);
    ns.unowned.assign(counted, 0);
    for (uint32_t p = 0; p < aeroshim::SegmentLayout::kPartitions; p++) {
      for (uint32_t r = 0; r < counted; r++) {
        std::optional<uint32_t> node = map.replica_node(t, p, r);
        if (!node) {
          ns.unowned[r]++;
        } else if (r == 0) {
          ns.masters[*node]++;
        }
      }
    }
    namespaces.push_back(std::move(ns));
  }
  return namespaces;
}

}  // namespace asshm
