// Geometry inference and the whole-segment check used by asshm and the fuzzer.
#include "map/segment_check.h"

#include "map/cluster_map.h"

#include <aerospike/as_shm_cluster.h>

namespace aeroshim {

std::optional<SegmentGeometry> geometry_for_size(uint64_t size, uint32_t max_nodes) {
  std::optional<SegmentGeometry> found;
  for (uint32_t nodes = 1; nodes <= max_nodes; nodes++) {
    uint64_t fixed = SegmentLayout(SegmentGeometry{nodes, 0}).total_size();
    if (size <= fixed || (size - fixed) % SegmentLayout::kTableSize != 0) continue;
    uint64_t namespaces = (size - fixed) / SegmentLayout::kTableSize;
    if (namespaces > UINT32_MAX) continue;
    if (found) return std::nullopt;  // ambiguous: two geometries give this size
    found = SegmentGeometry{nodes, static_cast<uint32_t>(namespaces)};
  }
  return found;
}

Status check_segment_bytes(const void* data, uint64_t size) {
  if (size < SegmentLayout::kHeaderSize) {
    return Status::error(AEROSPIKE_ERR_CLIENT, "{} bytes is smaller than the {} byte header", size,
                         SegmentLayout::kHeaderSize);
  }
  std::optional<SegmentGeometry> geometry = geometry_for_size(size);
  if (!geometry) {
    return Status::error(AEROSPIKE_ERR_CLIENT,
                         "{} bytes is not the size of any shm_max_nodes/shm_max_namespaces", size);
  }
  // The map only reads through const methods here; the cast is for its
  // constructor, which also serves the writer.
  ClusterMap map(const_cast<void*>(data), size, SegmentLayout(*geometry));
  if (Status status = map.validate(); !status) return status;
  std::vector<MapNode> nodes = map.nodes();
  uint32_t tables = map.namespace_count();
  for (uint32_t t = 0; t < tables; t++) {
    (void)map.namespace_name(t);
    uint8_t replicas = map.replica_size(t);
    for (uint32_t p = 0; p < SegmentLayout::kPartitions; p++) {
      for (uint32_t r = 0; r < replicas; r++) {
        std::optional<uint32_t> node = map.replica_node(t, p, r);
        if (node && *node >= nodes.size()) {
          return Status::error(AEROSPIKE_ERR_CLIENT, "replica index escaped the node array");
        }
      }
    }
  }
  return Status::ok();
}

}  // namespace aeroshim
