// Where a key's record lives: its namespace's partition table in the
// cluster map (private or shared, the same layout) and, per attempt, the
// node a replica policy picks, exactly as 7.4.0 picks it (MASTER: the
// master or nothing; SEQUENCE, ANY, RANDOM: the first active replica from
// the rotating index; PREFER_RACK: the first active replica on a preferred
// rack that is not the node that just failed, else one off the rack, else
// that node again). Lookups read the map without a lock.
#pragma once

#include "cluster/cluster.h"
#include "core/status.h"

#include <aerospike/as_key.h>
#include <aerospike/as_node.h>
#include <aerospike/as_policy.h>

#include <cstdint>

namespace aeroshim {

struct PartitionInfo {
  PartitionTable table;
  const char* ns = nullptr;  // the key's namespace (the key outlives the command)
  uint32_t partition_id = 0;
  uint8_t replica_size = 0;
  bool sc_mode = false;
};

// The partition of a key whose digest is set; NAMESPACE_NOT_FOUND as 7.4.0
// words it ("Cluster is empty", "Invalid namespace: NS").
Result<PartitionInfo> locate_partition(const Cluster& cluster, const as_key& key);

// A namespace's table (partition_id 0), for commands that walk every
// partition (scans, queries); errors as locate_partition's.
Result<PartitionInfo> locate_namespace(const Cluster& cluster, const char* ns);

// The node for this attempt, with a reference the caller releases, or
// nullptr when no replica has an active node. `previous` is compared, never
// dereferenced: it may be gone.
as_node* choose_node(const Cluster& cluster, const PartitionInfo& partition,
                     const as_node* previous, as_policy_replica replica, uint8_t& replica_index);

// The replica a write uses: MASTER and RANDOM as asked, anything else
// SEQUENCE (7.4.0's as_command_write_replica).
as_policy_replica write_replica(as_policy_replica replica);

// Where the replica rotation starts: RANDOM (and ANY for reads) from the
// cluster's shared counters, else 0.
uint8_t replica_start_index(as_cluster* view, as_policy_replica replica, bool read);

}  // namespace aeroshim
