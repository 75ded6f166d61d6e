// The engine of partition scans and queries (7.4.0's as_scan_partitions and
// as_query_partitions): rounds of one command per node for the partitions
// the tracker assigned it, each sent once (the tracker, not the command,
// retries), records streamed to the callback as they are read and their
// digests kept as resume points, partition-done markers turning failed
// partitions into next-round work, and the callback's NULL once all is done.
#pragma once

#include "cluster/cluster.h"
#include "command/scan_stream.h"
#include "core/status.h"
#include "proto/scan_request.h"

#include <aerospike/as_partition_tracker.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_val.h>

#include <cstdint>

namespace aeroshim {

struct PartitionScan {
  Cluster* cluster = nullptr;
  const as_policy_base* policy = nullptr;
  const char* ns = "";
  // Everything of the request but the partitions, the limit and the task
  // id, which each node command sets.
  proto::ScanRequest request;
  bool concurrent = false;
  bool deserialize = true;
  bool query = false;  // resume points carry the index value too
  RecordCallback callback = nullptr;
  void* udata = nullptr;
};

// Runs the rounds until the tracker is complete; a callback that returns
// false ends the command successfully. The tracker is destroyed, and a
// failed run leaves `parts_all` (a paginated command's status, may be NULL)
// to resume every partition it had not finished.
Status run_partition_scan(PartitionScan& scan, as_partition_tracker& pt,
                          as_partitions_status* parts_all);

// The node count a scan or query starts from: stock's "cluster is empty"
// error when there is none (as_cluster_validate_size).
Result<uint32_t> scan_cluster_size(const Cluster& cluster);

// A fresh task id, as 7.4.0 draws one per round.
uint64_t random_task_id();

}  // namespace aeroshim
