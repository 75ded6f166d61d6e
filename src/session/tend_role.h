// TendRole: whether this process may write the cluster map right now.
//
// The tender asks its role at the start of every cycle and again right
// before every write batch. Without shared memory the answer is always yes
// (AlwaysOwner). With shared memory it comes from the ownership protocol
// (src/shm/ownership.h): exactly one process in the fleet is the owner.
#pragma once

#include <cstdint>
#include <functional>

namespace aeroshim {

class TendRole {
 public:
  virtual ~TendRole() = default;

  // Start of a tend cycle: keeps ownership, or tries to take it (graceful
  // release, dead owner, stale owner). True means this process tends now;
  // a true after a false is a fresh ownership and the tender reloads fully.
  virtual bool acquire_or_keep(uint64_t now_ms) = 0;

  // Just before a write batch: false means another process took over while
  // this one was not running (SIGSTOP, debugger); the tender must drop the
  // batch and step down without writing.
  virtual bool still_owner() = 0;

  // After each completed owner cycle: publishes liveness (the timestamp).
  virtual void tended(uint64_t now_ms) = 0;

  // How the role wakes the tend thread early, e.g. the moment ownership is
  // released by its holder. Called once, before the tend thread starts.
  virtual void set_wake(std::function<void()> wake) = 0;

  // On close: stop watching and hand ownership over if held.
  virtual void release() = 0;
};

class AlwaysOwner final : public TendRole {
 public:
  bool acquire_or_keep(uint64_t) override { return true; }
  bool still_owner() override { return true; }
  void tended(uint64_t) override {}
  void set_wake(std::function<void()>) override {}
  void release() override {}
};

}  // namespace aeroshim
