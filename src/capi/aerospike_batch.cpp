// extern "C" entry points of aerospike_batch.h (the synchronous commands
// and the records container).
#include "capi/command_guard.h"
#include "command/batch_commands.h"
#include "record/batch_keys.h"

#include <aerospike/aerospike_batch.h>

using namespace aeroshim;

extern "C" {

as_status aerospike_batch_read(aerospike* as, as_error* err, const as_policy_batch* policy,
                               as_batch_records* records) {
  return command_guard(err, {{as, "as"}, {records, "records"}},
                       [&] { return batch_read(as, policy, records); });
}

as_status aerospike_batch_write(aerospike* as, as_error* err, const as_policy_batch* policy,
                                as_batch_records* records) {
  return command_guard(err, {{as, "as"}, {records, "records"}},
                       [&] { return batch_write(as, policy, records); });
}

as_status aerospike_batch_get(aerospike* as, as_error* err, const as_policy_batch* policy,
                              const as_batch* batch, as_batch_listener listener, void* udata) {
  return command_guard(err, {{as, "as"}, {batch, "batch"}},
                       [&] { return batch_get(as, policy, batch, listener, udata); });
}

as_status aerospike_batch_get_bins(aerospike* as, as_error* err, const as_policy_batch* policy,
                                   const as_batch* batch, const char** bins, uint32_t n_bins,
                                   as_batch_listener listener, void* udata) {
  // bins may be NULL only when there are none.
  const void* names = n_bins ? static_cast<const void*>(bins) : static_cast<const void*>(&n_bins);
  return command_guard(err, {{as, "as"}, {batch, "batch"}, {names, "bins"}}, [&] {
    return batch_get_bins(as, policy, batch, bins, n_bins, listener, udata);
  });
}

as_status aerospike_batch_get_ops(aerospike* as, as_error* err, const as_policy_batch* policy,
                                  const as_batch* batch, as_operations* ops,
                                  as_batch_listener listener, void* udata) {
  return command_guard(err, {{as, "as"}, {batch, "batch"}, {ops, "ops"}},
                       [&] { return batch_get_ops(as, policy, batch, ops, listener, udata); });
}

as_status aerospike_batch_exists(aerospike* as, as_error* err, const as_policy_batch* policy,
                                 const as_batch* batch, as_batch_listener listener, void* udata) {
  return command_guard(err, {{as, "as"}, {batch, "batch"}},
                       [&] { return batch_exists(as, policy, batch, listener, udata); });
}

as_status aerospike_batch_operate(aerospike* as, as_error* err, const as_policy_batch* policy,
                                  const as_policy_batch_write* policy_write, const as_batch* batch,
                                  as_operations* ops, as_batch_listener listener, void* udata) {
  return command_guard(err, {{as, "as"}, {batch, "batch"}, {ops, "ops"}}, [&] {
    return batch_operate(as, policy, policy_write, batch, ops, listener, udata);
  });
}

as_status aerospike_batch_apply(aerospike* as, as_error* err, const as_policy_batch* policy,
                                const as_policy_batch_apply* policy_apply, const as_batch* batch,
                                const char* module, const char* function, as_list* arglist,
                                as_batch_listener listener, void* udata) {
  return command_guard(
      err, {{as, "as"}, {batch, "batch"}, {module, "module"}, {function, "function"}}, [&] {
        return batch_apply(as, policy, policy_apply, batch, module, function, arglist, listener,
                           udata);
      });
}

as_status aerospike_batch_remove(aerospike* as, as_error* err, const as_policy_batch* policy,
                                 const as_policy_batch_remove* policy_remove, const as_batch* batch,
                                 as_batch_listener listener, void* udata) {
  return command_guard(err, {{as, "as"}, {batch, "batch"}}, [&] {
    return batch_remove(as, policy, policy_remove, batch, listener, udata);
  });
}

void as_batch_records_destroy(as_batch_records* records) {
  guard_void({{records, "records"}}, [&] { batch_records_destroy(records); });
}

}  // extern "C"
