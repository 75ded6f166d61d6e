// A cluster segment as it was at one instant. The map's readers take each
// node's read lock (an atomic add), which a read-only mapping cannot do, so
// the map is read over a private copy taken right after attaching. Reading
// never writes to the segment: looking does not disturb the processes that
// tend it.
#pragma once

#include "failure.h"
#include "map/cluster_map.h"
#include "shm/segment_layout.h"

#include <sys/shm.h>

#include <variant>
#include <vector>

namespace asshm {

struct Snapshot {
  int key = 0;
  int id = -1;
  shmid_ds info{};  // taken before attaching: shm_nattch does not count asshm
  aeroshim::SegmentGeometry geometry{};
  std::vector<unsigned char> bytes;

  // A view over the copy; valid while this snapshot lives.
  aeroshim::ClusterMap map() const;
};

// The segment under `key`, or why it cannot be read as a cluster segment:
// no_segment (no segment has the key), foreign (its size fits no
// shm_max_nodes/shm_max_namespaces: another program's), unreadable (stat or
// attach refused).
std::variant<Snapshot, Failure> read_segment(int key);
// The same for a segment already found by id (list walks the kernel's table).
std::variant<Snapshot, Failure> read_segment(int key, int id);

}  // namespace asshm
