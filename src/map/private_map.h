// PrivateMap: the cluster map of a client without shared memory (use_shm =
// false). Same layout and same ClusterMap code as the shared segment, over
// private anonymous memory this object owns; an all-zero map is the valid
// empty state, exactly like a fresh segment.
//
// Stock has no node or namespace cap without shared memory, so this map is
// sized far past what a server cluster can have (256 nodes, 32 namespaces
// per node); only the pages it touches are ever committed, so its resident
// cost is that of the nodes and namespaces it actually holds.
#pragma once

#include "core/status.h"
#include "map/cluster_map.h"
#include "shm/segment_layout.h"

#include <memory>

namespace aeroshim {

class PrivateMap {
 public:
  // Room for node entries: every name the cluster ever showed keeps its
  // entry (entries are re-activated, never reused), so churn needs headroom.
  static constexpr SegmentGeometry kGeometry{1024, 64};

  static Result<std::unique_ptr<PrivateMap>> create();
  ~PrivateMap();
  PrivateMap(const PrivateMap&) = delete;
  PrivateMap& operator=(const PrivateMap&) = delete;

  ClusterMap& map() { return map_; }

 private:
  PrivateMap(void* memory, uint64_t size);

  void* memory_;
  uint64_t size_;
  ClusterMap map_;
};

}  // namespace aeroshim
