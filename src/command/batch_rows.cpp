#include "command/batch_rows.h"

#include "ops/binops.h"
#include "proto/message.h"

#include <aerospike/as_vector.h>

namespace aeroshim::batch_rows {
namespace {

uint8_t sc_read_bits(as_policy_read_mode_sc mode) {
  switch (mode) {
    case AS_POLICY_READ_MODE_SC_LINEARIZE: return proto::kInfo3ScReadType;
    case AS_POLICY_READ_MODE_SC_ALLOW_REPLICA: return proto::kInfo3ScReadRelax;
    case AS_POLICY_READ_MODE_SC_ALLOW_UNAVAILABLE:
      return proto::kInfo3ScReadType | proto::kInfo3ScReadRelax;
    default: return 0;
  }
}

proto::BatchRowAttr read_attr(as_policy_read_mode_ap ap, as_policy_read_mode_sc sc,
                              int touch_percent) {
  proto::BatchRowAttr a;
  a.read_attr = proto::kInfo1Read;
  if (ap == AS_POLICY_READ_MODE_AP_ALL) a.read_attr |= proto::kInfo1ReadModeApAll;
  a.info_attr = sc_read_bits(sc);
  a.ttl = static_cast<uint32_t>(touch_percent);
  return a;
}

void generation_bits(as_policy_gen gen, uint16_t generation, proto::BatchRowAttr& a) {
  if (gen == AS_POLICY_GEN_EQ) {
    a.generation = generation;
    a.write_attr |= proto::kInfo2Generation;
  } else if (gen == AS_POLICY_GEN_GT) {
    a.generation = generation;
    a.write_attr |= proto::kInfo2GenerationGreater;
  }
}

void exists_bits(as_policy_exists exists, proto::BatchRowAttr& a) {
  switch (exists) {
    case AS_POLICY_EXISTS_UPDATE: a.info_attr |= proto::kInfo3UpdateOnly; break;
    case AS_POLICY_EXISTS_CREATE_OR_REPLACE: a.info_attr |= proto::kInfo3CreateOrReplace; break;
    case AS_POLICY_EXISTS_REPLACE: a.info_attr |= proto::kInfo3ReplaceOnly; break;
    case AS_POLICY_EXISTS_CREATE: a.write_attr |= proto::kInfo2CreateOnly; break;
    default: break;
  }
}

void common_write_bits(as_policy_commit_level level, bool durable_delete, as_policy_key key,
                       proto::BatchRowAttr& a) {
  a.has_write = true;
  a.send_key = key == AS_POLICY_KEY_SEND;
  if (durable_delete) a.write_attr |= proto::kInfo2DurableDelete;
  if (level == AS_POLICY_COMMIT_LEVEL_MASTER) a.info_attr |= proto::kInfo3CommitMaster;
}

Status read_record_row(const as_policy_batch& parent, const as_batch_read_record& r,
                       proto::BatchRow& row) {
  row.kind = proto::BatchRowKind::kRead;
  row.attr = r.policy ? read_row(*r.policy) : read_header(parent);
  if (r.bin_names) {
    row.bin_names = r.bin_names;
    row.n_bin_names = r.n_bin_names;
  } else if (r.ops) {
    read_ops(row.attr, *r.ops);
    row.ops = r.ops;
  } else {
    row.attr.read_attr |= r.read_all_bins ? proto::kInfo1GetAll : proto::kInfo1NoBinData;
  }
  row.read_all_bins = r.read_all_bins;
  row.shape[0] = r.bin_names;
  row.shape[1] = r.ops;
  row.shape[2] = r.policy;
  return Status::ok();
}

Status record_row(const as_policies& defaults, const as_policy_batch& parent,
                  const as_batch_base_record& base, proto::BatchRow& row, const void*& policy) {
  row.key = &base.key;
  switch (base.type) {
    case AS_BATCH_READ: {
      const auto& r = reinterpret_cast<const as_batch_read_record&>(base);
      policy = r.policy;
      return read_record_row(parent, r, row);
    }
    case AS_BATCH_WRITE: {
      const auto& w = reinterpret_cast<const as_batch_write_record&>(base);
      if (!w.ops) return Status(AEROSPIKE_ERR_PARAM, "Batch write record has no operations");
      const as_policy_batch_write& p = w.policy ? *w.policy : defaults.batch_write;
      row.kind = proto::BatchRowKind::kWrite;
      row.attr = write(*w.ops, p);
      row.ops = w.ops;
      row.shape[0] = w.ops;
      row.shape[1] = w.policy;
      row.may_repeat = p.key == AS_POLICY_KEY_DIGEST;
      policy = w.policy;
      return Status::ok();
    }
    case AS_BATCH_APPLY: {
      const auto& a = reinterpret_cast<const as_batch_apply_record&>(base);
      const as_policy_batch_apply& p = a.policy ? *a.policy : defaults.batch_apply;
      row.kind = proto::BatchRowKind::kApply;
      row.attr = apply(p);
      row.module = a.module;
      row.function = a.function;
      row.arglist = a.arglist;
      row.shape[0] = a.function;
      row.shape[1] = a.arglist;
      row.shape[2] = a.module;
      row.shape[3] = a.policy;
      row.may_repeat = p.key == AS_POLICY_KEY_DIGEST;
      policy = a.policy;
      if (!a.module || !a.function)
        return Status(AEROSPIKE_ERR_PARAM, "Batch apply record needs a module and a function");
      return Status::ok();
    }
    case AS_BATCH_REMOVE: {
      const auto& r = reinterpret_cast<const as_batch_remove_record&>(base);
      const as_policy_batch_remove& p = r.policy ? *r.policy : defaults.batch_remove;
      row.kind = proto::BatchRowKind::kRemove;
      row.attr = remove(p);
      row.shape[0] = r.policy;
      row.may_repeat = p.key == AS_POLICY_KEY_DIGEST;
      policy = r.policy;
      return Status::ok();
    }
    default:
      return Status::error(AEROSPIKE_ERR_PARAM, "Invalid batch rec type: {}",
                           static_cast<unsigned>(base.type));
  }
}

}  // namespace

proto::BatchRowAttr read_header(const as_policy_batch& p) {
  return read_attr(p.read_mode_ap, p.read_mode_sc, p.read_touch_ttl_percent);
}

proto::BatchRowAttr read_row(const as_policy_batch_read& p) {
  proto::BatchRowAttr a = read_attr(p.read_mode_ap, p.read_mode_sc, p.read_touch_ttl_percent);
  a.filter = p.filter_exp;
  return a;
}

void read_ops(proto::BatchRowAttr& attr, const as_operations& ops) {
  if (operations_read_all(&ops)) attr.read_attr |= proto::kInfo1GetAll;
}

proto::BatchRowAttr write(const as_operations& ops, const as_policy_batch_write& p) {
  proto::BatchRowAttr a;
  a.filter = p.filter_exp;
  a.write_attr = proto::kInfo2Write | proto::kInfo2RespondAllOps;
  if (!operations_all_writes(&ops)) a.read_attr |= proto::kInfo1Read;
  if (operations_read_all(&ops)) {
    a.read_attr |= proto::kInfo1GetAll;
    // Every bin is answered anyway: per-op answers would be refused.
    a.write_attr &= static_cast<uint8_t>(~proto::kInfo2RespondAllOps);
  }
  a.ttl = ops.ttl == AS_RECORD_CLIENT_DEFAULT_TTL ? p.ttl : ops.ttl;
  generation_bits(p.gen, ops.gen, a);
  exists_bits(p.exists, a);
  common_write_bits(p.commit_level, p.durable_delete, p.key, a);
  if (p.on_locking_only) a.txn_attr = proto::kInfo4TxnOnLockingOnly;
  return a;
}

proto::BatchRowAttr apply(const as_policy_batch_apply& p) {
  proto::BatchRowAttr a;
  a.filter = p.filter_exp;
  a.write_attr = proto::kInfo2Write;
  a.ttl = p.ttl;
  common_write_bits(p.commit_level, p.durable_delete, p.key, a);
  if (p.on_locking_only) a.txn_attr = proto::kInfo4TxnOnLockingOnly;
  return a;
}

proto::BatchRowAttr remove(const as_policy_batch_remove& p) {
  proto::BatchRowAttr a;
  a.filter = p.filter_exp;
  a.write_attr = proto::kInfo2Write | proto::kInfo2RespondAllOps | proto::kInfo2Delete;
  generation_bits(p.gen, p.generation, a);
  common_write_bits(p.commit_level, p.durable_delete, p.key, a);
  return a;
}

Status from_records(aerospike* as, as_batch_records& records, BatchJob& job) {
  as_vector& list = records.list;
  job.rows.resize(list.size);
  job.slots.resize(list.size);
  job.row_policies.resize(list.size);
  job.header_filter = job.policy->base.filter_exp;
  for (uint32_t i = 0; i < list.size; ++i) {
    auto* base = static_cast<as_batch_base_record*>(as_vector_get(&list, i));
    as_record_init(&base->record, 0);
    job.slots[i] = BatchSlot{&base->result, &base->record, &base->in_doubt};
    if (Status row =
            record_row(as->config.policies, *job.policy, *base, job.rows[i], job.row_policies[i]);
        !row)
      return row;
  }
  return Status::ok();
}

void from_keys(const as_batch& batch, const KeyTemplate& t, as_batch_result* results,
               BatchJob& job) {
  const uint32_t n = batch.keys.size;
  job.rows.resize(n);
  job.slots.resize(n);
  job.row_policies.assign(n, t.policy);
  job.keys_mode = true;
  job.header_filter = t.attr.filter ? t.attr.filter : job.policy->base.filter_exp;
  for (uint32_t i = 0; i < n; ++i) {
    as_batch_result& r = results[i];
    r.key = &batch.keys.entries[i];
    r.result = AEROSPIKE_NO_RESPONSE;
    r.in_doubt = false;
    as_record_init(&r.record, 0);
    proto::BatchRow& row = job.rows[i];
    row.key = r.key;
    row.kind = t.kind;
    row.attr = t.attr;
    row.attr.filter = nullptr;  // sent once, in the message header
    row.bin_names = t.bin_names;
    row.n_bin_names = t.n_bin_names;
    row.ops = t.ops;
    row.module = t.module;
    row.function = t.function;
    row.arglist = t.arglist;
    row.read_all_bins = t.read_all_bins;
    row.may_repeat = !t.attr.send_key;
    job.slots[i] = BatchSlot{&r.result, &r.record, &r.in_doubt};
  }
}

}  // namespace aeroshim::batch_rows
