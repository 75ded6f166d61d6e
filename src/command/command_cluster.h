// What every data command checks before it builds anything: a connected
// client, and a policy that names no transaction (not served by this client
// yet). And the count of nodes the "cluster is empty" errors are about.
#pragma once

#include "cluster/cluster.h"
#include "core/status.h"

#include <aerospike/aerospike.h>
#include <aerospike/as_node.h>
#include <aerospike/as_policy.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace aeroshim {

// Inline: every single-record command starts here.
inline Result<Cluster*> command_cluster(const aerospike* as, const as_policy_base& policy) {
  Cluster* cluster = as->cluster ? Cluster::of(as->cluster) : nullptr;
  if (!cluster)
    return Status(AEROSPIKE_ERR_CLIENT,
                  "the client is not connected: call aerospike_connect first");
  if (policy.txn)
    return Status(AEROSPIKE_ERR_UNSUPPORTED_FEATURE,
                  "policy base.txn is set: transactions are not supported by this client");
  return cluster;
}

// The nodes in the cluster's node list now.
uint32_t cluster_node_count(const Cluster& cluster);

// Every node of the cluster's list now, each reserved while this lives: what
// commands sent to all nodes (jobs, aggregations) go through.
class ReservedNodes {
 public:
  ReservedNodes() = default;
  ReservedNodes(ReservedNodes&& other) noexcept : nodes_(std::move(other.nodes_)) {}
  ReservedNodes& operator=(ReservedNodes&&) = delete;
  ReservedNodes(const ReservedNodes&) = delete;
  ~ReservedNodes();
  const std::vector<as_node*>& nodes() const { return nodes_; }

 private:
  friend Result<ReservedNodes> reserve_all_nodes(const Cluster& cluster);
  std::vector<as_node*> nodes_;
};

// 7.4.0's as_cluster_reserve_all_nodes: "Command failed because cluster is
// empty." when there is none.
Result<ReservedNodes> reserve_all_nodes(const Cluster& cluster);

}  // namespace aeroshim
