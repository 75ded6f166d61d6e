// Taking a snapshot: stat, size check, read-only attach, copy, detach.
#include "snapshot.h"

#include "exit_codes.h"
#include "map/segment_check.h"
#include "shm/segment.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>

namespace asshm {

using aeroshim::key_text;

namespace {

// Removed between finding it and reading it: the same answer as never there.
Failure vanished(int key) {
  return Failure{kExitUnreadable, "no_segment",
                 fmt::format("no segment with key {} (removed while being read)", key_text(key))};
}

}  // namespace

aeroshim::ClusterMap Snapshot::map() const {
  // The map reads through const methods only; the cast is for its
  // constructor, which also serves the writer.
  return aeroshim::ClusterMap(const_cast<unsigned char*>(bytes.data()), bytes.size(),
                              aeroshim::SegmentLayout(geometry));
}

std::variant<Snapshot, Failure> read_segment(int key) {
  const int id = shmget(key, 0, 0);
  if (id < 0) {
    if (errno == ENOENT) {
      return Failure{kExitUnreadable, "no_segment",
                     fmt::format("no segment with key {}", key_text(key))};
    }
    return Failure{kExitUnreadable, "unreadable",
                   fmt::format("cannot open segment {}: {}", key_text(key), std::strerror(errno))};
  }
  return read_segment(key, id);
}

std::variant<Snapshot, Failure> read_segment(int key, int id) {
  Snapshot out;
  out.key = key;
  out.id = id;
  if (shmctl(id, IPC_STAT, &out.info) != 0) {
    if (errno == EINVAL || errno == EIDRM) return vanished(key);
    return Failure{kExitUnreadable, "unreadable",
                   fmt::format("cannot read segment {}: {}", key_text(key), std::strerror(errno))};
  }
  const uint64_t size = out.info.shm_segsz;
  std::optional<aeroshim::SegmentGeometry> geometry = aeroshim::geometry_for_size(size);
  if (!geometry) {
    return Failure{kExitUnreadable, "foreign",
                   fmt::format("{} is {} bytes, not an aerospike cluster segment size (56 + 424 x "
                               "shm_max_nodes + 65576 x shm_max_namespaces): another program's "
                               "segment (created by pid {})",
                               key_text(key), size, out.info.shm_cpid)};
  }
  void* base = shmat(id, nullptr, SHM_RDONLY);
  if (reinterpret_cast<intptr_t>(base) == -1) {
    if (errno == EINVAL || errno == EIDRM) return vanished(key);
    return Failure{
        kExitUnreadable, "unreadable",
        fmt::format("cannot attach {} read-only: {} (owner uid {}, mode {:o})", key_text(key),
                    std::strerror(errno), out.info.shm_perm.uid, out.info.shm_perm.mode & 0777)};
  }
  out.bytes.assign(static_cast<unsigned char*>(base), static_cast<unsigned char*>(base) + size);
  shmdt(base);
  out.geometry = *geometry;
  return out;
}

}  // namespace asshm
