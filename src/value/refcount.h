// The as_val reference count. Values cross threads (a record's bins read by
// one thread, released by another), so the count is updated atomically: the
// release that reaches zero synchronises with every earlier release before
// the value is torn down.
#pragma once

#include <aerospike/as_val.h>

#include <cstdint>

namespace aeroshim {

inline void count_increment(as_val* v) noexcept {
  __atomic_add_fetch(&v->count, 1U, __ATOMIC_RELAXED);
}

// The count after the decrement; 0 means the caller must tear the value down.
inline uint32_t count_decrement(as_val* v) noexcept {
  uint32_t left = __atomic_sub_fetch(&v->count, 1U, __ATOMIC_RELEASE);
  if (left == 0) __atomic_thread_fence(__ATOMIC_ACQUIRE);
  return left;
}

inline uint32_t count_load(const as_val* v) noexcept {
  return __atomic_load_n(&v->count, __ATOMIC_RELAXED);
}

}  // namespace aeroshim
