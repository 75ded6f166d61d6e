#include "cluster/node_upkeep.h"

#include "cluster/node_table.h"
#include "core/log.h"
#include "net/connection_pool.h"

#include <aerospike/as_atomic.h>

#include <new>

namespace aeroshim {
namespace {

// As 7.4.0: pools are balanced (trimmed and refilled) every 30 tends.
constexpr uint32_t kBalanceEvery = 30;

}  // namespace

CommandSettings CommandSettings::from(const as_config& config) {
  CommandSettings s;
  s.min_conns_per_node = config.min_conns_per_node;
  s.max_conns_per_node = config.max_conns_per_node;
  s.conn_pools_per_node = config.conn_pools_per_node ? config.conn_pools_per_node : 1;
  s.conn_timeout =
      std::chrono::milliseconds(config.conn_timeout_ms ? config.conn_timeout_ms : 1000);
  s.max_socket_idle = std::chrono::seconds(config.max_socket_idle);
  s.max_error_rate = config.max_error_rate;
  s.error_rate_window = config.error_rate_window ? config.error_rate_window : 1;
  if (config.rack_ids && config.rack_ids->size > 0) {
    for (uint32_t i = 0; i < config.rack_ids->size; ++i)
      s.rack_ids.push_back(*static_cast<const int*>(as_vector_get(config.rack_ids, i)));
  } else {
    s.rack_ids.push_back(config.rack_id);
  }
  return s;
}

bool NodeUpkeep::attach(as_node* node) const {
  NodeObject* object = node_object(node);
  if (object->pool) return true;
  PoolSettings pool;
  pool.address = node->addresses[node->address_index].addr;
  pool.node_name = node->name;
  pool.max_conns_per_node = settings_.max_conns_per_node;
  pool.conn_pools_per_node = settings_.conn_pools_per_node;
  pool.max_socket_idle = settings_.max_socket_idle;
  object->pool = new (std::nothrow) ConnectionPool(std::move(pool));
  if (!object->pool) return false;
  as_store_uint32(&node->max_error_rate, settings_.max_error_rate);
  if (settings_.min_conns_per_node > 0) {
    const uint32_t opened =
        object->pool->balance(settings_.min_conns_per_node, trim_age(settings_.max_socket_idle),
                              std::chrono::steady_clock::now() + settings_.conn_timeout);
    log_debug("node {}: opened {} of min_conns_per_node {}", node->name, opened,
              settings_.min_conns_per_node);
  }
  return true;
}

void NodeUpkeep::after_cycle(const as_nodes& nodes) {
  ++tend_count_;
  const bool balance_now = tend_count_ % kBalanceEvery == 0;
  const bool reset_now = tend_count_ % settings_.error_rate_window == 0;
  for (uint32_t i = 0; i < nodes.size; ++i) {
    as_node* node = nodes.array[i];
    if (balance_now) balance(node);
    if (reset_now) reset_error_rate(node);
  }
}

void NodeUpkeep::balance(as_node* node) const {
  ConnectionPool* pool = node_object(node)->pool;
  if (!pool) return;
  // A node over its error limit gets no new connections (as in 7.4.0): they
  // would only add to the load that is failing it.
  const bool healthy = as_load_uint32(&node->error_rate) <= as_load_uint32(&node->max_error_rate);
  pool->balance(healthy ? settings_.min_conns_per_node : 0, trim_age(settings_.max_socket_idle),
                std::chrono::steady_clock::now() + settings_.conn_timeout);
}

void NodeUpkeep::reset_error_rate(as_node* node) const {
  // Command threads read both words concurrently; only this thread writes.
  const uint32_t limit = as_load_uint32(&node->max_error_rate);
  const bool breached = as_load_uint32(&node->error_rate) > limit;
  as_store_uint32(&node->error_rate, 0);
  uint32_t next = limit;
  if (breached) {
    next = limit >= 4 ? limit / 2 : 1;
  } else if (limit != settings_.max_error_rate) {
    next = limit * 2 <= settings_.max_error_rate ? limit * 2 : settings_.max_error_rate;
  }
  as_store_uint32(&node->max_error_rate, next);
}

}  // namespace aeroshim
