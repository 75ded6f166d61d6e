#include "client/admin_commands.h"

#include "client/client.h"
#include "client/info_commands.h"
#include "core/error.h"
#include "info/info_text.h"
#include "info/server_version.h"
#include "ops/base64.h"
#include "ops/cdt_ctx.h"
#include "ops/exp_compile.h"

#include <aerospike/as_cluster.h>
#include <aerospike/as_version.h>
#include <citrusleaf/cf_clock.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace aeroshim {
namespace {

constexpr uint32_t kDefaultIndexWaitMs = 1000;
constexpr uint32_t kIndexTaskTotalTimeoutMs = 30000;

// A node reserved by cluster_random_node, released on scope exit.
struct ReservedNode {
  as_node* node;
  ~ReservedNode() {
    if (node) as_node_release(node);
  }
};

bool at_least(const as_version& v, const as_version& than) {
  return version_compare(&v, &than) >= 0;
}

const char* datatype_name(as_index_datatype& datatype, bool is_set, const as_version& v) {
  // 8.1.3 calls numeric indexes INTEGER; older servers know only NUMERIC.
  if (!is_set && at_least(v, as_server_version_8_1_3) && datatype == AS_INDEX_NUMERIC)
    datatype = AS_INDEX_INTEGER;
  else if (!is_set && !at_least(v, as_server_version_8_1_3) && datatype == AS_INDEX_INTEGER)
    datatype = AS_INDEX_NUMERIC;
  switch (datatype) {
    case AS_INDEX_NUMERIC: return "NUMERIC";
    case AS_INDEX_INTEGER: return "INTEGER";
    case AS_INDEX_BLOB: return "BLOB";
    case AS_INDEX_GEO2DSPHERE: return "GEO2DSPHERE";
    default: return "STRING";
  }
}

const char* type_name(as_index_type type) {
  switch (type) {
    case AS_INDEX_TYPE_LIST: return "LIST";
    case AS_INDEX_TYPE_MAPKEYS: return "MAPKEYS";
    case AS_INDEX_TYPE_MAPVALUES: return "MAPVALUES";
    case AS_INDEX_TYPE_SET: return "SET";
    default: return "DEFAULT";
  }
}

Result<std::string> ctx_base64(const as_cdt_ctx* ctx) {
  const uint32_t size = ctx_packed_size(ctx);
  if (size == 0) return Status(AEROSPIKE_ERR_CLIENT, "Failed to pack ctx");
  std::vector<uint8_t> packed(size);
  if (ctx_to_bytes(ctx, packed.data(), size) != size)
    return Status(AEROSPIKE_ERR_CLIENT, "Failed to pack ctx");
  std::string text((size_t{size} + 2) / 3 * 4, '\0');
  b64_encode(packed.data(), size, &text[0]);
  return text;
}

// What follows "indexname=NAME" in an sindex-create for a bin or expression.
Result<std::string> index_definition(const IndexSpec& spec, const as_version& v) {
  as_index_datatype datatype = spec.datatype;
  const char* datatype_text = datatype_name(datatype, false, v);
  const std::string type_part =
      spec.type != AS_INDEX_TYPE_DEFAULT ? std::string(";indextype=") + type_name(spec.type) : "";
  if (spec.exp) {
    std::unique_ptr<char, decltype(&std::free)> b64(exp_to_base64(spec.exp), &std::free);
    if (!b64) return Status(AEROSPIKE_ERR_CLIENT, "Failed to encode the index expression");
    return std::string(";exp=") + b64.get() + type_part + ";type=" + datatype_text;
  }
  std::string out;
  if (spec.ctx) {
    auto ctx = ctx_base64(spec.ctx);
    if (!ctx) return ctx.status();
    out += ";context=" + *ctx;
  }
  out += type_part;
  if (at_least(v, as_server_version_8_1))
    return out + ";bin=" + spec.bin + ";type=" + datatype_text;
  return out + ";indexdata=" + spec.bin + "," + datatype_text;
}

Result<std::string> create_command(const IndexSpec& spec, const as_version& v) {
  std::string command = std::string("sindex-create:") +
                        (at_least(v, as_server_version_8_1) ? "namespace" : "ns") + "=" + spec.ns;
  if (spec.set) command += std::string(";set=") + spec.set;
  command += std::string(";indexname=") + spec.name;
  if (spec.type == AS_INDEX_TYPE_SET) return command + ";indextype=SET\n";
  auto definition = index_definition(spec, v);
  if (!definition) return definition.status();
  return command + *definition + "\n";
}

void stat_command(const as_version& v, const as_index_task& task, char* command, size_t size) {
  if (at_least(v, as_server_version_8_1)) {
    std::snprintf(command, size, "sindex-stat:namespace=%s;indexname=%s", task.ns, task.name);
  } else {
    std::snprintf(command, size, "sindex/%s/%s", task.ns, task.name);
  }
}

// One node's load_pct for the task's index: done (100), not yet, or an error.
Result<bool> node_index_done(aerospike* as, const as_policy_info& policy, as_node* node,
                             const as_index_task& task) {
  char command[1024];
  stat_command(node_server_version(as, &policy, node), task, command, sizeof command);
  auto answer = info_node(as, &policy, node, command);
  if (!answer) return answer.status();
  const size_t at = answer->find("load_pct=");
  if (at == std::string::npos)
    return Status::error(AEROSPIKE_ERR_REQUEST_INVALID, "Create index error: {}", *answer);
  return std::atoi(answer->c_str() + at + 9) >= 100;
}

}  // namespace

Status truncate_records(aerospike* as, const as_policy_info* policy, const char* ns,
                        const char* set, uint64_t before_nanos) {
  if (Status st = require_cluster(as); !st) return st;
  ReservedNode chosen{cluster_random_node(as->cluster)};
  if (!chosen.node) return Status(AEROSPIKE_ERR_CLIENT, "Failed to find server node.");
  std::string command = set ? std::string("truncate:namespace=") + ns + ";set=" + set
                            : std::string("truncate-namespace:namespace=") + ns;
  if (before_nanos) command += ";lut=" + std::to_string(before_nanos);
  command += '\n';
  as_policy_info as_is = policy ? *policy : as->config.policies.info;
  as_is.send_as_is = true;
  auto answer = info_node(as, &as_is, chosen.node, command.c_str());
  return answer ? Status::ok() : answer.status();
}

Status index_create(aerospike* as, const as_policy_info* policy, const IndexSpec& spec,
                    as_index_task* task) {
  if (Status st = require_cluster(as); !st) return st;
  if (!spec.bin && !spec.exp && spec.type != AS_INDEX_TYPE_SET)
    return Status(AEROSPIKE_ERR_PARAM, "bin_name is NULL: a bin index needs its bin");
  const as_policy_info& p = policy ? *policy : as->config.policies.info;
  ReservedNode chosen{cluster_random_node(as->cluster)};
  if (!chosen.node) return Status(AEROSPIKE_ERR_CLIENT, "as_node_get_random() failed");
  auto command = create_command(spec, node_server_version(as, &p, chosen.node));
  if (!command) return command.status();
  auto answer = info_node(as, &p, chosen.node, command->c_str());
  if (!answer) return answer.status();
  if (task) {
    task->as = as;
    copy_truncated(task->ns, spec.ns, sizeof task->ns);
    copy_truncated(task->name, spec.name, sizeof task->name);
    task->socket_timeout = p.timeout;
    task->total_timeout = kIndexTaskTotalTimeoutMs;
    task->done = false;
  }
  return Status::ok();
}

Status index_create_wait(as_index_task* task, uint32_t interval_ms) {
  if (task->done) return Status::ok();
  if (!task->as) return Status(AEROSPIKE_ERR_PARAM, "task->as is NULL: the task was not filled");
  if (Status st = require_cluster(task->as); !st) return st;
  as_policy_info policy{};
  policy.timeout = task->socket_timeout;
  policy.send_as_is = true;
  policy.check_bounds = true;
  if (!interval_ms) interval_ms = kDefaultIndexWaitMs;
  const uint64_t deadline = task->total_timeout ? cf_getms() + task->total_timeout : 0;
  for (;;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(interval_ms));
    as_nodes* nodes = as_nodes_reserve(task->as->cluster);
    Status status = Status::ok();
    bool done = true;
    for (uint32_t i = 0; i < nodes->size && done && status; ++i) {
      auto node_done = node_index_done(task->as, policy, nodes->array[i], *task);
      if (!node_done) status = node_done.status();
      else done = *node_done;
    }
    as_nodes_release(nodes);
    if (!status) return status;
    if (done) {
      task->done = true;
      return Status::ok();
    }
    if (deadline && cf_getms() + interval_ms > deadline)
      return Status::error(AEROSPIKE_ERR_TIMEOUT, "Timeout: {}", task->total_timeout);
  }
}

Status index_remove(aerospike* as, const as_policy_info* policy, const char* ns, const char* name) {
  if (Status st = require_cluster(as); !st) return st;
  const as_policy_info& p = policy ? *policy : as->config.policies.info;
  ReservedNode chosen{cluster_random_node(as->cluster)};
  if (!chosen.node) return Status(AEROSPIKE_ERR_CLIENT, "as_node_get_random() failed");
  const as_version v = node_server_version(as, &p, chosen.node);
  const std::string command = std::string("sindex-delete:") +
                              (at_least(v, as_server_version_8_1) ? "namespace" : "ns") + "=" + ns +
                              ";indexname=" + name;
  auto answer = info_node(as, &p, chosen.node, command.c_str());
  return answer ? Status::ok() : answer.status();
}

void index_stat_command(as_node* node, const as_index_task* task, char* command, size_t size) {
  stat_command(node->version, *task, command, size);
}

as_version node_server_version(aerospike* as, const as_policy_info* policy, as_node* node) {
  if (node->version.major != 0) return node->version;
  as_version version{};
  auto answer = info_node(as, policy, node, "build");
  if (!answer) return version;
  const InfoResponse parsed = parse_info_response(*answer);
  if (const std::string* build = parsed.find("build")) {
    if (auto v = parse_server_version(*build)) version = {v->major, v->minor, v->patch, v->build};
  }
  return version;
}

Status require_cluster(const aerospike* as) {
  if (as->cluster) return Status::ok();
  return Status(AEROSPIKE_ERR_CLIENT, "the client is not connected: call aerospike_connect first");
}

}  // namespace aeroshim
