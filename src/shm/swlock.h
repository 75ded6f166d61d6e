// The stock reader/writer spin word of each node entry (as_swlock), with the
// same bit protocol so stock readers and writers interoperate, but bounded:
// a process killed while holding the word must not hang everyone else. After
// kSpinLimit the waiter gives up; a reader then reads without the lock (the
// entry may be torn, and the caller validates what it read), and a writer
// clears the stale bits it cannot attribute to a live holder.
#pragma once

#include "shm/atomics.h"

#include <aerospike/as_shm_cluster.h>

#include <sched.h>

namespace aeroshim::shm {

// About 50 ms of spinning with yields: far longer than any real critical
// section (a few hundred bytes copied), far shorter than a takeover.
constexpr uint32_t kSpinLimit = 1u << 16;

class ReadGuard {
 public:
  explicit ReadGuard(as_swlock* lock) : lock_(lock) {
    for (uint32_t spins = 0; spins < kSpinLimit; spins++) {
      if ((load_acquire(&lock_->u32) & AS_SWLOCK_WRITER_BIT) == 0) {
        uint32_t previous = fetch_add(&lock_->u32, 1u);
        if ((previous & AS_SWLOCK_WRITER_MASK) == 0) {
          held_ = true;
          return;
        }
        if ((previous & AS_SWLOCK_WRITER_MASK) == AS_SWLOCK_WRITER_BIT) {
          fetch_sub(&lock_->u32, 1u);
        }
      }
      sched_yield();
    }
  }
  ~ReadGuard() {
    if (held_) fetch_sub(&lock_->u32, 1u);
  }
  ReadGuard(const ReadGuard&) = delete;
  ReadGuard& operator=(const ReadGuard&) = delete;
  bool held() const { return held_; }

 private:
  as_swlock* lock_;
  bool held_ = false;
};

class WriteGuard {
 public:
  explicit WriteGuard(as_swlock* lock) : lock_(lock) {
    fetch_or(&lock_->u32, AS_SWLOCK_WRITER_BIT);
    for (uint32_t spins = 0; spins < kSpinLimit; spins++) {
      if ((load_acquire(&lock_->u32) & AS_SWLOCK_READER_MASK) == 0) return;
      sched_yield();
    }
    // Readers that never leave died inside their read: forget them.
    fetch_and(&lock_->u32, static_cast<uint32_t>(AS_SWLOCK_WRITER_MASK));
  }
  ~WriteGuard() { fetch_and(&lock_->u32, static_cast<uint32_t>(AS_SWLOCK_READER_MASK)); }
  WriteGuard(const WriteGuard&) = delete;
  WriteGuard& operator=(const WriteGuard&) = delete;

 private:
  as_swlock* lock_;
};

}  // namespace aeroshim::shm
