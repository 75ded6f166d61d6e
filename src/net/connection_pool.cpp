#include "net/connection_pool.h"

#include "net/process_id.h"

#include <cstddef>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace aeroshim {

using Clock = std::chrono::steady_clock;

struct IdleConnection {
  Connection connection;
  Clock::time_point last_used;
};

struct PoolShard {
  uint32_t capacity = 0;
  std::atomic<uint32_t> open{0};  // idle plus checked out
  std::mutex mutex;
  std::vector<IdleConnection> idle;  // guarded by mutex; oldest first, reused from the back
  pid_t owner = 0;                   // guarded by mutex: the process `idle` and `open` belong to

  // Called with the mutex held: in a fork() child, forget the parent's sockets.
  void adopt(pid_t self) {
    if (owner == self) return;
    idle.clear();  // closes the inherited descriptors; the parent's stay open
    open.store(0, std::memory_order_relaxed);
    owner = self;
  }

  std::optional<IdleConnection> pop_newest(pid_t self) {
    std::lock_guard<std::mutex> lock(mutex);
    adopt(self);
    if (idle.empty()) return std::nullopt;
    std::optional<IdleConnection> newest(std::move(idle.back()));
    idle.pop_back();
    return newest;
  }

  bool claim_slot() {
    uint32_t count = open.load(std::memory_order_relaxed);
    while (count < capacity)
      if (open.compare_exchange_weak(count, count + 1, std::memory_order_relaxed)) return true;
    return false;
  }

  void release_slot() { open.fetch_sub(1, std::memory_order_relaxed); }
};

PooledConnection::PooledConnection(PooledConnection&& other) noexcept
    : shard_(std::exchange(other.shard_, nullptr)),
      connection_(std::move(other.connection_)),
      counted_in_(other.counted_in_) {}

PooledConnection& PooledConnection::operator=(PooledConnection&& other) noexcept {
  if (this != &other) {
    discard();
    shard_ = std::exchange(other.shard_, nullptr);
    connection_ = std::move(other.connection_);
    counted_in_ = other.counted_in_;
  }
  return *this;
}

void PooledConnection::discard() {
  PoolShard* shard = std::exchange(shard_, nullptr);
  connection_.close();
  // Checked out before a fork: the parent counted it, the child's pool never did.
  if (shard && counted_in_ == current_process_id()) shard->release_slot();
}

void PooledConnection::checkin() {
  if (!shard_ || !connection_.is_open() || counted_in_ != current_process_id()) {
    discard();
    return;
  }
  PoolShard* shard = std::exchange(shard_, nullptr);
  IdleConnection entry{std::move(connection_), Clock::now()};
  std::lock_guard<std::mutex> lock(shard->mutex);
  shard->idle.push_back(std::move(entry));
}

uint32_t ConnectionPool::pool_capacity(uint32_t max_conns, uint32_t pools, uint32_t index) {
  if (pools == 0) pools = 1;
  return max_conns / pools + (index < max_conns % pools ? 1 : 0);
}

ConnectionPool::ConnectionPool(PoolSettings settings)
    : settings_(std::move(settings)),
      pool_count_(settings_.conn_pools_per_node == 0 ? 1 : settings_.conn_pools_per_node),
      shards_(new PoolShard[pool_count_]) {
  const pid_t self = current_process_id();
  for (uint32_t i = 0; i < pool_count_; ++i) {
    shards_[i].capacity = pool_capacity(settings_.max_conns_per_node, pool_count_, i);
    shards_[i].owner = self;
  }
}

ConnectionPool::~ConnectionPool() = default;

Result<PooledConnection> ConnectionPool::checkout(Deadline connect_deadline) {
  const pid_t self = current_process_id();
  uint32_t start = 0;
  if (pool_count_ > 1) {
    start = next_pool_.load(std::memory_order_relaxed);
    next_pool_.store(start + 1, std::memory_order_relaxed);
  }
  const bool check_idle_time = settings_.max_socket_idle > Clock::duration::zero();
  for (uint32_t step = 0; step < pool_count_; ++step) {
    PoolShard& shard = shards_[(start + step) % pool_count_];
    while (auto idle = shard.pop_newest(self)) {
      const bool fresh =
          !check_idle_time || Clock::now() - idle->last_used <= settings_.max_socket_idle;
      if (fresh && idle->connection.is_reusable())
        return PooledConnection(&shard, std::move(idle->connection), self);
      idle->connection.close();
      shard.release_slot();
    }
    if (shard.claim_slot()) {
      auto opened = Connection::open(settings_.address, connect_deadline);
      if (!opened) {
        shard.release_slot();
        return opened.status();
      }
      return PooledConnection(&shard, std::move(*opened), self);
    }
  }
  return Status::error(AEROSPIKE_ERR_NO_MORE_CONNECTIONS,
                       "Max node {} connections would be exceeded: {}", settings_.node_name,
                       settings_.max_conns_per_node);
}

size_t ConnectionPool::trim(Clock::duration max_idle, Clock::time_point now) {
  const pid_t self = current_process_id();
  size_t closed = 0;
  for (uint32_t i = 0; i < pool_count_; ++i) {
    PoolShard& shard = shards_[i];
    std::lock_guard<std::mutex> lock(shard.mutex);
    shard.adopt(self);
    size_t kept = 0;
    for (auto& entry : shard.idle) {
      if (now - entry.last_used > max_idle) {
        entry.connection.close();
        shard.release_slot();
        ++closed;
      } else {
        shard.idle[kept++] = std::move(entry);
      }
    }
    shard.idle.erase(shard.idle.begin() + static_cast<std::ptrdiff_t>(kept), shard.idle.end());
  }
  return closed;
}

uint32_t ConnectionPool::balance(uint32_t min_conns, Clock::duration max_idle,
                                 Deadline connect_deadline, Clock::time_point now) {
  const pid_t self = current_process_id();
  uint32_t opened = 0;
  for (uint32_t i = 0; i < pool_count_; ++i) {
    PoolShard& shard = shards_[i];
    const uint32_t floor = pool_capacity(min_conns, pool_count_, i);
    {
      std::lock_guard<std::mutex> lock(shard.mutex);
      shard.adopt(self);
      // Oldest first, so the connections kept are the most recently used.
      size_t drop = 0;
      while (drop < shard.idle.size() && now - shard.idle[drop].last_used > max_idle &&
             shard.open.load(std::memory_order_relaxed) > floor) {
        shard.idle[drop++].connection.close();
        shard.release_slot();
      }
      shard.idle.erase(shard.idle.begin(), shard.idle.begin() + static_cast<std::ptrdiff_t>(drop));
    }
    while (shard.open.load(std::memory_order_relaxed) < floor && shard.claim_slot()) {
      auto connection = Connection::open(settings_.address, connect_deadline);
      if (!connection) {
        shard.release_slot();
        break;
      }
      std::lock_guard<std::mutex> lock(shard.mutex);
      shard.idle.insert(shard.idle.begin(), IdleConnection{std::move(*connection), now});
      ++opened;
    }
  }
  return opened;
}

uint32_t ConnectionPool::open_count() const {
  uint32_t total = 0;
  for (uint32_t i = 0; i < pool_count_; ++i)
    total += shards_[i].open.load(std::memory_order_relaxed);
  return total;
}

size_t ConnectionPool::idle_count() const {
  size_t total = 0;
  for (uint32_t i = 0; i < pool_count_; ++i) {
    std::lock_guard<std::mutex> lock(shards_[i].mutex);
    total += shards_[i].idle.size();
  }
  return total;
}

Clock::duration trim_age(Clock::duration max_socket_idle) {
  return max_socket_idle > Clock::duration::zero() ? max_socket_idle
                                                   : Clock::duration(std::chrono::seconds(55));
}

}  // namespace aeroshim
