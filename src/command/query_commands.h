// The synchronous foreground queries of aerospike_query.h over the
// partition engine: the secondary-index predicate (or none: a scan in
// query form), projection, read operations and the policy's duration
// hints, every partition (foreach) or a filter's range (partitions,
// resumable). Aggregations (as_query_apply) are not run by this client
// yet and are refused with UNSUPPORTED_FEATURE rather than run wrongly.
#pragma once

#include "core/status.h"
#include "proto/message.h"

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

// The index fields of a query's predicate, in 7.4.0's order: INDEX_TYPE
// (unless default), INDEX_RANGE, INDEX_CONTEXT, INDEX_NAME,
// INDEX_EXPRESSION. PARAM for a predicate no index can answer.
Status query_index_fields(const as_predicate& pred, std::vector<proto::Field>& fields);

}  // namespace aeroshim
