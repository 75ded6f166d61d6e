// SegmentLayout: where everything lives in a cluster map, computed from its
// geometry (max nodes, max namespaces). The byte layout is the stock 7.4.0
// segment, so stock processes and ours can share one System V segment; the
// same layout also backs the private (non-shared) map of a non-shm client.
//
// No other file does pointer arithmetic on a map: they ask this type.
#pragma once

#include <cstddef>
#include <cstdint>

namespace aeroshim {

struct SegmentGeometry {
  uint32_t max_nodes = 0;
  uint32_t max_namespaces = 0;
  friend bool operator==(SegmentGeometry a, SegmentGeometry b) {
    return a.max_nodes == b.max_nodes && a.max_namespaces == b.max_namespaces;
  }
};

class SegmentLayout {
 public:
  static constexpr uint32_t kPartitions = 4096;     // fixed by the stock client
  static constexpr uint32_t kHeaderSize = 56;       // sizeof(as_cluster_shm)
  static constexpr uint32_t kNodeSize = 424;        // sizeof(as_node_shm)
  static constexpr uint32_t kTableHeaderSize = 40;  // sizeof(as_partition_table_shm)
  static constexpr uint32_t kPartitionSize = 16;    // sizeof(as_partition_shm)
  static constexpr uint32_t kTableSize = kTableHeaderSize + kPartitionSize * kPartitions;

  constexpr explicit SegmentLayout(SegmentGeometry geometry) : geometry_(geometry) {}

  constexpr SegmentGeometry geometry() const { return geometry_; }
  constexpr uint32_t max_nodes() const { return geometry_.max_nodes; }
  constexpr uint32_t max_namespaces() const { return geometry_.max_namespaces; }
  constexpr uint64_t nodes_offset() const { return kHeaderSize; }
  constexpr uint64_t node_offset(uint32_t index) const {
    return kHeaderSize + uint64_t{kNodeSize} * index;
  }
  constexpr uint64_t tables_offset() const { return node_offset(geometry_.max_nodes); }
  constexpr uint64_t table_offset(uint32_t index) const {
    return tables_offset() + uint64_t{kTableSize} * index;
  }
  constexpr uint64_t total_size() const { return table_offset(geometry_.max_namespaces); }

 private:
  SegmentGeometry geometry_;
};

static_assert(SegmentLayout(SegmentGeometry{16, 8}).tables_offset() == 6840);
static_assert(SegmentLayout(SegmentGeometry{16, 8}).total_size() == 531448);
static_assert(SegmentLayout::kTableSize == 65576);

}  // namespace aeroshim
