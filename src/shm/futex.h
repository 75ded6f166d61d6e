// Waiting for and announcing changes of one 32-bit word of the segment
// header (bytes 48..51: lock, ready, pad) across processes, so followers are
// woken the moment ownership is released or `ready` is published instead of
// polling. Shared (not FUTEX_PRIVATE) futexes, because the waiters are in
// other processes. Stock processes never wake anyone, so every wait has a
// timeout and callers re-check the condition after it.
#pragma once

#include <aerospike/as_shm_cluster.h>

#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <climits>
#include <cstddef>
#include <cstdint>

namespace aeroshim::shm {

static_assert(offsetof(as_cluster_shm, lock) % 4 == 0, "the futex word must be 4-aligned");

inline uint32_t* state_word(as_cluster_shm* header) {
  return reinterpret_cast<uint32_t*>(&header->lock);
}

// Acquire: a waiter that sees ready = 1 also sees what was written before it.
inline uint32_t load_state_word(as_cluster_shm* header) {
  return __atomic_load_n(state_word(header), __ATOMIC_ACQUIRE);
}

// Sleeps while the word still equals `expected`, at most `timeout_ms`.
inline void futex_wait(uint32_t* word, uint32_t expected, uint32_t timeout_ms) {
  timespec timeout{static_cast<time_t>(timeout_ms / 1000),
                   static_cast<long>(timeout_ms % 1000) * 1'000'000L};
  syscall(SYS_futex, word, FUTEX_WAIT, expected, &timeout, nullptr, 0);
}

inline void futex_wake_all(uint32_t* word) {
  syscall(SYS_futex, word, FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
}

}  // namespace aeroshim::shm
