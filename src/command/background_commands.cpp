#include "command/background_commands.h"

#include "cluster/cluster.h"
#include "command/command_cluster.h"
#include "command/executor.h"
#include "command/partition_scan.h"
#include "command/query_commands.h"
#include "core/status_names.h"
#include "ops/binops.h"
#include "proto/message.h"
#include "proto/reply.h"
#include "proto/scan_request.h"
#include "proto/wire_buffer.h"

#include <aerospike/as_cluster.h>
#include <aerospike/as_operations.h>

#include <vector>

namespace aeroshim {
namespace {

// The job answers with LAST alone; NOT_FOUND (a set the node lacks) is
// nothing to do there, as 7.4.0 reads it.
Status parse_start(void*, const uint8_t* body, size_t size, as_node*, bool& last) {
  const uint8_t* p = body;
  const uint8_t* end = body + size;
  while (p < end) {
    auto reply = proto::next_message(p, end);
    if (!reply) return reply.status();
    const auto code = static_cast<as_status>(reply->result_code);
    if (code == AEROSPIKE_ERR_RECORD_NOT_FOUND || (reply->info3 & proto::kInfo3Last)) {
      last = true;
      if (code != AEROSPIKE_OK && code != AEROSPIKE_ERR_RECORD_NOT_FOUND)
        return Status(code, status_name(code));
      return Status::ok();
    }
    if (code != AEROSPIKE_OK) return Status(code, status_name(code));
    return Status(AEROSPIKE_ERR_CLIENT, "Server does not support background query with operations");
  }
  return Status::ok();
}

// Sends the job to every node, one after another, each once.
Status start_everywhere(aerospike* as, const as_policy_base& policy, proto::ScanRequest& request,
                        uint64_t* id) {
  auto cluster = command_cluster(as, policy);
  if (!cluster) return cluster.status();
  as_cluster_add_command_count((*cluster)->view());
  auto reserved = reserve_all_nodes(**cluster);
  if (!reserved) return reserved.status();
  const std::vector<as_node*>& list = reserved->nodes();
  request.task_id = id && *id ? *id : random_task_id();
  if (id) *id = request.task_id;
  Status status = Status::ok();
  proto::WireBuffer buffer;
  auto size = proto::encode_scan(request, buffer);
  if (!size) status = size.status();
  for (size_t i = 0; i < list.size() && status; ++i) {
    CommandTimer timer(policy);
    Attempt a = attempt_stream(policy, timer, list[i], buffer.data(), *size, parse_start, nullptr);
    status = std::move(a.status);
    if (a.retry && status.code() == AEROSPIKE_ERR_TIMEOUT)
      status = timeout_status(policy, a.server_timeout, 1, list[i]);
  }
  return status;
}

void write_header(const as_policy_base& base, uint32_t ttl, bool durable_delete,
                  as_policy_commit_level level, as_policy_exists exists, proto::ScanRequest& r) {
  r.info2 = proto::kInfo2Write | (durable_delete ? proto::kInfo2DurableDelete : 0);
  if (level == AS_POLICY_COMMIT_LEVEL_MASTER) r.info3 |= proto::kInfo3CommitMaster;
  switch (exists) {
    case AS_POLICY_EXISTS_UPDATE: r.info3 |= proto::kInfo3UpdateOnly; break;
    case AS_POLICY_EXISTS_CREATE_OR_REPLACE: r.info3 |= proto::kInfo3CreateOrReplace; break;
    case AS_POLICY_EXISTS_REPLACE: r.info3 |= proto::kInfo3ReplaceOnly; break;
    case AS_POLICY_EXISTS_CREATE: r.info2 |= proto::kInfo2CreateOnly; break;
    default: break;
  }
  r.record_ttl = ttl;
  r.total_timeout = (base.socket_timeout < base.total_timeout && base.socket_timeout != 0)
                        ? base.socket_timeout
                        : base.total_timeout;
  r.socket_timeout = base.socket_timeout;
  r.filter = base.filter_exp;
}

}  // namespace

Status scan_background(aerospike* as, const as_policy_scan* policy, const as_scan* scan,
                       uint64_t* scan_id) {
  const as_policy_scan& p = policy ? *policy : as->config.policies.scan;
  proto::ScanRequest r;
  r.ns = scan->ns;
  r.set = scan->set;
  r.records_per_second = p.records_per_second;
  uint32_t ttl = 0;
  if (scan->ops && scan->ops->binops.size > 0) {
    if (!operations_all_writes(scan->ops))
      return Status(AEROSPIKE_ERR_PARAM,
                    "Background scan operations must be write-only. Use scan for read-only "
                    "operations.");
    ttl = scan->ttl ? scan->ttl : scan->ops->ttl;
    if (ttl == AS_RECORD_CLIENT_DEFAULT_TTL) ttl = p.ttl;
    r.ops = scan->ops;
  } else if (scan->apply_each.function[0]) {
    ttl = scan->ttl == AS_RECORD_CLIENT_DEFAULT_TTL ? p.ttl : scan->ttl;
    r.udf_module = scan->apply_each.module;
    r.udf_function = scan->apply_each.function;
    r.udf_args = scan->apply_each.arglist;
  } else {
    // Nothing to apply: 7.4.0 sends a plain read scan of every partition,
    // which the server refuses; the caller gets the server's answer.
    r.info1 = proto::kInfo1Read | (scan->no_bins ? proto::kInfo1NoBinData : 0);
    r.info3 = proto::kInfo3PartitionDone;
    r.record_ttl = UINT32_MAX;
    r.total_timeout = p.base.total_timeout;
    r.socket_timeout = p.base.socket_timeout;
    r.filter = p.base.filter_exp;
    r.bin_names = scan->select.entries;
    r.n_bin_names = scan->select.size;
    return start_everywhere(as, p.base, r, scan_id);
  }
  write_header(p.base, ttl, p.durable_delete, AS_POLICY_COMMIT_LEVEL_ALL, AS_POLICY_EXISTS_IGNORE,
               r);
  return start_everywhere(as, p.base, r, scan_id);
}

Status query_background(aerospike* as, const as_policy_write* policy, const as_query* query,
                        uint64_t* query_id) {
  const as_policy_write& p = policy ? *policy : as->config.policies.write;
  if (!query->apply.function[0] && !query->ops)
    return Status(AEROSPIKE_ERR_PARAM, "Background function or ops is required");
  if (query->ops && !operations_all_writes(query->ops))
    return Status(AEROSPIKE_ERR_PARAM,
                  "Background query operations must be write-only. Use query for read-only "
                  "operations.");
  proto::ScanRequest r;
  r.ns = query->ns;
  r.set = query->set;
  r.records_per_second = query->records_per_second;
  if (query->where.size > 0) {
    if (Status fields = query_index_fields(query->where.entries[0], r.query_fields); !fields)
      return fields;
  }
  uint32_t ttl = 0;
  if (query->ops) {
    ttl = query->ttl ? query->ttl : query->ops->ttl;
    if (ttl == AS_RECORD_CLIENT_DEFAULT_TTL) ttl = p.ttl;
    r.ops = query->ops;
  } else {
    ttl = query->ttl == AS_RECORD_CLIENT_DEFAULT_TTL ? p.ttl : query->ttl;
    r.udf_module = query->apply.module;
    r.udf_function = query->apply.function;
    r.udf_args = query->apply.arglist;
  }
  write_header(p.base, ttl, p.durable_delete, p.commit_level, p.exists, r);
  return start_everywhere(as, p.base, r, query_id);
}

}  // namespace aeroshim
