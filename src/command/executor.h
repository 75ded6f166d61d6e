// Runs one single-record command the way 7.4.0's as_command_execute does:
// pick the node for this attempt, check its circuit breaker, take a pooled
// connection, send, read and parse one answer; on a failure that may pass,
// retry under the policy's max_retries, sleep_between_retries and total
// timeout, rotating replicas by the stock rule. The request is encoded once
// by the caller and sent as is on every attempt.
//
// Steady state is two system calls (send, then a recv that blocks under
// the socket's receive timeout; the pool's peek only for a socket idle over
// a second, a setsockopt only when the timeout must change), and the
// request and answer buffers are this thread's, reused, so nothing is
// allocated.
#pragma once

#include "cluster/cluster.h"
#include "command/partition.h"
#include "core/status.h"
#include "proto/reply.h"

#include <aerospike/as_node.h>
#include <aerospike/as_policy.h>

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace aeroshim {

class ConnectionRecovery;

// Turns a parsed answer into the command's result (a record, a header);
// its Status is the command's, server result codes included.
using ReplyHandler = Status (*)(void* context, const proto::Reply& reply, as_node* node);

struct CommandTarget {
  PartitionInfo partition;
  as_policy_replica replica = AS_POLICY_REPLICA_SEQUENCE;
  uint8_t replica_index = 0;
  bool is_read = true;
  bool linearize = false;  // SC linearizable reads never rotate replicas on a retry
};

struct CommandOutcome {
  Status status;
  bool in_doubt = false;
};

// The timeouts of one command as 7.4.0's as_command_start_timer sets them:
// the socket timeout never exceeds the total, and retries shrink both to
// what is left.
struct CommandTimer {
  using Clock = std::chrono::steady_clock;
  uint32_t socket_ms = 0;
  uint32_t total_ms = 0;
  Clock::time_point deadline = Clock::time_point::max();

  explicit CommandTimer(const as_policy_base& policy);
  bool has_deadline() const { return deadline != Clock::time_point::max(); }
  // The bound of one wait: the socket timeout from now, within the total.
  Clock::time_point io_deadline() const;
  // Before a retry that first sleeps `sleep_ms`: false when no time is
  // left, else both timeouts shrunk to what remains.
  bool shrink_for_retry(uint32_t sleep_ms);
};

// How one try on one node ended, and what the retry loop should do.
struct Attempt {
  Status status;
  bool retry = false;
  bool sent = false;
  bool server_timeout = false;  // a TIMEOUT the server answered, not ours
};

// A multi-message answer (batch, scan, query): the handler gets each
// frame's body in turn and sets `last` once it has read the message that
// ends the stream. Its Status is the command's.
using StreamHandler = Status (*)(void* context, const uint8_t* body, size_t size, as_node* node,
                                 bool& last);

// One try of a command whose node is already chosen and whose answer is a
// stream. A socket the answer did not finish with is closed, never pooled.
Attempt attempt_stream(const as_policy_base& policy, CommandTimer& timer, as_node* node,
                       const uint8_t* request, size_t request_size, StreamHandler handler,
                       void* context);

// 7.4.0's rule, applied (as there) only to a command that failed: a write
// may have been applied when it went out more than once, or once and then
// timed out or broke on the client's side.
bool write_in_doubt(bool is_read, uint32_t sent, as_status code);

// The message of a command whose last try timed out, as 7.4.0 words it.
Status timeout_status(const as_policy_base& policy, bool server_timeout, uint32_t iterations,
                      as_node* node);

CommandOutcome execute_command(Cluster& cluster, const as_policy_base& policy,
                               CommandTarget& target, const uint8_t* request, size_t request_size,
                               ReplyHandler handler, void* context);

}  // namespace aeroshim
