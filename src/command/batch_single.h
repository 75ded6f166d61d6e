// A node that got only one key of a batch gets the single-record command
// instead of a batch-index one, as 7.4.0 sends it: a get, select, exists,
// operate, apply or remove under a policy copied from the batch's and the
// row's, its answer stored in the row.
#pragma once

#include "command/batch_executor.h"

#include <atomic>
#include <cstdint>

namespace aeroshim {

// The row's outcome goes to its slot. A server's answer (any code but a
// timeout) is the row's result and the call succeeds; anything else is the
// call's outcome (with its in_doubt). `error_row` is set for a failure
// other than NOT_FOUND or FILTERED_OUT.
CommandOutcome run_single_row(BatchJob& job, uint32_t offset, std::atomic<bool>& error_row);

// A row result that makes the whole batch report BATCH_FAILED.
inline bool is_error_row(as_status code) {
  return code != AEROSPIKE_ERR_RECORD_NOT_FOUND && code != AEROSPIKE_FILTERED_OUT;
}

}  // namespace aeroshim
