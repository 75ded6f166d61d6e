#include "command/batch_executor.h"

#include "cluster/cluster.h"
#include "command/batch_single.h"
#include "command/batch_stream.h"
#include "command/command_cluster.h"
#include "command/executor.h"
#include "command/partition.h"
#include "proto/compression.h"
#include "proto/frame.h"
#include "record/key.h"

#include <aerospike/as_atomic.h>
#include <aerospike/as_cluster.h>

#include <atomic>
#include <cerrno>
#include <mutex>
#include <new>
#include <optional>
#include <system_error>
#include <thread>

namespace aeroshim {
namespace {

constexpr const char* kClusterEmpty = "Batch command failed because cluster is empty.";

// The replica rules of the whole batch (7.4.0's as_batch_replica): writes
// use the write replica; SC reads use the master for SESSION and never
// PREFER_RACK for LINEARIZE.
struct BatchReplica {
  as_policy_replica replica = AS_POLICY_REPLICA_SEQUENCE;
  as_policy_replica replica_sc = AS_POLICY_REPLICA_SEQUENCE;
  uint8_t index = 0;
  uint8_t index_sc = 0;
};

BatchReplica initial_replica(as_cluster* view, const as_policy_batch& policy, bool has_write) {
  BatchReplica r;
  if (has_write) {
    r.replica = r.replica_sc = write_replica(policy.replica);
    r.index = r.index_sc = replica_start_index(view, r.replica, false);
    return r;
  }
  r.replica = r.replica_sc = policy.replica;
  r.index = r.index_sc = replica_start_index(view, r.replica, true);
  if (policy.read_mode_sc == AS_POLICY_READ_MODE_SC_SESSION) {
    r.replica_sc = AS_POLICY_REPLICA_MASTER;
    r.index_sc = 0;
  } else if (policy.read_mode_sc == AS_POLICY_READ_MODE_SC_LINEARIZE &&
             r.replica == AS_POLICY_REPLICA_PREFER_RACK) {
    r.replica_sc = AS_POLICY_REPLICA_SEQUENCE;
    r.index_sc = 0;
  }
  return r;
}

struct NodeGroup {
  as_node* node = nullptr;  // reserved
  std::vector<uint32_t> offsets;
};

// The nodes of one split, released when it goes.
struct Groups {
  std::vector<NodeGroup> list;
  Groups() = default;
  Groups(const Groups&) = delete;
  Groups& operator=(const Groups&) = delete;
  ~Groups() {
    for (auto& g : list) as_node_release(g.node);
  }
  void add(as_node* node, uint32_t offset) {
    for (auto& g : list) {
      if (g.node == node) {
        as_node_release(node);
        g.offsets.push_back(offset);
        return;
      }
    }
    list.push_back(NodeGroup{node, {offset}});
  }
};

// Where a key goes under `rep`; INVALID_NODE (or the namespace error) when
// nowhere.
Result<as_node*> node_for(const Cluster& cluster, const as_key& key, const BatchReplica& rep,
                          bool has_write, const as_node* previous) {
  auto partition = locate_partition(cluster, key);
  if (!partition) return partition.status();
  const bool sc_read = !has_write && partition->sc_mode;
  uint8_t index = sc_read ? rep.index_sc : rep.index;
  as_node* node =
      choose_node(cluster, *partition, previous, sc_read ? rep.replica_sc : rep.replica, index);
  if (!node) return Status(AEROSPIKE_ERR_INVALID_NODE);
  return node;
}

// What a node command carries into a split retry: its clock, tries and the
// replica indexes it reached.
struct Progress {
  CommandTimer timer;
  uint32_t iteration = 0;
  uint32_t sent = 0;
  BatchReplica rep;
};

class BatchRun {
 public:
  BatchRun(BatchJob& job, Cluster& cluster) : job_(job), cluster_(cluster) {}

  CommandOutcome run(Groups& groups, const BatchReplica& rep);
  bool error_row() const { return error_row_.load(std::memory_order_relaxed); }
  void mark_error_row() { error_row_.store(true, std::memory_order_relaxed); }

 private:
  CommandOutcome run_group(const NodeGroup& group, Progress* parent, const BatchReplica& rep);
  CommandOutcome run_sequential(Groups& groups, Progress* parent, const BatchReplica& rep);
  CommandOutcome run_concurrent(Groups& groups, const BatchReplica& rep);
  CommandOutcome node_command(const NodeGroup& group, Progress& progress);
  std::optional<CommandOutcome> split_retry(const NodeGroup& group, Progress& progress);
  void set_doubt(const NodeGroup& group);
  Result<size_t> encode(const NodeGroup& group, proto::WireBuffer& request,
                        proto::WireBuffer& compressed, const uint8_t*& frame);

  static Status parse_frame(void* context, const uint8_t* body, size_t size, as_node* node,
                            bool& last);

  BatchJob& job_;
  Cluster& cluster_;
  std::atomic<bool> error_row_{false};
};

struct StreamContext {
  BatchRun* run;
  const Progress* progress;
};

Status BatchRun::parse_frame(void* context, const uint8_t* body, size_t size, as_node*,
                             bool& last) {
  auto* c = static_cast<StreamContext*>(context);
  // As in 7.4.0, the send this answer belongs to is already counted.
  return parse_batch_frame(c->run->job_, body, size, c->progress->sent + 1, c->run->error_row_,
                           last);
}

Result<size_t> BatchRun::encode(const NodeGroup& group, proto::WireBuffer& request,
                                proto::WireBuffer& compressed, const uint8_t*& frame) {
  const as_policy_batch& p = *job_.policy;
  proto::BatchHeader header;
  header.total_timeout = p.base.total_timeout;
  header.compress_answer = p.base.compress;
  header.filter = job_.header_filter;
  header.flags = proto::kBatchAlways | (p.allow_inline ? proto::kBatchAllowInline : 0) |
                 (p.allow_inline_ssd ? proto::kBatchAllowInlineSsd : 0) |
                 (p.respond_all_keys ? proto::kBatchRespondAllKeys : 0);
  auto size = proto::encode_batch(header, job_.rows.data(), group.offsets.data(),
                                  group.offsets.size(), request);
  if (!size) return size;
  frame = request.data();
  if (!p.base.compress || *size <= proto::kCompressThreshold) return size;
  auto deflated = proto::compress_frame(request.data(), *size, compressed);
  if (!deflated) return deflated;
  frame = compressed.data();
  return deflated;
}

void BatchRun::set_doubt(const NodeGroup& group) {
  for (uint32_t offset : group.offsets) {
    const BatchSlot& slot = job_.slots[offset];
    if (*slot.result == AEROSPIKE_NO_RESPONSE && job_.rows[offset].attr.has_write)
      *slot.in_doubt = true;
  }
}

// 7.4.0's batch retry: keys the failed command did not get an answer for
// are mapped again (avoiding this node) and, when they now go elsewhere,
// sent as new node commands that keep this one's clock. nullopt: retry
// this command as it is.
std::optional<CommandOutcome> BatchRun::split_retry(const NodeGroup& group, Progress& progress) {
  if (cluster_node_count(cluster_) == 0)
    return CommandOutcome{Status(AEROSPIKE_ERR_SERVER, kClusterEmpty)};
  Groups groups;
  for (uint32_t offset : group.offsets) {
    if (*job_.slots[offset].result != AEROSPIKE_NO_RESPONSE) continue;
    auto node = node_for(cluster_, *job_.rows[offset].key, progress.rep,
                         job_.rows[offset].attr.has_write, group.node);
    if (!node) {
      *job_.slots[offset].result = node.status().code();
      mark_error_row();
      continue;
    }
    groups.add(*node, offset);
  }
  if (groups.list.empty() && !job_.keys_mode) return std::nullopt;
  if (groups.list.size() == 1 && groups.list[0].node == group.node) return std::nullopt;
  for (size_t i = 0; i < groups.list.size(); ++i) as_cluster_add_retry(cluster_.view());
  return run_sequential(groups, &progress, progress.rep);
}

CommandOutcome BatchRun::node_command(const NodeGroup& group, Progress& progress) {
  proto::WireBuffer request;
  proto::WireBuffer compressed;
  const uint8_t* frame = nullptr;
  auto size = encode(group, request, compressed, frame);
  if (!size) return CommandOutcome{size.status()};
  const as_policy_base& base = job_.policy->base;
  StreamContext context{this, &progress};
  Attempt last;
  for (;;) {
    last = attempt_stream(base, progress.timer, group.node, frame, *size, parse_frame, &context);
    if (last.sent) ++progress.sent;
    if (!last.retry || ++progress.iteration > base.max_retries) break;
    const as_status code = last.status.code();
    const bool node_neutral = code == AEROSPIKE_ERR_TIMEOUT ||
                              code == AEROSPIKE_ERR_NO_MORE_CONNECTIONS ||
                              code == AEROSPIKE_MAX_ERROR_RATE;
    uint32_t sleep_ms = base.sleep_between_retries;
    if (progress.rep.replica != AS_POLICY_REPLICA_MASTER && (!job_.has_write || !node_neutral)) {
      ++progress.rep.index;
      if (progress.iteration == 1) sleep_ms = 0;
    }
    if (!progress.timer.shrink_for_retry(sleep_ms)) break;
    if (sleep_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms));
    if (progress.rep.replica != AS_POLICY_REPLICA_MASTER) {
      if (code != AEROSPIKE_ERR_TIMEOUT ||
          job_.policy->read_mode_sc != AS_POLICY_READ_MODE_SC_LINEARIZE)
        ++progress.rep.index_sc;
      if (auto split = split_retry(group, progress)) return std::move(*split);
    }
    as_cluster_add_retry(cluster_.view());
  }
  Status status = std::move(last.status);
  if (last.retry && status.code() == AEROSPIKE_ERR_TIMEOUT)
    status = timeout_status(base, last.server_timeout, progress.iteration, group.node);
  const bool in_doubt = write_in_doubt(!job_.has_write, progress.sent, status.code());
  if (in_doubt) set_doubt(group);
  return CommandOutcome{std::move(status), in_doubt};
}

CommandOutcome BatchRun::run_group(const NodeGroup& group, Progress* parent,
                                   const BatchReplica& rep) {
  if (group.offsets.size() == 1) return run_single_row(job_, group.offsets[0], error_row_);
  Progress progress = parent ? *parent : Progress{CommandTimer(job_.policy->base), 0, 0, rep};
  return node_command(group, progress);
}

CommandOutcome BatchRun::run_sequential(Groups& groups, Progress* parent, const BatchReplica& rep) {
  CommandOutcome first;
  for (const NodeGroup& group : groups.list) {
    CommandOutcome s = run_group(group, parent, rep);
    if (s.status) continue;
    if (!job_.policy->respond_all_keys) return s;
    if (first.status) first = std::move(s);
  }
  return first;
}

// One thread per node, as 7.4.0 queues one task per node. Nothing may leave
// a worker or the spawning loop by exception: a joinable thread destroyed
// unjoined ends the process. A thread that cannot start fails the call as
// stock's does ("Failed to add batch thread"), its node left unanswered,
// once every started one is done.
CommandOutcome BatchRun::run_concurrent(Groups& groups, const BatchReplica& rep) {
  std::mutex lock;
  CommandOutcome first;
  std::vector<std::thread> workers;
  workers.reserve(groups.list.size());
  int spawn_error = 0;
  for (const NodeGroup& group : groups.list) {
    try {
      workers.emplace_back([&, g = &group] {
        CommandOutcome s;
        try {
          s = run_group(*g, nullptr, rep);
        } catch (...) {
          s = CommandOutcome{Status(AEROSPIKE_ERR_CLIENT)};
        }
        if (s.status) return;
        std::lock_guard<std::mutex> hold(lock);
        if (first.status) first = std::move(s);
      });
    } catch (const std::system_error& e) {
      if (spawn_error == 0) spawn_error = e.code().value();
    } catch (const std::bad_alloc&) {
      if (spawn_error == 0) spawn_error = ENOMEM;
    }
  }
  for (auto& w : workers) w.join();
  if (spawn_error != 0)
    return CommandOutcome{
        Status::error(AEROSPIKE_ERR_CLIENT, "Failed to add batch thread: {}", spawn_error)};
  return first;
}

CommandOutcome BatchRun::run(Groups& groups, const BatchReplica& rep) {
  if (job_.policy->concurrent && groups.list.size() > 1) return run_concurrent(groups, rep);
  return run_sequential(groups, nullptr, rep);
}

}  // namespace

CommandOutcome run_batch(BatchJob& job, bool* executed) {
  auto connected = command_cluster(job.as, job.policy->base);
  if (!connected) return CommandOutcome{connected.status()};
  Cluster* cluster = *connected;
  as_cluster_add_command_count(cluster->view());
  if (job.rows.empty()) {
    if (executed) *executed = true;
    return CommandOutcome{};
  }
  if (cluster_node_count(*cluster) == 0)
    return CommandOutcome{Status(AEROSPIKE_ERR_SERVER, kClusterEmpty)};
  const BatchReplica rep = initial_replica(cluster->view(), *job.policy, job.has_write);
  BatchRun run(job, *cluster);
  Groups groups;
  for (uint32_t i = 0; i < job.rows.size(); ++i) {
    // in_doubt is left as it was: 7.4.0 clears it only for the keys API's
    // fresh results, so a reused records row keeps a flag an earlier run set.
    *job.slots[i].result = AEROSPIKE_NO_RESPONSE;
    if (Status digest = key_set_digest(const_cast<as_key*>(job.rows[i].key)); !digest)
      return CommandOutcome{std::move(digest)};
    auto node = node_for(*cluster, *job.rows[i].key, rep, job.rows[i].attr.has_write, nullptr);
    if (!node) {
      *job.slots[i].result = node.status().code();
      run.mark_error_row();
      continue;
    }
    groups.add(*node, i);
  }
  if (executed) *executed = true;
  if (groups.list.empty()) return CommandOutcome{Status(AEROSPIKE_BATCH_FAILED, "Batch failed")};
  CommandOutcome outcome = run.run(groups, rep);
  if (!outcome.status) return outcome;
  if (run.error_row())
    return CommandOutcome{Status(AEROSPIKE_BATCH_FAILED, "One or more batch sub-commands failed")};
  return CommandOutcome{};
}

}  // namespace aeroshim
