// The synchronous batch commands of aerospike_batch.h: the records API
// (read, write: every row its own kind, key and policy) and the keys API
// (get, get_bins, get_ops, exists, operate, apply, remove: one definition
// for every key of an as_batch, results to a listener). A NULL policy is
// the client's configured batch (reads) or batch_parent_write (writes)
// policy, and a NULL row policy the configured batch_write, batch_apply or
// batch_remove one, as in 7.4.0. The outcome's in_doubt is the error's
// (the first failed node command's, by the stock write rule).
#pragma once

#include "command/executor.h"

#include <aerospike/aerospike.h>
#include <aerospike/aerospike_batch.h>
#include <aerospike/as_batch.h>

namespace aeroshim {

CommandOutcome batch_read(aerospike* as, const as_policy_batch* policy, as_batch_records* records);
CommandOutcome batch_write(aerospike* as, const as_policy_batch* policy, as_batch_records* records);

CommandOutcome batch_get(aerospike* as, const as_policy_batch* policy, const as_batch* batch,
                         as_batch_listener listener, void* udata);
CommandOutcome batch_get_bins(aerospike* as, const as_policy_batch* policy, const as_batch* batch,
                              const char** bins, uint32_t n_bins, as_batch_listener listener,
                              void* udata);
CommandOutcome batch_get_ops(aerospike* as, const as_policy_batch* policy, const as_batch* batch,
                             as_operations* ops, as_batch_listener listener, void* udata);
CommandOutcome batch_exists(aerospike* as, const as_policy_batch* policy, const as_batch* batch,
                            as_batch_listener listener, void* udata);
CommandOutcome batch_operate(aerospike* as, const as_policy_batch* policy,
                             const as_policy_batch_write* policy_write, const as_batch* batch,
                             as_operations* ops, as_batch_listener listener, void* udata);
CommandOutcome batch_apply(aerospike* as, const as_policy_batch* policy,
                           const as_policy_batch_apply* policy_apply, const as_batch* batch,
                           const char* module, const char* function, as_list* arglist,
                           as_batch_listener listener, void* udata);
CommandOutcome batch_remove(aerospike* as, const as_policy_batch* policy,
                            const as_policy_batch_remove* policy_remove, const as_batch* batch,
                            as_batch_listener listener, void* udata);

}  // namespace aeroshim
