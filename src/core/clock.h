// The one clock of the library: CLOCK_MONOTONIC in milliseconds. It is also
// the clock of the shared header's `timestamp`, which stock processes write
// with the same clock, so every age computed from it is comparable.
#pragma once

#include <time.h>

#include <cstdint>

namespace aeroshim {

inline uint64_t monotonic_ms() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return uint64_t(now.tv_sec) * 1000u + uint64_t(now.tv_nsec) / 1'000'000u;
}

}  // namespace aeroshim
