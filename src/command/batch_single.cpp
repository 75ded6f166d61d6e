#include "command/batch_single.h"

#include "command/key_commands.h"

#include <aerospike/as_string.h>

#include <cstdlib>

namespace aeroshim {
namespace {

// What a read's single-record policy takes from the batch's and the row's
// (the row's read modes and filter win), for as_policy_read and
// as_policy_operate alike.
template <typename Policy>
Policy read_copy(const as_policy_batch& pb, const as_policy_batch_read* row) {
  Policy p{};
  p.base = pb.base;
  p.key = AS_POLICY_KEY_DEFAULT;
  p.replica = pb.replica;
  p.deserialize = pb.deserialize;
  p.async_heap_rec = true;
  p.read_mode_ap = row ? row->read_mode_ap : pb.read_mode_ap;
  p.read_mode_sc = row ? row->read_mode_sc : pb.read_mode_sc;
  p.read_touch_ttl_percent = row ? row->read_touch_ttl_percent : pb.read_touch_ttl_percent;
  if (row && row->filter_exp) p.base.filter_exp = row->filter_exp;
  return p;
}

as_policy_read read_policy(const as_policy_batch& pb, const as_policy_batch_read* row) {
  return read_copy<as_policy_read>(pb, row);
}

as_policy_operate operate_read_policy(const as_policy_batch& pb, const as_policy_batch_read* row) {
  auto p = read_copy<as_policy_operate>(pb, row);
  p.commit_level = AS_POLICY_COMMIT_LEVEL_DEFAULT;
  p.gen = AS_POLICY_GEN_DEFAULT;
  p.exists = AS_POLICY_EXISTS_DEFAULT;
  return p;
}

as_policy_operate operate_write_policy(const as_policy_batch& pb, const as_policy_batch_write& w) {
  as_policy_operate p{};
  p.base = pb.base;
  if (w.filter_exp) p.base.filter_exp = w.filter_exp;
  p.key = w.key;
  p.replica = pb.replica;
  p.read_mode_ap = pb.read_mode_ap;
  p.read_mode_sc = pb.read_mode_sc;
  p.commit_level = w.commit_level;
  p.gen = w.gen;
  p.exists = w.exists;
  p.ttl = w.ttl;
  p.read_touch_ttl_percent = pb.read_touch_ttl_percent;
  p.deserialize = pb.deserialize;
  p.durable_delete = w.durable_delete;
  p.on_locking_only = w.on_locking_only;
  p.async_heap_rec = true;
  p.respond_all_ops = true;
  return p;
}

as_policy_apply apply_policy(const as_policy_batch& pb, const as_policy_batch_apply& a) {
  as_policy_apply p{};
  p.base = pb.base;
  if (a.filter_exp) p.base.filter_exp = a.filter_exp;
  p.key = a.key;
  p.replica = pb.replica;
  p.commit_level = a.commit_level;
  p.ttl = a.ttl;
  p.durable_delete = a.durable_delete;
  p.on_locking_only = a.on_locking_only;
  return p;
}

as_policy_remove remove_policy(const as_policy_batch& pb, const as_policy_batch_remove& r) {
  as_policy_remove p{};
  p.base = pb.base;
  if (r.filter_exp) p.base.filter_exp = r.filter_exp;
  p.key = r.key;
  p.replica = pb.replica;
  p.commit_level = r.commit_level;
  p.gen = r.gen;
  p.generation = r.generation;
  p.durable_delete = r.durable_delete;
  return p;
}

CommandOutcome run_read(BatchJob& job, const proto::BatchRow& row, const void* policy,
                        as_record* record) {
  const auto* row_policy = static_cast<const as_policy_batch_read*>(policy);
  if (row.bin_names && row.n_bin_names > 0) {
    const as_policy_read p = read_policy(*job.policy, row_policy);
    return key_select(job.as, &p, row.key, row.bin_names, row.n_bin_names, &record);
  }
  if (row.ops) {
    const as_policy_operate p = operate_read_policy(*job.policy, row_policy);
    return key_operate(job.as, &p, row.key, row.ops, &record);
  }
  const as_policy_read p = read_policy(*job.policy, row_policy);
  if (row.read_all_bins) return key_get(job.as, &p, row.key, &record);
  return key_exists(job.as, &p, row.key, &record);
}

// A record that holds exactly one bin of the library's making.
void set_only_bin(as_record* record, const char* name, as_bin_value* value) {
  as_record_destroy(record);
  as_record_init(record, 1);
  as_record_set(record, name, value);
}

CommandOutcome run_apply(BatchJob& job, const proto::BatchRow& row, const void* policy,
                         as_record* record) {
  const auto& defaults = job.as->config.policies.batch_apply;
  const auto* row_policy = static_cast<const as_policy_batch_apply*>(policy);
  const as_policy_apply p = apply_policy(*job.policy, row_policy ? *row_policy : defaults);
  as_val* value = nullptr;
  CommandOutcome out =
      key_apply(job.as, &p, row.key, row.module, row.function, row.arglist, &value);
  if (out.status) {
    set_only_bin(record, "SUCCESS", reinterpret_cast<as_bin_value*>(value));
  } else if (out.status.code() == AEROSPIKE_ERR_UDF) {
    as_string* text = as_string_new_strdup(out.status.message().c_str());
    set_only_bin(record, "FAILURE", reinterpret_cast<as_bin_value*>(text));
  }
  return out;
}

CommandOutcome run_row(BatchJob& job, uint32_t offset) {
  const proto::BatchRow& row = job.rows[offset];
  const void* policy = job.row_policies[offset];
  as_record* record = job.slots[offset].record;
  const as_policies& defaults = job.as->config.policies;
  switch (row.kind) {
    case proto::BatchRowKind::kRead: return run_read(job, row, policy, record);
    case proto::BatchRowKind::kWrite: {
      const auto* w = static_cast<const as_policy_batch_write*>(policy);
      const as_policy_operate p = operate_write_policy(*job.policy, w ? *w : defaults.batch_write);
      return key_operate(job.as, &p, row.key, row.ops, &record);
    }
    case proto::BatchRowKind::kApply: return run_apply(job, row, policy, record);
    case proto::BatchRowKind::kRemove: {
      const auto* r = static_cast<const as_policy_batch_remove*>(policy);
      const as_policy_remove p = remove_policy(*job.policy, r ? *r : defaults.batch_remove);
      return key_remove(job.as, &p, row.key);
    }
  }
  return CommandOutcome{Status::error(AEROSPIKE_ERR_PARAM, "Invalid batch rec type: {}",
                                      static_cast<unsigned>(row.kind))};
}

}  // namespace

CommandOutcome run_single_row(BatchJob& job, uint32_t offset, std::atomic<bool>& error_row) {
  CommandOutcome out = run_row(job, offset);
  const BatchSlot& slot = job.slots[offset];
  const as_status code = out.status.code();
  if (code == AEROSPIKE_OK) {
    *slot.result = AEROSPIKE_OK;
    return CommandOutcome{};
  }
  if (is_error_row(code)) {
    *slot.in_doubt = out.in_doubt;
    error_row.store(true, std::memory_order_relaxed);
  }
  // Only the server's answers become the row's result, so a single-key
  // node reports like a node with many keys.
  if (code > AEROSPIKE_OK && code != AEROSPIKE_ERR_TIMEOUT) {
    *slot.result = code;
    return CommandOutcome{};
  }
  return out;
}

}  // namespace aeroshim
