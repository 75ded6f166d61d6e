// libFuzzer target for a node's scan or query answer: the first six bytes
// choose the command (scan or query, decoded or raw bins, a callback that
// stops after k records, a max_records split) and the partitions asked for
// (any begin and count inside 0..4095); the rest is a stream of frames
// (8-byte header, then the body its size names, cut at the input's end)
// of records, partition-done markers with any id and code, and LAST. The
// tracker must stay consistent: partitions keep their ids, a resume digest
// lands only on the partition it belongs to, every unavailable partition
// is one error and a replica step, and every kept record is counted.
#include "command/partition_tracker.h"
#include "command/scan_stream.h"

#include "proto/byte_order.h"

#include <aerospike/as_node.h>
#include <aerospike/as_partition.h>
#include <aerospike/as_record.h>
#include <aerospike/as_vector.h>
#include <citrusleaf/alloc.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace aeroshim;

namespace {

void check(bool ok) {
  if (!ok) abort();
}

struct Delivered {
  uint32_t stop_after = 0;  // 0: never stop
  uint32_t records = 0;
  uint32_t with_digest = 0;
};

bool on_record(const as_val* value, void* udata) {
  auto& d = *static_cast<Delivered*>(udata);
  check(value != nullptr && as_val_type(value) == AS_REC);
  const auto* rec = reinterpret_cast<const as_record*>(value);
  for (uint16_t i = 0; i < rec->bins.size; ++i) check(rec->bins.entries[i].valuep != nullptr);
  if (d.stop_after && ++d.records >= d.stop_after) return false;
  if (rec->key.digest.init) ++d.with_digest;
  return true;
}

// The tracker of one node asked for partitions begin..begin+count-1, as
// tracker_assign leaves it, without a cluster.
struct Tracker {
  as_address address{};
  as_node node{};
  as_partition_tracker pt{};
  as_node_partitions np{};

  Tracker(uint16_t begin, uint16_t count, uint64_t max_records) {
    std::strcpy(address.name, "127.0.0.1:3000");
    node.ref_count = 1;
    node.addresses = &address;
    pthread_mutex_init(&pt.lock, nullptr);
    pt.parts_all = static_cast<as_partitions_status*>(
        cf_malloc(sizeof(as_partitions_status) + sizeof(as_partition_status) * count));
    std::memset(pt.parts_all, 0, sizeof(as_partitions_status) + sizeof(as_partition_status) * count);
    pt.parts_all->ref_count = 1;
    pt.parts_all->part_begin = begin;
    pt.parts_all->part_count = count;
    pt.max_records = max_records;
    pt.check_max = max_records > 0;
    np.node = &node;
    as_vector_init(&np.parts_full, sizeof(uint16_t), count);
    as_vector_init(&np.parts_partial, sizeof(uint16_t), 1);
    for (uint16_t i = 0; i < count; ++i) {
      pt.parts_all->parts[i].part_id = static_cast<uint16_t>(begin + i);
      uint16_t id = pt.parts_all->parts[i].part_id;
      as_vector_append(&np.parts_full, &id);
    }
  }
  ~Tracker() {
    if (pt.errors) as_vector_destroy(pt.errors);
    as_vector_destroy(&np.parts_full);
    as_vector_destroy(&np.parts_partial);
    cf_free(pt.parts_all);
    pthread_mutex_destroy(&pt.lock);
  }
};

void check_tracker(const Tracker& t, const Delivered& d, bool check_max) {
  const as_partitions_status* all = t.pt.parts_all;
  uint32_t steps = 0;
  for (uint16_t i = 0; i < all->part_count; ++i) {
    const as_partition_status& ps = all->parts[i];
    check(ps.part_id == all->part_begin + i);
    if (ps.digest.init) check(as_partition_getid(ps.digest.value, kPartitionCount) == ps.part_id);
    steps += ps.replica_index;
  }
  const uint32_t errors = t.pt.errors ? t.pt.errors->size : 0;
  // One replica step per unavailable marker (fewer once a uint8_t step count wraps).
  check(t.np.parts_unavailable == errors && steps <= errors);
  check(t.np.record_count == d.with_digest);
  if (check_max) check(d.with_digest <= t.pt.max_records);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 6) return 0;
  const uint8_t flags = data[0];
  const uint16_t begin = proto::load_be16(data + 1) % kPartitionCount;
  const auto count = static_cast<uint16_t>(1 + proto::load_be16(data + 3) % (kPartitionCount - begin));
  const uint64_t max_records = (flags & 32) ? data[5] : 0;
  Tracker t(begin, count, max_records);
  Delivered d;
  d.stop_after = (flags >> 2) & 7;
  std::atomic<bool> round_failed{(flags & 64) != 0};
  ScanStream s{t.pt, t.np, (flags & 2) != 0, (flags & 1) != 0, on_record, &d, round_failed};
  const uint8_t* p = data + 6;
  const uint8_t* end = data + size;
  bool last = false;
  bool failed = false;
  while (!last && !failed && end - p >= 8) {
    const uint64_t declared = proto::load_be64(p) & 0xFFFFFFFFFFFFull;
    p += 8;
    const size_t body = declared < static_cast<uint64_t>(end - p) ? declared : end - p;
    failed = !parse_scan_frame(s, p, body, last).is_ok();
    p += body;
  }
  check_tracker(t, d, max_records > 0);
  return 0;
}
