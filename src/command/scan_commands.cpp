#include "command/scan_commands.h"

#include "cluster/cluster.h"
#include "command/command_cluster.h"
#include "command/partition_scan.h"
#include "command/partition_tracker.h"
#include "ops/binops.h"
#include "proto/message.h"

#include <aerospike/as_cluster.h>
#include <aerospike/as_node.h>
#include <aerospike/as_operations.h>

namespace aeroshim {
namespace {

// A foreground scan reads: ops, when given, must be reads.
Status foreground_request(const as_policy_scan& p, const as_scan& scan, proto::ScanRequest& r) {
  if (scan.ops && scan.ops->binops.size > 0) {
    if (operations_has_write(scan.ops))
      return Status(AEROSPIKE_ERR_PARAM,
                    "Scan operations must be read-only. Use background scan for write-only "
                    "operations.");
    r.ops = scan.ops;
  } else {
    r.bin_names = scan.select.entries;
    r.n_bin_names = scan.select.size;
  }
  r.info1 = proto::kInfo1Read | (scan.no_bins ? proto::kInfo1NoBinData : 0) |
            (p.base.compress ? proto::kInfo1CompressResponse : 0);
  r.info3 = proto::kInfo3PartitionDone;
  r.record_ttl = UINT32_MAX;  // read_touch_ttl_percent -1: never touch
  r.total_timeout = p.base.total_timeout;
  r.ns = scan.ns;
  r.set = scan.set;
  r.records_per_second = p.records_per_second;
  r.socket_timeout = p.base.socket_timeout;
  r.filter = p.base.filter_exp;
  return Status::ok();
}

// A connected client's engine for `scan`, its request built, before any
// tracker exists (a bad request then has nothing to undo).
Status prepare(aerospike* as, const as_policy_scan& p, const as_scan& scan,
               aerospike_scan_foreach_callback callback, void* udata, PartitionScan& engine) {
  auto cluster = command_cluster(as, p.base);
  if (!cluster) return cluster.status();
  engine.cluster = *cluster;
  engine.policy = &p.base;
  engine.ns = scan.ns;
  engine.concurrent = scan.concurrent;
  engine.deserialize = scan.deserialize_list_map;
  engine.callback = callback;
  engine.udata = udata;
  return foreground_request(p, scan, engine.request);
}

}  // namespace

Status scan_foreach(aerospike* as, const as_policy_scan* policy, as_scan* scan,
                    aerospike_scan_foreach_callback callback, void* udata) {
  const as_policy_scan& p = policy ? *policy : as->config.policies.scan;
  PartitionScan engine;
  if (Status ready = prepare(as, p, *scan, callback, udata, engine); !ready) return ready;
  auto size = scan_cluster_size(*engine.cluster);
  if (!size) return size.status();
  as_partition_tracker pt;
  if (Status init = tracker_init_nodes(pt, p.base, p.max_records, p.replica, &scan->parts_all,
                                       scan->paginate, *size);
      !init)
    return init;
  return run_partition_scan(engine, pt, scan->parts_all);
}

Status scan_node(aerospike* as, const as_policy_scan* policy, as_scan* scan, const char* node_name,
                 aerospike_scan_foreach_callback callback, void* udata) {
  const as_policy_scan& p = policy ? *policy : as->config.policies.scan;
  PartitionScan engine;
  if (Status ready = prepare(as, p, *scan, callback, udata, engine); !ready) return ready;
  as_node* node = as_node_get_by_name(as->cluster, node_name);
  if (!node) return Status::error(AEROSPIKE_ERR_PARAM, "Invalid node name: {}", node_name);
  as_partition_tracker pt;
  Status status = tracker_init_node(pt, p.base, p.max_records, p.replica, &scan->parts_all,
                                    scan->paginate, node);
  if (status) status = run_partition_scan(engine, pt, scan->parts_all);
  as_node_release(node);
  return status;
}

Status scan_partitions(aerospike* as, const as_policy_scan* policy, as_scan* scan,
                       as_partition_filter* filter, aerospike_scan_foreach_callback callback,
                       void* udata) {
  const as_policy_scan& p = policy ? *policy : as->config.policies.scan;
  PartitionScan engine;
  if (Status ready = prepare(as, p, *scan, callback, udata, engine); !ready) return ready;
  auto size = scan_cluster_size(*engine.cluster);
  if (!size) return size.status();
  // The filter's status becomes the scan's, so a later call resumes it.
  if (filter->parts_all && !scan->parts_all)
    scan->parts_all = as_partitions_status_reserve(filter->parts_all);
  as_partition_tracker pt;
  if (Status init = tracker_init_filter(pt, p.base, p.max_records, p.replica, &scan->parts_all,
                                        scan->paginate, *size, *filter);
      !init)
    return init;
  return run_partition_scan(engine, pt, scan->parts_all);
}

}  // namespace aeroshim
