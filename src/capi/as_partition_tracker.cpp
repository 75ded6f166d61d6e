// extern "C" entry points of as_partition_tracker.h: the scan and query
// engine's partition bookkeeping, exported by 7.4.0 and used by its scans.
#include "cluster/cluster.h"
#include "command/partition_tracker.h"
#include "core/error.h"

#include <aerospike/as_partition_tracker.h>

using namespace aeroshim;

namespace {

Result<Cluster*> cluster_of(as_cluster* view) {
  Cluster* cluster = view ? Cluster::of(view) : nullptr;
  if (!cluster) return Status(AEROSPIKE_ERR_CLIENT, "cluster: not a connected cluster");
  return cluster;
}

}  // namespace

extern "C" {

as_status as_partition_tracker_init_nodes(as_partition_tracker* pt, as_cluster* cluster,
                                          const as_policy_base* policy, uint64_t max_records,
                                          as_policy_replica replica,
                                          as_partitions_status** parts_all, bool paginate,
                                          uint32_t cluster_size, as_error* err) {
  return guard(err, {{pt, "pt"}, {cluster, "cluster"}, {policy, "policy"}}, [&] {
    return tracker_init_nodes(*pt, *policy, max_records, replica, parts_all, paginate,
                              cluster_size);
  });
}

as_status as_partition_tracker_init_node(as_partition_tracker* pt, as_cluster* cluster,
                                         const as_policy_base* policy, uint64_t max_records,
                                         as_policy_replica replica,
                                         as_partitions_status** parts_all, bool paginate,
                                         as_node* node, as_error* err) {
  return guard(err, {{pt, "pt"}, {cluster, "cluster"}, {policy, "policy"}, {node, "node"}}, [&] {
    return tracker_init_node(*pt, *policy, max_records, replica, parts_all, paginate, node);
  });
}

as_status as_partition_tracker_init_filter(as_partition_tracker* pt, as_cluster* cluster,
                                           const as_policy_base* policy, uint64_t max_records,
                                           as_policy_replica replica,
                                           as_partitions_status** parts_all, bool paginate,
                                           uint32_t cluster_size, as_partition_filter* pf,
                                           as_error* err) {
  return guard(err, {{pt, "pt"}, {cluster, "cluster"}, {policy, "policy"}, {pf, "pf"}}, [&] {
    return tracker_init_filter(*pt, *policy, max_records, replica, parts_all, paginate,
                               cluster_size, *pf);
  });
}

as_status as_partition_tracker_assign(as_partition_tracker* pt, as_cluster* cluster, const char* ns,
                                      as_error* err) {
  return guard(err, {{pt, "pt"}, {ns, "ns"}}, [&] {
    auto c = cluster_of(cluster);
    if (!c) return c.status();
    return tracker_assign(*pt, **c, ns);
  });
}

void as_partition_tracker_part_unavailable(as_partition_tracker* pt, as_node_partitions* np,
                                           uint32_t part_id) {
  guard_void({{pt, "pt"}, {np, "np"}}, [&] { tracker_part_unavailable(*pt, *np, part_id); });
}

as_status as_partition_tracker_is_complete(as_partition_tracker* pt, as_cluster* cluster,
                                           as_error* err) {
  return guard(err, {{pt, "pt"}}, [&] {
    auto c = cluster_of(cluster);
    if (!c) return c.status();
    return tracker_is_complete(*pt, **c);
  });
}

bool as_partition_tracker_should_retry(as_partition_tracker* pt, as_node_partitions* np,
                                       as_status status) {
  return guard_value(false, {{pt, "pt"}, {np, "np"}},
                     [&] { return tracker_should_retry(*pt, *np, status); });
}

void as_partition_tracker_destroy(as_partition_tracker* pt) {
  guard_void({{pt, "pt"}}, [&] { tracker_destroy(*pt); });
}

}  // extern "C"
