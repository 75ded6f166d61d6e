// Owner liveness from /proc, with kill(pid, 0) as the fallback.
#include "shm/liveness.h"

#include "shm/owner_file.h"

#include <fmt/format.h>

#include <dirent.h>
#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <string>

namespace aeroshim::shm {

namespace {

enum class Answer { yes, no, unknown };

// The state letter follows the parenthesised command name, which may itself
// contain spaces and parentheses: search from the last ')'.
Answer is_zombie(uint32_t pid) {
  std::ifstream stat(fmt::format("/proc/{}/stat", pid));
  std::string line;
  if (!stat || !std::getline(stat, line)) return Answer::unknown;
  size_t close = line.rfind(')');
  if (close == std::string::npos || close + 2 >= line.size()) return Answer::unknown;
  char state = line[close + 2];
  return state == 'Z' || state == 'X' ? Answer::yes : Answer::no;
}

// A System V segment appears in maps as "/SYSV" + the key as 8 lowercase
// hex digits. Reading another user's maps is refused (ptrace rules): unknown.
Answer has_segment(uint32_t pid, int key) {
  std::ifstream maps(fmt::format("/proc/{}/maps", pid));
  if (!maps) return Answer::unknown;
  const std::string needle = fmt::format("/SYSV{:08x}", static_cast<unsigned>(key));
  std::string line;
  bool read_any = false;
  while (std::getline(maps, line)) {
    read_any = true;
    if (line.find(needle) != std::string::npos) return Answer::yes;
  }
  return read_any ? Answer::no : Answer::unknown;
}

}  // namespace

bool has_owner_file_open(uint32_t pid, int key) {
  if (pid == 0 || pid > static_cast<uint32_t>(INT32_MAX)) return false;
  const std::string directory = fmt::format("/proc/{}/fd", pid);
  DIR* fds = opendir(directory.c_str());
  if (!fds) return false;
  const std::string wanted = OwnerFile::path_for(key);
  bool found = false;
  while (dirent* entry = readdir(fds)) {
    char target[PATH_MAX];
    const ssize_t n = readlinkat(dirfd(fds), entry->d_name, target, sizeof(target));
    if (n > 0 && std::string(target, static_cast<size_t>(n)) == wanted) {
      found = true;
      break;
    }
  }
  closedir(fds);
  return found;
}

bool owner_alive(uint32_t pid, int key) {
  if (pid == 0 || pid > static_cast<uint32_t>(INT32_MAX)) return false;
  if (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return false;
  if (is_zombie(pid) == Answer::yes) return false;
  return has_segment(pid, key) != Answer::no;
}

}  // namespace aeroshim::shm
