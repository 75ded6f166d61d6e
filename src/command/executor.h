// Runs one single-record command the way 7.4.0's as_command_execute does:
// pick the node for this attempt, check its circuit breaker, take a pooled
// connection, send, read and parse one answer; on a failure that may pass,
// retry under the policy's max_retries, sleep_between_retries and total
// timeout, rotating replicas by the stock rule. The request is encoded once
// by the caller and sent as is on every attempt.
//
// Steady state costs send, poll and recv on the connection plus the pool's
// one recv(MSG_PEEK) that proves an idle socket clean; the request and
// answer buffers are this thread's and are reused, so nothing is allocated.
#pragma once

#include "cluster/cluster.h"
#include "command/partition.h"
#include "core/status.h"
#include "proto/reply.h"

#include <aerospike/as_node.h>
#include <aerospike/as_policy.h>

#include <cstddef>
#include <cstdint>

namespace aeroshim {

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

CommandOutcome execute_command(Cluster& cluster, const as_policy_base& policy,
                               CommandTarget& target, const uint8_t* request, size_t request_size,
                               ReplyHandler handler, void* context);

}  // namespace aeroshim
