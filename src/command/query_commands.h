// The synchronous foreground queries of aerospike_query.h over the
// partition engine: the secondary-index predicate (or none: a scan in
// query form), projection, read operations and the policy's duration
// hints, every partition (foreach) or a filter's range (partitions,
// resumable). A query with an aggregation (as_query_apply) goes to
// query_aggregate.h, as 7.4.0 sends those the node-wide way.
#pragma once

#include "core/status.h"
#include "proto/message.h"
#include "proto/scan_request.h"

#include <aerospike/aerospike.h>
#include <aerospike/aerospike_query.h>
#include <aerospike/as_partition_filter.h>

#include <vector>

namespace aeroshim {

Status query_foreach(aerospike* as, const as_policy_query* policy, as_query* query,
                     aerospike_query_foreach_callback callback, void* udata);
Status query_partitions(aerospike* as, const as_policy_query* policy, as_query* query,
                        as_partition_filter* filter, aerospike_query_foreach_callback callback,
                        void* udata);

// The request of a foreground query, everything but what each node command
// sets (partitions, limit, task id): header bits from the policy and the
// query, namespace, set, pace, socket timeout, the index fields, the filter
// expression, and the bins or read operations.
Status foreground_query_request(const as_policy_query& policy, const as_query& query,
                                proto::ScanRequest& request);

// The index fields of a query's predicate, in 7.4.0's order: INDEX_TYPE
// (unless default), INDEX_RANGE, INDEX_CONTEXT, INDEX_NAME,
// INDEX_EXPRESSION. PARAM for a predicate no index can answer.
Status query_index_fields(const as_predicate& pred, std::vector<proto::Field>& fields);

}  // namespace aeroshim
