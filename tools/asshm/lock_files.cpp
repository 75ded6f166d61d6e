// Lock files: found by name in /dev/shm, probed without taking their lock.
#include "lock_files.h"

#include "key.h"
#include "shm/owner_file.h"

#include <fmt/format.h>

#include <dirent.h>
#include <signal.h>
#include <sys/shm.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>

namespace asshm {

namespace {

// Running and not a zombie; a pid of another user counts as running (EPERM).
bool running(uint32_t pid) {
  if (pid == 0 || pid > 0x7FFFFFFFu) return false;
  if (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return false;
  std::ifstream stat(fmt::format("/proc/{}/stat", pid));
  std::string line;
  if (!stat || !std::getline(stat, line)) return true;
  // The state letter follows the command name, which may hold ')'.
  const size_t close = line.rfind(')');
  return close == std::string::npos || close + 2 >= line.size() ||
         (line[close + 2] != 'Z' && line[close + 2] != 'X');
}

uint32_t read_recorded_pid(const std::string& path) {
  std::ifstream file(path);
  unsigned long pid = 0;
  if (!(file >> pid) || pid > 0xFFFFFFFFul) return 0;
  return static_cast<uint32_t>(pid);
}

}  // namespace

std::string LockFile::orphan_reason() const {
  if (!segment) return "no segment has its key";
  if (recorded_pid == 0) return "nobody holds it and no holder was recorded";
  return fmt::format("nobody holds it and its last holder, pid {}, is gone", recorded_pid);
}

std::optional<LockFile> inspect_lock_file(int key) {
  LockFile file;
  file.key = key;
  file.path = aeroshim::shm::OwnerFile::path_for(key);
  std::ifstream exists(file.path);
  if (!exists) return std::nullopt;
  file.held = aeroshim::shm::OwnerFile::held_by_someone(key);
  // A segment we may not read still exists (EACCES): only ENOENT says none.
  file.segment = shmget(key, 0, 0) >= 0 || errno != ENOENT;
  file.recorded_pid = read_recorded_pid(file.path);
  file.recorded_pid_running = running(file.recorded_pid);
  return file;
}

std::vector<LockFile> all_lock_files() {
  std::vector<LockFile> files;
  // The directory the library puts them in, from its own naming.
  std::string path = aeroshim::shm::OwnerFile::path_for(0);
  path.erase(path.rfind('/'));
  DIR* directory = opendir(path.c_str());
  if (!directory) return files;
  while (dirent* entry = readdir(directory)) {
    std::optional<int> key = lock_file_key(entry->d_name);
    if (!key) continue;
    if (std::optional<LockFile> file = inspect_lock_file(*key)) files.push_back(std::move(*file));
  }
  closedir(directory);
  std::sort(files.begin(), files.end(), [](const LockFile& a, const LockFile& b) {
    return static_cast<uint32_t>(a.key) < static_cast<uint32_t>(b.key);
  });
  return files;
}

}  // namespace asshm
