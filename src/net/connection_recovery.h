// Connections a command gave up waiting on (a client timeout) while the
// policy's timeout_delay asks for them to be saved, as 7.4.0's recover
// queue does: rather than closing the socket, and later paying for a new
// one, the tend thread reads the late answer off it and drops it, then
// returns the socket to its pool. One that does not finish within
// timeout_delay, or breaks, is closed. Only a command that had read nothing
// of its answer yet is handed over (the whole answer is still to come).
#pragma once

#include "net/connection_pool.h"

#include <aerospike/as_node.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace aeroshim {

class ConnectionRecovery {
 public:
  ConnectionRecovery() = default;
  ~ConnectionRecovery() { clear(); }
  ConnectionRecovery(const ConnectionRecovery&) = delete;
  ConnectionRecovery& operator=(const ConnectionRecovery&) = delete;

  // Takes the connection of a command on `node` (reserved here until done)
  // whose answer has not started arriving; gives up on it at `deadline`.
  void add(PooledConnection connection, as_node* node, Deadline deadline);
  // Tend thread: reads what has arrived on each connection, without
  // waiting, and settles those that are done or out of time.
  void drain(std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());
  // Closes everything still pending (the cluster is closing).
  void clear();
  size_t size() const;

 private:
  struct Pending {
    PooledConnection connection;
    as_node* node = nullptr;
    Deadline deadline;
    uint8_t header[8] = {};
    size_t header_got = 0;
    uint64_t body_left = 0;
  };
  // True when the entry is settled (returned to its pool or closed).
  static bool advance(Pending& p, std::chrono::steady_clock::time_point now);
  static void finish(Pending& p, bool recovered);

  mutable std::mutex mutex_;
  std::vector<Pending> pending_;
};

}  // namespace aeroshim
