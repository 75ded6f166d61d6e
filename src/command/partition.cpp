#include "command/partition.h"

#include "cluster/node_racks.h"
#include "cluster/node_view.h"
#include "command/command_cluster.h"
#include "record/key.h"

#include <aerospike/as_atomic.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_partition.h>

namespace aeroshim {
namespace {

// The node of one replica, reserved, if it is there and active.
as_node* active_replica(const Cluster& cluster, const PartitionInfo& p, uint32_t replica) {
  const auto index = p.table.replica_node(p.partition_id, replica);
  if (!index) return nullptr;
  as_node* node = cluster.nodes().reserve(*index);
  if (node && !node_is_active(node)) {
    as_node_release(node);
    return nullptr;
  }
  return node;
}

as_node* sequence(const Cluster& cluster, const PartitionInfo& p, uint8_t& replica_index) {
  for (uint8_t i = 0; i < p.replica_size; ++i) {
    if (as_node* node = active_replica(cluster, p, replica_index % p.replica_size)) return node;
    ++replica_index;
  }
  return nullptr;
}

bool on_rack(const Cluster& cluster, as_node* node, const char* ns, int rack_id) {
  const auto rack = cluster.map().node_rack(node_object(node)->map_index);
  if (!rack) return false;
  // -1: the node's racks differ per namespace; the map holds one, so they
  // come from the node's own racks, which the tend thread read from it.
  if (*rack == -1) return node_has_rack(node, ns, rack_id);
  return *rack == rack_id;
}

// Remembers the first node of a kind and its replica position.
struct Fallback {
  as_node* node = nullptr;
  uint32_t index = 0;
  void offer(as_node* candidate, uint32_t at) {
    if (node) return;
    as_node_reserve(candidate);
    node = candidate;
    index = at;
  }
};

as_node* prefer_rack(const Cluster& cluster, const PartitionInfo& p, const as_node* previous,
                     uint8_t& replica_index) {
  Fallback off_rack;
  Fallback again;
  for (int rack_id : cluster.command_settings().rack_ids) {
    uint32_t seq = replica_index;
    for (uint32_t j = 0; j < p.replica_size; ++j, ++seq) {
      const uint32_t index = seq % p.replica_size;
      as_node* node = active_replica(cluster, p, index);
      if (!node) continue;
      if (node != previous && on_rack(cluster, node, p.ns, rack_id)) {
        if (off_rack.node) as_node_release(off_rack.node);
        if (again.node) as_node_release(again.node);
        replica_index = static_cast<uint8_t>(index);
        return node;
      }
      if (node != previous) off_rack.offer(node, index);
      else again.offer(node, index);
      as_node_release(node);
    }
  }
  Fallback& chosen = off_rack.node ? off_rack : again;
  if (off_rack.node && again.node) as_node_release(again.node);
  if (chosen.node) replica_index = static_cast<uint8_t>(chosen.index);
  return chosen.node;
}

}  // namespace

Result<PartitionInfo> locate_namespace(const Cluster& cluster, const char* ns) {
  const auto table = cluster.map().find_namespace(ns);
  std::optional<PartitionTable> view;
  if (table) view = cluster.map().partition_table(*table);
  if (!view) {
    if (cluster_node_count(cluster) == 0)
      return Status(AEROSPIKE_ERR_NAMESPACE_NOT_FOUND, "Cluster is empty");
    return Status::error(AEROSPIKE_ERR_NAMESPACE_NOT_FOUND, "Invalid namespace: {}", ns);
  }
  PartitionInfo info{*view};
  info.ns = ns;
  info.replica_size = cluster.map().replica_size(*table);
  info.sc_mode = cluster.map().sc_mode(*table);
  if (info.replica_size == 0) info.replica_size = 1;
  return info;
}

Result<PartitionInfo> locate_partition(const Cluster& cluster, const as_key& key) {
  auto info = locate_namespace(cluster, key.ns);
  if (!info) return info;
  info->partition_id = as_partition_getid(key.digest.value, SegmentLayout::kPartitions);
  return info;
}

as_node* choose_node(const Cluster& cluster, const PartitionInfo& partition,
                     const as_node* previous, as_policy_replica replica, uint8_t& replica_index) {
  switch (replica) {
    case AS_POLICY_REPLICA_MASTER: return active_replica(cluster, partition, 0);
    case AS_POLICY_REPLICA_PREFER_RACK:
      return prefer_rack(cluster, partition, previous, replica_index);
    default: return sequence(cluster, partition, replica_index);
  }
}

as_policy_replica write_replica(as_policy_replica replica) {
  return (replica == AS_POLICY_REPLICA_MASTER || replica == AS_POLICY_REPLICA_RANDOM)
             ? replica
             : AS_POLICY_REPLICA_SEQUENCE;
}

uint8_t replica_start_index(as_cluster* view, as_policy_replica replica, bool read) {
  if (replica == AS_POLICY_REPLICA_RANDOM)
    return static_cast<uint8_t>(as_faa_uint32(&view->replica_index_random, 1) %
                                AS_MAX_REPLICATION_FACTOR);
  if (read && replica == AS_POLICY_REPLICA_ANY)
    return static_cast<uint8_t>(as_faa_uint32(&view->replica_index_any, 1) %
                                AS_MAX_REPLICATION_FACTOR);
  return 0;
}

}  // namespace aeroshim
