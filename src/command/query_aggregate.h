// Queries with an aggregation (as_query_apply through
// aerospike_query_foreach), run as 7.4.0 runs them: one command to every
// node at once, the node-wide form (no partition list; the nodes run the
// stream UDF's chain up to its first reduce), each node's values read from
// bin SUCCESS into one stream, and the rest of the chain run on the client
// in Lua over that stream (udf/stream_udf.h), its results going to the
// callback, then NULL.
//
// Differences from 7.4.0, both where it loses work: the Lua runs on the
// calling thread rather than a pool thread, and once it has ended (the
// callback returned false, or the Lua failed) the node commands stop
// reading instead of reading their streams to the end into a queue no one
// reads. A SUCCESS bin that decodes to nothing is skipped; 7.4.0 queues a
// NULL, which ends the stream for the Lua early.
#pragma once

#include "core/status.h"

#include <aerospike/aerospike.h>
#include <aerospike/aerospike_query.h>

namespace aeroshim {

Status query_aggregate(aerospike* as, const as_policy_query& policy, const as_query& query,
                       aerospike_query_foreach_callback callback, void* udata);

}  // namespace aeroshim
