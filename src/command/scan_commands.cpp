#include "command/scan_commands.h"

#include "cluster/cluster.h"
#include "command/partition_scan.h"
#include "command/partition_tracker.h"
#include "proto/message.h"

#include <aerospike/as_cluster.h>
#include <aerospike/as_node.h>
#include <aerospike/as_operations.h>

extern "C" bool as_op_is_write[];

namespace aeroshim {
namespace {

Result<Cluster*> connected(aerospike* as) {
  Cluster* cluster = as->cluster ? Cluster::of(as->cluster) : nullptr;
  if (!cluster)
    return Status(AEROSPIKE_ERR_CLIENT,
                  "the client is not connected: call aerospike_connect first");
  return cluster;
}

Result<uint32_t> cluster_size(Cluster& cluster) {
  as_nodes* nodes = as_nodes_reserve(cluster.view());
  const uint32_t size = nodes->size;
  as_nodes_release(nodes);
  if (size == 0) return Status(AEROSPIKE_ERR_SERVER, "Command failed because cluster is empty.");
  return size;
}

// A foreground scan reads: ops, when given, must be reads.
Status foreground_request(const as_policy_scan& p, const as_scan& scan, proto::ScanRequest& r) {
  if (p.base.txn)
    return Status(AEROSPIKE_ERR_UNSUPPORTED_FEATURE,
                  "policy base.txn is set: transactions are not supported by this client");
  if (scan.ops && scan.ops->binops.size > 0) {
    for (uint16_t i = 0; i < scan.ops->binops.size; ++i) {
      if (as_op_is_write[scan.ops->binops.entries[i].op])
        return Status(AEROSPIKE_ERR_PARAM,
                      "Scan operations must be read-only. Use background scan for write-only "
                      "operations.");
    }
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

Status run(Cluster& cluster, const as_policy_scan& p, as_scan& scan, as_partition_tracker& pt,
           aerospike_scan_foreach_callback callback, void* udata) {
  PartitionScan engine;
  engine.cluster = &cluster;
  engine.policy = &p.base;
  engine.ns = scan.ns;
  engine.concurrent = scan.concurrent;
  engine.deserialize = scan.deserialize_list_map;
  engine.callback = callback;
  engine.udata = udata;
  Status status = foreground_request(p, scan, engine.request);
  if (status) status = run_partition_scan(engine, pt);
  // A failed scan resumes every partition it had not finished.
  if (!status) as_partition_error(scan.parts_all);
  tracker_destroy(pt);
  return status;
}

}  // namespace

Status scan_foreach(aerospike* as, const as_policy_scan* policy, as_scan* scan,
                    aerospike_scan_foreach_callback callback, void* udata) {
  const as_policy_scan& p = policy ? *policy : as->config.policies.scan;
  auto cluster = connected(as);
  if (!cluster) return cluster.status();
  auto size = cluster_size(**cluster);
  if (!size) return size.status();
  as_partition_tracker pt;
  if (Status init = tracker_init_nodes(pt, p.base, p.max_records, p.replica, &scan->parts_all,
                                       scan->paginate, *size);
      !init)
    return init;
  return run(**cluster, p, *scan, pt, callback, udata);
}

Status scan_node(aerospike* as, const as_policy_scan* policy, as_scan* scan, const char* node_name,
                 aerospike_scan_foreach_callback callback, void* udata) {
  const as_policy_scan& p = policy ? *policy : as->config.policies.scan;
  auto cluster = connected(as);
  if (!cluster) return cluster.status();
  as_node* node = as_node_get_by_name(as->cluster, node_name);
  if (!node) return Status::error(AEROSPIKE_ERR_PARAM, "Invalid node name: {}", node_name);
  as_partition_tracker pt;
  Status status = tracker_init_node(pt, p.base, p.max_records, p.replica, &scan->parts_all,
                                    scan->paginate, node);
  if (status) status = run(**cluster, p, *scan, pt, callback, udata);
  as_node_release(node);
  return status;
}

Status scan_partitions(aerospike* as, const as_policy_scan* policy, as_scan* scan,
                       as_partition_filter* filter, aerospike_scan_foreach_callback callback,
                       void* udata) {
  const as_policy_scan& p = policy ? *policy : as->config.policies.scan;
  auto cluster = connected(as);
  if (!cluster) return cluster.status();
  auto size = cluster_size(**cluster);
  if (!size) return size.status();
  // The filter's status becomes the scan's, so a later call resumes it.
  if (filter->parts_all && !scan->parts_all)
    scan->parts_all = as_partitions_status_reserve(filter->parts_all);
  as_partition_tracker pt;
  if (Status init = tracker_init_filter(pt, p.base, p.max_records, p.replica, &scan->parts_all,
                                        scan->paginate, *size, *filter);
      !init)
    return init;
  return run(**cluster, p, *scan, pt, callback, udata);
}

}  // namespace aeroshim
