#include "command/key_commands.h"

#include "command/command_cluster.h"
#include "command/udf_answer.h"
#include "core/status_names.h"
#include "proto/compression.h"
#include "proto/reply.h"
#include "proto/request.h"
#include "record/key.h"

#include <aerospike/as_atomic.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_string.h>

#include <cstring>

namespace aeroshim {
namespace {

// This thread's request buffers, reused by every command it sends.
thread_local proto::WireBuffer t_request;
thread_local proto::WireBuffer t_compressed;

// The largest bin count a server accepts in one record.
constexpr uint32_t kMaxBins = 32767;

uint32_t server_timeout(const as_policy_base& p) {
  return (p.socket_timeout < p.total_timeout && p.socket_timeout != 0) ? p.socket_timeout
                                                                       : p.total_timeout;
}

// What every command checks first: a connected client, no transaction (not
// served by this client yet), a key whose digest can be computed, and its
// partition in the map.
struct Prepared {
  Cluster* cluster = nullptr;
  PartitionInfo partition;
};

Result<Prepared> prepare(aerospike* as, const as_policy_base& policy, const as_key* key) {
  auto cluster = command_cluster(as, policy);
  if (!cluster) return cluster.status();
  if (Status digest = key_set_digest(const_cast<as_key*>(key)); !digest) return digest;
  auto partition = locate_partition(**cluster, *key);
  if (!partition) return partition.status();
  return Prepared{*cluster, *partition};
}

CommandTarget read_target(const Prepared& p, as_policy_replica replica,
                          as_policy_read_mode_sc mode) {
  CommandTarget t{p.partition};
  t.is_read = true;
  t.replica = replica;
  if (p.partition.sc_mode && mode == AS_POLICY_READ_MODE_SC_SESSION) {
    t.replica = AS_POLICY_REPLICA_MASTER;
  } else if (p.partition.sc_mode && mode == AS_POLICY_READ_MODE_SC_LINEARIZE) {
    if (replica == AS_POLICY_REPLICA_PREFER_RACK) t.replica = AS_POLICY_REPLICA_SEQUENCE;
    t.linearize = true;
  }
  t.replica_index = replica_start_index(p.cluster->view(), t.replica, true);
  return t;
}

CommandTarget write_target(const Prepared& p, as_policy_replica replica) {
  CommandTarget t{p.partition};
  t.is_read = false;
  t.replica = write_replica(replica);
  t.replica_index = replica_start_index(p.cluster->view(), t.replica, false);
  return t;
}

void read_mode_bits(as_policy_read_mode_ap ap, as_policy_read_mode_sc sc, proto::RequestHeader& h) {
  switch (sc) {
    case AS_POLICY_READ_MODE_SC_LINEARIZE: h.info3 |= proto::kInfo3ScReadType; break;
    case AS_POLICY_READ_MODE_SC_ALLOW_REPLICA: h.info3 |= proto::kInfo3ScReadRelax; break;
    case AS_POLICY_READ_MODE_SC_ALLOW_UNAVAILABLE:
      h.info3 |= proto::kInfo3ScReadType | proto::kInfo3ScReadRelax;
      break;
    default: break;
  }
  if (ap == AS_POLICY_READ_MODE_AP_ALL) h.info1 |= proto::kInfo1ReadModeApAll;
}

proto::RequestHeader read_header(const as_policy_read& p, uint8_t info1, bool compress_bit) {
  proto::RequestHeader h;
  h.info1 = info1;
  read_mode_bits(p.read_mode_ap, p.read_mode_sc, h);
  if (compress_bit && p.base.compress) h.info1 |= proto::kInfo1CompressResponse;
  h.record_ttl = static_cast<uint32_t>(p.read_touch_ttl_percent);
  return h;
}

struct WriteRules {
  as_policy_commit_level commit_level;
  as_policy_exists exists;
  as_policy_gen gen_policy;
  uint32_t generation;
  uint32_t ttl;
  bool durable_delete;
  bool on_locking_only;
};

void write_bits(const WriteRules& w, proto::RequestHeader& h) {
  switch (w.exists) {
    case AS_POLICY_EXISTS_UPDATE: h.info3 |= proto::kInfo3UpdateOnly; break;
    case AS_POLICY_EXISTS_CREATE_OR_REPLACE: h.info3 |= proto::kInfo3CreateOrReplace; break;
    case AS_POLICY_EXISTS_REPLACE: h.info3 |= proto::kInfo3ReplaceOnly; break;
    case AS_POLICY_EXISTS_CREATE: h.info2 |= proto::kInfo2CreateOnly; break;
    default: break;
  }
  if (w.gen_policy == AS_POLICY_GEN_EQ) {
    h.generation = w.generation;
    h.info2 |= proto::kInfo2Generation;
  } else if (w.gen_policy == AS_POLICY_GEN_GT) {
    h.generation = w.generation;
    h.info2 |= proto::kInfo2GenerationGreater;
  }
  if (w.commit_level == AS_POLICY_COMMIT_LEVEL_MASTER) h.info3 |= proto::kInfo3CommitMaster;
  if (w.durable_delete) h.info2 |= proto::kInfo2DurableDelete;
  if (w.on_locking_only) h.info4 |= proto::kInfo4TxnOnLockingOnly;
  h.record_ttl = w.ttl;
}

// What every request carries from its key and policy: the key (with the
// user key when the policy sends it), the filter expression and the timeout
// the server is given.
void address(proto::Request& request, const as_key* key, const as_policy_base& base,
             as_policy_key key_policy) {
  request.key = key;
  request.send_key = key_policy == AS_POLICY_KEY_SEND;
  request.filter = base.filter_exp;
  request.header.server_timeout = server_timeout(base);
}

// Encodes, compresses when asked and worth it, and runs the command.
CommandOutcome run(const Prepared& p, const as_policy_base& policy, CommandTarget& target,
                   const proto::Request& request, size_t compress_above, ReplyHandler handler,
                   void* context) {
  auto size = proto::encode(request, t_request);
  if (!size) return CommandOutcome{size.status()};
  const uint8_t* frame = t_request.data();
  size_t frame_size = *size;
  if (compress_above > 0 && frame_size > compress_above) {
    auto compressed = proto::compress_frame(frame, frame_size, t_compressed);
    if (!compressed) return CommandOutcome{compressed.status()};
    frame = t_compressed.data();
    frame_size = *compressed;
  }
  return execute_command(*p.cluster, policy, target, frame, frame_size, handler, context);
}

// --- answers ---------------------------------------------------------------

struct RecordContext {
  as_record** rec;
  bool deserialize;
};

Status record_answer(void* context, const proto::Reply& reply, as_node* node) {
  auto* c = static_cast<RecordContext*>(context);
  if (reply.result_code != AEROSPIKE_OK)
    return Status::error(static_cast<as_status>(reply.result_code), "{} {}",
                         as_node_get_address_string(node), status_name(reply.result_code));
  if (!c->rec) return Status::ok();
  return proto::fill_record(reply, c->rec, c->deserialize);
}

Status header_answer(void* context, const proto::Reply& reply, as_node*) {
  auto** rec = static_cast<as_record**>(context);
  if (reply.result_code != AEROSPIKE_OK)
    return Status(static_cast<as_status>(reply.result_code), status_name(reply.result_code));
  if (!rec) return Status::ok();
  return proto::fill_record_header(reply, rec);
}

const as_policy_read& read_policy(aerospike* as, const as_policy_read* policy) {
  return policy ? *policy : as->config.policies.read;
}

CommandOutcome read_record(aerospike* as, const as_policy_read& policy, const as_key* key,
                           proto::Request& request, as_record** rec) {
  auto prepared = prepare(as, policy.base, key);
  if (!prepared) return CommandOutcome{prepared.status()};
  address(request, key, policy.base, policy.key);
  CommandTarget target = read_target(*prepared, policy.replica, policy.read_mode_sc);
  RecordContext context{rec, policy.deserialize};
  return run(*prepared, policy.base, target, request, 0, record_answer, &context);
}

}  // namespace

CommandOutcome key_get(aerospike* as, const as_policy_read* policy, const as_key* key,
                       as_record** rec) {
  const as_policy_read& p = read_policy(as, policy);
  proto::Request request;
  request.header = read_header(p, proto::kInfo1Read | proto::kInfo1GetAll, true);
  return read_record(as, p, key, request, rec);
}

CommandOutcome key_select(aerospike* as, const as_policy_read* policy, const as_key* key,
                          const char* const* bins, uint32_t count, as_record** rec) {
  const as_policy_read& p = read_policy(as, policy);
  if (count == kNameListEndsWithNull) {
    count = 0;
    while (bins[count] && bins[count][0]) ++count;
  }
  proto::Request request;
  request.header = read_header(p, proto::kInfo1Read, true);
  request.names = bins;
  request.name_count = count;
  return read_record(as, p, key, request, rec);
}

CommandOutcome key_exists(aerospike* as, const as_policy_read* policy, const as_key* key,
                          as_record** rec) {
  const as_policy_read& p = read_policy(as, policy);
  auto prepared = prepare(as, p.base, key);
  if (!prepared) return CommandOutcome{prepared.status()};
  proto::Request request;
  request.header = read_header(p, proto::kInfo1Read | proto::kInfo1NoBinData, false);
  address(request, key, p.base, p.key);
  CommandTarget target = read_target(*prepared, p.replica, p.read_mode_sc);
  CommandOutcome outcome = run(*prepared, p.base, target, request, 0, header_answer, rec);
  if (!outcome.status && rec) *rec = nullptr;
  return outcome;
}

CommandOutcome key_put(aerospike* as, const as_policy_write* policy, const as_key* key,
                       as_record* rec) {
  const as_policy_write& p = policy ? *policy : as->config.policies.write;
  if (rec->bins.size > kMaxBins)
    return CommandOutcome{Status::error(AEROSPIKE_ERR_PARAM,
                                        "record has {} bins: a record holds at most {}",
                                        rec->bins.size, kMaxBins)};
  auto prepared = prepare(as, p.base, key);
  if (!prepared) return CommandOutcome{prepared.status()};
  const uint32_t ttl = rec->ttl == AS_RECORD_CLIENT_DEFAULT_TTL ? p.ttl : rec->ttl;
  proto::Request request;
  request.header.info2 = proto::kInfo2Write;
  write_bits(WriteRules{p.commit_level, p.exists, p.gen, rec->gen, ttl, p.durable_delete,
                        p.on_locking_only},
             request.header);
  address(request, key, p.base, p.key);
  request.bins = &rec->bins;
  // 7.4.0 keeps the legacy threshold and gives `compress` its default.
  size_t threshold = p.compression_threshold;
  if (p.base.compress && threshold == 0) threshold = proto::kCompressThreshold;
  CommandTarget target = write_target(*prepared, p.replica);
  return run(*prepared, p.base, target, request, threshold, header_answer, nullptr);
}

CommandOutcome key_remove(aerospike* as, const as_policy_remove* policy, const as_key* key) {
  const as_policy_remove& p = policy ? *policy : as->config.policies.remove;
  auto prepared = prepare(as, p.base, key);
  if (!prepared) return CommandOutcome{prepared.status()};
  proto::Request request;
  request.header.info2 = proto::kInfo2Write | proto::kInfo2Delete;
  write_bits(WriteRules{p.commit_level, AS_POLICY_EXISTS_IGNORE, p.gen, p.generation, 0,
                        p.durable_delete, false},
             request.header);
  address(request, key, p.base, p.key);
  CommandTarget target = write_target(*prepared, p.replica);
  return run(*prepared, p.base, target, request, 0, header_answer, nullptr);
}

namespace {

struct OperateBits {
  uint8_t info1 = 0;
  uint8_t info2 = 0;
  bool respond_all = false;
};

// The header bits the operations imply (7.4.0's as_operate_init): map,
// expression, bit and HLL operations need every op answered.
OperateBits operate_bits(const as_operations& ops) {
  OperateBits b;
  for (uint16_t i = 0; i < ops.binops.size; ++i) {
    const as_binop& op = ops.binops.entries[i];
    switch (op.op) {
      case AS_OPERATOR_MAP_READ:
      case AS_OPERATOR_EXP_READ:
      case AS_OPERATOR_BIT_READ:
      case AS_OPERATOR_HLL_READ: b.respond_all = true; [[fallthrough]];
      case AS_OPERATOR_CDT_READ:
      case AS_OPERATOR_READ:
        b.info1 |= proto::kInfo1Read;
        if (op.bin.name[0] == 0) b.info1 |= proto::kInfo1GetAll;
        break;
      case AS_OPERATOR_MAP_MODIFY:
      case AS_OPERATOR_EXP_MODIFY:
      case AS_OPERATOR_BIT_MODIFY:
      case AS_OPERATOR_HLL_MODIFY: b.respond_all = true; [[fallthrough]];
      default: b.info2 |= proto::kInfo2Write; break;
    }
  }
  return b;
}

}  // namespace

CommandOutcome key_operate(aerospike* as, const as_policy_operate* policy, const as_key* key,
                           const as_operations* ops, as_record** rec) {
  if (ops->binops.size == 0)
    return CommandOutcome{Status(AEROSPIKE_ERR_PARAM, "No operations defined")};
  const OperateBits b = operate_bits(*ops);
  const bool is_write = (b.info2 & proto::kInfo2Write) != 0;
  as_policy_operate reads_default;
  if (!policy && !is_write) {
    // Reads retry by default; the configured operate policy is the writes'.
    reads_default = as->config.policies.operate;
    reads_default.base.max_retries = 2;
    policy = &reads_default;
  }
  const as_policy_operate& p = policy ? *policy : as->config.policies.operate;
  auto prepared = prepare(as, p.base, key);
  if (!prepared) return CommandOutcome{prepared.status()};
  proto::Request request;
  request.header.info1 = b.info1;
  request.header.info2 = b.info2;
  if ((b.respond_all || p.respond_all_ops) && !(b.info1 & proto::kInfo1GetAll))
    request.header.info2 |= proto::kInfo2RespondAllOps;
  read_mode_bits(p.read_mode_ap, p.read_mode_sc, request.header);
  if (p.base.compress) request.header.info1 |= proto::kInfo1CompressResponse;
  // A read-only operate carries read_touch_ttl_percent where a TTL would go.
  const uint32_t ttl = is_write ? (ops->ttl == AS_RECORD_CLIENT_DEFAULT_TTL ? p.ttl : ops->ttl)
                                : static_cast<uint32_t>(p.read_touch_ttl_percent);
  write_bits(WriteRules{p.commit_level, p.exists, p.gen, ops->gen, ttl, p.durable_delete,
                        p.on_locking_only},
             request.header);
  address(request, key, p.base, p.key);
  request.ops = &ops->binops;
  CommandTarget target = is_write ? write_target(*prepared, p.replica)
                                  : read_target(*prepared, p.replica, p.read_mode_sc);
  RecordContext context{rec, p.deserialize};
  return run(*prepared, p.base, target, request, p.base.compress ? proto::kCompressThreshold : 0,
             record_answer, &context);
}

namespace {

Status apply_answer(void* context, const proto::Reply& reply, as_node* node) {
  auto** result = static_cast<as_val**>(context);
  Status status = Status::ok();
  if (reply.result_code == AEROSPIKE_OK) {
    status = success_or_failure(reply, result);
  } else if (reply.result_code == AEROSPIKE_ERR_UDF) {
    status = udf_failure(reply);
  } else {
    status = Status::error(static_cast<as_status>(reply.result_code), "{} {}",
                           as_node_get_address_string(node), status_name(reply.result_code));
  }
  if (!status && result) *result = nullptr;
  return status;
}

}  // namespace

CommandOutcome key_apply(aerospike* as, const as_policy_apply* policy, const as_key* key,
                         const char* module, const char* function, const as_list* arglist,
                         as_val** result) {
  const as_policy_apply& p = policy ? *policy : as->config.policies.apply;
  auto prepared = prepare(as, p.base, key);
  if (!prepared) return CommandOutcome{prepared.status()};
  proto::Request request;
  request.header.info2 = proto::kInfo2Write;
  if (p.base.compress) request.header.info1 |= proto::kInfo1CompressResponse;
  write_bits(WriteRules{p.commit_level, AS_POLICY_EXISTS_IGNORE, AS_POLICY_GEN_IGNORE, 0, p.ttl,
                        p.durable_delete, p.on_locking_only},
             request.header);
  address(request, key, p.base, p.key);
  request.udf_module = module;
  request.udf_function = function;
  request.udf_args = arglist;
  CommandTarget target = write_target(*prepared, p.replica);
  return run(*prepared, p.base, target, request, p.base.compress ? proto::kCompressThreshold : 0,
             apply_answer, result);
}

}  // namespace aeroshim
