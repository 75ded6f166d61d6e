// Checking a block of bytes that claims to be a cluster segment, without
// knowing its geometry in advance: asshm uses it on segments of any size it
// finds, and the fuzzer feeds it arbitrary bytes. It must never read outside
// [data, data + size).
#pragma once

#include "core/status.h"
#include "shm/segment_layout.h"

#include <cstdint>
#include <optional>

namespace aeroshim {

// The geometry whose segment size is exactly `size`, when exactly one
// geometry with at most `max_nodes` nodes gives it.
std::optional<SegmentGeometry> geometry_for_size(uint64_t size, uint32_t max_nodes = 4096);

// Validates a ready or fresh segment's header against the geometry implied
// by its size, then walks every reader (nodes, tables, replica indexes).
Status check_segment_bytes(const void* data, uint64_t size);

}  // namespace aeroshim
