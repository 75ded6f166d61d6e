// Which partitions a scan or query still owes, as 7.4.0's
// as_partition_tracker keeps it (the public struct is the state): every
// round assigns the partitions to retry to the nodes their replica now
// names, splits max_records over those nodes, and after the round decides
// from the partition-done markers, the per-node record counts and the
// failures whether the command is done, retries, or fails with the
// sub-errors of every round.
#pragma once

#include "cluster/cluster.h"
#include "core/status.h"

#include <aerospike/as_partition_filter.h>
#include <aerospike/as_partition_tracker.h>
#include <aerospike/as_policy.h>

#include <cstdint>

namespace aeroshim {

// The three starts of 7.4.0: every partition over the cluster's nodes, every
// partition of one node, or a filter's range. `resume` (a paginated scan's
// status) is created when NULL and `paginate`, else reused. On failure
// nothing is left to destroy; on success tracker_destroy ends it.
Status tracker_init_nodes(as_partition_tracker& pt, const as_policy_base& policy,
                          uint64_t max_records, as_policy_replica replica,
                          as_partitions_status** resume, bool paginate, uint32_t cluster_size);
Status tracker_init_node(as_partition_tracker& pt, const as_policy_base& policy,
                         uint64_t max_records, as_policy_replica replica,
                         as_partitions_status** resume, bool paginate, as_node* node);
Status tracker_init_filter(as_partition_tracker& pt, const as_policy_base& policy,
                           uint64_t max_records, as_policy_replica replica,
                           as_partitions_status** resume, bool paginate, uint32_t cluster_size,
                           as_partition_filter& filter);

Status tracker_assign(as_partition_tracker& pt, const Cluster& cluster, const char* ns);
void tracker_part_unavailable(as_partition_tracker& pt, as_node_partitions& np, uint32_t part_id);
// OK: done (or stopped at max_records); AEROSPIKE_ERR_CLIENT: go round
// again; anything else: the command's failure.
Status tracker_is_complete(as_partition_tracker& pt, const Cluster& cluster);
// A node command failure the next round can mend: its partitions retry.
bool tracker_should_retry(as_partition_tracker& pt, as_node_partitions& np, as_status status);
void tracker_destroy(as_partition_tracker& pt);

inline constexpr uint32_t kPartitionCount = 4096;

}  // namespace aeroshim
