// The tender: discovers the cluster over the info protocol and keeps the
// cluster map current, sending exactly the requests the stock 7.4.0 client
// sends (validation A [+U], peers P, replicas R, tend T/T', racks K).
//
// It runs on one thread (connect, then the tend thread). As the owner of the
// map it writes nodes and partition tables; as a follower (shared memory,
// another process owns) it sends nothing and rebuilds its nodes from the map.
#pragma once

#include "cluster/node.h"
#include "core/status.h"
#include "info/peers.h"
#include "info/tend_answers.h"
#include "map/cluster_map.h"
#include "session/tend_role.h"

#include <aerospike/as_cluster.h>
#include <aerospike/as_log.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace aeroshim {

struct TendSettings {
  struct Seed {
    std::string host;
    uint16_t port = 0;
  };
  std::vector<Seed> seeds;
  std::string cluster_name;  // empty: not checked
  std::chrono::milliseconds conn_timeout{1000};
  std::chrono::milliseconds info_timeout{1000};
  bool use_services_alternate = false;
  bool rack_aware = false;
  bool fail_if_not_connected = true;  // connect fails when the seed's peers are unreachable
  std::vector<std::pair<std::string, std::string>> ip_map;  // peer address → address to use
  std::string user_agent;  // sent base64-encoded to servers that accept it
};

// How membership changes leave the tender (public views, event callback).
class MembershipObserver {
 public:
  virtual ~MembershipObserver() = default;
  virtual void node_added(const Node& node) = 0;
  virtual void node_removed(const Node& node) = 0;
  // The full list after a batch of changes.
  virtual void nodes_changed(const std::vector<const Node*>& nodes) = 0;
};

class Tender {
 public:
  Tender(TendSettings settings, ClusterMap& map, TendRole& role, MembershipObserver& observer,
         as_cluster* cluster_view);
  ~Tender();

  // First tend as the map's owner: seeds, peers, partition maps. Fails when
  // no seed could be validated, naming every host tried and why.
  Status connect();
  // First view as a follower: nodes from the map, no request sent.
  void follow();
  // One tend cycle. Asks the role first: owners tend, followers re-read the
  // map's node list when its generation moved.
  void cycle(uint64_t now_ms);

  // Whether the last cycle ran as the map's writer; read by other threads
  // (tests, tools) to observe the role without touching the segment.
  bool owner() const { return owner_.load(std::memory_order_acquire); }

 private:
  struct Candidate;
  Result<std::unique_ptr<Node>> validate(const sockaddr_storage& address);
  // warn: log each seed that fails, as 7.4.0 does while connecting only.
  Status seed_nodes(bool warn);
  bool refresh(Node& node);
  void refresh_peers(Node& node);
  bool add_peer(const Peer& peer);
  void node_failed(Node& node, const char* what, const Status& why, as_log_level level);
  void refresh_partitions(Node& node);
  void refresh_racks(Node& node);
  void fetch_racks(Node& node);
  void install_racks(Node& node, const std::vector<NamespaceRack>& racks);
  void tend_as_owner();
  void became_owner();
  void sync_from_map();
  Node* find(const std::string& name);
  void add(std::unique_ptr<Node> node);
  void remove_failed(bool peers_refreshed);
  bool publish_membership();
  void announce_membership();
  Result<sockaddr_storage> map_address(const std::string& host, uint16_t port) const;

  TendSettings settings_;
  ClusterMap& map_;
  TendRole& role_;
  MembershipObserver& observer_;
  as_cluster* cluster_view_;
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<std::unique_ptr<Node>> removed_;  // removed this cycle, unpublished
  std::vector<Node*> added_;                    // added this cycle, unpublished
  std::atomic<bool> owner_{false};
  uint32_t seen_nodes_gen_ = 0;
  uint32_t seen_rebalance_gen_ = 0;
  std::vector<std::string> unreachable_peers_;  // host:port of peers no address of which answered
  uint32_t next_view_index_ = 0;
  // Racks blocks replaced in the last cycle: freed at the start of the next
  // one, so no reader still holds one it loaded just before.
  std::vector<as_racks*> retired_racks_;
};

}  // namespace aeroshim
