// Creating and attaching cluster segments, and explaining every way that can
// fail in terms a user can act on (key, sizes, geometries, kernel limits,
// permissions, and the ipcrm remedy).
#include "shm/segment.h"

#include <sys/ipc.h>
#include <sys/shm.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

namespace aeroshim {

namespace bi = boost::interprocess;

namespace {

std::string read_sysctl(const char* path) {
  std::ifstream file(path);
  std::string value;
  file >> value;
  return value.empty() ? "unknown" : value;
}

struct SegmentOwner {
  unsigned long uid = 0;
  unsigned mode = 0;
};

// The owner and mode of the segment under `key`. IPC_STAT needs read
// permission, which is exactly what a refused user lacks, so the
// world-readable /proc/sysvipc/shm table (key in decimal, mode in octal) is
// the fallback.
std::optional<SegmentOwner> segment_owner(int key) {
  int id = shmget(key, 0, 0);
  shmid_ds info{};
  if (id >= 0 && shmctl(id, IPC_STAT, &info) == 0) {
    return SegmentOwner{info.shm_perm.uid, info.shm_perm.mode & 0777u};
  }
  std::ifstream table("/proc/sysvipc/shm");
  std::string line;
  std::getline(table, line);  // column names
  while (std::getline(table, line)) {
    std::istringstream fields(line);
    long long row_key = 0;
    unsigned long shmid = 0, size = 0, cpid = 0, lpid = 0, nattch = 0, uid = 0;
    std::string mode;
    if (!(fields >> row_key >> shmid >> mode >> size >> cpid >> lpid >> nattch >> uid)) continue;
    if (static_cast<int>(row_key) != key) continue;
    return SegmentOwner{uid, static_cast<unsigned>(std::stoul(mode, nullptr, 8)) & 0777u};
  }
  return std::nullopt;
}

// Which geometry created a segment of this size, assuming one of the two
// limits matches ours: tells the user which setting differs.
std::string describe_size(uint64_t size, SegmentGeometry ours) {
  uint64_t nodes_part =
      SegmentLayout::kHeaderSize + uint64_t{SegmentLayout::kNodeSize} * ours.max_nodes;
  if (size > nodes_part && (size - nodes_part) % SegmentLayout::kTableSize == 0) {
    return fmt::format(" (as if shm_max_nodes={}, shm_max_namespaces={})", ours.max_nodes,
                       (size - nodes_part) / SegmentLayout::kTableSize);
  }
  uint64_t tables_part = uint64_t{SegmentLayout::kTableSize} * ours.max_namespaces;
  if (size > tables_part + SegmentLayout::kHeaderSize &&
      (size - tables_part - SegmentLayout::kHeaderSize) % SegmentLayout::kNodeSize == 0) {
    return fmt::format(" (as if shm_max_nodes={}, shm_max_namespaces={})",
                       (size - tables_part - SegmentLayout::kHeaderSize) / SegmentLayout::kNodeSize,
                       ours.max_namespaces);
  }
  return " (not a size any shm_max_nodes/shm_max_namespaces gives with this node capacity)";
}

Status explain_shmget_error(int key, int error, uint64_t size) {
  if (error == EINVAL || error == ENOMEM || error == ENOSPC) {
    return Status::error(
        AEROSPIKE_ERR_CLIENT,
        "shm_key {}: the kernel refused a {} byte segment ({}): kernel.shmmax is {} and "
        "kernel.shmall is {} pages; raise them (sysctl -w kernel.shmmax={}) or lower "
        "shm_max_nodes/shm_max_namespaces",
        key_text(key), size, std::strerror(error), read_sysctl("/proc/sys/kernel/shmmax"),
        read_sysctl("/proc/sys/kernel/shmall"), size);
  }
  if (error == EACCES || error == EPERM) {
    if (std::optional<SegmentOwner> owner = segment_owner(key)) {
      return Status::error(AEROSPIKE_ERR_CLIENT,
                           "shm_key {}: permission denied: the segment belongs to uid {} with mode "
                           "{:o}; run as that user or remove it with ipcrm -M {}",
                           key_text(key), owner->uid, owner->mode, key_text(key));
    }
    return Status::error(AEROSPIKE_ERR_CLIENT,
                         "shm_key {}: permission denied and its owner cannot be read ({})",
                         key_text(key), std::strerror(error));
  }
  return Status::error(AEROSPIKE_ERR_CLIENT, "shm_key {}: shmget failed: {}", key_text(key),
                       std::strerror(error));
}

// Retried by open(): the segment was removed under us by its last user.
Status vanished(int key) {
  return Status::error(AEROSPIKE_ERR_CLIENT_ABORT,
                       "shm_key {}: the segment was removed while attaching; retry", key_text(key));
}

}  // namespace

Segment::Segment(bi::xsi_shared_memory memory, bi::mapped_region region, bool created)
    : memory_(std::move(memory)), region_(std::move(region)), created_(created) {}

Result<std::unique_ptr<Segment>> Segment::open(int key, SegmentGeometry geometry) {
  // The last process of a previous generation may remove the segment
  // between our shmget and our attach; a few attempts cover that race.
  Result<std::unique_ptr<Segment>> result = Status(AEROSPIKE_ERR_CLIENT, "not attempted");
  for (int attempt = 0; attempt < 3; attempt++) {
    result = open_once(key, geometry);
    if (result || result.status().code() != AEROSPIKE_ERR_CLIENT_ABORT) break;
  }
  if (!result && result.status().code() == AEROSPIKE_ERR_CLIENT_ABORT) {
    return Status(AEROSPIKE_ERR_CLIENT, result.status().message());
  }
  return result;
}

Result<std::unique_ptr<Segment>> Segment::open_once(int key, SegmentGeometry geometry) {
  const SegmentLayout layout(geometry);
  const uint64_t size = layout.total_size();
  const bi::xsi_key xkey(static_cast<key_t>(key));
  bool created = false;
  bi::xsi_shared_memory memory;
  try {
    memory = bi::xsi_shared_memory(bi::create_only, xkey, size, bi::permissions(0666));
    created = true;
  } catch (const bi::interprocess_exception& e) {
    if (e.get_native_error() != EEXIST) {
      return explain_shmget_error(key, e.get_native_error(), size);
    }
  }
  if (!created) {
    // Attach by id without a size so a different size is reported, not refused.
    int id = shmget(static_cast<key_t>(key), 0, 0);
    if (id < 0 && errno == ENOENT) {
      return vanished(key);
    }
    if (id < 0) {
      return explain_shmget_error(key, errno, size);
    }
    shmid_ds info{};
    if (shmctl(id, IPC_STAT, &info) != 0) {
      return explain_shmget_error(key, errno, size);
    }
    if (info.shm_segsz != size) {
      return Status::error(
          AEROSPIKE_ERR_CLIENT,
          "shm_key {}: the existing segment is {} bytes{} but this configuration "
          "(shm_max_nodes={}, shm_max_namespaces={}) needs {} bytes. Stop every client using "
          "this key and remove the segment (ipcrm -M {}), or give this client a new shm_key "
          "for a rolling upgrade. (A stock 7.4.0 client would attach to a bigger segment "
          "silently; aeroshim refuses any other size because the header it would trust then "
          "describes a different layout.)",
          key_text(key), info.shm_segsz, describe_size(info.shm_segsz, geometry),
          geometry.max_nodes, geometry.max_namespaces, size, key_text(key));
    }
    try {
      memory = bi::xsi_shared_memory(bi::open_only, xkey);
    } catch (const bi::interprocess_exception& e) {
      if (e.get_native_error() == ENOENT) return vanished(key);
      return explain_shmget_error(key, e.get_native_error(), size);
    }
  }
  bi::mapped_region region;
  try {
    region = bi::mapped_region(memory, bi::read_write);
  } catch (const bi::interprocess_exception& e) {
    if (e.get_native_error() == EIDRM || e.get_native_error() == EINVAL) return vanished(key);
    return Status::error(AEROSPIKE_ERR_CLIENT, "shm_key {}: attaching the segment failed: {}",
                         key_text(key), std::strerror(e.get_native_error()));
  }
  if (region.get_size() < size) {
    return Status::error(AEROSPIKE_ERR_CLIENT, "shm_key {}: mapped {} bytes, expected {}",
                         key_text(key), region.get_size(), size);
  }
  return std::unique_ptr<Segment>(new Segment(std::move(memory), std::move(region), created));
}

Segment::~Segment() { detach(); }

bool Segment::detach() {
  if (detached_) return false;
  detached_ = true;
  const int id = memory_.get_shmid();
  region_ = bi::mapped_region();  // detach first, then look at who is left
  return remove_when_last_ && attached_processes(id) == 0 && shmctl(id, IPC_RMID, nullptr) == 0;
}

std::string key_text(int key) { return fmt::format("0x{:08X}", static_cast<unsigned>(key)); }

long attached_processes(int shmid) {
  shmid_ds info{};
  if (shmctl(shmid, IPC_STAT, &info) != 0) return -1;
  return static_cast<long>(info.shm_nattch);
}

}  // namespace aeroshim
