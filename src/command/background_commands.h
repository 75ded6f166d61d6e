// Background scans and queries (aerospike_scan_background,
// aerospike_query_background): write operations or a record UDF applied by
// every node to the records it masters, started on all nodes with one task
// id the caller may choose (0: drawn) and then followed with the job calls.
#pragma once

#include "core/status.h"

#include <aerospike/aerospike.h>
#include <aerospike/aerospike_query.h>
#include <aerospike/aerospike_scan.h>

#include <cstdint>

namespace aeroshim {

Status scan_background(aerospike* as, const as_policy_scan* policy, const as_scan* scan,
                       uint64_t* scan_id);
Status query_background(aerospike* as, const as_policy_write* policy, const as_query* query,
                        uint64_t* query_id);

}  // namespace aeroshim
