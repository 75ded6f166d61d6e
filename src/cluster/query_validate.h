// What a query with fail_on_cluster_change asks each node before and after
// its part (7.4.0's as_query_validate_begin / as_query_validate): the
// info command "cluster-stable:namespace=NS", which a server answers with
// its cluster key in hex while no migration is running for NS and with an
// error otherwise. A key that differs from the one read at the start means
// the cluster changed under the query.
#pragma once

#include "core/status.h"

#include <aerospike/as_node.h>

#include <cstdint>
#include <string_view>

namespace aeroshim {

// The node's cluster key (never 0). Failures, as 7.4.0 reports them: the
// node's own answer (e.g. "unstable cluster", "namespace not found on
// node", with its code and " from <address>"), a network error, or
// AEROSPIKE_ERR_CLIENT "Failed to parse cluster-stable results: <answer>"
// when the answer holds no usable key. `timeout_ms` 0: no time limit.
Result<uint64_t> query_validate_begin(as_node* node, std::string_view ns, uint32_t timeout_ms);

// As query_validate_begin, then AEROSPIKE_ERR_CLUSTER_CHANGE "Cluster is in
// migration: <expected>, <current>" (both decimal) when the key differs
// from `expected_key`. An expected key of 0 (none was read) asks nothing
// and is OK.
Status query_validate(as_node* node, std::string_view ns, uint32_t timeout_ms,
                      uint64_t expected_key);

}  // namespace aeroshim
