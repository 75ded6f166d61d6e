// The kernel's table of System V segments (/proc/sysvipc/shm): every
// segment of the host's IPC namespace, readable or not, whoever made it.
#pragma once

#include <cstdint>
#include <vector>

namespace asshm {

struct SegmentRow {
  int key = 0;  // 0: IPC_PRIVATE, or removed while still attached
  int id = -1;
  uint64_t size = 0;
  long creator_pid = 0;
  long attached = 0;
};

std::vector<SegmentRow> segment_table();

}  // namespace asshm
