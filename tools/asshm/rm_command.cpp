// asshm rm: removes a cluster segment nobody is attached to, with its lock
// file, or an orphaned lock file alone. Whatever asshm cannot show to be an
// unused aerospike cluster segment (another program's size, a header that
// contradicts the layout, a segment it may not read, attached processes, a
// held lock file) is left alone unless --force says otherwise: a misread key
// must not cost another program its memory.
#include "commands.h"
#include "exit_codes.h"
#include "json.h"
#include "lock_files.h"
#include "shm/owner_file.h"
#include "shm/segment.h"
#include "snapshot.h"

#include <fmt/format.h>

#include <sys/shm.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace asshm {

namespace {

constexpr const char kForceHint[] = "not removed (--force removes it anyway)";

Failure refused(std::string why) {
  return Failure{kExitUnreadable, "refused", fmt::format("{}; {}", why, kForceHint)};
}

int removed(const Options& options, std::optional<uint64_t> segment_size,
            const std::string& lock_file) {
  const std::string key = aeroshim::key_text(options.key);
  if (options.json) {
    std::printf("{\"removed\":{\"key\":\"%s\",\"segment\":%s,\"size\":%llu,\"lock_file\":%s}}\n",
                key.c_str(), segment_size ? "true" : "false",
                static_cast<unsigned long long>(segment_size.value_or(0)),
                lock_file.empty() ? "null" : json_string(lock_file).c_str());
  } else if (segment_size) {
    std::printf("removed %s (%llu bytes)%s%s\n", key.c_str(),
                static_cast<unsigned long long>(*segment_size),
                lock_file.empty() ? "" : " and its lock file ", lock_file.c_str());
  } else {
    std::printf("removed the lock file %s of %s (no segment has the key)\n", lock_file.c_str(),
                key.c_str());
  }
  return kExitOk;
}

// No segment has the key: only its lock file can be left, and only an
// orphaned one goes without --force.
int remove_lock_file_alone(const Options& options) {
  const std::string key = aeroshim::key_text(options.key);
  std::optional<LockFile> file = inspect_lock_file(options.key);
  if (!file) {
    return report({kExitUnreadable, "no_segment",
                   fmt::format("no segment with key {}, and no lock file {}", key,
                               aeroshim::shm::OwnerFile::path_for(options.key))},
                  options.json);
  }
  if (!file->orphaned() && !options.force) {
    return report(refused(fmt::format("no segment with key {}, but its lock file {} is held by "
                                      "a running process (pid {} recorded)",
                                      key, file->path, file->recorded_pid)),
                  options.json);
  }
  if (unlink(file->path.c_str()) != 0 && errno != ENOENT) {
    return report({kExitUnreadable, "failed",
                   fmt::format("removing {} failed: {}", file->path, std::strerror(errno))},
                  options.json);
  }
  return removed(options, std::nullopt, file->path);
}

// Why the segment must stay, or nullopt when it may go.
std::optional<Failure> refusal(const Options& options, int id) {
  const std::string key = aeroshim::key_text(options.key);
  std::variant<Snapshot, Failure> read = read_segment(options.key, id);
  if (auto* failure = std::get_if<Failure>(&read)) {
    if (failure->kind == "no_segment") return *failure;
    if (failure->kind == "foreign") return refused(failure->message);
    return refused(
        fmt::format("cannot tell whether it is a cluster segment: {}", failure->message));
  }
  const Snapshot& snapshot = std::get<Snapshot>(read);
  if (aeroshim::Status valid = snapshot.map().validate(); !valid) {
    return refused(fmt::format(
        "{} has a cluster segment's size but its header contradicts the layout ({}): it may be "
        "another program's",
        key, valid.message()));
  }
  const long attached = aeroshim::attached_processes(id);
  if (attached > 0) {
    return refused(fmt::format(
        "{} process(es) are attached to {}; stop them first (with --force they keep their "
        "mapping and new clients get a fresh segment)",
        attached, key));
  }
  return std::nullopt;
}

}  // namespace

int rm_command(const Options& options) {
  const std::string key = aeroshim::key_text(options.key);
  const int id = shmget(options.key, 0, 0);
  if (id < 0) {
    if (errno == ENOENT) return remove_lock_file_alone(options);
    return report({kExitUnreadable, "unreadable",
                   fmt::format("cannot open segment {}: {}", key, std::strerror(errno))},
                  options.json);
  }
  if (std::optional<Failure> why = refusal(options, id)) {
    // --force overrides every check of the segment, never its absence.
    if (!options.force || why->kind != "refused") return report(*why, options.json);
  }
  shmid_ds info{};
  const uint64_t size = shmctl(id, IPC_STAT, &info) == 0 ? info.shm_segsz : 0;
  if (shmctl(id, IPC_RMID, nullptr) != 0) {
    return report({kExitUnreadable, "failed",
                   fmt::format("removing {} failed: {}", key, std::strerror(errno))},
                  options.json);
  }
  // The lock file goes with the segment, held or not: clients that start
  // now create a fresh segment and need a lock nobody from the old one holds.
  std::string lock_file = aeroshim::shm::OwnerFile::path_for(options.key);
  if (unlink(lock_file.c_str()) != 0) lock_file.clear();
  return removed(options, size, lock_file);
}

}  // namespace asshm
