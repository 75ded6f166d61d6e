#include "namespace_info.h"

#include <fmt/format.h>

#include <algorithm>

namespace asim {
namespace {

// The server's set line, without what asim does not track (data sizes).
// asim keeps no tombstones, builds indexes at once, truncates at once and
// has no set configuration, so those fields hold the values that are true.
std::string set_props(const RecordStore& store, const std::string& ns, const SetState& set) {
  size_t sindexes = 0;
  for (const auto* def : store.sindexes().secondary(ns)) sindexes += def->set == set.name ? 1 : 0;
  bool set_index = false;
  for (const auto* def : store.sindexes().set_indexes(ns)) set_index |= def->set == set.name;
  return fmt::format(
      "objects={}:tombstones=0:truncate_lut={}:sindexes={}:index_populating=false:"
      "truncating=false:default-read-touch-ttl-pct=0:default-ttl=0:disable-eviction=false:"
      "enable-index={}:stop-writes-count=0:stop-writes-size=0;",
      store.count(ns, &set.name, server_now()), set.truncate_lut, sindexes,
      set_index ? "true" : "false");
}

std::string sets(const Cluster& cluster, const RecordStore& store, const std::string& params) {
  const auto slash = params.find('/');
  const std::string ns = params.substr(0, slash);
  if (!params.empty() && !cluster.namespace_index(ns)) return "ns_type=unknown";
  if (slash != std::string::npos) {
    const std::string name = params.substr(slash + 1);
    for (const auto& s : store.sets(ns))
      if (s.name == name) return set_props(store, ns, s);
    return "";
  }
  std::string out;
  for (const auto& space : cluster.namespaces()) {
    if (!params.empty() && space.spec.name != ns) continue;
    for (const auto& s : store.sets(space.spec.name))
      out += fmt::format("ns={}:set={}:{}", space.spec.name, s.name,
                         set_props(store, space.spec.name, s));
  }
  return out;
}

// The statistics and configuration a program reads, in the server's
// order; the many counters asim does not keep are left out.
std::string namespace_stats(const Cluster& cluster, const RecordStore& store,
                            const SimNamespace& space) {
  uint32_t running = 0;
  for (const auto& n : cluster.nodes()) running += n.running ? 1 : 0;
  const auto rf = static_cast<uint32_t>(space.spec.replication_factor);
  const NamespaceConfig config = store.config(space.spec.name);
  return fmt::format(
      "ns_cluster_size={};effective_replication_factor={};objects={};tombstones=0;"
      "default-ttl={};nsup-period={};replication-factor={};strong-consistency={}",
      running, std::min(rf, running), store.count(space.spec.name, nullptr, server_now()),
      config.default_ttl, config.nsup_period, rf, space.spec.strong_consistency ? "true" : "false");
}

}  // namespace

std::optional<std::string> namespace_command(const Cluster& cluster, const RecordStore& store,
                                             const std::string& name, const std::string& params) {
  if (name == "sets") return sets(cluster, store, params);
  if (name != "namespace") return std::nullopt;
  const auto index = cluster.namespace_index(params);
  if (!index) return "type=unknown";
  return namespace_stats(cluster, store, cluster.namespaces()[*index]);
}

}  // namespace asim
