// Cluster administration over info, as 7.4.0 sends it: truncate and
// secondary-index create/remove (one random node, which the server
// distributes from), and the wait for an index that polls every node's
// load_pct. The syntax follows each node's server version (8.1 renamed
// "ns" to "namespace" and "indexdata" to "bin"/"type"; 8.1.3 says INTEGER
// for NUMERIC); a node whose version this process never learned (a
// shared-memory follower's) is asked for its build first.
#pragma once

#include "core/status.h"

#include <aerospike/aerospike.h>
#include <aerospike/aerospike_index.h>
#include <aerospike/as_cdt_ctx.h>
#include <aerospike/as_exp.h>
#include <aerospike/as_node.h>
#include <aerospike/as_policy.h>

#include <cstddef>
#include <cstdint>

namespace aeroshim {

Status truncate_records(aerospike* as, const as_policy_info* policy, const char* ns,
                        const char* set, uint64_t before_nanos);

struct IndexSpec {
  const char* ns;
  const char* set;  // NULL: every set
  const char* bin;  // NULL for an expression index
  const char* name;
  as_index_type type;
  as_index_datatype datatype;
  const as_cdt_ctx* ctx;  // or NULL
  const as_exp* exp;      // or NULL
};

// Fills `task` (when given) for index_create_wait.
Status index_create(aerospike* as, const as_policy_info* policy, const IndexSpec& spec,
                    as_index_task* task);
// Polls until every node reports load_pct 100, or the task's total timeout.
Status index_create_wait(as_index_task* task, uint32_t interval_ms);
Status index_remove(aerospike* as, const as_policy_info* policy, const char* ns, const char* name);
// The command that asks `node` for the task's index status.
void index_stat_command(as_node* node, const as_index_task* task, char* command, size_t size);

// CLIENT unless `as` is connected.
Status require_cluster(const aerospike* as);

// The node's server version: as tended, or (a follower's node, built from
// the segment, which does not hold it) from a `build` request.
as_version node_server_version(aerospike* as, const as_policy_info* policy, as_node* node);

}  // namespace aeroshim
