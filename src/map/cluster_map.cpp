// ClusterMap over the stock segment layout. Writers publish with release
// ordering (entry contents first, then the count or index that makes them
// visible); readers clamp every count to the capacity this process computed
// itself, so a corrupted or foreign header can never send a read outside the
// mapping.
#include "map/cluster_map.h"

#include "core/log.h"
#include "shm/atomics.h"
#include "shm/futex.h"
#include "shm/swlock.h"

#include <aerospike/as_shm_cluster.h>

#include <algorithm>
#include <cstring>

namespace aeroshim {

using shm::load_acquire;
using shm::store_release;

static_assert(sizeof(as_cluster_shm) == SegmentLayout::kHeaderSize);
static_assert(sizeof(as_node_shm) == SegmentLayout::kNodeSize);
static_assert(sizeof(as_partition_table_shm) == SegmentLayout::kTableHeaderSize);
static_assert(sizeof(as_partition_shm) == SegmentLayout::kPartitionSize);
static_assert(offsetof(as_cluster_shm, lock) == 48 && offsetof(as_cluster_shm, ready) == 49);
static_assert(offsetof(as_node_shm, active) == 420);

namespace {

as_node_shm* node_at(unsigned char* base, const SegmentLayout& layout, uint32_t index) {
  return reinterpret_cast<as_node_shm*>(base + layout.node_offset(index));
}

as_partition_table_shm* table_at(unsigned char* base, const SegmentLayout& layout, uint32_t index) {
  return reinterpret_cast<as_partition_table_shm*>(base + layout.table_offset(index));
}

std::string bounded_string(const char* text, size_t capacity) {
  return std::string(text, strnlen(text, capacity));
}

void copy_bounded(char* target, size_t capacity, const std::string& value) {
  // Zero-filled to the end: the entry's bytes never keep a longer old value.
  const size_t n = value.copy(target, capacity - 1);
  std::memset(target + n, 0, capacity - n);
}

}  // namespace

ClusterMap::ClusterMap(void* base, uint64_t size, SegmentLayout layout)
    : layout_(layout),
      size_(size),
      base_(static_cast<unsigned char*>(base)),
      header_(static_cast<as_cluster_shm*>(base)) {}

Status ClusterMap::validate() const {
  if (size_ < layout_.total_size()) {
    return Status::error(AEROSPIKE_ERR_CLIENT,
                         "cluster map is {} bytes, smaller than the {} bytes its geometry needs",
                         size_, layout_.total_size());
  }
  if (!ready()) {
    return Status::ok();
  }
  struct Expectation {
    const char* field;
    uint32_t actual;
    uint64_t expected;
  };
  const Expectation expectations[] = {
      {"n_partitions", load_acquire(&header_->n_partitions), SegmentLayout::kPartitions},
      {"nodes_capacity", load_acquire(&header_->nodes_capacity), layout_.max_nodes()},
      {"partition_tables_capacity", load_acquire(&header_->partition_tables_capacity),
       layout_.max_namespaces()},
      {"partition_tables_offset", load_acquire(&header_->partition_tables_offset),
       layout_.tables_offset()},
      {"partition_table_byte_size", load_acquire(&header_->partition_table_byte_size),
       SegmentLayout::kTableSize},
  };
  for (const Expectation& e : expectations) {
    if (e.actual != e.expected) {
      return Status::error(AEROSPIKE_ERR_CLIENT,
                           "segment header field {} = {}, but this configuration expects {}",
                           e.field, e.actual, e.expected);
    }
  }
  uint32_t nodes_size = load_acquire(&header_->nodes_size);
  if (nodes_size > layout_.max_nodes()) {
    return Status::error(AEROSPIKE_ERR_CLIENT, "segment header nodes_size = {} exceeds capacity {}",
                         nodes_size, layout_.max_nodes());
  }
  uint32_t tables = load_acquire(&header_->partition_tables_size);
  if (tables > layout_.max_namespaces()) {
    return Status::error(AEROSPIKE_ERR_CLIENT,
                         "segment header partition_tables_size = {} exceeds capacity {}", tables,
                         layout_.max_namespaces());
  }
  return Status::ok();
}

void ClusterMap::initialize_header() {
  shm::store_relaxed(&header_->n_partitions, SegmentLayout::kPartitions);
  shm::store_relaxed(&header_->nodes_capacity, layout_.max_nodes());
  shm::store_relaxed(&header_->partition_tables_capacity, layout_.max_namespaces());
  shm::store_relaxed(&header_->partition_tables_offset,
                     static_cast<uint32_t>(layout_.tables_offset()));
  shm::store_relaxed(&header_->partition_table_byte_size, SegmentLayout::kTableSize);
}

void ClusterMap::publish_ready() {
  // Release: everything the first tend wrote is visible to whoever sees
  // ready = 1; then wake followers blocked in ShmSession::wait_ready.
  store_release(&header_->ready, uint8_t{1});
  shm::futex_wake_all(shm::state_word(header_));
}

void ClusterMap::stamp(uint64_t now_ms, uint32_t owner_pid) {
  store_release(&header_->timestamp, now_ms);
  store_release(&header_->owner_pid, owner_pid);
}

bool ClusterMap::refresh_stamp(uint32_t pid, uint64_t now_ms) {
  // The stamp is read before the owner: a takeover advances the stamp
  // first, so if the owner still reads as ours the CAS below sees the
  // taker's stamp and fails.
  uint64_t seen = load_acquire(&header_->timestamp);
  if (!owned_by(pid)) return false;
  if (seen >= now_ms) return true;
  if (shm::cas_acq_rel(&header_->timestamp, seen, now_ms)) return true;
  return owned_by(pid);
}

bool ClusterMap::try_lock() {
  uint8_t expected = 0;
  return shm::cas_acq_rel(&header_->lock, expected, uint8_t{1});
}

void ClusterMap::unlock_and_wake() {
  store_release(&header_->lock, uint8_t{0});
  shm::futex_wake_all(shm::state_word(header_));
}

bool ClusterMap::owned_by(uint32_t pid) const {
  return load_acquire(&header_->owner_pid) == pid && load_acquire(&header_->lock) == 1;
}

uint32_t ClusterMap::state_word() const { return shm::load_state_word(header_); }

void ClusterMap::wait_state_change(uint32_t seen, uint32_t timeout_ms) const {
  shm::futex_wait(shm::state_word(header_), seen, timeout_ms);
}

void ClusterMap::wake_state_waiters() const { shm::futex_wake_all(shm::state_word(header_)); }

uint32_t ClusterMap::used_nodes() const {
  return std::min(load_acquire(&header_->nodes_size), layout_.max_nodes());
}

uint32_t ClusterMap::namespace_count() const {
  return std::min(load_acquire(&header_->partition_tables_size), layout_.max_namespaces());
}

void ClusterMap::write_entry(uint32_t index, const MapNode& node) {
  as_node_shm* entry = node_at(base_, layout_, index);
  shm::WriteGuard guard(&entry->lock);
  if (!guard.drained()) {
    log_warn("node entry {} ({}): a reader never left its lock; writing anyway", index, node.name);
  }
  copy_bounded(entry->name, sizeof(entry->name), node.name);
  std::memcpy(&entry->addr, &node.address, sizeof(entry->addr));
  copy_bounded(entry->tls_name, sizeof(entry->tls_name), node.tls_name);
  shm::store_relaxed(&entry->features, node.features);
  shm::store_relaxed(&entry->rebalance_generation, node.rebalance_generation);
  shm::store_relaxed(&entry->rack_id, static_cast<int>(node.rack_id));
  store_release(&entry->active, uint8_t{1});
}

Result<uint32_t> ClusterMap::upsert_node(const MapNode& node) {
  uint32_t used = used_nodes();
  for (uint32_t i = 0; i < used; i++) {
    as_node_shm* entry = node_at(base_, layout_, i);
    if (bounded_string(entry->name, sizeof(entry->name)) == node.name) {
      write_entry(i, node);
      return i;
    }
  }
  if (used >= layout_.max_nodes()) {
    return Status::error(AEROSPIKE_ERR_CLIENT,
                         "cluster map is full: node {} does not fit in shm_max_nodes = {}",
                         node.name, layout_.max_nodes());
  }
  write_entry(used, node);
  store_release(&header_->nodes_size, used + 1);
  return used;
}

void ClusterMap::deactivate_node(uint32_t index) {
  if (index >= used_nodes()) return;
  as_node_shm* entry = node_at(base_, layout_, index);
  shm::WriteGuard guard(&entry->lock);
  store_release(&entry->active, uint8_t{0});
}

void ClusterMap::update_node(uint32_t index, const MapNode& node) {
  if (index < used_nodes()) write_entry(index, node);
}

// Acquire+release: followers that see the new generation also see the
// entries written before it.
void ClusterMap::bump_nodes_gen() { shm::fetch_add_acq_rel(&header_->nodes_gen, 1u); }

void ClusterMap::bump_rebalance_gen() { shm::fetch_add_acq_rel(&header_->rebalance_gen, 1u); }

void ClusterMap::repair_after_takeover() {
  uint32_t used = used_nodes();
  for (uint32_t i = 0; i < used; i++) {
    shm::clear_abandoned_writer(&node_at(base_, layout_, i)->lock);
  }
}

Status ClusterMap::apply_replicas(uint32_t node_index, const ReplicasUpdate& update,
                                  std::vector<uint32_t>& displaced) {
  if (node_index >= used_nodes()) {
    return Status::error(AEROSPIKE_ERR_CLIENT, "replicas for unknown node index {}", node_index);
  }
  if (update.ns.empty() || update.ns.size() >= AS_MAX_NAMESPACE_SIZE) {
    return Status::error(AEROSPIKE_ERR_CLIENT, "invalid namespace name '{}'", update.ns);
  }
  std::optional<uint32_t> found = find_namespace(update.ns);
  uint32_t table_index;
  if (found) {
    table_index = *found;
  } else {
    table_index = namespace_count();
    if (table_index >= layout_.max_namespaces()) {
      // 7.4.0's line (as_shm_add_partition_table), its spelling kept for greps.
      log_error("Failed to add partition table namespace {}. Shared memory capacity exceeeded: {}",
                update.ns, layout_.max_namespaces());
      return Status::error(AEROSPIKE_ERR_CLIENT,
                           "cluster map is full: namespace {} does not fit in {} tables", update.ns,
                           layout_.max_namespaces());
    }
    // As in stock, replication factor and SC flag are fixed when the table
    // is created; the name and both are written before the count that
    // publishes the table (release).
    as_partition_table_shm* fresh = table_at(base_, layout_, table_index);
    copy_bounded(fresh->ns, sizeof(fresh->ns), update.ns);
    shm::store_relaxed(&fresh->replica_size,
                       std::min<uint8_t>(update.replica_count, AS_MAX_REPLICATION_FACTOR));
    shm::store_relaxed(&fresh->sc_mode, uint8_t{update.regime != 0});
    store_release(&header_->partition_tables_size, table_index + 1);
  }
  as_partition_table_shm* table = table_at(base_, layout_, table_index);
  uint8_t replicas = std::min<uint8_t>(update.replica_count, AS_MAX_REPLICATION_FACTOR);
  const uint32_t stored_index = node_index + 1;
  for (uint8_t r = 0; r < replicas; r++) {
    const auto& bitmap = update.bitmaps[r];
    for (uint32_t p = 0; p < SegmentLayout::kPartitions; p++) {
      if ((bitmap[p >> 3] & (0x80 >> (p & 7))) == 0) continue;
      as_partition_shm* entry = &table->partitions[p];
      // Only this process writes entries, so relaxed loads see our own
      // stores; the node index is published with release for readers.
      uint32_t regime = shm::load_relaxed(&entry->regime);
      if (update.regime < regime) continue;
      if (update.regime > regime) shm::store_relaxed(&entry->regime, update.regime);
      uint32_t previous = shm::load_relaxed(&entry->nodes[r]);
      if (previous != stored_index) {
        if (previous != 0 && previous - 1 != node_index) displaced.push_back(previous - 1);
        store_release(&entry->nodes[r], stored_index);
      }
    }
  }
  std::sort(displaced.begin(), displaced.end());
  displaced.erase(std::unique(displaced.begin(), displaced.end()), displaced.end());
  return Status::ok();
}

bool ClusterMap::ready() const { return load_acquire(&header_->ready) != 0; }
uint32_t ClusterMap::nodes_gen() const { return load_acquire(&header_->nodes_gen); }
uint32_t ClusterMap::rebalance_gen() const { return load_acquire(&header_->rebalance_gen); }
uint64_t ClusterMap::timestamp_ms() const { return load_acquire(&header_->timestamp); }
uint32_t ClusterMap::owner_pid() const { return load_acquire(&header_->owner_pid); }

std::vector<MapNode> ClusterMap::nodes() const {
  std::vector<MapNode> result;
  uint32_t used = used_nodes();
  result.reserve(used);
  for (uint32_t i = 0; i < used; i++) {
    as_node_shm* entry = node_at(base_, layout_, i);
    MapNode node;
    shm::ReadGuard guard(&entry->lock);
    node.name = bounded_string(entry->name, sizeof(entry->name));
    std::memcpy(&node.address, &entry->addr, sizeof(node.address));
    node.tls_name = bounded_string(entry->tls_name, sizeof(entry->tls_name));
    node.features = shm::load_relaxed(&entry->features);
    node.rebalance_generation = shm::load_relaxed(&entry->rebalance_generation);
    node.rack_id = shm::load_relaxed(&entry->rack_id);
    node.active = load_acquire(&entry->active) != 0;
    result.push_back(std::move(node));
  }
  return result;
}

std::optional<std::string> ClusterMap::node_name(uint32_t index) const {
  if (index >= used_nodes()) return std::nullopt;
  as_node_shm* entry = node_at(base_, layout_, index);
  shm::ReadGuard guard(&entry->lock);
  return bounded_string(entry->name, sizeof(entry->name));
}

std::optional<int32_t> ClusterMap::node_rack(uint32_t index) const {
  if (index >= used_nodes()) return std::nullopt;
  return shm::load_relaxed(&node_at(base_, layout_, index)->rack_id);
}

std::optional<uint32_t> ClusterMap::find_namespace(std::string_view ns) const {
  if (ns.size() >= AS_MAX_NAMESPACE_SIZE) return std::nullopt;
  uint32_t count = namespace_count();
  for (uint32_t t = 0; t < count; t++) {
    const char* name = table_at(base_, layout_, t)->ns;
    if (strnlen(name, AS_MAX_NAMESPACE_SIZE) == ns.size() &&
        std::memcmp(name, ns.data(), ns.size()) == 0) {
      return t;
    }
  }
  return std::nullopt;
}

std::optional<PartitionTable> ClusterMap::partition_table(uint32_t table_index) const {
  if (table_index >= namespace_count()) return std::nullopt;
  return PartitionTable(table_at(base_, layout_, table_index)->partitions, &header_->nodes_size,
                        layout_.max_nodes());
}

std::optional<uint32_t> ClusterMap::replica_node(uint32_t table_index, uint32_t partition_id,
                                                 uint32_t replica) const {
  std::optional<PartitionTable> table = partition_table(table_index);
  if (!table) return std::nullopt;
  return table->replica_node(partition_id, replica);
}

uint8_t ClusterMap::replica_size(uint32_t table_index) const {
  if (table_index >= namespace_count()) return 0;
  return std::min<uint8_t>(shm::load_relaxed(&table_at(base_, layout_, table_index)->replica_size),
                           AS_MAX_REPLICATION_FACTOR);
}

bool ClusterMap::sc_mode(uint32_t table_index) const {
  if (table_index >= namespace_count()) return false;
  return shm::load_relaxed(&table_at(base_, layout_, table_index)->sc_mode) != 0;
}

std::string ClusterMap::namespace_name(uint32_t table_index) const {
  if (table_index >= namespace_count()) return {};
  return bounded_string(table_at(base_, layout_, table_index)->ns, AS_MAX_NAMESPACE_SIZE);
}

}  // namespace aeroshim
