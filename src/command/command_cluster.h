// What every data command checks before it builds anything: a connected
// client, and a policy that names no transaction (not served by this client
// yet). And the count of nodes the "cluster is empty" errors are about.
#pragma once

#include "cluster/cluster.h"
#include "core/status.h"

#include <aerospike/aerospike.h>
#include <aerospike/as_policy.h>

#include <cstdint>

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

}  // namespace aeroshim
