#include "net/process_id.h"

#include <pthread.h>
#include <unistd.h>

#include <atomic>

namespace aeroshim {
namespace {

std::atomic<pid_t> cached_pid{0};

void refresh_cached_pid() { cached_pid.store(getpid(), std::memory_order_relaxed); }

// Registered while the library loads, before any thread of the program can
// fork, so that no child ever starts with the parent's pid and no handler.
[[maybe_unused]] const bool registered = [] {
  refresh_cached_pid();
  return pthread_atfork(nullptr, nullptr, &refresh_cached_pid) == 0;
}();

}  // namespace

pid_t current_process_id() {
  const pid_t pid = cached_pid.load(std::memory_order_relaxed);
  // Zero only for a caller in another file's static initialiser that runs before ours.
  return pid != 0 ? pid : getpid();
}

}  // namespace aeroshim
