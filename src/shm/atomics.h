// The only way cross-process fields of a cluster map are read and written.
//
// Every function's name carries its memory order so that each call site
// states it; the call site's comment says why. The orders follow the stock
// 7.4.0 protocol so stock and aeroshim processes see consistent data: data
// is written first and the count, index or flag that makes it visible is
// stored with release; readers load that with acquire before the data.
// Builtins rather than std::atomic because the fields are plain members of
// the public C structs, which both kinds of process map.
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

// Acquire+release on success (ownership and lock words: what the previous
// holder wrote is visible, and what we write after is ordered after the
// win); acquire on failure (we inspect the value that beat us).
template <typename T>
inline bool cas_acq_rel(T* field, T& expected, T desired) {
  return __atomic_compare_exchange_n(field, &expected, desired, false, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE);
}

template <typename T>
inline T exchange_acquire(T* field, T value) {
  return __atomic_exchange_n(field, value, __ATOMIC_ACQUIRE);
}

template <typename T>
inline T fetch_add_acq_rel(T* field, T delta) {
  return __atomic_fetch_add(field, delta, __ATOMIC_ACQ_REL);
}

template <typename T>
inline T fetch_add_acquire(T* field, T delta) {
  return __atomic_fetch_add(field, delta, __ATOMIC_ACQUIRE);
}

template <typename T>
inline T fetch_sub_release(T* field, T delta) {
  return __atomic_fetch_sub(field, delta, __ATOMIC_RELEASE);
}

template <typename T>
inline T fetch_or_acquire(T* field, T bits) {
  return __atomic_fetch_or(field, bits, __ATOMIC_ACQUIRE);
}

template <typename T>
inline T fetch_and_release(T* field, T bits) {
  return __atomic_fetch_and(field, bits, __ATOMIC_RELEASE);
}

}  // namespace aeroshim::shm
