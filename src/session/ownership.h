// Ownership: which process tends the shared cluster map, as this process's
// TendRole. Compatible with stock 7.4.0 processes on the same segment (they
// CAS the header's `lock` byte 0 -> 1, stamp `timestamp`/`owner_pid`, and
// take over a stale owner under `take_over_lock` when kill(pid, 0) fails),
// and faster and safer between aeroshim processes thanks to the lock file
// (owner_file.h). The protocol, its reasoning and every failure case are in
// src/shm/README.md.
#pragma once

#include "core/clock.h"
#include "map/cluster_map.h"
#include "session/tend_role.h"
#include "shm/owner_file.h"

#include <pthread.h>

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>

namespace aeroshim {

class Ownership final : public TendRole {
 public:
  Ownership(ClusterMap& map, int key, shm::OwnerFile file, uint64_t takeover_threshold_ms);
  ~Ownership() override;
  Ownership(const Ownership&) = delete;
  Ownership& operator=(const Ownership&) = delete;

  // At connect: takes the lock file if free and applies the holder's rules,
  // else tries the stock CAS. Then starts the waiter thread. True = owner.
  bool connect();
  bool is_owner() const;

  bool acquire_or_keep(uint64_t now_ms) override;
  bool still_owner() override;
  void tended(uint64_t now_ms) override;
  void set_wake(std::function<void()> wake) override;
  void release() override;

 private:
  static void* waiter_main(void* self);
  void waiter_loop();
  // With mutex_ held and the lock file held: the four cases of README.md.
  bool decide_as_holder(std::unique_lock<std::mutex>& guard);
  bool stale_takeover(uint64_t now_ms);
  void become_owner(std::unique_lock<std::mutex>& guard, const char* why,
                    bool from_tend_cycle = false);
  void step_down(std::unique_lock<std::mutex>& guard);

  ClusterMap& map_;
  const int key_;
  const uint32_t pid_;
  const uint64_t threshold_ms_;
  shm::OwnerFile file_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::function<void()> wake_;
  bool owner_ = false;
  bool holding_file_ = false;
  // Until then the waiter does not ask for the file: it let go so that an
  // aeroshim owner without it can take it (see decide_as_holder, case 4).
  uint64_t yield_until_ms_ = 0;
  // The stock owner a candidate holding the file watches; when another pid
  // owns, the candidate decides again.
  uint32_t watched_owner_ = 0;
  bool stop_ = false;
  bool released_ = false;
  bool thread_started_ = false;
  pthread_t thread_{};
};

}  // namespace aeroshim
