// asshm status: one segment's geometry, owner, nodes, namespaces and verdict.
#include "address_text.h"
#include "commands.h"
#include "health.h"
#include "json.h"
#include "shm/segment.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdio>

namespace asshm {

namespace {

void print_json(const Snapshot& snapshot, const Health& h) {
  std::string out = fmt::format(
      "{{\"key\":\"{}\",\"size\":{},\"max_nodes\":{},\"max_namespaces\":{},\"attached\":{},"
      "\"owner_pid\":{},\"owner_alive\":{},\"lock\":{},\"lock_file_held\":{},"
      "\"tend_age_ms\":{},\"ready\":{},\"nodes_gen\":{},\"rebalance_gen\":{},\"healthy\":{},"
      "\"degraded\":{},\"state\":{},\"verdict\":{},\"nodes\":[",
      aeroshim::key_text(snapshot.key), snapshot.bytes.size(), snapshot.geometry.max_nodes,
      snapshot.geometry.max_namespaces, snapshot.info.shm_nattch, h.owner_pid, h.owner_alive,
      h.lock, h.file_held, h.tend_age_ms, h.ready, snapshot.map().nodes_gen(),
      snapshot.map().rebalance_gen(), h.state == State::ok, h.state == State::degraded,
      json_string(state_name(h.state)), json_string(h.verdict));
  for (size_t i = 0; i < h.nodes.size(); i++) {
    const aeroshim::MapNode& n = h.nodes[i];
    out += fmt::format(
        "{}{{\"index\":{},\"name\":{},\"address\":{},\"active\":{},"
        "\"features\":{},\"rack_id\":{}}}",
        i ? "," : "", i, json_string(n.name), json_string(address_text(n.address)), n.active,
        n.features, n.rack_id);
  }
  out += "],\"namespaces\":[";
  for (size_t i = 0; i < h.namespaces.size(); i++) {
    const NamespaceSummary& ns = h.namespaces[i];
    std::string masters;
    for (auto [node, count] : ns.masters) {
      masters += fmt::format("{}\"{}\":{}", masters.empty() ? "" : ",", node, count);
    }
    out += fmt::format(
        "{}{{\"name\":{},\"replication_factor\":{},\"sc\":{},"
        "\"master_partitions_by_node\":{{{}}},\"partitions_without_master\":{},"
        "\"unowned_by_replica\":[{}]}}",
        i ? "," : "", json_string(ns.name), ns.replicas, ns.sc, masters, ns.without_master(),
        fmt::join(ns.unowned, ","));
  }
  std::printf("%s]}\n", out.c_str());
}

void print_text(const Snapshot& snapshot, const Health& h) {
  const aeroshim::ClusterMap map = snapshot.map();
  std::printf("segment   %s  %zu bytes (shm_max_nodes=%u, shm_max_namespaces=%u), %lu attached\n",
              aeroshim::key_text(snapshot.key).c_str(), snapshot.bytes.size(),
              snapshot.geometry.max_nodes, snapshot.geometry.max_namespaces,
              static_cast<unsigned long>(snapshot.info.shm_nattch));
  std::printf("owner     pid %u (%s%s), lock=%d, ready=%d, last tend %s\n", h.owner_pid,
              h.owner_alive ? "alive" : "not running",
              h.file_held ? ", aeroshim lock file held" : ", no aeroshim lock holder", h.lock,
              h.ready,
              h.tend_age_ms < 0 ? "never" : fmt::format("{} ms ago", h.tend_age_ms).c_str());
  std::printf("nodes     %zu used, %u active (gen %u)\n", h.nodes.size(), h.active_nodes,
              map.nodes_gen());
  for (size_t i = 0; i < h.nodes.size(); i++) {
    const aeroshim::MapNode& n = h.nodes[i];
    std::printf("  [%zu] %-20s %-28s %-8s features=0x%x rack=%d\n", i, n.name.c_str(),
                address_text(n.address).c_str(), n.active ? "active" : "inactive", n.features,
                n.rack_id);
  }
  std::printf("namespaces %zu\n", h.namespaces.size());
  for (const NamespaceSummary& ns : h.namespaces) {
    std::string masters;
    for (auto [node, count] : ns.masters) {
      masters += fmt::format(" {}={}", node < h.nodes.size() ? h.nodes[node].name : "?", count);
    }
    std::string unowned;
    for (size_t r = 0; r < ns.unowned.size(); r++) {
      unowned += fmt::format(" {}={}", r == 0 ? std::string("master") : fmt::format("replica{}", r),
                             ns.unowned[r]);
    }
    std::printf("  %-31s rf=%u %s masters:%s unowned:%s\n", ns.name.c_str(), ns.replicas,
                ns.sc ? "SC" : "AP", masters.empty() ? " none" : masters.c_str(), unowned.c_str());
  }
  std::printf("health    %s\n", h.verdict.c_str());
}

}  // namespace

int status_command(const Options& options) {
  std::variant<Snapshot, Failure> read = read_segment(options.key);
  if (auto* failure = std::get_if<Failure>(&read)) return report(*failure, options.json);
  const Snapshot& snapshot = std::get<Snapshot>(read);
  const Health h = assess(snapshot, options.tend_interval_ms);
  if (options.json) {
    print_json(snapshot, h);
  } else {
    print_text(snapshot, h);
  }
  return h.exit_code;
}

}  // namespace asshm
