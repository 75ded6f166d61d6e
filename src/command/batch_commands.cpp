#include "command/batch_commands.h"

#include "command/batch_executor.h"
#include "command/batch_rows.h"
#include "ops/binops.h"
#include "proto/message.h"

#include <vector>

namespace aeroshim {
namespace {

const as_policy_batch& parent_read(aerospike* as, const as_policy_batch* p) {
  return p ? *p : as->config.policies.batch;
}

const as_policy_batch& parent_write(aerospike* as, const as_policy_batch* p) {
  return p ? *p : as->config.policies.batch_parent_write;
}

CommandOutcome run_records(aerospike* as, const as_policy_batch& policy, as_batch_records* records,
                           bool has_write) {
  BatchJob job;
  job.as = as;
  job.policy = &policy;
  job.has_write = has_write;
  if (Status rows = batch_rows::from_records(as, *records, job); !rows)
    return CommandOutcome{std::move(rows)};
  return run_batch(job);
}

// The keys API: every key gets the template row; the listener sees all
// results once the keys were sent, whatever the outcome, as in 7.4.0.
CommandOutcome run_keys(aerospike* as, const as_policy_batch& policy, const as_batch& batch,
                        const batch_rows::KeyTemplate& row, bool has_write,
                        as_batch_listener listener, void* udata) {
  BatchJob job;
  job.as = as;
  job.policy = &policy;
  job.has_write = has_write;
  std::vector<as_batch_result> results(batch.keys.size);
  batch_rows::from_keys(batch, row, results.data(), job);
  bool executed = false;
  CommandOutcome outcome = run_batch(job, &executed);
  if (executed && listener)
    listener(results.empty() ? nullptr : results.data(), batch.keys.size, udata);
  for (auto& r : results) as_record_destroy(&r.record);
  return outcome;
}

}  // namespace

CommandOutcome batch_read(aerospike* as, const as_policy_batch* policy, as_batch_records* records) {
  return run_records(as, parent_read(as, policy), records, false);
}

CommandOutcome batch_write(aerospike* as, const as_policy_batch* policy,
                           as_batch_records* records) {
  return run_records(as, parent_write(as, policy), records, true);
}

CommandOutcome batch_get(aerospike* as, const as_policy_batch* policy, const as_batch* batch,
                         as_batch_listener listener, void* udata) {
  const as_policy_batch& p = parent_read(as, policy);
  batch_rows::KeyTemplate row;
  row.attr = batch_rows::read_header(p);
  row.attr.read_attr |= proto::kInfo1GetAll;
  row.read_all_bins = true;
  return run_keys(as, p, *batch, row, false, listener, udata);
}

CommandOutcome batch_get_bins(aerospike* as, const as_policy_batch* policy, const as_batch* batch,
                              const char** bins, uint32_t n_bins, as_batch_listener listener,
                              void* udata) {
  const as_policy_batch& p = parent_read(as, policy);
  batch_rows::KeyTemplate row;
  row.attr = batch_rows::read_header(p);
  row.bin_names = bins;
  row.n_bin_names = n_bins;
  return run_keys(as, p, *batch, row, false, listener, udata);
}

CommandOutcome batch_get_ops(aerospike* as, const as_policy_batch* policy, const as_batch* batch,
                             as_operations* ops, as_batch_listener listener, void* udata) {
  const as_policy_batch& p = parent_read(as, policy);
  batch_rows::KeyTemplate row;
  row.attr = batch_rows::read_header(p);
  batch_rows::read_ops(row.attr, *ops);
  row.ops = ops;
  return run_keys(as, p, *batch, row, false, listener, udata);
}

CommandOutcome batch_exists(aerospike* as, const as_policy_batch* policy, const as_batch* batch,
                            as_batch_listener listener, void* udata) {
  const as_policy_batch& p = parent_read(as, policy);
  batch_rows::KeyTemplate row;
  row.attr = batch_rows::read_header(p);
  row.attr.read_attr |= proto::kInfo1NoBinData;
  return run_keys(as, p, *batch, row, false, listener, udata);
}

CommandOutcome batch_operate(aerospike* as, const as_policy_batch* policy,
                             const as_policy_batch_write* policy_write, const as_batch* batch,
                             as_operations* ops, as_batch_listener listener, void* udata) {
  if (!operations_has_write(ops)) return batch_get_ops(as, policy, batch, ops, listener, udata);
  const as_policy_batch& p = parent_write(as, policy);
  const as_policy_batch_write& w = policy_write ? *policy_write : as->config.policies.batch_write;
  batch_rows::KeyTemplate row;
  row.kind = proto::BatchRowKind::kWrite;
  row.attr = batch_rows::write(*ops, w);
  row.ops = ops;
  row.policy = &w;
  return run_keys(as, p, *batch, row, true, listener, udata);
}

CommandOutcome batch_apply(aerospike* as, const as_policy_batch* policy,
                           const as_policy_batch_apply* policy_apply, const as_batch* batch,
                           const char* module, const char* function, as_list* arglist,
                           as_batch_listener listener, void* udata) {
  const as_policy_batch& p = parent_write(as, policy);
  const as_policy_batch_apply& a = policy_apply ? *policy_apply : as->config.policies.batch_apply;
  batch_rows::KeyTemplate row;
  row.kind = proto::BatchRowKind::kApply;
  row.attr = batch_rows::apply(a);
  row.module = module;
  row.function = function;
  row.arglist = arglist;
  row.policy = &a;
  return run_keys(as, p, *batch, row, true, listener, udata);
}

CommandOutcome batch_remove(aerospike* as, const as_policy_batch* policy,
                            const as_policy_batch_remove* policy_remove, const as_batch* batch,
                            as_batch_listener listener, void* udata) {
  const as_policy_batch& p = parent_write(as, policy);
  const as_policy_batch_remove& r =
      policy_remove ? *policy_remove : as->config.policies.batch_remove;
  batch_rows::KeyTemplate row;
  row.kind = proto::BatchRowKind::kRemove;
  row.attr = batch_rows::remove(r);
  row.policy = &r;
  return run_keys(as, p, *batch, row, true, listener, udata);
}

}  // namespace aeroshim
