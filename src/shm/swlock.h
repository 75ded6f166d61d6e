// The two stock lock words of the segment, bit-compatible with 7.4.0 so that
// stock and aeroshim processes exclude each other, but bounded in time so a
// process killed inside a critical section cannot hang everyone else:
//
// - as_swlock (each node entry): bit 31 writer, bit 30 latch, low 30 bits
//   reader count; the protocol is in SHM.md.
// - as_spinlock (take_over_lock in the header): 0 free, 1 held.
//
// What happens at the bound, and why:
// - Reader, writer bit stuck (the owner died mid-write): read without the
//   lock. The copy may be torn, so callers treat what they read as untrusted
//   (bounded strings, checked indexes). The next owner clears the stuck bit
//   (clear_abandoned_writer) because it is by then the only legitimate writer.
// - Writer, reader count stuck (a reader died mid-read): write anyway and
//   leave the count alone. Clearing it would make a live but slow reader's
//   later decrement wrap the word into the writer bits, and a stock reader
//   then spins forever; an extra bounded wait per write is the lesser harm.
// - take_over_lock held too long: its critical section is three loads and
//   stores, so the holder is presumed dead and we proceed as the holder; our
//   release (store 0) also frees stock processes spinning on it. Ownership
//   itself is still decided by a compare-and-swap (see ownership.cpp), so two
//   aeroshim processes cannot both win even inside a broken spinlock.
#pragma once

#include "shm/atomics.h"

#include <aerospike/as_shm_cluster.h>

#include <sched.h>
#include <time.h>

#include <cstdint>

namespace aeroshim::shm {

// Far longer than any real critical section (a few hundred bytes copied),
// far shorter than a takeover threshold.
constexpr uint64_t kSwlockLimitNs = 50'000'000;
constexpr uint64_t kSpinlockLimitNs = 100'000'000;

// Spins with yields until `done()` or `limit_ns` passed; the clock is read
// only every 64 rounds to keep the fast path cheap.
template <typename Done>
bool spin_until(Done done, uint64_t limit_ns) {
  timespec start{};
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (uint32_t round = 1;; round++) {
    if (done()) return true;
    if ((round & 63) == 0) {
      timespec now{};
      clock_gettime(CLOCK_MONOTONIC, &now);
      uint64_t elapsed = uint64_t(now.tv_sec - start.tv_sec) * 1'000'000'000u +
                         uint64_t(now.tv_nsec) - uint64_t(start.tv_nsec);
      if (elapsed >= limit_ns) return false;
    }
    sched_yield();
  }
}

class ReadGuard {
 public:
  explicit ReadGuard(as_swlock* lock, uint64_t limit_ns = kSwlockLimitNs) : lock_(lock) {
    held_ = spin_until(
        [this] {
          // Relaxed peek: only the fetch_add below decides, and it acquires.
          if (load_relaxed(&lock_->u32) & AS_SWLOCK_WRITER_BIT) return false;
          // Acquire: the entry's bytes written before the writer's release.
          uint32_t previous = fetch_add_acquire(&lock_->u32, 1u);
          if ((previous & AS_SWLOCK_WRITER_MASK) == 0) return true;
          // Stock rule: undo only when the writer bit alone was set.
          if ((previous & AS_SWLOCK_WRITER_MASK) == AS_SWLOCK_WRITER_BIT) {
            fetch_sub_release(&lock_->u32, 1u);
          }
          return false;
        },
        limit_ns);
  }
  ~ReadGuard() {
    // Release: our reads of the entry happen before a writer sees count 0.
    if (held_) fetch_sub_release(&lock_->u32, 1u);
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
  explicit WriteGuard(as_swlock* lock, uint64_t limit_ns = kSwlockLimitNs) : lock_(lock) {
    // Acquire: no write of ours moves before we announce ourselves.
    fetch_or_acquire(&lock_->u32, AS_SWLOCK_WRITER_BIT);
    // Acquire: readers' loads finished before their release decrement.
    drained_ = spin_until(
        [this] { return (load_acquire(&lock_->u32) & AS_SWLOCK_READER_MASK) == 0; }, limit_ns);
  }
  ~WriteGuard() {
    // Release: the entry's bytes are visible before the writer bit clears.
    fetch_and_release(&lock_->u32, static_cast<uint32_t>(AS_SWLOCK_READER_MASK));
  }
  WriteGuard(const WriteGuard&) = delete;
  WriteGuard& operator=(const WriteGuard&) = delete;
  // False when a reader never left within the bound (see top of file).
  bool drained() const { return drained_; }

 private:
  as_swlock* lock_;
  bool drained_ = false;
};

// The new owner's repair of a writer bit left by a dead or deposed owner.
inline void clear_abandoned_writer(as_swlock* lock) {
  // Release: pairs with readers' acquire like a normal write unlock.
  fetch_and_release(&lock->u32, static_cast<uint32_t>(AS_SWLOCK_READER_MASK));
}

class SpinGuard {
 public:
  explicit SpinGuard(as_spinlock* lock, uint64_t limit_ns = kSpinlockLimitNs) : lock_(lock) {
    acquired_ = spin_until(
        [this] {
          // Relaxed peek first (stock spins on plain reads too), then the
          // acquiring exchange that actually takes the word.
          return load_relaxed(&lock_->u32) == 0 && exchange_acquire(&lock_->u32, 1u) == 0;
        },
        limit_ns);
  }
  ~SpinGuard() {
    // Release: what we stored inside is visible to the next holder.
    store_release(&lock_->u32, 0u);
  }
  SpinGuard(const SpinGuard&) = delete;
  SpinGuard& operator=(const SpinGuard&) = delete;
  // False when we proceeded over a holder presumed dead.
  bool acquired() const { return acquired_; }

 private:
  as_spinlock* lock_;
  bool acquired_ = false;
};

}  // namespace aeroshim::shm
