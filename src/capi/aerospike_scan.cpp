// extern "C" entry points of aerospike_scan.h (the synchronous scans and
// background scans with their jobs).
#include "client/job_commands.h"
#include "command/background_commands.h"
#include "command/scan_commands.h"
#include "core/error.h"

#include <aerospike/aerospike_scan.h>

using namespace aeroshim;

extern "C" {

as_status aerospike_scan_foreach(aerospike* as, as_error* err, const as_policy_scan* policy,
                                 as_scan* scan, aerospike_scan_foreach_callback callback,
                                 void* udata) {
  return guard(err, {{as, "as"}, {scan, "scan"}},
               [&] { return scan_foreach(as, policy, scan, callback, udata); });
}

as_status aerospike_scan_node(aerospike* as, as_error* err, const as_policy_scan* policy,
                              as_scan* scan, const char* node_name,
                              aerospike_scan_foreach_callback callback, void* udata) {
  return guard(err, {{as, "as"}, {scan, "scan"}, {node_name, "node_name"}},
               [&] { return scan_node(as, policy, scan, node_name, callback, udata); });
}

as_status aerospike_scan_partitions(aerospike* as, as_error* err, const as_policy_scan* policy,
                                    as_scan* scan, as_partition_filter* pf,
                                    aerospike_scan_foreach_callback callback, void* udata) {
  return guard(err, {{as, "as"}, {scan, "scan"}, {pf, "pf"}},
               [&] { return scan_partitions(as, policy, scan, pf, callback, udata); });
}

as_status aerospike_scan_background(aerospike* as, as_error* err, const as_policy_scan* policy,
                                    const as_scan* scan, uint64_t* scan_id) {
  return guard(err, {{as, "as"}, {scan, "scan"}},
               [&] { return scan_background(as, policy, scan, scan_id); });
}

as_status aerospike_scan_wait(aerospike* as, as_error* err, const as_policy_info* policy,
                              uint64_t scan_id, uint32_t interval_ms) {
  return guard(err, {{as, "as"}},
               [&] { return job_wait(as, policy, "scan", scan_id, interval_ms); });
}

as_status aerospike_scan_info(aerospike* as, as_error* err, const as_policy_info* policy,
                              uint64_t scan_id, as_scan_info* info) {
  return guard(err, {{as, "as"}, {info, "info"}},
               [&] { return scan_info(as, policy, scan_id, info); });
}

}  // extern "C"
