// The per-key lock file that gives aeroshim owners kernel-backed liveness:
// /dev/shm/aeroshim-<KEY>.owner (the key as 8 upper-case hex digits). The
// process holding its exclusive lock is the aeroshim owner (or, while a
// stock process owns the segment, the one aeroshim candidate); it records
// its pid in the file. The kernel drops the lock when the holder exits for
// any reason, including kill -9 and becoming an unreaped zombie, because
// all its files are closed at exit.
//
// Open file description locks (F_OFD_SETLK*) rather than flock(): the same
// whole-file, per-open-file semantics, but the blocking form is a fcntl
// call, which is a thread cancellation point, so a waiter blocked on it can
// be stopped at close without the library stealing a signal.
//
// The last process of a key removes the file together with the segment
// (and `asshm rm` does). A process that locked the file just as it was
// removed notices (the name no longer leads to the file it holds) and locks
// the new one instead, so two processes never hold two different files.
#pragma once

#include "core/status.h"

#include <cstdint>
#include <string>

namespace aeroshim::shm {

class OwnerFile {
 public:
  static std::string path_for(int key);
  static Result<OwnerFile> open(int key);

  OwnerFile() = default;
  OwnerFile(OwnerFile&& other) noexcept;
  OwnerFile& operator=(OwnerFile&& other) noexcept;
  ~OwnerFile();

  // Non-blocking attempt; true when this process now holds the lock.
  bool try_lock();
  // Blocks until the lock is held (true) or the call fails (false, e.g.
  // EINTR). A thread cancellation point.
  bool lock_blocking();
  void unlock();
  // Closes the file, which also drops the lock if held.
  void close();

  // The pid the last holder recorded (0 when none or unreadable).
  uint32_t recorded_pid() const;
  void record_pid(uint32_t pid);

  // Whether any process holds the lock right now (for asshm).
  static bool held_by_someone(int key);
  // Removes the file of `key` (no error when it is already gone).
  static void remove(int key);

 private:
  OwnerFile(int fd, int key) : fd_(fd), key_(key) {}
  bool still_linked() const;
  bool reopen();
  int fd_ = -1;
  int key_ = 0;
};

}  // namespace aeroshim::shm
