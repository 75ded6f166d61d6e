#include "info_service.h"

#include "bins_info.h"
#include "cluster_stable.h"
#include "namespace_info.h"
#include "query_service.h"
#include "server.h"
#include "sindex_info.h"
#include "truncate_info.h"
#include "udf_info.h"

#include <fmt/format.h>

#include <charconv>

namespace asim {
namespace {

std::optional<long> to_long(const std::string& text) {
  long v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

// Only what asim serves, named and ordered as the server lists them: batch
// commands of every row kind, indexes on a CDT context, list and map
// operations, doubles, GeoJSON queries, peers, pipelined requests,
// partition queries and scans, query-show, the replicas names and record
// UDFs. (The 7.4.0 C client does not ask for features; it derives them from
// the build.)
constexpr const char* kFeatures =
    "batch-any;batch-index;cdt-index;cdt-list;cdt-map;float;geo;peers;pipelining;pquery;pscans;"
    "query-show;replicas;replicas-master;udf";

// Where a command's name ends, as the server parses "name/arg/...:k=v;...":
// at its first '/', unless a ':' comes earlier, and at a ';' before either.
size_t name_end(const std::string& command) {
  size_t at = command.find('/');
  const size_t colon = command.find(':');
  if (at == std::string::npos || colon < at) at = colon;
  const size_t semicolon = command.find(';');
  if (at == std::string::npos || semicolon < at) at = semicolon;
  return at;
}

std::string no_node_answer(const std::string& params) {
  return fmt::format("ERROR::no node with port={}", param(params, "port").value_or(""));
}

}  // namespace

std::optional<std::string> param(const std::string& params, std::string_view key) {
  size_t start = 0;
  while (start <= params.size()) {
    size_t end = params.find(';', start);
    if (end == std::string::npos) end = params.size();
    const std::string_view item(params.data() + start, end - start);
    const auto eq = item.find('=');
    if (eq != std::string_view::npos && item.substr(0, eq) == key) return std::string(item.substr(eq + 1));
    start = end + 1;
  }
  return std::nullopt;
}

std::string InfoService::answer(size_t node, std::string_view body) {
  auto& stats = cluster_.nodes()[node].stats;
  bool counted = false;
  std::string out;
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string command(body.substr(start, end - start));
    start = end + 1;
    if (command.empty()) continue;
    // Control traffic is the test's, not the client's: it stays out of the
    // counts a test compares with the stock client's load.
    if (command.rfind("asim-", 0) != 0) {
      ++stats.names[command.substr(0, command.find(':'))];
      if (!counted) ++stats.info_requests;
      counted = true;
    }
    const std::string value = value_of(node, command);
    out += command;
    out += '\t';
    out += value;
    out += '\n';
  }
  if (body.find_first_not_of('\n') == std::string_view::npos) {
    // An empty request asks a real server for its identity.
    for (const char* name : {"node", "build", "edition", "version"})
      out += fmt::format("{}\t{}\n", name, value_of(node, name));
  }
  return out;
}

std::string InfoService::value_of(size_t node, const std::string& command) {
  const SimNode& self = cluster_.nodes()[node];
  const auto split = name_end(command);
  const std::string name = command.substr(0, split);
  const std::string params = split == std::string::npos ? "" : command.substr(split + 1);

  if (name == "node" || name == "node-id") return self.name;
  if (name == "partition-generation") return std::to_string(self.partition_generation);
  if (name == "peers-generation") return std::to_string(self.peers_generation);
  if (name == "rebalance-generation") return std::to_string(self.rebalance_generation);
  if (name == "build") return self.build;
  if (name == "cluster-name") return cluster_.cluster_name();
  if (name == "edition") return "Aerospike Simulator";
  if (name == "version") return "Aerospike Simulator build " + self.build;
  if (name == "features") return kFeatures;
  if (name == "partitions") return std::to_string(Cluster::kPartitions);
  if (name == "replicas") return cluster_.replicas_value(node);
  if (name == "replicas-master") return cluster_.replicas_master_value(node);
  if (name == "peers-clear-std" || name == "peers-clear-alt") return cluster_.peers_value(node, false);
  if (name == "peers-tls-std" || name == "peers-tls-alt") return cluster_.peers_value(node, true);
  if (name == "service-clear-std" || name == "service-clear-alt" || name == "service")
    return fmt::format("127.0.0.1:{}", self.port);
  if (name == "rack-ids") return cluster_.rack_ids_value(node);
  if (name == "user-agent-set") return "ok";
  if (name == "status") return "ok";
  if (name == "namespaces") {
    std::string out;
    for (const auto& ns : cluster_.namespaces()) out += (out.empty() ? "" : ";") + ns.spec.name;
    return out;
  }
  if (name == "statistics") {
    size_t running = 0;
    for (const auto& n : cluster_.nodes()) running += n.running ? 1 : 0;
    return fmt::format("cluster_size={};cluster_name={};reads={};writes={};proxied={}", running,
                       cluster_.cluster_name(), self.stats.reads, self.stats.writes, self.stats.proxied);
  }
  if (auto v = cluster_stable_command(cluster_, name, params)) return *v;
  if (store_ && name.rfind("udf-", 0) == 0) {
    if (auto v = udf::info_command(store_->udf_modules(), name, params)) return *v;
  }
  if (queries_) {
    if (auto v = queries_->info_command(node, name, params, monotonic_ms())) return *v;
  }
  if (store_) {
    if (auto v = truncate_command(cluster_, *store_, name, params)) return *v;
    if (auto v = sindex_command(cluster_, *store_, name, params)) return *v;
    if (auto v = namespace_command(cluster_, *store_, name, params)) return *v;
    if (auto v = bins_command(cluster_, *store_, self.build, name, params)) return *v;
  }
  if (name.rfind("asim-", 0) == 0) {
    if (auto v = control(name, params)) return *v;
  }
  return "ERROR:4:unrecognized command";
}

std::optional<size_t> InfoService::target(const std::string& params) const {
  auto port = param(params, "port");
  if (!port) return std::nullopt;
  auto n = to_long(*port);
  if (!n || *n <= 0 || *n > 65535) return std::nullopt;
  return cluster_.node_by_port(static_cast<uint16_t>(*n));
}

std::optional<std::string> InfoService::control(const std::string& name, const std::string& params) {
  auto target = [&] { return this->target(params); };
  auto no_node = [&] { return no_node_answer(params); };

  if (name == "asim-add-node") {
    const size_t node = cluster_.add_node(0);
    auto port = control_.start(node);
    if (!port) return "ERROR::" + port.status().message();
    return std::to_string(*port);
  }
  if (name == "asim-start-node") {
    auto node = target();
    if (!node) return no_node();
    if (cluster_.nodes()[*node].running) return "ok";
    auto port = control_.start(*node);
    if (!port) return "ERROR::" + port.status().message();
    return "ok";
  }
  if (name == "asim-stop-node") {
    auto node = target();
    if (!node) return no_node();
    if (cluster_.nodes()[*node].running) control_.stop(*node);
    return "ok";
  }
  if (name == "asim-rebalance") {
    cluster_.rebalance();
    return "ok";
  }
  if (name == "asim-bump-partition-gen") {
    auto node = target();
    if (!node) return no_node();
    cluster_.bump_partition_generation(*node);
    return "ok";
  }
  if (name == "asim-bump-peers-gen") {
    if (param(params, "port")) {
      auto node = target();
      if (!node) return no_node();
      cluster_.bump_peers_generation(*node);
    } else {
      for (size_t i = 0; i < cluster_.nodes().size(); ++i) cluster_.bump_peers_generation(i);
    }
    return "ok";
  }
  if (name == "asim-set-rack") {
    auto node = target();
    if (!node) return no_node();
    auto rack = to_long(param(params, "rack").value_or(""));
    if (!rack || *rack < -1 || *rack > 1000000) return "ERROR::rack must be -1 to 1000000";
    std::optional<size_t> ns;
    if (auto ns_name = param(params, "ns")) {
      ns = cluster_.namespace_index(*ns_name);
      if (!ns) return "ERROR::no namespace " + *ns_name;
    }
    cluster_.set_rack(*node, static_cast<int32_t>(*rack), ns);
    return "ok";
  }
  return cluster_control(name, params);
}

// The names that act on the cluster as a whole (or one node's build).
std::optional<std::string> InfoService::cluster_control(const std::string& name,
                                                        const std::string& params) {
  auto target = [&] { return this->target(params); };
  auto no_node = [&] { return no_node_answer(params); };
  if (name == "asim-set-build") {
    auto build = param(params, "build");
    if (!build || build->empty()) return "ERROR::build= is required";
    if (param(params, "port")) {
      auto node = target();
      if (!node) return no_node();
      cluster_.nodes()[*node].build = *build;
    } else {
      for (auto& n : cluster_.nodes()) n.build = *build;
    }
    return "ok";
  }
  if (name == "asim-stats") return cluster_.stats_value();
  if (name == "asim-stats-reset") {
    cluster_.reset_stats();
    return "ok";
  }
  if (auto v = data_control(name, params)) return *v;
  if (name == "asim-migrations") {
    auto ns = cluster_.namespace_index(param(params, "ns").value_or(""));
    if (!ns) return "ERROR::no namespace ns=" + param(params, "ns").value_or("");
    auto remaining = to_long(param(params, "remaining").value_or(""));
    if (!remaining || *remaining < 0 || *remaining > 4096) return "ERROR::remaining must be 0 to 4096";
    cluster_.namespaces()[*ns].migrations_remaining = static_cast<uint32_t>(*remaining);
    return "ok";
  }
  if (name == "asim-ownership") {
    auto ns = cluster_.namespace_index(param(params, "ns").value_or(""));
    if (!ns) return "ERROR::no namespace ns=" + param(params, "ns").value_or("");
    return cluster_.ownership_value(*ns);
  }
  return std::nullopt;
}

}  // namespace asim

namespace asim {

// A test's window into the store: every live record of one set, read
// without going through any client, so an audit can tell what a client
// reported from what the cluster holds.
std::string InfoService::dump_set(const std::string& ns, const std::string& set) const {
  auto hex = [](std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
    return out;
  };
  std::string out;
  for (const auto& [digest, record] : store_->live_records(ns, server_now())) {
    if (record->set != set) continue;
    if (!out.empty()) out += ';';
    out += hex(digest) + '/' + std::to_string(record->generation) + '/';
    for (size_t i = 0; i < record->bins.size(); ++i) {
      const Bin& bin = record->bins[i];
      if (i) out += ',';
      out += hex(bin.name) + ':' + std::to_string(bin.particle_type) + ':' + hex(bin.value);
    }
  }
  return out;
}

std::optional<std::string> InfoService::data_control(const std::string& name, const std::string& params) {
  if (name == "asim-dump") {
    if (!store_) return "ERROR::no record store";
    const std::string ns = param(params, "ns").value_or("");
    if (!cluster_.namespace_index(ns)) return "ERROR::no namespace ns=" + ns;
    auto set = param(params, "set");
    if (!set) return "ERROR::set= is required";
    return dump_set(ns, *set);
  }
  if (name == "asim-ns-config") {
    if (!store_) return "ERROR::no record store";
    const std::string ns = param(params, "ns").value_or("");
    if (!cluster_.namespace_index(ns)) return "ERROR::no namespace ns=" + ns;
    NamespaceConfig config = store_->config(ns);
    for (auto [key, field] : {std::pair{"nsup-period", &config.nsup_period},
                              std::pair{"default-ttl", &config.default_ttl}}) {
      auto text = param(params, key);
      if (!text) continue;
      auto v = to_long(*text);
      if (!v || *v < 0 || *v > 315360000) return fmt::format("ERROR::{} must be 0 to 315360000", key);
      *field = static_cast<uint32_t>(*v);
    }
    store_->configure(ns, config);
    return "ok";
  }
  if (name != "asim-fault" && name != "asim-fault-clear") return std::nullopt;
  if (!faults_) return "ERROR::no fault plan";
  std::optional<size_t> node;
  if (auto port = param(params, "port")) {
    auto n = to_long(*port);
    if (n && *n > 0 && *n <= 65535) node = cluster_.node_by_port(static_cast<uint16_t>(*n));
    if (!node) return "ERROR::no node with port=" + *port;
  }
  if (name == "asim-fault-clear") {
    if (node) {
      faults_->clear(*node);
    } else {
      faults_->clear_all();
    }
    return "ok";
  }
  if (!node) return "ERROR::port= is required";
  auto kind = fault_kind(param(params, "kind").value_or(""));
  if (!kind) return "ERROR::kind must be delay, drop, close, close-mid, close-after, garbage, huge-length or truncate";
  Fault fault{*kind, 1, 0};
  auto count = to_long(param(params, "count").value_or("1"));
  auto ms = to_long(param(params, "ms").value_or("0"));
  if (!count || *count < 0 || *count > 1000000000) return "ERROR::count must be 0 to 1000000000";
  if (!ms || *ms < 0 || *ms > 600000) return "ERROR::ms must be 0 to 600000";
  fault.remaining = static_cast<uint32_t>(*count);
  fault.delay_ms = static_cast<uint32_t>(*ms);
  faults_->arm(*node, fault);
  return "ok";
}

}  // namespace asim
