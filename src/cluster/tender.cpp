#include "cluster/tender.h"

#include "cluster/node_racks.h"
#include "cluster/node_view.h"
#include "core/log.h"
#include "core/status_names.h"
#include "info/info_text.h"
#include "info/peers.h"
#include "info/replicas.h"
#include "info/tend_answers.h"
#include "net/address.h"

#include <openssl/evp.h>

#include <algorithm>

namespace aeroshim {
namespace {

constexpr uint32_t kMaxFailures = 5;

std::string base64(const std::string& text) {
  std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

MapNode map_entry(const Node& node) {
  MapNode entry;
  entry.name = node.name;
  entry.address = node.address;
  entry.features = node.features;
  entry.rebalance_generation =
      node.rebalance_generation == kUnknownGeneration ? 0 : node.rebalance_generation;
  entry.rack_id = node.rack_id;
  entry.active = true;
  return entry;
}

}  // namespace

Tender::Tender(TendSettings settings, ClusterMap& map, TendRole& role, MembershipObserver& observer,
               as_cluster* cluster_view)
    : settings_(std::move(settings)),
      map_(map),
      role_(role),
      observer_(observer),
      cluster_view_(cluster_view) {
  if (!settings_.user_agent.empty()) settings_.user_agent = base64(settings_.user_agent);
}

Tender::~Tender() {
  for (as_racks* racks : retired_racks_) release_racks(racks);
}

Node* Tender::find(const std::string& name) {
  for (auto& n : nodes_)
    if (n->name == name) return n.get();
  return nullptr;
}

Result<std::unique_ptr<Node>> Tender::validate(const sockaddr_storage& address) {
  auto connection = InfoConnection::open(address, settings_.conn_timeout);
  if (!connection) return connection.status();
  std::vector<std::string> names{"node", "partition-generation", "build"};
  if (!settings_.cluster_name.empty()) names.push_back("cluster-name");
  auto body = connection->request(build_info_request(names), settings_.info_timeout);
  if (!body) return body.status();
  const InfoResponse answer = parse_info_response(*body);
  auto name = parse_node_name(answer);
  if (!name)
    return Status::error(AEROSPIKE_ERR_CLIENT, "{}: {}", address_to_string(address),
                         name.status().message());
  const std::string* build = answer.find("build");
  if (!build)
    return Status::error(AEROSPIKE_ERR_CLIENT, "{} answered no build", address_to_string(address));
  auto version = parse_server_version(*build);
  if (!version) return version.status();
  if (*version < kMinimumServer)
    return Status::error(AEROSPIKE_ERR_CLIENT,
                         "Node {} {} runs server {}, older than the minimum 4.9.0.3", *name,
                         address_to_string(address), *build);
  if (!settings_.cluster_name.empty()) {
    const std::string* cluster_name = answer.find("cluster-name");
    const std::string received = cluster_name ? *cluster_name : "";
    if (received != settings_.cluster_name)
      return Status::error(AEROSPIKE_ERR_CLIENT,
                           "Invalid node {} {} Expected cluster name '{}' Received '{}'", *name,
                           address_to_string(address), settings_.cluster_name, received);
  }
  if (accepts_user_agent(*version) && !settings_.user_agent.empty()) {
    // The answer does not matter: an old build that refuses it still tends.
    auto agent = connection->request("user-agent-set:value=" + settings_.user_agent + "\n",
                                     settings_.info_timeout);
    if (!agent) return agent.status();
  }
  as_node* view = create_node_view(*name, address, *version, features_for(*version), cluster_view_,
                                   next_view_index_++);
  if (!view) return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory creating node {}", *name);
  auto node = std::make_unique<Node>(*name, address, *version, features_for(*version), view);
  node->connection = std::move(*connection);
  return node;
}

void Tender::add(std::unique_ptr<Node> node) {
  added_.push_back(node.get());
  nodes_.push_back(std::move(node));
}

Status Tender::seed_nodes(bool warn) {
  std::vector<std::string> tried;
  as_status last = AEROSPIKE_ERR_CONNECTION;
  for (const auto& seed : settings_.seeds) {
    auto addresses = resolve_host(seed.host, seed.port);
    if (!addresses) {
      if (warn)
        log_warn("Failed to lookup {} {}. {} {}", seed.host, seed.port,
                 status_name(addresses.status().code()), addresses.status().message());
      tried.push_back(
          fmt::format("{}:{} ({})", seed.host, seed.port, addresses.status().message()));
      continue;
    }
    for (const auto& address : *addresses) {
      auto node = validate(address);
      if (!node) {
        last = node.status().code();
        if (warn)
          log_warn("Failed to connect to seed {} {}. {} {}", seed.host, seed.port,
                   status_name(last), node.status().message());
        tried.push_back(fmt::format("{}:{} ({})", seed.host, seed.port, node.status().message()));
        continue;
      }
      if (!find((*node)->name)) add(std::move(*node));
      return Status::ok();
    }
  }
  std::string list;
  for (const auto& t : tried) list += (list.empty() ? "" : ", ") + t;
  // The code is the last failure's, as stock reports it: a refused or
  // silent seed is a connection error, a wrong cluster name a client error.
  return Status::error(last, "Failed to connect to any seed: {}", list.empty() ? "no seeds" : list);
}

Result<sockaddr_storage> Tender::map_address(const std::string& host, uint16_t port) const {
  std::string target = host;
  for (const auto& [from, to] : settings_.ip_map)
    if (from == host) target = to;
  auto resolved = resolve_host(target, port);
  if (!resolved) return resolved.status();
  return resolved->front();
}

// 7.4.0's line for each kind of failure (as_cluster_tend): a failed refresh
// at info (aql users would see it on every restart), peers, partition and
// rack refreshes as warnings, a follower's own rack read as an error.
void Tender::node_failed(Node& node, const char* what, const Status& why, as_log_level level) {
  ++node.failures;
  AEROSHIM_LOG_AT(level, "Node {} {} failed: {} {}", node.name, what, status_name(why.code()),
                  why.message());
}

void Tender::refresh_peers(Node& node) {
  const char* name = settings_.use_services_alternate ? "peers-clear-alt" : "peers-clear-std";
  auto body = node.connection.request(build_info_request({name}), settings_.info_timeout);
  if (!body) return node_failed(node, "peers refresh", body.status(), AS_LOG_LEVEL_WARN);
  const InfoResponse answer = parse_info_response(*body);
  const std::string* value = answer.find(name);
  if (!value)
    return node_failed(node, "peers refresh",
                       Status::error(AEROSPIKE_ERR_CLIENT, "{} missing from the answer", name),
                       AS_LOG_LEVEL_WARN);
  auto peers = parse_peers(*value);
  if (!peers) return node_failed(node, "peers refresh", peers.status(), AS_LOG_LEVEL_WARN);
  node.peers_generation = static_cast<uint32_t>(peers->generation);
  for (const auto& peer : peers->peers) {
    if (Node* known = find(peer.name)) {
      ++known->friends;
      continue;
    }
    if (!add_peer(peer)) {
      for (const auto& host : peer.addresses)
        unreachable_peers_.push_back(fmt::format("{}:{}", host.host, host.port));
    }
  }
}

// The peer lines are 7.4.0's (as_peers_validate_node).
bool Tender::add_peer(const Peer& peer) {
  for (const auto& host : peer.addresses) {
    auto address = map_address(host.host, host.port);
    if (!address) {
      log_warn("{} {}", status_name(address.status().code()), address.status().message());
      continue;
    }
    auto fresh = validate(*address);
    if (!fresh) {
      log_warn("Failed to connect to peer {} {}. {} {}", host.host, host.port,
               status_name(fresh.status().code()), fresh.status().message());
      continue;
    }
    if ((*fresh)->name != peer.name) {
      log_warn("Peer node {} is different than actual node {} for host {} {}", peer.name,
               (*fresh)->name, host.host, host.port);
      continue;
    }
    (*fresh)->friends = 1;
    add(std::move(*fresh));
    return true;
  }
  return false;
}

bool Tender::refresh(Node& node) {
  node.refreshed = false;
  if (!node.connection.is_open()) {
    auto connection = InfoConnection::open(node.address, settings_.conn_timeout);
    if (!connection) {
      node_failed(node, "refresh", connection.status(), AS_LOG_LEVEL_INFO);
      return false;
    }
    node.connection = std::move(*connection);
  }
  std::vector<std::string> names{"node", "peers-generation", "partition-generation"};
  if (settings_.rack_aware) names.push_back("rebalance-generation");
  auto body = node.connection.request(build_info_request(names), settings_.info_timeout);
  if (!body) {
    node_failed(node, "refresh", body.status(), AS_LOG_LEVEL_INFO);
    return false;
  }
  const InfoResponse answer = parse_info_response(*body);
  Status checked = Status::ok();
  auto name = parse_node_name(answer);
  auto peers_gen = parse_generation(answer, "peers-generation");
  auto partition_gen = parse_generation(answer, "partition-generation");
  Result<uint32_t> rebalance_gen = settings_.rack_aware
                                       ? parse_generation(answer, "rebalance-generation")
                                       : Result<uint32_t>(0u);
  if (!name) checked = name.status();
  else if (*name != node.name)
    checked = Status::error(AEROSPIKE_ERR_INVALID_NODE, "Node name has changed. Old={} New={}",
                            node.name, *name);
  else if (!peers_gen) checked = peers_gen.status();
  else if (!partition_gen) checked = partition_gen.status();
  else if (!rebalance_gen) checked = rebalance_gen.status();
  if (!checked) {
    // Another node now answers at this address, or the answer is corrupt:
    // a failure, so the node is replaced through peers.
    node.connection.close();
    node_failed(node, "refresh", checked, AS_LOG_LEVEL_INFO);
    return false;
  }
  if (node.peers_generation != kUnknownGeneration && *peers_gen < node.peers_generation)
    log_info("Quick node restart detected: node={} oldgen={} newgen={}",
             address_to_string(node.address), node.peers_generation, *peers_gen);
  node.refreshed = true;
  node.failures = 0;
  if (*partition_gen != node.partition_generation) node.partition_changed = true;
  if (settings_.rack_aware && *rebalance_gen != node.rebalance_generation)
    node.rebalance_changed = true;
  return *peers_gen != node.peers_generation;
}

void Tender::refresh_partitions(Node& node) {
  auto body = node.connection.request(build_info_request({"partition-generation", "replicas"}),
                                      settings_.info_timeout);
  if (!body) return node_failed(node, "partition refresh", body.status(), AS_LOG_LEVEL_WARN);
  const InfoResponse answer = parse_info_response(*body);
  auto partition_gen = parse_generation(answer, "partition-generation");
  if (!partition_gen)
    return node_failed(node, "partition refresh", partition_gen.status(), AS_LOG_LEVEL_WARN);
  const std::string* value = answer.find("replicas");
  if (!value)
    return node_failed(node, "partition refresh",
                       Status::error(AEROSPIKE_ERR_CLIENT, "replicas missing from the answer"),
                       AS_LOG_LEVEL_WARN);
  auto updates = parse_replicas(*value);
  if (!updates) return node_failed(node, "partition refresh", updates.status(), AS_LOG_LEVEL_WARN);
  if (!role_.still_owner()) return;
  std::vector<uint32_t> displaced;
  for (const auto& update : *updates) {
    Status applied = map_.apply_replicas(node.map_index, update, displaced);
    // The map logs the one case 7.4.0 logs here (no table left for the
    // namespace); the rest are ours, at debug.
    if (!applied) log_debug("Node {} partition refresh: {}", node.name, applied.message());
  }
  node.partition_generation = *partition_gen;
  node.partition_changed = false;
  // A node that lost partitions may still claim them in its last answer;
  // forcing its next refresh makes the map converge without waiting for
  // its generation to move.
  for (uint32_t index : displaced)
    for (auto& other : nodes_)
      if (other->map_index == index && other.get() != &node)
        other->partition_generation = kUnknownGeneration;
}

void Tender::refresh_racks(Node& node) {
  auto body = node.connection.request(build_info_request({"rebalance-generation", "rack-ids"}),
                                      settings_.info_timeout);
  if (!body) return node_failed(node, "rack refresh", body.status(), AS_LOG_LEVEL_WARN);
  const InfoResponse answer = parse_info_response(*body);
  auto rebalance_gen = parse_generation(answer, "rebalance-generation");
  if (!rebalance_gen)
    return node_failed(node, "rack refresh", rebalance_gen.status(), AS_LOG_LEVEL_WARN);
  const std::string* racks = answer.find("rack-ids");
  if (!racks)
    return node_failed(node, "rack refresh",
                       Status::error(AEROSPIKE_ERR_CLIENT, "rack-ids missing from the answer"),
                       AS_LOG_LEVEL_WARN);
  auto parsed = parse_namespace_racks(*racks);
  if (!parsed) return node_failed(node, "rack refresh", parsed.status(), AS_LOG_LEVEL_WARN);
  install_racks(node, *parsed);
  node.rack_id = map_rack(*parsed);
  node.rebalance_generation = *rebalance_gen;
  node.rebalance_changed = false;
  if (!role_.still_owner()) return;
  map_.update_node(node.map_index, map_entry(node));
  // Followers, stock ones included, re-read the racks of the map's nodes
  // when this generation moves.
  map_.bump_rebalance_gen();
}

void Tender::install_racks(Node& node, const std::vector<NamespaceRack>& racks) {
  auto block = make_racks(racks);
  if (!block) return node_failed(node, "rack refresh", block.status(), AS_LOG_LEVEL_WARN);
  if (as_racks* old = replace_racks(node.view, *block)) retired_racks_.push_back(old);
}

// A follower's own read of a node whose racks differ per namespace (the map
// holds -1 for it), as stock followers do, so PREFER_RACK can route by them. Failures are
// logged as 7.4.0's follower logs them (as_shm_reset_racks), at error.
void Tender::fetch_racks(Node& node) {
  if (!node.connection.is_open()) {
    auto connection = InfoConnection::open(node.address, settings_.conn_timeout);
    if (!connection)
      return node_failed(node, "shm rack refresh", connection.status(), AS_LOG_LEVEL_ERROR);
    node.connection = std::move(*connection);
  }
  auto body = node.connection.request(build_info_request({"rack-ids"}), settings_.info_timeout);
  if (!body) return node_failed(node, "shm rack refresh", body.status(), AS_LOG_LEVEL_ERROR);
  const InfoResponse answer = parse_info_response(*body);
  const std::string* value = answer.find("rack-ids");
  if (!value)
    return node_failed(node, "shm rack refresh",
                       Status::error(AEROSPIKE_ERR_CLIENT, "rack-ids missing from the answer"),
                       AS_LOG_LEVEL_ERROR);
  auto racks = parse_namespace_racks(*value);
  if (!racks) return node_failed(node, "shm rack refresh", racks.status(), AS_LOG_LEVEL_ERROR);
  install_racks(node, *racks);
}

void Tender::remove_failed(bool peers_refreshed) {
  for (auto it = nodes_.begin(); it != nodes_.end();) {
    Node& n = **it;
    const bool gone =
        !n.refreshed && ((peers_refreshed && n.friends == 0) || n.failures >= kMaxFailures);
    if (!gone) {
      ++it;
      continue;
    }
    removed_.push_back(std::move(*it));
    it = nodes_.erase(it);
  }
}

bool Tender::publish_membership() {
  if (added_.empty() && removed_.empty()) return true;
  if (!role_.still_owner()) {
    owner_ = false;
    added_.clear();
    removed_.clear();
    return false;
  }
  for (Node* n : added_) {
    auto index = map_.upsert_node(map_entry(*n));
    if (!index) {
      log_error("Failed to add node {} {}. Shared memory capacity exceeeded: {}", n->name,
                address_to_string(n->address), map_.layout().max_nodes());
      continue;
    }
    n->map_index = *index;
  }
  for (const auto& n : removed_) map_.deactivate_node(n->map_index);
  map_.bump_nodes_gen();
  announce_membership();
  return true;
}

// Removals first, as 7.4.0 logs and reports them (a tend removes before it
// adds the peers it found; a follower applies the map the same way).
void Tender::announce_membership() {
  for (const auto& n : removed_) observer_.node_removed(*n);
  for (Node* n : added_) observer_.node_added(*n);
  std::vector<const Node*> list;
  for (const auto& n : nodes_) list.push_back(n.get());
  observer_.nodes_changed(list);
  added_.clear();
  removed_.clear();
}

Status Tender::connect() {
  owner_ = true;
  Status seeded = seed_nodes(true);
  if (!seeded) return seeded;
  // Peers of every node whose peer list is not known yet, including the
  // ones this loop discovers: the stock sequence A,U,P on the seed, A,U on
  // each peer, then P on each new peer.
  unreachable_peers_.clear();
  for (size_t i = 0; i < nodes_.size(); ++i)
    if (nodes_[i]->peers_generation == kUnknownGeneration) refresh_peers(*nodes_[i]);
  // As stock: a seed alone while peers it names cannot be reached is not a
  // connected cluster when the application asked to fail instead.
  if (settings_.fail_if_not_connected && nodes_.size() == 1 && !unreachable_peers_.empty()) {
    std::string list;
    for (const auto& host : unreachable_peers_) list += (list.empty() ? "" : ", ") + host;
    return Status::error(AEROSPIKE_ERR_CLIENT, "Peers not reachable: {}", list);
  }
  if (!publish_membership())
    return Status::error(AEROSPIKE_ERR_CLIENT, "lost map ownership during connect");
  for (auto& n : nodes_) refresh_partitions(*n);
  if (settings_.rack_aware)
    for (auto& n : nodes_) refresh_racks(*n);
  return Status::ok();
}

void Tender::became_owner() {
  // Everything a previous owner wrote is re-learned: generations unknown,
  // connections opened on first use.
  map_.repair_after_takeover();
  for (auto& n : nodes_) {
    n->partition_generation = kUnknownGeneration;
    n->peers_generation = kUnknownGeneration;
    n->rebalance_generation = kUnknownGeneration;
  }
  owner_ = true;
}

void Tender::tend_as_owner() {
  if (nodes_.empty()) {
    if (Status seeded = seed_nodes(false); seeded) {
      for (size_t i = 0; i < nodes_.size(); ++i)
        if (nodes_[i]->peers_generation == kUnknownGeneration) refresh_peers(*nodes_[i]);
    } else {
      // 7.4.0's tend thread line for a cycle that found no seed.
      log_warn("Tend error: {} {}", status_name(seeded.code()), seeded.message());
    }
    if (!publish_membership()) return;
    for (auto& n : nodes_) refresh_partitions(*n);
    return;
  }
  bool peers_changed = false;
  for (auto& n : nodes_) {
    n->friends = 0;
    if (refresh(*n)) peers_changed = true;
  }
  if (peers_changed) {
    // Every answering node's list is re-read, and those of nodes found on
    // the way, so friends counts are complete before removals.
    for (size_t i = 0; i < nodes_.size(); ++i)
      if (nodes_[i]->connection.is_open() &&
          (nodes_[i]->refreshed || nodes_[i]->peers_generation == kUnknownGeneration))
        refresh_peers(*nodes_[i]);
  }
  remove_failed(peers_changed);
  if (!publish_membership()) return;
  for (auto& n : nodes_)
    if (n->partition_changed || n->partition_generation == kUnknownGeneration) {
      if (!n->connection.is_open()) continue;
      refresh_partitions(*n);
    }
  if (settings_.rack_aware)
    for (auto& n : nodes_)
      if (n->rebalance_changed && n->connection.is_open()) refresh_racks(*n);
}

void Tender::follow() {
  owner_ = false;
  sync_from_map();
}

void Tender::sync_from_map() {
  const uint32_t gen = map_.nodes_gen();
  const uint32_t rebalance_gen = map_.rebalance_gen();
  if (gen == seen_nodes_gen_ && rebalance_gen == seen_rebalance_gen_ && !nodes_.empty()) return;
  seen_nodes_gen_ = gen;
  seen_rebalance_gen_ = rebalance_gen;
  const std::vector<MapNode> entries = map_.nodes();
  for (uint32_t i = 0; i < entries.size(); ++i) {
    const MapNode& e = entries[i];
    Node* known = find(e.name);
    if (!e.active) {
      if (known) {
        auto it = std::find_if(nodes_.begin(), nodes_.end(),
                               [&](const auto& n) { return n.get() == known; });
        removed_.push_back(std::move(*it));
        nodes_.erase(it);
      }
      continue;
    }
    if (known) {
      known->map_index = i;
      known->rack_id = e.rack_id;  // the owner bumps rebalance_gen when racks move
      if (settings_.rack_aware && e.rack_id == -1) fetch_racks(*known);
      continue;
    }
    // The map does not hold the server version; the follower never needs
    // it (it sends no info request) and an owner it becomes re-learns it.
    as_node* view = create_node_view(e.name, e.address, ServerVersion{}, e.features, cluster_view_,
                                     next_view_index_++);
    if (!view) continue;
    auto node = std::make_unique<Node>(e.name, e.address, ServerVersion{}, e.features, view);
    node->map_index = i;
    node->rack_id = e.rack_id;
    if (settings_.rack_aware && e.rack_id == -1) fetch_racks(*node);
    added_.push_back(node.get());
    nodes_.push_back(std::move(node));
  }
  if (added_.empty() && removed_.empty()) return;
  announce_membership();
}

void Tender::cycle(uint64_t now_ms) {
  for (as_racks* racks : retired_racks_) release_racks(racks);
  retired_racks_.clear();
  if (!role_.acquire_or_keep(now_ms)) {
    owner_ = false;
    sync_from_map();
    return;
  }
  if (!owner_) became_owner();
  tend_as_owner();
  if (owner_) role_.tended(now_ms);
}

}  // namespace aeroshim
