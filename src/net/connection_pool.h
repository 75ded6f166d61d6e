// The connections a process keeps to one node for synchronous commands.
//
// As in stock 7.4.0, max_conns_per_node is split over conn_pools_per_node
// independent pools (the first ones take the remainder), each a mutex
// around a LIFO of idle connections, so that threads contend per pool and
// the most recently used socket, the one least likely to have been dropped
// by the peer, is reused first. Each pool counts its open connections
// (idle and checked out) atomically and opens a new one only while that
// count is below its capacity. A checkout hands out a PooledConnection,
// which goes back by checkin() after a complete exchange and is closed in
// every other case, so the count cannot drift.
//
// fork(): a child must not talk on its parent's sockets (both would read
// and write one stream). A pool remembers the process that filled it; in
// any other process it closes its inherited idle descriptors without any
// I/O (the parent's sockets stay open in the parent) and starts empty, and
// a connection checked out before the fork is never counted or pooled by
// the child.
#pragma once

#include "core/status.h"
#include "net/connection.h"

#include <sys/socket.h>
#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace aeroshim {

struct PoolShard;  // one of a node's pools: connection_pool.cpp

struct PoolSettings {
  sockaddr_storage address{};
  std::string node_name;  // named by the error for a full pool, as stock names it
  uint32_t max_conns_per_node = 100;
  uint32_t conn_pools_per_node = 1;
  // A pooled connection idle longer than this is closed instead of reused;
  // zero: idle time alone never disqualifies one.
  std::chrono::steady_clock::duration max_socket_idle{0};
};

// A checked-out connection: returned by checkin(), closed (and its slot
// freed) by discard() or by its destructor. The pool must outlive it.
class PooledConnection {
 public:
  PooledConnection() = default;
  ~PooledConnection() { discard(); }
  PooledConnection(PooledConnection&& other) noexcept;
  PooledConnection& operator=(PooledConnection&& other) noexcept;

  Connection& connection() { return connection_; }
  Connection* operator->() { return &connection_; }

  // Only after a complete exchange: nothing may be left unread.
  void checkin();
  // After any error, since the stream position is then unknown.
  void discard();

 private:
  friend class ConnectionPool;
  PooledConnection(PoolShard* shard, Connection connection, pid_t counted_in)
      : shard_(shard), connection_(std::move(connection)), counted_in_(counted_in) {}

  PoolShard* shard_ = nullptr;
  Connection connection_;
  pid_t counted_in_ = 0;  // the process whose count includes this connection
};

class ConnectionPool {
 public:
  explicit ConnectionPool(PoolSettings settings);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // The newest idle connection that is still clean (see
  // Connection::is_reusable) and not idle too long, or a new one opened by
  // `connect_deadline`, or NO_MORE_CONNECTIONS when every pool is full.
  Result<PooledConnection> checkout(Deadline connect_deadline);

  // Closes idle connections unused for longer than `max_idle` at `now`
  // and returns how many. The tend thread calls it with trim_age().
  size_t trim(std::chrono::steady_clock::duration max_idle,
              std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());

  // The tend thread's upkeep, as 7.4.0 balances a node's pools: each pool
  // closes idle connections unused for longer than `max_idle` while it has
  // more than its share of `min_conns`, then opens connections (by
  // `connect_deadline`) until it has that share. Returns how many it opened.
  uint32_t balance(uint32_t min_conns, std::chrono::steady_clock::duration max_idle,
                   Deadline connect_deadline,
                   std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());

  uint32_t open_count() const;
  size_t idle_count() const;
  uint32_t pool_count() const { return pool_count_; }

  // Pool `index`'s share of max_conns: the first (max % pools) pools take one more.
  static uint32_t pool_capacity(uint32_t max_conns, uint32_t pools, uint32_t index);

 private:
  const PoolSettings settings_;
  const uint32_t pool_count_;
  std::unique_ptr<PoolShard[]> shards_;
  // Spreads threads over the pools. Racing threads may read the same value
  // and start at the same pool, which costs nothing, so no atomic increment.
  std::atomic<uint32_t> next_pool_{0};
};

// The idle age the tend thread trims at: max_socket_idle, or stock's 55 s
// when that is zero.
std::chrono::steady_clock::duration trim_age(std::chrono::steady_clock::duration max_socket_idle);

}  // namespace aeroshim
