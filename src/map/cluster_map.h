// ClusterMap: the cluster as the tender learned it (nodes, partition tables),
// stored in the stock 7.4.0 segment layout over a block of memory that is
// either a System V segment (shared) or private memory (use_shm = false).
//
// One writer (the tend owner) and any number of readers, possibly in other
// processes, possibly stock 7.4.0 processes. Every cross-process field is
// accessed through src/shm/atomics.h with the ordering the stock client uses,
// so both sides see consistent data. Readers never trust the memory: every
// count, index and offset is checked against the layout before use.
#pragma once

#include "core/status.h"
#include "info/replicas.h"
#include "shm/atomics.h"
#include "shm/segment_layout.h"
#include "shm/swlock.h"

#include <aerospike/as_shm_cluster.h>

#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct as_cluster_shm_s;

namespace aeroshim {

// What the tender knows about a node, as stored in one node entry.
struct MapNode {
  std::string name;            // < 20 bytes (AS_NODE_NAME_SIZE)
  sockaddr_storage address{};  // the address the tender reached it at
  std::string tls_name;        // < 256 bytes; empty without TLS
  uint32_t features = 0;       // AS_FEATURES_* bits
  uint32_t rebalance_generation = 0;
  int32_t rack_id = 0;  // -1: racks differ per namespace
  bool active = false;
};

// One namespace's partition table, resolved once, for the lookup every data
// command of a follower starts with. Inline because it runs per command; it
// still checks what another process stored (a node index must name a used
// node entry), so a corrupted table yields "no node", never a wild read.
class PartitionTable {
 public:
  std::optional<uint32_t> replica_node(uint32_t partition_id, uint32_t replica) const {
    if (partition_id >= SegmentLayout::kPartitions || replica >= AS_MAX_REPLICATION_FACTOR)
      return std::nullopt;
    // Acquire pairs with the owner's release store of the index, which comes
    // after the node entry it names is written.
    const uint32_t stored = shm::load_acquire(&partitions_[partition_id].nodes[replica]);
    const uint32_t used = std::min(shm::load_relaxed(nodes_size_), max_nodes_);
    if (stored == 0 || stored - 1 >= used) return std::nullopt;
    return stored - 1;
  }

 private:
  friend class ClusterMap;
  PartitionTable(const as_partition_shm* partitions, const uint32_t* nodes_size, uint32_t max_nodes)
      : partitions_(partitions), nodes_size_(nodes_size), max_nodes_(max_nodes) {}

  const as_partition_shm* partitions_;
  const uint32_t* nodes_size_;
  uint32_t max_nodes_;
};

class ClusterMap {
 public:
  // A view over `size` bytes at `base`. `base` must stay mapped for the
  // lifetime of the view. `layout` is the geometry this process expects.
  ClusterMap(void* base, uint64_t size, SegmentLayout layout);

  const SegmentLayout& layout() const { return layout_; }
  as_cluster_shm_s* header() const { return header_; }

  // --- Validation (any process, before trusting a segment) ---------------
  // Checks the header against the layout: capacities, offsets, table size,
  // counts within capacities. A zeroed (not ready) segment is valid.
  Status validate() const;

  // --- Writer side: only the tend owner calls these ------------------------
  // Writes the geometry fields of a fresh (not ready) segment.
  void initialize_header();
  // Stores ready = 1 (release), after the first complete tend.
  void publish_ready();
  // Stores the tend timestamp (CLOCK_MONOTONIC ms) and owner pid, the
  // timestamp first so a reader that sees the pid sees a fresh stamp.
  void stamp(uint64_t now_ms, uint32_t owner_pid);
  // The owner's liveness after each cycle and write batch: advances the
  // timestamp to `now_ms` by CAS from the value read, and only while `pid`
  // owns the map. A stamp computed before a SIGSTOP thus never overwrites
  // the newer one of whoever took over during the stop, and the stamp never
  // moves backwards (which would make followers replace a working owner).
  // False when the map is no longer `pid`'s.
  bool refresh_stamp(uint32_t pid, uint64_t now_ms);
  // Adds a node, or re-activates and updates the entry with the same name.
  // Returns its index in the node array; full capacity is an error the
  // caller logs (the stock client does not fail the tend for it either).
  Result<uint32_t> upsert_node(const MapNode& node);
  // Marks a node inactive; entries are never moved or reused for another name.
  void deactivate_node(uint32_t index);
  // Updates features / rebalance generation / rack of an existing entry.
  void update_node(uint32_t index, const MapNode& node);
  // Called once after every batch of adds/removes.
  void bump_nodes_gen();
  void bump_rebalance_gen();
  // Called once by a process that just became owner: clears writer bits
  // that a dead or deposed owner left on node entries (it is now the only
  // legitimate writer), so readers stop waiting out their bound.
  void repair_after_takeover();
  // Applies one namespace of node `node_index`'s replicas answer, following
  // the stock regime rule. Appends to `displaced` each node index that lost
  // a partition to this node (its map must be refreshed next cycle).
  Status apply_replicas(uint32_t node_index, const ReplicasUpdate& update,
                        std::vector<uint32_t>& displaced);

  // --- The ownership words, shared with stock processes ---------------------
  // The `lock` byte: 0 -> 1 takes the map (acquire-release: the new owner
  // sees what the old one wrote). Every writer of the fleet uses this CAS.
  bool try_lock();
  // Stores lock = 0 (release) and wakes every process waiting on the state
  // word, so a candidate takes over in microseconds, not at its next poll.
  void unlock_and_wake();
  // True while `pid` is the recorded owner and the lock is held.
  bool owned_by(uint32_t pid) const;
  // A takeover under the header's take_over_lock spinlock, the exclusion
  // stock uses: `due(stamp)` re-checks the condition with the lock held; when
  // it still holds, the timestamp is advanced by CAS (exclusive even if a
  // dead holder's spinlock had to be broken), `pid` becomes the owner and the
  // lock byte is set. `lock_broken` reports a spinlock presumed dead.
  template <typename Due>
  bool take_over(uint32_t pid, uint64_t now_ms, Due&& due, bool& lock_broken);
  // The 32-bit word holding lock and ready, for waiting on their change.
  uint32_t state_word() const;
  // Sleeps while the state word equals `seen`, at most `timeout_ms` (stock
  // owners never wake anyone, so callers re-check after the timeout).
  void wait_state_change(uint32_t seen, uint32_t timeout_ms) const;
  void wake_state_waiters() const;
  static bool lock_bit(uint32_t state_word) { return (state_word & 0xFFu) != 0; }
  static bool ready_bit(uint32_t state_word) { return ((state_word >> 8) & 0xFFu) != 0; }

  // --- Reader side: any process ----------------------------------------------
  bool ready() const;
  uint32_t nodes_gen() const;
  uint32_t rebalance_gen() const;
  uint64_t timestamp_ms() const;
  uint32_t owner_pid() const;
  // Snapshot of the used node entries (active or not), read under each
  // entry's reader lock; index i of the result is node index i.
  std::vector<MapNode> nodes() const;
  // Name of node entry `index` alone (lookups need no full snapshot).
  std::optional<std::string> node_name(uint32_t index) const;
  // Rack of node entry `index`, or nullopt past the used entries. One word,
  // read without the entry's lock: PREFER_RACK asks it per command.
  std::optional<int32_t> node_rack(uint32_t index) const;
  // Index of the namespace's partition table, if present.
  std::optional<uint32_t> find_namespace(std::string_view ns) const;
  // Table `table_index` for repeated lookups (tables never move or go away
  // while the segment is mapped), or nullopt when out of range.
  std::optional<PartitionTable> partition_table(uint32_t table_index) const;
  // Node index (0-based) holding `replica` of `partition_id` in table
  // `table_index`, or nullopt when unset or out of range.
  std::optional<uint32_t> replica_node(uint32_t table_index, uint32_t partition_id,
                                       uint32_t replica) const;
  // Replication factor and SC flag of a table (for tools and tests).
  uint8_t replica_size(uint32_t table_index) const;
  bool sc_mode(uint32_t table_index) const;
  std::string namespace_name(uint32_t table_index) const;
  uint32_t namespace_count() const;

 private:
  uint32_t used_nodes() const;
  void write_entry(uint32_t index, const MapNode& node);

  SegmentLayout layout_;
  uint64_t size_;
  unsigned char* base_;
  as_cluster_shm_s* header_;
};

template <typename Due>
bool ClusterMap::take_over(uint32_t pid, uint64_t now_ms, Due&& due, bool& lock_broken) {
  shm::SpinGuard spin(&header_->take_over_lock);
  lock_broken = !spin.acquired();
  uint64_t stamp = shm::load_acquire(&header_->timestamp);
  if (!due(stamp)) return false;
  // A new stamp equal to the old would let a second taker's CAS succeed too.
  if (!shm::cas_acq_rel(&header_->timestamp, stamp, now_ms == stamp ? now_ms + 1 : now_ms))
    return false;
  shm::store_release(&header_->owner_pid, pid);
  shm::store_release(&header_->lock, uint8_t{1});
  return true;
}

}  // namespace aeroshim
