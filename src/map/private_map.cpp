// Anonymous memory for a non-shared cluster map.
#include "map/private_map.h"

#include <sys/mman.h>

#include <cerrno>
#include <cstring>

namespace aeroshim {

PrivateMap::PrivateMap(void* memory, uint64_t size)
    : memory_(memory), size_(size), map_(memory, size, SegmentLayout(kGeometry)) {}

PrivateMap::~PrivateMap() { munmap(memory_, size_); }

Result<std::unique_ptr<PrivateMap>> PrivateMap::create() {
  const uint64_t size = SegmentLayout(kGeometry).total_size();
  // Zero-filled on first touch, and never committed where nothing is written.
  void* memory = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (memory == MAP_FAILED) {
    return Status::error(AEROSPIKE_ERR_CLIENT, "cannot map {} bytes for the cluster map: {}", size,
                         std::strerror(errno));
  }
  std::unique_ptr<PrivateMap> result(new PrivateMap(memory, size));
  result->map_.initialize_header();
  return result;
}

}  // namespace aeroshim
