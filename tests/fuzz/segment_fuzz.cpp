// libFuzzer target for the segment readers: a segment is written by whatever
// process owns it, stock or ours, healthy or dying, so any bytes must be
// validated or read without touching memory outside the segment, and every
// node index a reader returns must name a used node entry.
//
// Input: byte 0 picks shm_max_nodes (1-4), byte 1 shm_max_namespaces (1-3);
// the rest is laid over the header and first node entries and again over the
// first partition table. The raw input is also checked as a segment of its
// own size (mostly a refusal, which is the point).
#include "map/cluster_map.h"
#include "map/segment_check.h"

#include <aerospike/as_shm_cluster.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

using aeroshim::ClusterMap;
using aeroshim::MapNode;
using aeroshim::PartitionTable;
using aeroshim::SegmentGeometry;
using aeroshim::SegmentLayout;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)aeroshim::check_segment_bytes(data, size);
  if (size < 2) return 0;

  const SegmentGeometry geometry{1u + data[0] % 4u, 1u + data[1] % 3u};
  const SegmentLayout layout(geometry);
  const uint64_t total = layout.total_size();
  std::vector<uint64_t> words((total + 7) / 8, 0);  // 8-byte aligned like a mapping
  auto* bytes = reinterpret_cast<unsigned char*>(words.data());
  const size_t body = size - 2;
  std::memcpy(bytes, data + 2, std::min<uint64_t>(body, layout.tables_offset()));
  std::memcpy(bytes + layout.tables_offset(), data + 2, std::min<uint64_t>(body, SegmentLayout::kTableSize));
  // A set writer bit makes each reader wait out its 50 ms bound, which is
  // tested elsewhere and would only slow the fuzzer down.
  for (uint32_t i = 0; i < geometry.max_nodes; i++) {
    auto* entry = reinterpret_cast<as_node_shm*>(bytes + layout.node_offset(i));
    std::memset(&entry->lock, 0, sizeof(entry->lock));
  }

  ClusterMap map(bytes, total, layout);
  (void)map.validate();
  (void)map.ready();
  (void)map.nodes_gen();
  (void)map.rebalance_gen();
  (void)map.timestamp_ms();
  (void)map.owner_pid();
  const std::vector<MapNode> nodes = map.nodes();
  if (nodes.size() > geometry.max_nodes) abort();
  for (uint32_t i = 0; i <= geometry.max_nodes; i++) (void)map.node_name(i);
  (void)map.find_namespace("test");
  const uint32_t tables = map.namespace_count();
  if (tables > geometry.max_namespaces) abort();
  for (uint32_t t = 0; t < tables; t++) {
    (void)map.namespace_name(t);
    (void)map.sc_mode(t);
    if (map.replica_size(t) > AS_MAX_REPLICATION_FACTOR) abort();
    const std::optional<PartitionTable> table = map.partition_table(t);
    if (!table) abort();
    for (uint32_t p = 0; p < SegmentLayout::kPartitions; p++) {
      for (uint32_t r = 0; r < AS_MAX_REPLICATION_FACTOR; r++) {
        const std::optional<uint32_t> node = table->replica_node(p, r);
        if (node && *node >= nodes.size()) abort();
      }
    }
  }
  (void)aeroshim::check_segment_bytes(bytes, total);
  return 0;
}
