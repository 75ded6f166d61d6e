// Reading /proc/sysvipc/shm: a title line, then one row per segment whose
// first columns are key shmid perms size cpid lpid nattch.
#include "segment_table.h"

#include <fstream>
#include <sstream>
#include <string>

namespace asshm {

std::vector<SegmentRow> segment_table() {
  std::vector<SegmentRow> rows;
  std::ifstream table("/proc/sysvipc/shm");
  std::string line;
  std::getline(table, line);  // column titles
  while (std::getline(table, line)) {
    std::istringstream fields(line);
    long long key = 0, id = 0, perms = 0, size = 0, cpid = 0, lpid = 0, nattch = 0;
    fields >> key >> id >> perms >> size >> cpid >> lpid >> nattch;
    if (!fields) continue;
    rows.push_back(SegmentRow{static_cast<int>(key), static_cast<int>(id),
                              static_cast<uint64_t>(size), static_cast<long>(cpid),
                              static_cast<long>(nattch)});
  }
  return rows;
}

}  // namespace asshm
