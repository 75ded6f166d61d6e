#include "command/executor.h"

#include "cluster/node_table.h"
#include "net/connection_pool.h"
#include "net/connection_recovery.h"
#include "proto/compression.h"
#include "proto/frame.h"
#include "proto/wire_buffer.h"

#include <aerospike/as_atomic.h>
#include <aerospike/as_cluster.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <optional>
#include <thread>

namespace aeroshim {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// This thread's answer buffers: kept between commands, so a steady
// workload reads into memory it already has.
thread_local proto::WireBuffer t_answer;
thread_local proto::WireBuffer t_inflated;
constexpr size_t kFirstRead = size_t{16} * 1024;

using Timer = CommandTimer;

Status proto_error(const uint8_t* header) {
  if (header[0] != proto::kVersion)
    return Status::error(AEROSPIKE_ERR_CLIENT, "Invalid proto version: {} Expected: {}", header[0],
                         proto::kVersion);
  return Status::error(AEROSPIKE_ERR_CLIENT, "Invalid proto type: {} Expected: {}", header[1],
                       static_cast<unsigned>(proto::FrameType::kMessage));
}

// Reads one answer frame and parses its message (inflating a compressed
// one). `started` tells whether any of it was read.
Result<proto::Reply> read_answer(Connection& connection, const Timer& timer, bool& started) {
  uint8_t* buffer = t_answer.reserve(kFirstRead);
  if (!buffer) return Status(AEROSPIKE_ERR_CLIENT, "out of memory for the answer");
  size_t got = 0;
  Status arrived = connection.read_at_least(buffer, proto::kFrameHeaderSize, t_answer.capacity(),
                                            got, timer.io_deadline());
  started = got > 0;
  if (!arrived) return arrived;
  const proto::FrameHeader header = proto::decode_frame_header(buffer);
  const bool compressed = header.type == static_cast<uint8_t>(proto::FrameType::kCompressed);
  if (header.version != proto::kVersion ||
      (header.type != static_cast<uint8_t>(proto::FrameType::kMessage) && !compressed))
    return proto_error(buffer);
  if (header.body_size == 0 || header.body_size > proto::kMaxBodySize)
    return Status::error(AEROSPIKE_ERR_CLIENT, "Invalid proto size: {}", header.body_size);
  const size_t total = proto::kFrameHeaderSize + header.body_size;
  if (total > t_answer.capacity()) buffer = t_answer.grow_keeping(total, got);
  if (!buffer)
    return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory for a {}-byte answer", total);
  if (got < total) {
    Status rest = connection.read_exactly(buffer + got, total - got, timer.io_deadline());
    if (!rest) return rest;
  }
  const uint8_t* body = buffer + proto::kFrameHeaderSize;
  size_t body_size = header.body_size;
  if (compressed) {
    auto inflated = proto::inflate_frame(body, body_size, t_inflated);
    if (!inflated) return inflated.status();
    body = t_inflated.data() + proto::kFrameHeaderSize;
    body_size = *inflated;
  }
  return proto::parse_reply(body, body_size);
}

Clock::time_point connect_deadline(const as_policy_base& policy, Timer& timer) {
  if (policy.connect_timeout > 0) return Clock::now() + milliseconds(policy.connect_timeout);
  return timer.io_deadline();
}

// What to do with the connection and the command after an exchange, by
// the result, as 7.4.0 decides it. `answered`: the status came from a
// whole answer, so the socket is clean.
Attempt settle(Status status, bool answered, as_node* node, PooledConnection& connection) {
  Attempt a;
  a.sent = true;
  switch (status.code()) {
    case AEROSPIKE_OK:
    case AEROSPIKE_ERR_RECORD_NOT_FOUND:
    case AEROSPIKE_ERR_RECORD_BUSY: connection.checkin(); break;
    case AEROSPIKE_ERR_CLUSTER:
    case AEROSPIKE_ERR_DEVICE_OVERLOAD:
      // The answer was read whole: the socket is clean.
      connection.checkin();
      as_node_incr_error_rate(node);
      a.retry = true;
      break;
    case AEROSPIKE_ERR_CONNECTION:
      connection.discard();
      as_node_incr_error_rate(node);
      a.retry = true;
      break;
    case AEROSPIKE_ERR_TIMEOUT:
      a.server_timeout = answered;
      if (answered) {
        connection.checkin();
      } else {
        connection.discard();
      }
      as_node_incr_error_rate(node);
      a.retry = true;
      break;
    case AEROSPIKE_NOT_AUTHENTICATED:
    case AEROSPIKE_ERR_TLS_ERROR:
    case AEROSPIKE_ERR_QUERY_ABORTED:
    case AEROSPIKE_ERR_SCAN_ABORTED:
    case AEROSPIKE_ERR_CLIENT_ABORT:
    case AEROSPIKE_ERR_CLIENT:
      connection.discard();
      as_node_incr_error_rate(node);
      break;
    default: connection.checkin(); break;
  }
  a.status = std::move(status);
  return a;
}

// The part of a try both answer kinds share: the breaker, a pooled
// connection, the request written. On failure `early` says how it ended.
std::optional<PooledConnection> send_request(const as_policy_base& policy, Timer& timer,
                                             as_node* node, const uint8_t* request,
                                             size_t request_size, Attempt& early) {
  if (as_load_uint32(&node->error_rate) > as_load_uint32(&node->max_error_rate)) {
    early = Attempt{Status(AEROSPIKE_MAX_ERROR_RATE, "Max error rate exceeded"), true};
    return std::nullopt;
  }
  ConnectionPool* pool = node_object(node)->pool;
  const Clock::time_point connect_start = Clock::now();
  auto connection = pool->checkout(connect_deadline(policy, timer));
  // As in 7.4.0, time spent connecting under connect_timeout is added to
  // the command's deadline.
  if (policy.connect_timeout > 0 && timer.has_deadline())
    timer.deadline += Clock::now() - connect_start;
  if (!connection) {
    const as_status code = connection.status().code();
    early = Attempt{connection.status(), code <= 0};
    return std::nullopt;
  }
  Status wrote = connection->connection().write_all(request, request_size, timer.io_deadline());
  if (!wrote) {
    connection->discard();
    as_node_incr_error_rate(node);
    early = Attempt{std::move(wrote), true};
    return std::nullopt;
  }
  return std::move(*connection);
}

Attempt attempt(const as_policy_base& policy, Timer& timer, as_node* node, const uint8_t* request,
                size_t request_size, ReplyHandler handler, void* context,
                ConnectionRecovery& recovery) {
  Attempt early;
  auto connection = send_request(policy, timer, node, request, request_size, early);
  if (!connection) return early;
  bool started = false;
  auto answer = read_answer(connection->connection(), timer, started);
  if (!answer && answer.status().code() == AEROSPIKE_ERR_TIMEOUT && !started &&
      policy.timeout_delay > 0) {
    // The whole late answer is still to come: the tend thread reads it off
    // and pools the socket again (7.4.0's timeout_delay).
    // As in 7.4.0, a socket saved this way is not an error for the breaker.
    recovery.add(std::move(*connection), node, Clock::now() + milliseconds(policy.timeout_delay));
    Attempt timed_out{Status(AEROSPIKE_ERR_TIMEOUT), true, true};
    return timed_out;
  }
  if (!answer) {
    // A malformed answer leaves the stream position unknown: ERR_CLIENT
    // closes the socket. A client timeout, as in 7.4.0, has no message
    // until the last attempt names the timeouts.
    const bool timed_out = answer.status().code() == AEROSPIKE_ERR_TIMEOUT;
    return settle(timed_out ? Status(AEROSPIKE_ERR_TIMEOUT) : answer.status(), false, node,
                  *connection);
  }
  return settle(handler(context, *answer, node), true, node, *connection);
}

// Reads frames until the handler has seen the last message (`last`). Each
// frame is read exactly (header, then body), so nothing of the next one is
// taken. An empty frame is skipped, as 7.4.0 does in a stream.
Status read_stream(Connection& connection, const Timer& timer, as_node* node, StreamHandler handler,
                   void* context, bool& last) {
  while (!last) {
    uint8_t head[proto::kFrameHeaderSize];
    if (Status got = connection.read_exactly(head, sizeof head, timer.io_deadline()); !got)
      return got;
    const proto::FrameHeader header = proto::decode_frame_header(head);
    const bool compressed = header.type == static_cast<uint8_t>(proto::FrameType::kCompressed);
    if (header.version != proto::kVersion ||
        (header.type != static_cast<uint8_t>(proto::FrameType::kMessage) && !compressed))
      return proto_error(head);
    if (header.body_size > proto::kMaxBodySize)
      return Status::error(AEROSPIKE_ERR_CLIENT, "Invalid proto size: {}", header.body_size);
    if (header.body_size == 0) continue;
    const size_t total = proto::kFrameHeaderSize + header.body_size;
    uint8_t* buffer = t_answer.reserve(total);
    if (!buffer)
      return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory for a {}-byte answer", total);
    std::memcpy(buffer, head, sizeof head);
    if (Status rest =
            connection.read_exactly(buffer + sizeof head, header.body_size, timer.io_deadline());
        !rest)
      return rest;
    const uint8_t* body = buffer + proto::kFrameHeaderSize;
    size_t body_size = header.body_size;
    if (compressed) {
      auto inflated = proto::inflate_frame(body, body_size, t_inflated);
      if (!inflated) return inflated.status();
      body = t_inflated.data() + proto::kFrameHeaderSize;
      body_size = *inflated;
    }
    if (Status handled = handler(context, body, body_size, node, last); !handled) return handled;
  }
  return Status::ok();
}

// 7.4.0's retry rule: another replica unless the policy pins the master,
// or the failure (a timeout, a full pool, a tripped breaker) says nothing
// about the node; a linearizable read stays put. Returns the sleep.
uint32_t prepare_retry(const as_policy_base& policy, CommandTarget& target, as_status code,
                       uint32_t iteration) {
  const bool node_neutral = code == AEROSPIKE_ERR_TIMEOUT ||
                            code == AEROSPIKE_ERR_NO_MORE_CONNECTIONS ||
                            code == AEROSPIKE_MAX_ERROR_RATE;
  if (target.replica != AS_POLICY_REPLICA_MASTER &&
      ((target.is_read && !target.linearize) || !node_neutral)) {
    ++target.replica_index;
    return iteration == 1 ? 0 : policy.sleep_between_retries;
  }
  return policy.sleep_between_retries;
}

}  // namespace

CommandTimer::CommandTimer(const as_policy_base& policy) : socket_ms(policy.socket_timeout) {
  if (policy.total_timeout > 0) {
    total_ms = policy.total_timeout;
    if (socket_ms == 0 || socket_ms > total_ms) socket_ms = total_ms;
    deadline = Clock::now() + milliseconds(total_ms);
  }
}

CommandTimer::Clock::time_point CommandTimer::io_deadline() const {
  if (socket_ms == 0) return deadline;
  return std::min(deadline, Clock::now() + milliseconds(socket_ms));
}

bool CommandTimer::shrink_for_retry(uint32_t sleep_ms) {
  if (!has_deadline()) return true;
  const auto remaining = deadline - Clock::now() - milliseconds(sleep_ms);
  if (remaining <= Clock::duration::zero()) return false;
  const auto left_ms =
      static_cast<uint32_t>(std::chrono::duration_cast<milliseconds>(remaining).count());
  if (left_ms < total_ms) {
    total_ms = left_ms;
    if (socket_ms > left_ms) socket_ms = left_ms;
  }
  return true;
}

Attempt attempt_stream(const as_policy_base& policy, CommandTimer& timer, as_node* node,
                       const uint8_t* request, size_t request_size, StreamHandler handler,
                       void* context) {
  Attempt early;
  auto connection = send_request(policy, timer, node, request, request_size, early);
  if (!connection) return early;
  bool last = false;
  Status status = read_stream(connection->connection(), timer, node, handler, context, last);
  // Only a stream read to its last message leaves the socket clean, a
  // server error in that message included.
  if (!last) {
    const bool timed_out = status.code() == AEROSPIKE_ERR_TIMEOUT;
    return settle(timed_out ? Status(AEROSPIKE_ERR_TIMEOUT) : std::move(status), false, node,
                  *connection);
  }
  return settle(std::move(status), true, node, *connection);
}

bool write_in_doubt(bool is_read, uint32_t sent, as_status code) {
  if (code == AEROSPIKE_OK) return false;
  return !is_read && (sent > 1 || (sent == 1 && (code == AEROSPIKE_ERR_TIMEOUT || code < 0)));
}

Status timeout_status(const as_policy_base& policy, bool server_timeout, uint32_t iterations,
                      as_node* node) {
  return Status::error(AEROSPIKE_ERR_TIMEOUT,
                       "{} timeout: socket={} total={} iterations={} lastNode={}",
                       server_timeout ? "Server" : "Client", policy.socket_timeout,
                       policy.total_timeout, iterations, as_node_get_address_string(node));
}

CommandOutcome execute_command(Cluster& cluster, const as_policy_base& policy,
                               CommandTarget& target, const uint8_t* request, size_t request_size,
                               ReplyHandler handler, void* context) {
  as_cluster_add_command_count(cluster.view());
  Timer timer(policy);
  uint32_t iteration = 0;
  uint32_t sent = 0;
  const as_node* previous = nullptr;
  as_node* node = nullptr;
  Attempt last;
  for (;;) {
    node = choose_node(cluster, target.partition, previous, target.replica, target.replica_index);
    if (!node) {
      Status missing =
          Status::error(AEROSPIKE_ERR_INVALID_NODE, "Node not found for partition {}:{}",
                        target.partition.ns, target.partition.partition_id);
      const as_status code = missing.code();
      return CommandOutcome{std::move(missing), write_in_doubt(target.is_read, sent, code)};
    }
    last =
        attempt(policy, timer, node, request, request_size, handler, context, cluster.recovery());
    if (last.sent) ++sent;
    if (!last.retry || ++iteration > policy.max_retries) break;
    const uint32_t sleep_ms = prepare_retry(policy, target, last.status.code(), iteration);
    if (!timer.shrink_for_retry(sleep_ms)) break;
    previous = node;
    as_node_release(node);
    node = nullptr;
    if (sleep_ms > 0) std::this_thread::sleep_for(milliseconds(sleep_ms));
    as_cluster_add_retry(cluster.view());
  }
  if (last.retry && last.status.code() == AEROSPIKE_ERR_TIMEOUT)
    last.status = timeout_status(policy, last.server_timeout, iteration, node);
  as_node_release(node);
  const as_status code = last.status.code();
  return CommandOutcome{std::move(last.status), write_in_doubt(target.is_read, sent, code)};
}

}  // namespace aeroshim
