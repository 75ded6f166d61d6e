// PrivateMap: the cluster map of a client without shared memory (use_shm =
// false). Same layout and same ClusterMap code as the shared segment, over
// zeroed, suitably aligned heap memory this object owns; an all-zero map is
// the valid empty state, exactly like a fresh segment.
#pragma once

#include "core/status.h"
#include "map/cluster_map.h"
#include "shm/segment_layout.h"

#include <cstdlib>
#include <memory>

namespace aeroshim {

class PrivateMap {
 public:
  static Result<std::unique_ptr<PrivateMap>> create(SegmentGeometry geometry);
  ClusterMap& map() { return map_; }

 private:
  struct FreeDeleter {
    void operator()(void* p) const { std::free(p); }
  };
  PrivateMap(std::unique_ptr<void, FreeDeleter> memory, SegmentLayout layout);

  std::unique_ptr<void, FreeDeleter> memory_;
  ClusterMap map_;
};

}  // namespace aeroshim
