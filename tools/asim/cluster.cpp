#include "cluster.h"

#include "info/peers.h"
#include "info/replicas.h"

#include <fmt/format.h>

#include <random>

namespace asim {

std::string node_name_for_port(uint16_t port, size_t ordinal) {
  // Ephemeral nodes may share nothing but the address, so the ordinal keeps
  // names unique when two nodes were created before either knew its port.
  if (port == 0) return fmt::format("BB9{:09X}{:04X}", 0x7F000001, 0xF000 + ordinal);
  return fmt::format("BB9{:09X}{:04X}", 0x7F000001, port);
}

Cluster::Cluster(const Options& options)
    : cluster_name_(options.cluster_name), default_build_(options.build) {
  std::random_device entropy;
  key_seed_ = (uint64_t{entropy()} << 32) ^ entropy();
  new_cluster_key();
  for (const auto& spec : options.namespaces)
    namespaces_.push_back(SimNamespace{spec, spec.strong_consistency ? 1u : 0u});
  for (int i = 0; i < options.nodes; ++i)
    add_node(options.port == 0 ? 0 : static_cast<uint16_t>(options.port + i));
}

std::optional<size_t> Cluster::node_by_port(uint16_t port) const {
  for (size_t i = 0; i < nodes_.size(); ++i)
    if (nodes_[i].port == port && port != 0) return i;
  return std::nullopt;
}

std::optional<size_t> Cluster::namespace_index(const std::string& name) const {
  for (size_t i = 0; i < namespaces_.size(); ++i)
    if (namespaces_[i].spec.name == name) return i;
  return std::nullopt;
}

size_t Cluster::add_node(uint16_t port) {
  SimNode node;
  node.port = port;
  node.name = node_name_for_port(port, nodes_.size());
  node.build = default_build_;
  nodes_.push_back(std::move(node));
  return nodes_.size() - 1;
}

void Cluster::set_port(size_t node, uint16_t port) {
  nodes_[node].port = port;
  nodes_[node].name = node_name_for_port(port, node);
}

std::vector<size_t> Cluster::running_nodes() const {
  std::vector<size_t> out;
  for (size_t i = 0; i < nodes_.size(); ++i)
    if (nodes_[i].running) out.push_back(i);
  return out;
}

void Cluster::new_cluster_key() {
  // splitmix64 of the seed and a counter: distinct keys for every change,
  // unpredictable from one run to the next, as a server's random key is.
  do {
    uint64_t z = key_seed_ + 0x9E3779B97F4A7C15ULL * ++key_epoch_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    cluster_key_ = z ^ (z >> 31);
  } while (cluster_key_ == 0);
}

void Cluster::ownership_changed() {
  new_cluster_key();
  for (auto& ns : namespaces_)
    if (ns.spec.strong_consistency) ++ns.regime;
  for (auto& n : nodes_) {
    if (!n.running) continue;
    ++n.partition_generation;
    ++n.rebalance_generation;
  }
}

void Cluster::node_started(size_t node) {
  nodes_[node].running = true;
  for (auto& n : nodes_)
    if (n.running) ++n.peers_generation;
  ownership_changed();
}

void Cluster::node_stopped(size_t node) {
  nodes_[node].running = false;
  for (auto& n : nodes_)
    if (n.running) ++n.peers_generation;
  ownership_changed();
}

void Cluster::rebalance() {
  ++rotation_;
  ownership_changed();
}

void Cluster::bump_partition_generation(size_t node) { ++nodes_[node].partition_generation; }
void Cluster::bump_peers_generation(size_t node) { ++nodes_[node].peers_generation; }

void Cluster::set_rack(size_t node, int32_t rack, std::optional<size_t> ns) {
  if (ns) {
    nodes_[node].namespace_racks[*ns] = rack;
  } else {
    nodes_[node].rack_id = rack;
    nodes_[node].namespace_racks.clear();
  }
  // A server applies a rack change only by forming the cluster again.
  new_cluster_key();
  ++nodes_[node].rebalance_generation;
}

uint32_t Cluster::effective_replication(size_t ns) const {
  const auto running = running_nodes().size();
  return static_cast<uint32_t>(
      std::min<size_t>(static_cast<size_t>(namespaces_[ns].spec.replication_factor), running));
}

std::optional<size_t> Cluster::owner(size_t ns, uint32_t partition, uint32_t replica) const {
  const auto running = running_nodes();
  if (running.empty() || replica >= effective_replication(ns)) return std::nullopt;
  return running[(partition + rotation_ + replica) % running.size()];
}

std::string Cluster::replicas_value(size_t node) const {
  const auto running = running_nodes();
  std::vector<aeroshim::ReplicasUpdate> updates;
  for (size_t ns = 0; ns < namespaces_.size(); ++ns) {
    aeroshim::ReplicasUpdate u;
    u.ns = namespaces_[ns].spec.name;
    u.regime = namespaces_[ns].regime;
    const uint32_t rf = effective_replication(ns);
    u.replica_count = static_cast<uint8_t>(std::max<uint32_t>(rf, 1));
    for (uint32_t p = 0; p < kPartitions && !running.empty(); ++p)
      for (uint32_t r = 0; r < rf; ++r)
        if (running[(p + rotation_ + r) % running.size()] == node) aeroshim::bitmap_set(u.bitmaps[r], p);
    updates.push_back(std::move(u));
  }
  return aeroshim::format_replicas(updates);
}

std::string Cluster::replicas_master_value(size_t node) const {
  // The pre-regime format some tools still ask for: ns:<master bitmap>;...
  std::string out;
  const std::string full = replicas_value(node);
  size_t start = 0;
  while (start < full.size()) {
    size_t end = full.find(';', start);
    if (end == std::string::npos) end = full.size();
    const std::string entry = full.substr(start, end - start);
    const auto colon = entry.find(':');
    const auto last_comma = entry.find(',', entry.find(',', colon) + 1);
    const auto bitmap_end = entry.find(',', last_comma + 1);
    if (!out.empty()) out += ';';
    out += entry.substr(0, colon + 1) + entry.substr(last_comma + 1, bitmap_end - last_comma - 1);
    start = end + 1;
  }
  return out;
}

std::string Cluster::peers_value(size_t node, bool tls) const {
  aeroshim::Peers peers;
  peers.generation = nodes_[node].peers_generation;
  peers.default_port = nodes_[node].port;
  if (!tls) {
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (i == node || !nodes_[i].running) continue;
      peers.peers.push_back(aeroshim::Peer{nodes_[i].name, "", {{"127.0.0.1", nodes_[i].port}}});
    }
  }
  return aeroshim::format_peers(peers);
}

std::string Cluster::rack_ids_value(size_t node) const {
  const SimNode& n = nodes_[node];
  std::string out;
  for (size_t i = 0; i < namespaces_.size(); ++i) {
    auto own = n.namespace_racks.find(i);
    out += fmt::format("{}:{};", namespaces_[i].spec.name,
                       own == n.namespace_racks.end() ? n.rack_id : own->second);
  }
  return out;
}

std::string Cluster::ownership_value(size_t ns) const {
  std::string out;
  out.reserve(kPartitions * 40);
  for (uint32_t p = 0; p < kPartitions; ++p) {
    if (p) out += ';';
    for (uint32_t r = 0; r < effective_replication(ns); ++r) {
      if (r) out += ',';
      out += nodes_[*owner(ns, p, r)].name;
    }
  }
  return out;
}

std::string Cluster::stats_value() const {
  std::string out;
  for (const auto& n : nodes_) {
    if (!out.empty()) out += ';';
    out += fmt::format("{}:node={},running={},info={},reads={},writes={},proxied={},bad_frames={}", n.port,
                       n.name, n.running ? 1 : 0, n.stats.info_requests, n.stats.reads, n.stats.writes,
                       n.stats.proxied, n.stats.bad_frames);
    out += fmt::format(",compressed_in={},compressed_out={},faults={}", n.stats.compressed_in,
                       n.stats.compressed_out, n.stats.faults);
    for (const auto& [name, count] : n.stats.names) out += fmt::format(",info.{}={}", name, count);
  }
  return out;
}

void Cluster::reset_stats() {
  for (auto& n : nodes_) n.stats = NodeStats{};
}

}  // namespace asim
