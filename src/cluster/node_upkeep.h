// What a node needs for commands, and the tend thread's upkeep of it: the
// node's connection pool (made before the node is published, filled to
// min_conns_per_node) and its circuit breaker (7.4.0's error_rate against
// max_error_rate, reset every error_rate_window tends: a node that breached
// its limit gets half the limit next window, a healthy one climbs back by
// doubling to the configured rate). Both run on the tend thread only, for
// owners and followers alike, since every process keeps its own nodes.
#pragma once

#include <aerospike/as_cluster.h>
#include <aerospike/as_config.h>
#include <aerospike/as_node.h>

#include <chrono>
#include <cstdint>
#include <vector>

namespace aeroshim {

struct CommandSettings {
  uint32_t min_conns_per_node = 0;
  uint32_t max_conns_per_node = 100;
  uint32_t conn_pools_per_node = 1;
  std::chrono::milliseconds conn_timeout{1000};
  std::chrono::milliseconds max_socket_idle{0};
  uint32_t max_error_rate = 100;
  uint32_t error_rate_window = 1;
  std::vector<int> rack_ids;  // PREFER_RACK's racks, in the order they are tried

  static CommandSettings from(const as_config& config);
};

class NodeUpkeep {
 public:
  explicit NodeUpkeep(CommandSettings settings) : settings_(std::move(settings)) {}

  const CommandSettings& settings() const { return settings_; }

  // Gives a new node its pool and breaker limit; false when out of memory.
  bool attach(as_node* node) const;
  // Once per tend cycle over the published nodes.
  void after_cycle(const as_nodes& nodes);

 private:
  void balance(as_node* node) const;
  void reset_error_rate(as_node* node) const;

  CommandSettings settings_;
  uint32_t tend_count_ = 0;
};

}  // namespace aeroshim
