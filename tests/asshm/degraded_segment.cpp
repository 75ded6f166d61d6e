// A tended-looking segment with holes, for asshm_test.sh: three active
// nodes, namespace "holes" (rf 2) whose first 100 partitions have no master
// and first 300 no replica 1, and namespace "whole" (rf 1) fully owned. The
// owner pid is this process, which keeps the segment attached and the tend
// stamp fresh, so only the holes can make asshm call the map unhealthy.
// No live cluster can be made to show this on purpose: a tender fills every
// partition some node claims, and asim's nodes always claim all of them.
//
// usage: degraded_segment KEY TABLE_FILE
// Writes what it stored to TABLE_FILE, one "NS PARTITION REPLICA NODE-NAME"
// line per partition and replica index ("-" for no owner), prints "ready",
// keeps the segment until stdin reaches end of file, then removes it (the
// last one out does).
#include "map/cluster_map.h"
#include "shm/segment.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

using namespace aeroshim;

namespace {

constexpr uint32_t kNodes = 3;
constexpr uint32_t kMasterless = 100;    // partitions 0..99 of "holes" have no master
constexpr uint32_t kReplicaless = 300;   // partitions 0..299 of "holes" have no replica 1

uint64_t monotonic_now_ms() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<uint64_t>(now.tv_sec) * 1000 + static_cast<uint64_t>(now.tv_nsec) / 1000000;
}

std::string node_name(uint32_t index) { return "BB9DEAD0000000" + std::to_string(index); }

MapNode node(uint32_t index) {
  MapNode n;
  n.name = node_name(index);
  auto* in = reinterpret_cast<sockaddr_in*>(&n.address);
  in->sin_family = AF_INET;
  in->sin_port = htons(static_cast<uint16_t>(4000 + index));
  in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  n.features = 1;
  n.active = true;
  return n;
}

// Owner of (partition, replica) in the namespace, or -1 for none.
using Owner = int (*)(uint32_t partition, uint32_t replica);

int holes_owner(uint32_t p, uint32_t r) {
  if ((r == 0 && p < kMasterless) || (r == 1 && p < kReplicaless)) return -1;
  return static_cast<int>((p + r) % kNodes);
}

int whole_owner(uint32_t p, uint32_t) { return static_cast<int>((p * 7) % kNodes); }

struct Namespace {
  const char* name;
  uint8_t replicas;
  Owner owner;
};

const Namespace kNamespaces[] = {{"holes", 2, holes_owner}, {"whole", 1, whole_owner}};

bool fill(ClusterMap& map, const Namespace& ns, std::ofstream& table) {
  for (uint32_t n = 0; n < kNodes; n++) {
    ReplicasUpdate update;
    update.ns = ns.name;
    update.replica_count = ns.replicas;
    for (uint32_t r = 0; r < ns.replicas; r++) {
      for (uint32_t p = 0; p < SegmentLayout::kPartitions; p++) {
        if (ns.owner(p, r) == static_cast<int>(n)) update.bitmaps[r][p >> 3] |= 0x80 >> (p & 7);
      }
    }
    std::vector<uint32_t> displaced;
    if (!map.apply_replicas(n, update, displaced)) return false;
  }
  for (uint32_t p = 0; p < SegmentLayout::kPartitions; p++) {
    for (uint32_t r = 0; r < ns.replicas; r++) {
      const int owner = ns.owner(p, r);
      table << ns.name << ' ' << p << ' ' << r << ' ' << (owner < 0 ? "-" : node_name(owner))
            << '\n';
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s KEY TABLE_FILE\n", argv[0]);
    return 2;
  }
  const int key = static_cast<int>(std::strtoul(argv[1], nullptr, 0));
  auto segment = Segment::open(key, SegmentGeometry{16, 8});
  if (!segment || !(*segment)->created()) {
    std::fprintf(stderr, "degraded_segment: %s\n",
                 segment ? "the key is already in use" : segment.status().message().c_str());
    return 1;
  }
  ClusterMap map((*segment)->base(), (*segment)->size(), SegmentLayout(SegmentGeometry{16, 8}));
  map.initialize_header();
  for (uint32_t n = 0; n < kNodes; n++) {
    if (!map.upsert_node(node(n))) return 1;
  }
  map.bump_nodes_gen();
  std::ofstream table(argv[2]);
  for (const Namespace& ns : kNamespaces) {
    if (!fill(map, ns, table)) return 1;
  }
  table.close();
  map.header()->lock = 1;  // this process plays the owner
  map.stamp(monotonic_now_ms(), static_cast<uint32_t>(getpid()));
  map.publish_ready();
  std::printf("ready\n");
  std::fflush(stdout);
  // Re-stamped every second so a slow run never reads as a stale owner.
  pollfd in{STDIN_FILENO, POLLIN, 0};
  char buffer[64];
  while (poll(&in, 1, 1000) == 0 || read(STDIN_FILENO, buffer, sizeof(buffer)) > 0) {
    map.stamp(monotonic_now_ms(), static_cast<uint32_t>(getpid()));
  }
  return 0;
}
