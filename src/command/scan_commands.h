// The synchronous scans of aerospike_scan.h over the partition engine: all
// partitions (foreach), one node's (node), or a filter's range (partitions,
// resumable through the filter's status). A NULL policy is the client's
// configured scan policy.
#pragma once

#include "core/status.h"

#include <aerospike/aerospike.h>
#include <aerospike/aerospike_scan.h>
#include <aerospike/as_partition_filter.h>

namespace aeroshim {

Status scan_foreach(aerospike* as, const as_policy_scan* policy, as_scan* scan,
                    aerospike_scan_foreach_callback callback, void* udata);
Status scan_node(aerospike* as, const as_policy_scan* policy, as_scan* scan, const char* node_name,
                 aerospike_scan_foreach_callback callback, void* udata);
Status scan_partitions(aerospike* as, const as_policy_scan* policy, as_scan* scan,
                       as_partition_filter* filter, aerospike_scan_foreach_callback callback,
                       void* udata);

}  // namespace aeroshim
