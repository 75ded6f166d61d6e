// The rows of a batch as 7.4.0 builds them from its two APIs: the header
// bits of each row (as_batch_attr) from the row's policy or the batch's,
// and what lets consecutive rows go as "repeat the previous".
#pragma once

#include "command/batch_executor.h"

#include <aerospike/aerospike_batch.h>
#include <aerospike/as_batch.h>

namespace aeroshim::batch_rows {

proto::BatchRowAttr read_header(const as_policy_batch& policy);
proto::BatchRowAttr read_row(const as_policy_batch_read& policy);
// A read of operations that reads all bins (a READ op with no name).
void read_ops(proto::BatchRowAttr& attr, const as_operations& ops);
proto::BatchRowAttr write(const as_operations& ops, const as_policy_batch_write& policy);
proto::BatchRowAttr apply(const as_policy_batch_apply& policy);
proto::BatchRowAttr remove(const as_policy_batch_remove& policy);

// One row per record of `records` (the as_batch_records API), each
// record's result reset and its record emptied as 7.4.0 does.
Status from_records(aerospike* as, as_batch_records& records, BatchJob& job);

// The template row's fields, for the as_batch API, where every key shares
// one row definition and `attr`.
struct KeyTemplate {
  proto::BatchRowKind kind = proto::BatchRowKind::kRead;
  proto::BatchRowAttr attr;
  const char* const* bin_names = nullptr;
  uint32_t n_bin_names = 0;
  const as_operations* ops = nullptr;
  const char* module = nullptr;
  const char* function = nullptr;
  const as_list* arglist = nullptr;
  bool read_all_bins = false;
  const void* policy = nullptr;  // the row policy the single-record path copies
};

// One row per key of `batch`, its outcome in results[i] (initialised here).
void from_keys(const as_batch& batch, const KeyTemplate& row, as_batch_result* results,
               BatchJob& job);

}  // namespace aeroshim::batch_rows
