// asshm: what is in a shared cluster segment, at a glance or as JSON.
//
//   asshm status [--key K] [--json]   owner, liveness, tend age, nodes, namespaces, verdict
//   asshm partitions --ns NS [--key K] every partition's owner per replica, one line each
//   asshm list [--json]               every segment whose size fits the cluster formula
//   asshm rm --key K [--force]        remove a segment (and its lock file) nobody uses
//
// Attaches read-only, so looking never disturbs the processes that tend.
// Exit codes (also in usage and README.md): 0 healthy / done, 1 cannot read
// or remove, 2 not tended (see the verdict), 3 degraded (tended, but some
// partition has no master), 64 bad usage.
#include "map/cluster_map.h"
#include "map/segment_check.h"
#include "shm/liveness.h"
#include "shm/owner_file.h"
#include "shm/segment.h"

#include <aerospike/as_shm_cluster.h>

#include <fmt/ranges.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace aeroshim;

namespace {

constexpr int kDefaultKey = static_cast<int>(0xA5000000u);

std::string address_text(const sockaddr_storage& address) {
  char text[INET6_ADDRSTRLEN] = "?";
  uint16_t port = 0;
  if (address.ss_family == AF_INET) {
    auto* in = reinterpret_cast<const sockaddr_in*>(&address);
    inet_ntop(AF_INET, &in->sin_addr, text, sizeof(text));
    port = ntohs(in->sin_port);
  } else if (address.ss_family == AF_INET6) {
    auto* in = reinterpret_cast<const sockaddr_in6*>(&address);
    inet_ntop(AF_INET6, &in->sin6_addr, text, sizeof(text));
    port = ntohs(in->sin6_port);
  } else {
    return "-";
  }
  return fmt::format(address.ss_family == AF_INET6 ? "[{}]:{}" : "{}:{}", text, port);
}

std::string json_string(const std::string& value) {
  std::string out = "\"";
  for (unsigned char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

enum ExitCode : int {
  kExitOk = 0,
  kExitUnreadable = 1,  // no such segment, not a cluster segment, cannot attach or remove
  kExitNotTended = 2,   // corrupt, not ready, no owner, owner gone, stale, no nodes
  kExitDegraded = 3,    // tended, but a partition of some namespace has no master
  kExitUsage = 64,
};

// The header's timestamp is CLOCK_MONOTONIC milliseconds (as in stock).
uint64_t monotonic_now_ms() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<uint64_t>(now.tv_sec) * 1000 + static_cast<uint64_t>(now.tv_nsec) / 1000000;
}

// A segment as it was at one instant. The map's readers take each node's
// read lock (an atomic add), which a read-only mapping cannot do, so the
// map is read over a private copy taken right after attaching.
struct Snapshot {
  shmid_ds info{};
  SegmentGeometry geometry{};
  std::vector<unsigned char> bytes;
  std::optional<ClusterMap> map;
};

// Fills `out` from the segment under `key`, or says on stderr why not.
bool take_snapshot(int key, Snapshot& out) {
  const int id = shmget(key, 0, 0);
  if (id < 0) {
    std::fprintf(stderr, "asshm: no segment with key %s (%s)\n", key_text(key).c_str(),
                 std::strerror(errno));
    return false;
  }
  if (shmctl(id, IPC_STAT, &out.info) != 0) {
    std::fprintf(stderr, "asshm: cannot read segment %s: %s\n", key_text(key).c_str(),
                 std::strerror(errno));
    return false;
  }
  const uint64_t size = out.info.shm_segsz;
  std::optional<SegmentGeometry> geometry = geometry_for_size(size);
  if (!geometry) {
    std::fprintf(stderr, "asshm: %s is %llu bytes, not a cluster segment size\n",
                 key_text(key).c_str(), static_cast<unsigned long long>(size));
    return false;
  }
  void* base = shmat(id, nullptr, SHM_RDONLY);
  if (base == reinterpret_cast<void*>(-1)) {
    std::fprintf(stderr, "asshm: cannot attach %s read-only: %s (owner uid %u, mode %o)\n",
                 key_text(key).c_str(), std::strerror(errno), out.info.shm_perm.uid,
                 out.info.shm_perm.mode & 0777);
    return false;
  }
  out.bytes.assign(static_cast<unsigned char*>(base), static_cast<unsigned char*>(base) + size);
  shmdt(base);
  out.geometry = *geometry;
  out.map.emplace(out.bytes.data(), size, SegmentLayout(*geometry));
  return true;
}

// One namespace's partition table summarized: who masters how much, and
// how many partitions have no owner at each replica index below the
// replication factor (an entry that names no used node entry).
struct NamespaceSummary {
  std::string name;
  uint8_t replicas;
  bool sc;
  std::map<uint32_t, uint32_t> masters;  // node index -> partitions it masters
  std::vector<uint32_t> unowned;         // replica index -> partitions without an owner
  uint32_t without_master() const { return unowned.empty() ? 0 : unowned[0]; }
};

std::vector<NamespaceSummary> summarize_namespaces(const ClusterMap& map) {
  std::vector<NamespaceSummary> namespaces;
  for (uint32_t t = 0; t < map.namespace_count(); t++) {
    NamespaceSummary ns{map.namespace_name(t), map.replica_size(t), map.sc_mode(t), {}, {}};
    // A factor of 0 still has to name a master: count replica 0 regardless.
    const uint32_t counted = std::clamp<uint32_t>(ns.replicas, 1, AS_MAX_REPLICATION_FACTOR);
    ns.unowned.assign(counted, 0);
    for (uint32_t p = 0; p < SegmentLayout::kPartitions; p++) {
      for (uint32_t r = 0; r < counted; r++) {
        std::optional<uint32_t> node = map.replica_node(t, p, r);
        if (!node) {
          ns.unowned[r]++;
        } else if (r == 0) {
          ns.masters[*node]++;
        }
      }
    }
    namespaces.push_back(std::move(ns));
  }
  return namespaces;
}

// "test 100/4096, strong 4/4096" for the namespaces with partitions lacking a master.
std::string masterless_text(const std::vector<NamespaceSummary>& namespaces) {
  std::string text;
  for (const NamespaceSummary& ns : namespaces) {
    if (ns.without_master() == 0) continue;
    text += fmt::format("{}{} {}/{}", text.empty() ? "" : ", ", ns.name, ns.without_master(),
                        SegmentLayout::kPartitions);
  }
  return text;
}

int status_command(int key, bool json) {
  Snapshot snapshot;
  if (!take_snapshot(key, snapshot)) return kExitUnreadable;
  const ClusterMap& map = *snapshot.map;
  const SegmentGeometry& geometry = snapshot.geometry;
  const uint64_t size = snapshot.info.shm_segsz;
  Status valid = map.validate();
  const uint32_t owner = map.owner_pid();
  const bool lock = map.header()->lock != 0;
  const bool owner_alive = shm::owner_alive(owner, key);
  const bool file_held = shm::OwnerFile::held_by_someone(key);
  const uint64_t now = monotonic_now_ms();
  const uint64_t stamp = map.timestamp_ms();
  const long long age = stamp == 0 ? -1 : static_cast<long long>(now - stamp);
  std::vector<MapNode> nodes = map.nodes();
  uint32_t active = 0;
  for (const MapNode& n : nodes) active += n.active;
  // Only a valid map's tables are worth counting.
  const std::vector<NamespaceSummary> namespaces =
      valid ? summarize_namespaces(map) : std::vector<NamespaceSummary>{};
  const std::string masterless = masterless_text(namespaces);

  std::string verdict;
  int exit_code = kExitNotTended;
  if (!valid) {
    verdict = "CORRUPT: " + valid.message();
  } else if (!map.ready()) {
    verdict = lock && owner_alive ? "STARTING: the owner has not published the map yet"
                                  : "NOT READY: nobody is initializing this segment";
  } else if (!lock) {
    verdict = "NO OWNER: the map is not tended until a client takes over";
  } else if (!owner_alive) {
    verdict = fmt::format("OWNER GONE: pid {} is not running; a follower takes over soon", owner);
  } else if (age > 10000) {
    verdict = fmt::format("STALE: owner pid {} has not tended for {} s", owner, age / 1000);
  } else if (active == 0) {
    verdict = "NO NODES: the owner tends but reaches no server";
  } else if (!masterless.empty()) {
    exit_code = kExitDegraded;
    verdict = fmt::format("DEGRADED: partitions without a master: {}", masterless);
  } else {
    exit_code = kExitOk;
    verdict = fmt::format("OK: pid {} tends {} active node(s), last {} ms ago", owner, active, age);
  }
  const bool healthy = exit_code == kExitOk;

  if (json) {
    std::string out = fmt::format(
        "{{\"key\":\"{}\",\"size\":{},\"max_nodes\":{},\"max_namespaces\":{},\"attached\":{},"
        "\"owner_pid\":{},\"owner_alive\":{},\"lock\":{},\"lock_file_held\":{},"
        "\"tend_age_ms\":{},\"ready\":{},\"nodes_gen\":{},\"rebalance_gen\":{},\"healthy\":{},"
        "\"degraded\":{},\"verdict\":{},\"nodes\":[",
        key_text(key), size, geometry.max_nodes, geometry.max_namespaces, snapshot.info.shm_nattch,
        owner, owner_alive, lock, file_held, age, map.ready(), map.nodes_gen(), map.rebalance_gen(),
        healthy, exit_code == kExitDegraded, json_string(verdict));
    for (size_t i = 0; i < nodes.size(); i++) {
      out += fmt::format("{}{{\"index\":{},\"name\":{},\"address\":{},\"active\":{},"
                         "\"features\":{},\"rack_id\":{}}}",
                         i ? "," : "", i, json_string(nodes[i].name),
                         json_string(address_text(nodes[i].address)), nodes[i].active,
                         nodes[i].features, nodes[i].rack_id);
    }
    out += "],\"namespaces\":[";
    for (size_t i = 0; i < namespaces.size(); i++) {
      const NamespaceSummary& ns = namespaces[i];
      std::string masters;
      for (auto [node, count] : ns.masters) {
        masters += fmt::format("{}\"{}\":{}", masters.empty() ? "" : ",", node, count);
      }
      out += fmt::format("{}{{\"name\":{},\"replication_factor\":{},\"sc\":{},"
                         "\"master_partitions_by_node\":{{{}}},\"partitions_without_master\":{},"
                         "\"unowned_by_replica\":[{}]}}",
                         i ? "," : "", json_string(ns.name), ns.replicas, ns.sc, masters,
                         ns.without_master(), fmt::join(ns.unowned, ","));
    }
    std::printf("%s]}\n", out.c_str());
    return exit_code;
  }

  std::printf("segment   %s  %llu bytes (shm_max_nodes=%u, shm_max_namespaces=%u), %lu attached\n",
              key_text(key).c_str(), static_cast<unsigned long long>(size), geometry.max_nodes,
              geometry.max_namespaces, static_cast<unsigned long>(snapshot.info.shm_nattch));
  std::printf("owner     pid %u (%s%s), lock=%d, ready=%d, last tend %s\n", owner,
              owner_alive ? "alive" : "not running",
              file_held ? ", aeroshim lock file held" : ", no aeroshim lock holder", lock,
              map.ready(), age < 0 ? "never" : fmt::format("{} ms ago", age).c_str());
  std::printf("nodes     %zu used, %u active (gen %u)\n", nodes.size(), active, map.nodes_gen());
  for (size_t i = 0; i < nodes.size(); i++) {
    std::printf("  [%zu] %-20s %-28s %-8s features=0x%x rack=%d\n", i, nodes[i].name.c_str(),
                address_text(nodes[i].address).c_str(), nodes[i].active ? "active" : "inactive",
                nodes[i].features, nodes[i].rack_id);
  }
  std::printf("namespaces %zu\n", namespaces.size());
  for (const NamespaceSummary& ns : namespaces) {
    std::string masters;
    for (auto [node, count] : ns.masters) {
      masters += fmt::format(" {}={}", node < nodes.size() ? nodes[node].name : "?", count);
    }
    std::string unowned;
    for (size_t r = 0; r < ns.unowned.size(); r++) {
      unowned += fmt::format(" {}={}", r == 0 ? std::string("master") : fmt::format("replica{}", r),
                             ns.unowned[r]);
    }
    std::printf("  %-31s rf=%u %s masters:%s unowned:%s\n", ns.name.c_str(), ns.replicas,
                ns.sc ? "SC" : "AP", masters.empty() ? " none" : masters.c_str(), unowned.c_str());
  }
  std::printf("health    %s\n", verdict.c_str());
  return exit_code;
}

// One line per partition and replica index below the replication factor:
// "PARTITION REPLICA NODE-NAME", with "-" for no owner, so a test can check
// each partition against what the servers say, not just the totals.
int partitions_command(int key, const std::string& ns) {
  Snapshot snapshot;
  if (!take_snapshot(key, snapshot)) return kExitUnreadable;
  const ClusterMap& map = *snapshot.map;
  if (Status valid = map.validate(); !valid) {
    std::fprintf(stderr, "asshm: %s is corrupt: %s\n", key_text(key).c_str(),
                 valid.message().c_str());
    return kExitUnreadable;
  }
  std::optional<uint32_t> table = map.find_namespace(ns);
  if (!table) {
    std::fprintf(stderr, "asshm: %s has no namespace '%s'\n", key_text(key).c_str(), ns.c_str());
    return kExitUnreadable;
  }
  const std::vector<MapNode> nodes = map.nodes();
  const uint32_t counted =
      std::clamp<uint32_t>(map.replica_size(*table), 1, AS_MAX_REPLICATION_FACTOR);
  std::string out;
  for (uint32_t p = 0; p < SegmentLayout::kPartitions; p++) {
    for (uint32_t r = 0; r < counted; r++) {
      std::optional<uint32_t> node = map.replica_node(*table, p, r);
      const bool named = node && *node < nodes.size();
      out += fmt::format("{} {} {}\n", p, r, named ? nodes[*node].name : "-");
    }
  }
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

int list_command(bool json) {
  std::ifstream table("/proc/sysvipc/shm");
  std::string line;
  std::getline(table, line);  // column titles
  std::string out;
  int found = 0;
  while (std::getline(table, line)) {
    std::istringstream fields(line);
    long long key = 0, id = 0, perms = 0, size = 0, cpid = 0, lpid = 0, nattch = 0;
    fields >> key >> id >> perms >> size >> cpid >> lpid >> nattch;
    auto geometry = geometry_for_size(static_cast<uint64_t>(size));
    if (!fields || !geometry) continue;
    std::string k = key_text(static_cast<int>(key));
    if (json) {
      out += fmt::format("{}{{\"key\":\"{}\",\"size\":{},\"max_nodes\":{},\"max_namespaces\":{},"
                         "\"attached\":{}}}",
                         found ? "," : "", k, size, geometry->max_nodes, geometry->max_namespaces,
                         nattch);
    } else {
      out += fmt::format("{}  {:>9} bytes  shm_max_nodes={} shm_max_namespaces={}  {} attached\n",
                         k, size, geometry->max_nodes, geometry->max_namespaces, nattch);
    }
    found++;
  }
  if (json) {
    std::printf("[%s]\n", out.c_str());
  } else if (found == 0) {
    std::printf("no cluster segments\n");
  } else {
    std::printf("%s", out.c_str());
  }
  return 0;
}

int rm_command(int key, bool force) {
  int id = shmget(key, 0, 0);
  if (id < 0) {
    std::fprintf(stderr, "asshm: no segment with key %s\n", key_text(key).c_str());
    return kExitUnreadable;
  }
  long attached = attached_processes(id);
  if (attached > 0 && !force) {
    std::fprintf(stderr,
                 "asshm: %ld process(es) are attached to %s; stop them first, or use --force "
                 "(they keep their mapping, new clients get a fresh segment)\n",
                 attached, key_text(key).c_str());
    return kExitUnreadable;
  }
  if (shmctl(id, IPC_RMID, nullptr) != 0) {
    std::fprintf(stderr, "asshm: removing %s failed: %s\n", key_text(key).c_str(),
                 std::strerror(errno));
    return kExitUnreadable;
  }
  unlink(shm::OwnerFile::path_for(key).c_str());
  std::printf("removed %s\n", key_text(key).c_str());
  return kExitOk;
}

constexpr const char kUsage[] =
    "usage: asshm status [--key K] [--json]\n"
    "       asshm partitions --ns NS [--key K]\n"
    "       asshm list [--json]\n"
    "       asshm rm --key K [--force]\n"
    "       asshm --help\n"
    "K is the shm_key, e.g. 0xA5000000 (the default).\n"
    "partitions prints 'PARTITION REPLICA NODE-NAME' per partition and replica index\n"
    "below the namespace's replication factor, '-' where no node owns it.\n"
    "exit codes:\n"
    "  0   status: healthy; other commands: done\n"
    "  1   no such segment, not a cluster segment, cannot attach, unknown namespace,\n"
    "      or rm refused or failed\n"
    "  2   status: not tended (CORRUPT, STARTING, NOT READY, NO OWNER, OWNER GONE,\n"
    "      STALE, NO NODES)\n"
    "  3   status: DEGRADED, tended but some partition of some namespace has no master\n"
    "  64  bad usage\n";

int usage() {
  std::fputs(kUsage, stderr);
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  int key = kDefaultKey;
  bool json = false, force = false, key_given = false;
  std::string ns;
  for (int i = 2; i < argc; i++) {
    std::string arg = argv[i];
    if (arg == "--json") {
      json = true;
    } else if (arg == "--force") {
      force = true;
    } else if (arg == "--key" && i + 1 < argc) {
      key = static_cast<int>(std::strtoul(argv[++i], nullptr, 0));
      key_given = true;
    } else if (arg == "--ns" && i + 1 < argc) {
      ns = argv[++i];
    } else {
      return usage();
    }
  }
  if (command == "status") return status_command(key, json);
  if (command == "partitions") return ns.empty() ? usage() : partitions_command(key, ns);
  if (command == "list") return list_command(json);
  if (command == "rm") return key_given ? rm_command(key, force) : usage();
  return usage();
}
