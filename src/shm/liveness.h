// Is the process that the segment names as its owner still there, and still
// the same process? Used for owners that do not hold the aeroshim lock file
// (stock processes), where the stock test kill(pid, 0) is fooled by zombies,
// reused pids and other pid namespaces.
#pragma once

#include <cstdint>

namespace aeroshim::shm {

// False when pid is 0, does not exist, is a zombie, or (when its maps are
// readable) does not have the segment of `key` attached: then the pid was
// reused or belongs to another pid namespace. Falls back to kill(pid, 0)
// when /proc cannot be read.
bool owner_alive(uint32_t pid, int key);

// True when `pid` has the aeroshim lock file of `key` open. Every aeroshim
// process on the segment keeps it open (its waiter), a stock process never
// does: an owner with it open steps down by itself when it runs again, even
// one that took over by staleness and so never held the lock. False when
// /proc/PID/fd cannot be read.
bool has_owner_file_open(uint32_t pid, int key);

}  // namespace aeroshim::shm
