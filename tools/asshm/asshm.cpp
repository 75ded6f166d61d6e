// asshm: what is in a shared cluster segment, at a glance or as JSON.
//
//   asshm status [--key K] [--json]   owner, liveness, tend age, nodes, namespaces, verdict
//   asshm list [--json]               every segment whose size fits the cluster formula
//   asshm rm --key K [--force]        remove a segment (and its lock file) nobody uses
//
// Attaches read-only, so looking never disturbs the processes that tend.
#include "map/cluster_map.h"
#include "map/segment_check.h"
#include "shm/liveness.h"
#include "shm/owner_file.h"
#include "session/ownership.h"
#include "shm/segment.h"

#include <aerospike/as_shm_cluster.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
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

struct Attached {
  int id = -1;
  void* base = nullptr;
  shmid_ds info{};
  ~Attached() {
    if (base != nullptr) shmdt(base);
  }
};

int status_command(int key, bool json) {
  Attached seg;
  seg.id = shmget(key, 0, 0);
  if (seg.id < 0) {
    std::fprintf(stderr, "asshm: no segment with key %s (%s)\n", key_text(key).c_str(),
                 std::strerror(errno));
    return 1;
  }
  if (shmctl(seg.id, IPC_STAT, &seg.info) != 0) {
    std::fprintf(stderr, "asshm: cannot read segment %s: %s\n", key_text(key).c_str(),
                 std::strerror(errno));
    return 1;
  }
  seg.base = shmat(seg.id, nullptr, SHM_RDONLY);
  if (seg.base == reinterpret_cast<void*>(-1)) {
    seg.base = nullptr;
    std::fprintf(stderr, "asshm: cannot attach %s read-only: %s (owner uid %u, mode %o)\n",
                 key_text(key).c_str(), std::strerror(errno), seg.info.shm_perm.uid,
                 seg.info.shm_perm.mode & 0777);
    return 1;
  }
  const uint64_t size = seg.info.shm_segsz;
  std::optional<SegmentGeometry> geometry = geometry_for_size(size);
  if (!geometry) {
    std::fprintf(stderr, "asshm: %s is %llu bytes, not a cluster segment size\n",
                 key_text(key).c_str(), static_cast<unsigned long long>(size));
    return 1;
  }
  // The map's readers take each node's read lock (an atomic add), which a
  // read-only mapping cannot do: read a private copy instead.
  std::vector<unsigned char> copy(static_cast<unsigned char*>(seg.base),
                                  static_cast<unsigned char*>(seg.base) + size);
  ClusterMap map(copy.data(), size, SegmentLayout(*geometry));
  Status valid = map.validate();
  const uint32_t owner = map.owner_pid();
  const bool lock = map.header()->lock != 0;
  const bool owner_alive = shm::owner_alive(owner, key);
  const bool file_held = shm::OwnerFile::held_by_someone(key);
  const uint64_t now = monotonic_ms();
  const uint64_t stamp = map.timestamp_ms();
  const long long age = stamp == 0 ? -1 : static_cast<long long>(now - stamp);
  std::vector<MapNode> nodes = map.nodes();
  uint32_t active = 0;
  for (const MapNode& n : nodes) active += n.active;

  std::string verdict;
  bool healthy = false;
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
  } else {
    healthy = true;
    verdict = fmt::format("OK: pid {} tends {} active node(s), last {} ms ago", owner, active, age);
  }

  struct Namespace {
    std::string name;
    uint8_t replicas;
    bool sc;
    std::map<uint32_t, uint32_t> masters;  // node index -> partitions it masters
  };
  std::vector<Namespace> namespaces;
  for (uint32_t t = 0; t < map.namespace_count(); t++) {
    Namespace ns{map.namespace_name(t), map.replica_size(t), map.sc_mode(t), {}};
    for (uint32_t p = 0; p < SegmentLayout::kPartitions; p++) {
      if (auto node = map.replica_node(t, p, 0)) ns.masters[*node]++;
    }
    namespaces.push_back(std::move(ns));
  }

  if (json) {
    std::string out = fmt::format(
        "{{\"key\":\"{}\",\"size\":{},\"max_nodes\":{},\"max_namespaces\":{},\"attached\":{},"
        "\"owner_pid\":{},\"owner_alive\":{},\"lock\":{},\"lock_file_held\":{},"
        "\"tend_age_ms\":{},\"ready\":{},\"nodes_gen\":{},\"healthy\":{},\"verdict\":{},"
        "\"nodes\":[",
        key_text(key), size, geometry->max_nodes, geometry->max_namespaces,
        seg.info.shm_nattch, owner, owner_alive, lock, file_held, age, map.ready(),
        map.nodes_gen(), healthy, json_string(verdict));
    for (size_t i = 0; i < nodes.size(); i++) {
      out += fmt::format("{}{{\"index\":{},\"name\":{},\"address\":{},\"active\":{},"
                         "\"features\":{},\"rack_id\":{}}}",
                         i ? "," : "", i, json_string(nodes[i].name),
                         json_string(address_text(nodes[i].address)), nodes[i].active,
                         nodes[i].features, nodes[i].rack_id);
    }
    out += "],\"namespaces\":[";
    for (size_t i = 0; i < namespaces.size(); i++) {
      std::string masters;
      for (auto [node, count] : namespaces[i].masters) {
        masters += fmt::format("{}\"{}\":{}", masters.empty() ? "" : ",", node, count);
      }
      out += fmt::format("{}{{\"name\":{},\"replication_factor\":{},\"sc\":{},"
                         "\"master_partitions_by_node\":{{{}}}}}",
                         i ? "," : "", json_string(namespaces[i].name), namespaces[i].replicas,
                         namespaces[i].sc, masters);
    }
    std::printf("%s]}\n", out.c_str());
    return healthy ? 0 : 2;
  }

  std::printf("segment   %s  %llu bytes (shm_max_nodes=%u, shm_max_namespaces=%u), %lu attached\n",
              key_text(key).c_str(), static_cast<unsigned long long>(size), geometry->max_nodes,
              geometry->max_namespaces, static_cast<unsigned long>(seg.info.shm_nattch));
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
  for (const Namespace& ns : namespaces) {
    std::string masters;
    for (auto [node, count] : ns.masters) {
      masters += fmt::format(" {}={}", node < nodes.size() ? nodes[node].name : "?", count);
    }
    std::printf("  %-31s rf=%u %s masters:%s\n", ns.name.c_str(), ns.replicas,
                ns.sc ? "SC" : "AP", masters.empty() ? " none" : masters.c_str());
  }
  std::printf("health    %s\n", verdict.c_str());
  return healthy ? 0 : 2;
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
    return 1;
  }
  long attached = attached_processes(id);
  if (attached > 0 && !force) {
    std::fprintf(stderr,
                 "asshm: %ld process(es) are attached to %s; stop them first, or use --force "
                 "(they keep their mapping, new clients get a fresh segment)\n",
                 attached, key_text(key).c_str());
    return 1;
  }
  if (shmctl(id, IPC_RMID, nullptr) != 0) {
    std::fprintf(stderr, "asshm: removing %s failed: %s\n", key_text(key).c_str(),
                 std::strerror(errno));
    return 1;
  }
  unlink(shm::OwnerFile::path_for(key).c_str());
  std::printf("removed %s\n", key_text(key).c_str());
  return 0;
}

int usage() {
  std::fprintf(stderr,
               "usage: asshm status [--key K] [--json]\n"
               "       asshm list [--json]\n"
               "       asshm rm --key K [--force]\n"
               "K is the shm_key, e.g. 0xA5000000 (the default)\n");
  return 64;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string command = argv[1];
  int key = kDefaultKey;
  bool json = false, force = false, key_given = false;
  for (int i = 2; i < argc; i++) {
    std::string arg = argv[i];
    if (arg == "--json") {
      json = true;
    } else if (arg == "--force") {
      force = true;
    } else if (arg == "--key" && i + 1 < argc) {
      key = static_cast<int>(std::strtoul(argv[++i], nullptr, 0));
      key_given = true;
    } else {
      return usage();
    }
  }
  if (command == "status") return status_command(key, json);
  if (command == "list") return list_command(json);
  if (command == "rm") return key_given ? rm_command(key, force) : usage();
  return usage();
}
