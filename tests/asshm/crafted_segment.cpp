// Segments no live cluster can be made to show on purpose, written by hand
// for asshm_test.sh. Every map has three active nodes; the mode decides the
// rest:
//
//   degraded KEY TABLE_FILE  namespace "holes" (rf 2) whose first 100
//                            partitions have no master and first 300 no
//                            replica 1, and "whole" (rf 1) fully owned; this
//                            process owns and re-stamps it, so only the
//                            holes can make asshm call it unhealthy. Writes
//                            what it stored to TABLE_FILE, one
//                            "NS PARTITION REPLICA NODE-NAME" line each ("-"
//                            for no owner).
//   stale KEY                "whole" only; this process owns it but stamped
//                            it once, 30 s in the past.
//   owner-gone KEY           "whole" only, re-stamped, but the owner pid is a
//                            child that already exited; this process stays
//                            attached, as a follower would.
//   orphaned KEY             "whole" only, owned and stamped by this process,
//                            which also takes the key's aeroshim lock file,
//                            then exits leaving both behind: a crashed last
//                            client.
//   foreign KEY              a 4096-byte segment of some other program, left
//                            behind.
//
// Prints "ready PID" once the segment is written. The first three modes keep it
// until stdin reaches end of file and then remove it (the last one out does);
// the last two exit at once.
#include "map/cluster_map.h"
#include "shm/owner_file.h"
#include "shm/segment.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

using namespace aeroshim;

namespace {

constexpr uint32_t kNodes = 3;
constexpr uint32_t kMasterless = 100;   // partitions 0..99 of "holes" have no master
constexpr uint32_t kReplicaless = 300;  // partitions 0..299 of "holes" have no replica 1
constexpr uint64_t kStaleAgeMs = 30000;
constexpr SegmentGeometry kGeometry{16, 8};

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

constexpr Namespace kHoles{"holes", 2, holes_owner};
constexpr Namespace kWhole{"whole", 1, whole_owner};

bool fill(ClusterMap& map, const Namespace& ns, std::ostream* table) {
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
  for (uint32_t p = 0; table && p < SegmentLayout::kPartitions; p++) {
    for (uint32_t r = 0; r < ns.replicas; r++) {
      const int owner = ns.owner(p, r);
      *table << ns.name << ' ' << p << ' ' << r << ' ' << (owner < 0 ? "-" : node_name(owner))
             << '\n';
    }
  }
  return true;
}

// A pid that was a process of ours and is not any more.
uint32_t dead_pid() {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  waitpid(child, nullptr, 0);
  return static_cast<uint32_t>(child);
}

void ready() {
  std::printf("ready %d\n", static_cast<int>(getpid()));
  std::fflush(stdout);
}

int foreign(int key) {
  const int id = shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600);
  if (id < 0) {
    std::fprintf(stderr, "crafted_segment: shmget: %s\n", std::strerror(errno));
    return 1;
  }
  void* base = shmat(id, nullptr, 0);
  if (reinterpret_cast<intptr_t>(base) == -1) return 1;
  std::memset(base, 0x5A, 4096);
  shmdt(base);
  ready();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc >= 3 ? argv[1] : "";
  const bool degraded = mode == "degraded";
  if ((degraded && argc != 4) ||
      (!degraded && (argc != 3 || (mode != "stale" && mode != "owner-gone" && mode != "orphaned" &&
                                   mode != "foreign")))) {
    std::fprintf(stderr,
                 "usage: %s degraded KEY TABLE_FILE | stale KEY | owner-gone KEY | orphaned KEY | "
                 "foreign KEY\n",
                 argv[0]);
    return 2;
  }
  const int key = static_cast<int>(std::strtoul(argv[2], nullptr, 16));
  if (mode == "foreign") return foreign(key);

  auto segment = Segment::open(key, kGeometry);
  if (!segment || !(*segment)->created()) {
    std::fprintf(stderr, "crafted_segment: %s\n",
                 segment ? "the key is already in use" : segment.status().message().c_str());
    return 1;
  }
  ClusterMap map((*segment)->base(), (*segment)->size(), SegmentLayout(kGeometry));
  map.initialize_header();
  for (uint32_t n = 0; n < kNodes; n++) {
    if (!map.upsert_node(node(n))) return 1;
  }
  map.bump_nodes_gen();
  std::ofstream table;
  if (degraded) {
    table.open(argv[3]);
    if (!fill(map, kHoles, &table)) return 1;
  }
  if (!fill(map, kWhole, degraded ? &table : nullptr)) return 1;
  table.close();
  const uint32_t owner = mode == "owner-gone" ? dead_pid() : static_cast<uint32_t>(getpid());
  map.header()->lock = 1;  // this process (or the dead child) plays the owner
  map.stamp(monotonic_now_ms() - (mode == "stale" ? kStaleAgeMs : 0), owner);
  map.publish_ready();

  if (mode == "orphaned") {
    Result<shm::OwnerFile> lock_file = shm::OwnerFile::open(key);
    if (!lock_file || !lock_file->try_lock()) return 1;
    lock_file->record_pid(static_cast<uint32_t>(getpid()));
    (*segment)->leave_in_place();
    ready();
    return 0;  // exiting drops the lock; the file and the segment stay
  }
  ready();
  // Re-stamped every second (unless it is to look stale) so a slow run never
  // reads as a stale owner.
  pollfd in{STDIN_FILENO, POLLIN, 0};
  char buffer[64];
  while (poll(&in, 1, 1000) == 0 || read(STDIN_FILENO, buffer, sizeof(buffer)) > 0) {
    if (mode != "stale") map.stamp(monotonic_now_ms(), owner);
  }
  return 0;
}
