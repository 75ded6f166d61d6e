// Heap storage for a non-shared cluster map.
#include "map/private_map.h"

#include <aerospike/as_shm_cluster.h>

#include <cstring>

namespace aeroshim {

PrivateMap::PrivateMap(std::unique_ptr<void, FreeDeleter> memory, SegmentLayout layout)
    : memory_(std::move(memory)), map_(memory_.get(), layout.total_size(), layout) {}

Result<std::unique_ptr<PrivateMap>> PrivateMap::create(SegmentGeometry geometry) {
  if (geometry.max_nodes == 0 || geometry.max_namespaces == 0) {
    return Status::error(AEROSPIKE_ERR_PARAM,
                         "a cluster map needs at least one node and one namespace (got {} and {})",
                         geometry.max_nodes, geometry.max_namespaces);
  }
  const SegmentLayout layout(geometry);
  const uint64_t size = layout.total_size();
  // Page alignment, like a segment; the structs need only 8.
  void* raw = std::aligned_alloc(4096, (size + 4095) / 4096 * 4096);
  if (raw == nullptr) {
    return Status::error(AEROSPIKE_ERR_CLIENT, "cannot allocate the {} byte cluster map", size);
  }
  std::memset(raw, 0, size);
  std::unique_ptr<PrivateMap> result(
      new PrivateMap(std::unique_ptr<void, FreeDeleter>(raw), layout));
  result->map_.initialize_header();
  return result;
}

}  // namespace aeroshim
