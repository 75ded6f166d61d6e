// The simulated cluster's state: nodes, namespaces, partition ownership and
// the generations a tender watches. No sockets here: the server asks this
// class what to answer and tells it what happened.
#pragma once

#include "options.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace asim {

struct NodeStats {
  uint64_t info_requests = 0;               // frames, whatever they ask
  std::map<std::string, uint64_t> names;    // per info name (before any ':')
  uint64_t reads = 0;
  uint64_t writes = 0;
  uint64_t proxied = 0;                     // data commands for partitions it does not master
  uint64_t bad_frames = 0;
  uint64_t compressed_in = 0;   // compressed requests inflated
  uint64_t compressed_out = 0;  // answers sent compressed
  uint64_t faults = 0;          // data requests an asim-fault hit
};

struct SimNode {
  uint16_t port = 0;        // 0 until it listens when ports are ephemeral
  std::string name;
  bool running = false;
  int32_t rack_id = 0;
  // Racks set for one namespace (by index), which override rack_id there: a
  // node on different racks per namespace, as a server can be.
  std::map<size_t, int32_t> namespace_racks;
  std::string build;
  uint64_t partition_generation = 1;
  uint64_t peers_generation = 1;
  uint64_t rebalance_generation = 1;
  NodeStats stats;
};

struct SimNamespace {
  NamespaceSpec spec;
  uint32_t regime = 0;      // SC only; bumped at every ownership change
  // Partitions still to migrate. asim moves data at once, so this is only
  // ever nonzero when a test sets it (asim-migrations) to act out a server
  // in the middle of migrations.
  uint32_t migrations_remaining = 0;
};

class Cluster {
 public:
  static constexpr uint32_t kPartitions = 4096;

  explicit Cluster(const Options& options);

  const std::string& cluster_name() const { return cluster_name_; }
  const std::vector<SimNode>& nodes() const { return nodes_; }
  std::vector<SimNode>& nodes() { return nodes_; }
  const std::vector<SimNamespace>& namespaces() const { return namespaces_; }
  std::vector<SimNamespace>& namespaces() { return namespaces_; }
  // The key a server's exchange agrees on whenever the cluster forms anew:
  // random, never 0, the same on every node, and new after every change of
  // membership, ownership or racks.
  uint64_t cluster_key() const { return cluster_key_; }
  size_t running_count() const { return running_nodes().size(); }
  std::optional<size_t> node_by_port(uint16_t port) const;
  std::optional<size_t> namespace_index(const std::string& name) const;

  // Adds a node (not yet running); `port` 0 means it will be told later.
  size_t add_node(uint16_t port);
  void set_port(size_t node, uint16_t port);
  // Membership changes: the other running nodes see new peers and a new
  // partition layout, as on a real cluster after a node joins or leaves.
  void node_started(size_t node);
  void node_stopped(size_t node);
  // Moves every partition to another node and bumps every generation a
  // tender would notice.
  void rebalance();
  void bump_partition_generation(size_t node);
  void bump_peers_generation(size_t node);
  // The node's rack in every namespace, or with `ns` in that namespace only.
  void set_rack(size_t node, int32_t rack, std::optional<size_t> ns = std::nullopt);

  // The running node holding `replica` of `partition`, if the namespace's
  // replication factor and the live node count allow it.
  std::optional<size_t> owner(size_t ns, uint32_t partition, uint32_t replica) const;
  uint32_t effective_replication(size_t ns) const;

  // Info values for one node.
  std::string replicas_value(size_t node) const;
  std::string replicas_master_value(size_t node) const;
  std::string peers_value(size_t node, bool tls) const;
  std::string rack_ids_value(size_t node) const;
  std::string ownership_value(size_t ns) const;
  std::string stats_value() const;
  void reset_stats();

 private:
  std::vector<size_t> running_nodes() const;
  void ownership_changed();
  void new_cluster_key();

  std::string cluster_name_;
  std::string default_build_;
  std::vector<SimNode> nodes_;
  std::vector<SimNamespace> namespaces_;
  uint32_t rotation_ = 0;
  uint64_t key_seed_ = 0;
  uint64_t key_epoch_ = 0;
  uint64_t cluster_key_ = 0;
};

// The node name a real server would report: "BB9", the IPv4 address and the
// port in hex, 16 characters.
std::string node_name_for_port(uint16_t port, size_t ordinal);

}  // namespace asim
