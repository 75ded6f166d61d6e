// The test-only record the chaos driver and its workers share: a memfd the
// driver creates and every worker maps. Workers publish what their monitor
// thread last saw (role, segment owner, segment timestamp); the driver
// publishes asim's ownership before it asks the workers to check routing.
// The driver never attaches the segment itself: an extra attach would keep
// the last worker from removing it, and "nothing left behind" is checked.
#pragma once

#include <atomic>
#include <cstdint>

namespace chaos {

constexpr int kSlots = 16;
constexpr int kPartitions = 4096;
constexpr int kMaxReplicas = 3;
constexpr int kMaxNames = 8;
constexpr int kNameBytes = 24;

// What one worker saw at `at_ms` (CLOCK_MONOTONIC, like the segment's stamp).
struct Sample {
  uint32_t pid = 0;
  bool connected = false;
  bool claims = false;            // Cluster::tends()
  uint32_t owner_pid = 0;         // the segment's owner_pid
  uint64_t claim_since_ms = 0;    // first sample of the current claiming stretch
  uint64_t stamp_ms = 0;          // the segment's timestamp
  uint64_t at_ms = 0;
};

// One writer (the worker in the slot), one reader (the driver); a seqlock
// because a worker can be stopped or killed in the middle of a write.
class Slot {
 public:
  void publish(const Sample& s) {
    const uint64_t seq = seq_.load(std::memory_order_relaxed);
    seq_.store(seq + 1, std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_release);
    ids_.store(uint64_t{s.pid} << 32 | uint64_t{s.owner_pid}, std::memory_order_relaxed);
    flags_.store((s.connected ? 1u : 0u) | (s.claims ? 2u : 0u), std::memory_order_relaxed);
    claim_since_.store(s.claim_since_ms, std::memory_order_relaxed);
    stamp_.store(s.stamp_ms, std::memory_order_relaxed);
    at_.store(s.at_ms, std::memory_order_relaxed);
    seq_.store(seq + 2, std::memory_order_release);
  }

  // False when no consistent copy could be read (a writer stopped mid-way).
  bool read(Sample& out) const {
    for (int attempt = 0; attempt < 64; ++attempt) {
      const uint64_t before = seq_.load(std::memory_order_acquire);
      if (before & 1) continue;
      const uint64_t ids = ids_.load(std::memory_order_relaxed);
      const uint64_t flags = flags_.load(std::memory_order_relaxed);
      out.claim_since_ms = claim_since_.load(std::memory_order_relaxed);
      out.stamp_ms = stamp_.load(std::memory_order_relaxed);
      out.at_ms = at_.load(std::memory_order_relaxed);
      std::atomic_thread_fence(std::memory_order_acquire);
      if (seq_.load(std::memory_order_relaxed) != before) continue;
      out.pid = static_cast<uint32_t>(ids >> 32);
      out.owner_pid = static_cast<uint32_t>(ids);
      out.connected = flags & 1u;
      out.claims = flags & 2u;
      return true;
    }
    return false;
  }

  // Only between a worker's reaping and its replacement's start.
  void reset() {
    ids_.store(0, std::memory_order_relaxed);
    at_.store(0, std::memory_order_relaxed);
    seq_.store(0, std::memory_order_release);
  }

 private:
  std::atomic<uint64_t> seq_{0};
  std::atomic<uint64_t> ids_{0};
  std::atomic<uint64_t> flags_{0};
  std::atomic<uint64_t> claim_since_{0};
  std::atomic<uint64_t> stamp_{0};
  std::atomic<uint64_t> at_{0};
};
static_assert(std::atomic<uint64_t>::is_always_lock_free, "slots are shared between processes");

// asim's answer to asim-ownership, as node indexes into `names`. Written by
// the driver while no check is running; `generation` is stored last.
struct Expectation {
  std::atomic<uint32_t> generation{0};
  uint32_t replicas = 0;
  uint32_t name_count = 0;
  char names[kMaxNames][kNameBytes] = {};
  uint8_t owners[kPartitions][kMaxReplicas] = {};
};

struct Board {
  Slot slots[kSlots];
  Expectation expected;
};

}  // namespace chaos
