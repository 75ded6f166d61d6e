// A cluster node as the tender tracks it: identity, the generations it last
// saw, its tend connection, and the public as_node view applications hold.
#pragma once

#include "info/server_version.h"
#include "net/info_connection.h"

#include <aerospike/as_node.h>

#include <sys/socket.h>

#include <cstdint>
#include <string>

namespace aeroshim {

// A generation the tender has not seen yet: any answer differs from it, so
// the first cycle after connect or takeover refreshes everything.
inline constexpr uint32_t kUnknownGeneration = 0xFFFFFFFF;

struct Node {
  Node(std::string name, const sockaddr_storage& address, ServerVersion version, uint32_t features,
       as_node* view)
      : name(std::move(name)), address(address), version(version), features(features), view(view) {}
  ~Node();
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  std::string name;
  sockaddr_storage address;
  ServerVersion version;
  uint32_t features;
  as_node* view;              // the cluster's reference to the public view
  InfoConnection connection;  // the tend connection, opened on demand

  uint32_t partition_generation = kUnknownGeneration;
  uint32_t peers_generation = kUnknownGeneration;
  uint32_t rebalance_generation = kUnknownGeneration;
  int32_t rack_id = 0;
  uint32_t map_index = 0;  // its entry in the cluster map
  uint32_t failures = 0;   // consecutive failed refreshes
  uint32_t friends = 0;    // peers lists naming it in this cycle
  bool refreshed = false;  // answered this cycle
  bool partition_changed = false;
  bool rebalance_changed = false;
};

}  // namespace aeroshim
