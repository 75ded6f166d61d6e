// The `replicas` value: for each namespace, which partitions this node holds
// as master and as each prole, one 4096-bit bitmap per replica.
#pragma once

#include "core/status.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aeroshim {

// One namespace of a node's decoded `replicas` answer.
struct ReplicasUpdate {
  static constexpr uint32_t kBitmapBytes = 512;  // 4096 partitions, MSB first
  std::string ns;                                // < 32 bytes (AS_MAX_NAMESPACE_SIZE)
  uint32_t regime = 0;                           // 0 for AP namespaces
  uint8_t replica_count = 0;                     // 1..3 bitmaps are meaningful
  std::array<std::array<uint8_t, kBitmapBytes>, 3> bitmaps{};
};

using PartitionBitmap = std::array<uint8_t, ReplicasUpdate::kBitmapBytes>;

// Partition p is bit (0x80 >> (p & 7)) of byte p >> 3; p must be < 4096.
inline bool bitmap_test(const PartitionBitmap& bitmap, uint32_t partition) {
  return (bitmap[partition >> 3] & (0x80 >> (partition & 7))) != 0;
}
inline void bitmap_set(PartitionBitmap& bitmap, uint32_t partition) {
  bitmap[partition >> 3] |= static_cast<uint8_t>(0x80 >> (partition & 7));
}

struct ReplicasLimits {
  static constexpr size_t kMaxNamespaceBytes = 31;
  // Replication factors above 3 exist, but the map only stores three
  // replicas; the rest are still read so a bad bitmap is caught anywhere.
  static constexpr uint32_t kMaxDeclaredReplicas = 16;
  static constexpr size_t kBitmapBase64Chars = 684;
};

// `ns:regime,replica_count,<b64>,...` joined by ';' (a trailing ';' allowed).
// One bad namespace fails the whole value (AEROSPIKE_ERR_CLIENT): applying
// part of a node's answer would mix two partition generations in the map.
Result<std::vector<ReplicasUpdate>> parse_replicas(std::string_view value);

// The inverse of parse_replicas. Replicas past the third, which the struct
// cannot hold, are written as empty bitmaps so a simulator can still declare
// a larger replication factor.
std::string format_replicas(const std::vector<ReplicasUpdate>& updates);

}  // namespace aeroshim
