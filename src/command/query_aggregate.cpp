#include "command/query_aggregate.h"

#include "cluster/cluster.h"
#include "cluster/query_validate.h"
#include "command/command_cluster.h"
#include "command/executor.h"
#include "command/first_failure.h"
#include "command/partition_scan.h"
#include "command/query_commands.h"
#include "command/udf_answer.h"
#include "config/lua_settings.h"
#include "core/status_names.h"
#include "proto/message.h"
#include "proto/reply.h"
#include "proto/scan_request.h"
#include "proto/wire_buffer.h"
#include "udf/stream_udf.h"

#include <aerospike/as_cluster.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace aeroshim {
namespace {

// The values all node commands read, in arrival order, for the Lua on the
// calling thread; ends once every node command has ended. Once the Lua is
// done the stream is closed: node commands stop, and what they still
// offer is freed at once.
class NodeValues final : public udf::StreamSource {
 public:
  explicit NodeValues(size_t producers) : producers_(producers) {}
  NodeValues(const NodeValues&) = delete;
  NodeValues& operator=(const NodeValues&) = delete;
  ~NodeValues() {
    for (as_val* v : queue_) as_val_destroy(v);
  }

  // Takes `value` over; false when the stream is closed.
  bool offer(as_val* value) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!closed_) {
        queue_.push_back(value);
        ready_.notify_one();
        return true;
      }
    }
    as_val_destroy(value);
    return false;
  }

  void producer_done() {
    std::lock_guard<std::mutex> lock(mutex_);
    --producers_;
    ready_.notify_one();
  }

  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
  }

  as_val* next() noexcept override {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return !queue_.empty() || producers_ == 0; });
    if (queue_.empty()) return nullptr;
    as_val* v = queue_.front();
    queue_.pop_front();
    return v;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<as_val*> queue_;
  size_t producers_;
  bool closed_ = false;
};

struct NodeCommand {
  NodeValues& values;
  FirstFailure& failure;
  const char* ns;
  uint32_t info_timeout_ms;
  uint64_t cluster_key;  // 0: the cluster is not watched (fail_on_cluster_change off)
};

// One frame of a node's answer, read as 7.4.0's as_query_parse_records
// reads a node-wide query: LAST ends it (its code the node's result),
// NOT_FOUND (a set the node lacks) ends it quietly, any other code fails
// it, and every record holds one value in bin SUCCESS or an error in bin
// FAILURE.
Status parse_values(void* context, const uint8_t* body, size_t size, as_node*, bool& last) {
  auto& command = *static_cast<NodeCommand*>(context);
  const uint8_t* p = body;
  const uint8_t* end = body + size;
  while (p < end) {
    auto reply = proto::next_message(p, end);
    if (!reply) return reply.status();
    const auto code = static_cast<as_status>(reply->result_code);
    if (reply->info3 & proto::kInfo3Last) {
      last = true;
      return code == AEROSPIKE_OK ? Status::ok() : Status(code, status_name(code));
    }
    if (code != AEROSPIKE_OK) {
      if (code != AEROSPIKE_ERR_RECORD_NOT_FOUND) return Status(code, status_name(code));
      last = true;
      return Status::ok();
    }
    as_val* value = nullptr;
    if (Status read = success_or_failure(*reply, &value); !read) return read;
    if (value && !command.values.offer(value)) return Status(AEROSPIKE_ERR_CLIENT_ABORT);
    if (command.failure.failed.load(std::memory_order_relaxed))
      return Status(AEROSPIKE_ERR_QUERY_ABORTED);
  }
  return Status::ok();
}

// One node's command, sent once, as 7.4.0's node-wide queries never retry;
// with the cluster watched, the node must still have the starting key
// before (all but the first node) and after its part.
Status node_part(const as_policy_base& policy, as_node* node, const proto::WireBuffer& request,
                 size_t size, bool first, NodeCommand& command) {
  if (command.cluster_key && !first) {
    if (Status same =
            query_validate(node, command.ns, command.info_timeout_ms, command.cluster_key);
        !same)
      return same;
  }
  CommandTimer timer(policy);
  Attempt a = attempt_stream(policy, timer, node, request.data(), size, parse_values, &command);
  Status status = std::move(a.status);
  if (a.retry && status.code() == AEROSPIKE_ERR_TIMEOUT)
    status = timeout_status(policy, a.server_timeout, 1, node);
  if (!status) return status;
  return query_validate(node, command.ns, command.info_timeout_ms, command.cluster_key);
}

void run_node(const as_policy_base& policy, as_node* node, const proto::WireBuffer& request,
              size_t size, bool first, NodeCommand& command) {
  Status status = node_part(policy, node, request, size, first, command);
  // A command the closed stream stopped did not fail: the Lua ended first.
  if (!status && status.code() != AEROSPIKE_ERR_CLIENT_ABORT)
    command.failure.set(std::move(status));
  command.values.producer_done();
}

Status build_request(const as_policy_query& policy, const as_query& query,
                     proto::ScanRequest& request) {
  if (Status built = foreground_query_request(policy, query, request); !built) return built;
  request.udf_op = 1;
  request.udf_module = query.apply.module;
  request.udf_function = query.apply.function;
  request.udf_args = query.apply.arglist;
  request.task_id = random_task_id();
  return Status::ok();
}

}  // namespace

Status query_aggregate(aerospike* as, const as_policy_query& policy, const as_query& query,
                       aerospike_query_foreach_callback callback, void* udata) {
  auto cluster = command_cluster(as, policy.base);
  if (!cluster) return cluster.status();
  proto::ScanRequest request;
  if (Status built = build_request(policy, query, request); !built) return built;
  proto::WireBuffer buffer;
  auto size = proto::encode_scan(request, buffer);
  if (!size) return size.status();
  // The module loads before any node is asked: one the client cannot run
  // fails the call at once.
  const std::string user_path = lua_user_path();
  auto lua = udf::StreamUdf::load(
      {user_path.c_str(), query.apply.module, query.apply.function, query.apply.arglist});
  if (!lua) return lua.status();

  auto reserved = reserve_all_nodes(**cluster);
  if (!reserved) return reserved.status();
  as_cluster_add_command_count((*cluster)->view());

  const std::vector<as_node*>& nodes = reserved->nodes();
  uint64_t cluster_key = 0;
  if (policy.fail_on_cluster_change) {
    auto key = query_validate_begin(nodes[0], query.ns, policy.info_timeout);
    if (!key) return key.status();
    cluster_key = *key;
  }
  NodeValues values(nodes.size());
  FirstFailure failure;
  NodeCommand command{values, failure, query.ns, policy.info_timeout, cluster_key};
  std::vector<std::thread> workers;
  workers.reserve(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    try {
      workers.emplace_back(
          [&, i] { run_node(policy.base, nodes[i], buffer, *size, i == 0, command); });
    } catch (const std::system_error& e) {
      // The nodes not started end now, so the stream still ends.
      failure.set(Status::error(AEROSPIKE_ERR_CLIENT, "Failed to add query thread: {}", e.what()));
      for (size_t j = i; j < nodes.size(); ++j) values.producer_done();
      break;
    }
  }

  // The Lua's own failure counts before the stream closes: a node command
  // the closed stream stops must not decide first.
  if (Status ran = lua->run(values, callback, udata); !ran) failure.set(std::move(ran));
  values.close();
  for (auto& w : workers) w.join();
  return failure.take();
}

}  // namespace aeroshim
