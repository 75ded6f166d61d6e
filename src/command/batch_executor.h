// Runs a batch the way 7.4.0's as_batch_records_execute and
// as_batch_keys_execute do: keys are mapped to nodes by the replica policy,
// each node gets one batch-index command (a node with a single key gets the
// single-record command instead, as stock sends it), sequentially or one
// thread per node when `concurrent`, and a failed node command is retried
// by splitting its unanswered keys over the nodes their replicas now name
// (the master-only policy retries in place). Every row ends with a result;
// the call's outcome is the first node failure, else BATCH_FAILED when any
// row failed with something other than NOT_FOUND or FILTERED_OUT.
#pragma once

#include "command/executor.h"
#include "core/status.h"
#include "proto/batch_request.h"

#include <aerospike/aerospike.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_record.h>

#include <cstdint>
#include <vector>

namespace aeroshim {

// Where one row's outcome is written.
struct BatchSlot {
  as_status* result = nullptr;
  as_record* record = nullptr;  // initialised, owned by the caller
  bool* in_doubt = nullptr;
};

struct BatchJob {
  aerospike* as = nullptr;
  const as_policy_batch* policy = nullptr;  // the parent policy, merged
  bool has_write = false;                   // the batch holds writes: the write replica rules
  bool keys_mode = false;                   // the as_batch API (one template for every key)
  const as_exp* header_filter = nullptr;    // the message's own filter expression
  std::vector<proto::BatchRow> rows;
  std::vector<BatchSlot> slots;
  // Per row: its as_policy_batch_read/_write/_apply/_remove, or NULL for
  // the client's defaults (the single-record path copies from it).
  std::vector<const void*> row_policies;
};

// Digests are computed here; rows must point at their keys. `executed`
// (when not NULL) is set once the keys were mapped to nodes, so results
// exist to report even when the call fails. The outcome's in_doubt is that
// of the node failure it reports, as 7.4.0's as_error carries it.
CommandOutcome run_batch(BatchJob& job, bool* executed = nullptr);

}  // namespace aeroshim
