// The only way cross-process fields of a cluster map are read and written.
// Every call names its memory order; the orders follow the stock 7.4.0
// protocol so that stock and aeroshim processes see consistent data:
// publish with release (counts, node indexes, ready), observe with acquire.
#pragma once

#include <cstdint>

namespace aeroshim::shm {

template <typename T>
inline T load_acquire(const T* field) {
  return __atomic_load_n(field, __ATOMIC_ACQUIRE);
}

template <typename T>
inline T load_relaxed(const T* field) {
  return __atomic_load_n(field, __ATOMIC_RELAXED);
}

template <typename T>
inline void store_release(T* field, T value) {
  __atomic_store_n(field, value, __ATOMIC_RELEASE);
}

template <typename T>
inline void store_relaxed(T* field, T value) {
  __atomic_store_n(field, value, __ATOMIC_RELAXED);
}

template <typename T>
inline bool compare_exchange(T* field, T expected, T desired) {
  return __atomic_compare_exchange_n(field, &expected, desired, false, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE);
}

template <typename T>
inline T fetch_add(T* field, T delta) {
  return __atomic_fetch_add(field, delta, __ATOMIC_ACQ_REL);
}

template <typename T>
inline T fetch_sub(T* field, T delta) {
  return __atomic_fetch_sub(field, delta, __ATOMIC_RELEASE);
}

template <typename T>
inline T fetch_or(T* field, T bits) {
  return __atomic_fetch_or(field, bits, __ATOMIC_ACQUIRE);
}

template <typename T>
inline T fetch_and(T* field, T bits) {
  return __atomic_fetch_and(field, bits, __ATOMIC_RELEASE);
}

}  // namespace aeroshim::shm
