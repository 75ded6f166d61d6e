// The aeroshim lock files (/dev/shm/aeroshim-<KEY>.owner) and which of them
// nobody needs any more. The kernel drops a file's lock when its holder
// exits, so a held file always has a live holder; a file nobody holds is
// orphaned when no segment has its key, or when the pid it records (the last
// holder) is no longer running. A process that opens the file just as it is
// removed notices and makes a new one (src/shm/owner_file.h), so removing
// an orphaned file is safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace asshm {

struct LockFile {
  int key = 0;
  std::string path;
  bool held = false;
  bool segment = false;       // a segment has the key
  uint32_t recorded_pid = 0;  // 0: none recorded
  bool recorded_pid_running = false;
  bool orphaned() const { return !held && (!segment || !recorded_pid_running); }
  // Why it is orphaned: "no segment", "last holder pid 123 is gone".
  std::string orphan_reason() const;
};

// The lock file of `key`, when it exists.
std::optional<LockFile> inspect_lock_file(int key);
// Every lock file in /dev/shm, by key.
std::vector<LockFile> all_lock_files();

}  // namespace asshm
