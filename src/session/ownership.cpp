// The ownership protocol: stock-compatible CAS and staleness takeover, plus
// the lock file for fast, pid-reuse-proof takeover between aeroshim
// processes. README.md in this directory explains each rule and failure case.
#include "session/ownership.h"

#include "core/log.h"
#include "shm/liveness.h"
#include "shm/swlock.h"

#include <aerospike/as_shm_cluster.h>

#include <time.h>
#include <unistd.h>

namespace aeroshim {

namespace {
// How often a candidate re-checks a stock owner's lock byte when nobody
// wakes it (stock owners never FUTEX_WAKE). Only the one candidate holding
// the lock file polls, and only under a stock owner, so 100 wake-ups a
// second cost nothing measurable and bound a stock handoff to ~10 ms.
constexpr uint32_t kCandidatePollMs = 10;
// How long a process that handed the file to an aeroshim owner stays away
// from it: long enough for that owner's blocked waiter to be the one that
// gets it, even if every other waiter is handed it first and yields too.
constexpr uint32_t kYieldMs = 50;

// A stamp newer than `now_ms` is fresh: the owner stamped after this cycle
// read the clock. Unsigned `now_ms - stamp` would wrap to an enormous age and
// replace a live owner (or let two takeovers both pass the re-check).
bool older_than(uint64_t stamp, uint64_t now_ms, uint64_t threshold_ms) {
  return now_ms > stamp && now_ms - stamp >= threshold_ms;
}
}  // namespace

Ownership::Ownership(ClusterMap& map, int key, shm::OwnerFile file, uint64_t takeover_threshold_ms)
    : map_(map),
      key_(key),
      pid_(static_cast<uint32_t>(getpid())),
      threshold_ms_(takeover_threshold_ms),
      file_(std::move(file)) {}

Ownership::~Ownership() { release(); }

bool Ownership::connect() {
  std::unique_lock<std::mutex> guard(mutex_);
  if (file_.try_lock()) {
    holding_file_ = true;
    decide_as_holder(guard);
  } else if (map_.try_lock()) {
    become_owner(guard, "ownership was free at connect");
  }
  // Before the waiter starts, so that a takeover it makes is logged after.
  if (!owner_) log_info("Follow shared memory cluster: {}", pid_);
  if (pthread_create(&thread_, nullptr, &Ownership::waiter_main, this) == 0) {
    thread_started_ = true;
  } else {
    log_warn("shm: cannot start the ownership waiter; takeover falls back to the stock rule");
  }
  return owner_;
}

bool Ownership::is_owner() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return owner_;
}

bool Ownership::decide_as_holder(std::unique_lock<std::mutex>& guard) {
  const uint32_t recorded = file_.recorded_pid();
  // Case 1: graceful handoff (the closing owner stored lock = 0 before it
  // dropped the file lock), or a segment nobody owns.
  if (owner_ || map_.try_lock()) {
    file_.record_pid(pid_);
    if (!owner_) become_owner(guard, "ownership was released");
    return true;
  }
  const uint32_t owner = map_.owner_pid();
  // Case 2: we own already (took over by staleness while another process
  // held the file), or an earlier session of this process never released.
  if (owner == pid_) {
    file_.record_pid(pid_);
    become_owner(guard, "this process is the recorded owner");
    return true;
  }
  // Case 3: the owner is the previous holder of the file, which the kernel
  // released because that process exited: take over at once. The timestamp
  // CAS keeps this exclusive with a concurrent staleness takeover even if
  // take_over_lock had to be broken.
  bool lock_broken = false;
  if (recorded != 0 && owner == recorded &&
      map_.take_over(
          pid_, monotonic_ms(), [&](uint64_t) { return map_.owned_by(recorded); }, lock_broken)) {
    file_.record_pid(pid_);
    become_owner(guard, "the previous aeroshim owner exited");
    return true;
  }
  // Case 4a: an aeroshim owner that took over by staleness while another
  // process held the file. The file belongs with it, so that its exit is
  // seen at once (case 3) rather than after the threshold: let go, and stay
  // away while its waiter, blocked on the file, takes it.
  if (owner != 0 && shm::has_owner_file_open(owner, key_)) {
    file_.unlock();
    holding_file_ = false;
    yield_until_ms_ = monotonic_ms() + kYieldMs;
    return false;
  }
  // Case 4b: a stock owner, which never holds the file: stay the one
  // candidate.
  file_.record_pid(pid_);
  watched_owner_ = owner;
  return false;
}

bool Ownership::stale_takeover(uint64_t now_ms) {
  const uint64_t stamp = map_.timestamp_ms();
  if (!older_than(stamp, now_ms, threshold_ms_)) return false;
  const uint32_t owner = map_.owner_pid();
  // An aeroshim owner (it holds the file and recorded itself, or it took
  // over by staleness and has the file open while a candidate holds it)
  // steps down by itself when it resumes, so a stale one may be replaced
  // while alive (SIGSTOP, debugger). Any other owner only when it is gone.
  const bool aeroshim_owner =
      owner != 0 && owner != pid_ &&
      ((owner == file_.recorded_pid() && shm::OwnerFile::held_by_someone(key_)) ||
       shm::has_owner_file_open(owner, key_));
  if (!aeroshim_owner && shm::owner_alive(owner, key_)) return false;
  bool lock_broken = false;
  const bool taken = map_.take_over(
      pid_, now_ms, [&](uint64_t current) { return older_than(current, now_ms, threshold_ms_); },
      lock_broken);
  if (lock_broken) {
    log_warn("shm_key 0x{:08X}: take_over_lock held for over {} ms; its holder is presumed dead",
             static_cast<unsigned>(key_), shm::kSpinlockLimitNs / 1'000'000);
  }
  if (!taken) return false;
  log_debug("shm_key 0x{:08X}: owner pid {} stopped tending {} ms ago; taking over",
            static_cast<unsigned>(key_), owner, now_ms - stamp);
  return true;
}

void Ownership::become_owner(std::unique_lock<std::mutex>& guard, const char* why,
                             bool from_tend_cycle) {
  map_.stamp(monotonic_ms(), pid_);
  owner_ = true;
  map_.repair_after_takeover();
  // 7.4.0's line for every way a process comes to tend the segment; why is
  // ours, at debug.
  log_info("Take over shared memory cluster: {}", pid_);
  log_debug("shm_key 0x{:08X}: pid {} owns the cluster map ({})", static_cast<unsigned>(key_), pid_,
            why);
  changed_.notify_all();
  // The tender is woken only when ownership came to it from outside its own
  // cycle (the waiter thread); a cycle that took over tends right away, and
  // a wake-up would make it send a second burst of requests after this one.
  std::function<void()> wake = from_tend_cycle ? std::function<void()>() : wake_;
  guard.unlock();
  // Outside our mutex: the tender's wake may take the tender's own lock,
  // which it also holds while calling into us.
  map_.wake_state_waiters();
  if (wake) wake();
  guard.lock();
}

void Ownership::step_down(std::unique_lock<std::mutex>&) {
  owner_ = false;
  log_warn(
      "shm_key 0x{:08X}: pid {} lost ownership to pid {} while not running; stepping down "
      "without writing",
      static_cast<unsigned>(key_), pid_, map_.owner_pid());
  changed_.notify_all();  // the waiter drops the file so the new owner can hold it
}

bool Ownership::acquire_or_keep(uint64_t now_ms) {
  std::unique_lock<std::mutex> guard(mutex_);
  if (stop_) return false;
  if (owner_) {
    if (map_.owned_by(pid_)) return true;
    step_down(guard);
    return false;
  }
  if (map_.try_lock()) {
    become_owner(guard, "ownership was released", true);
    return owner_;
  }
  if (stale_takeover(now_ms)) {
    become_owner(guard, "the owner stopped tending", true);
    return owner_;
  }
  return false;
}

bool Ownership::still_owner() {
  std::unique_lock<std::mutex> guard(mutex_);
  if (!owner_) return false;
  // A write batch is progress: stamping here keeps a slow but working
  // owner from looking stale in the middle of a long tend.
  if (map_.refresh_stamp(pid_, monotonic_ms())) return true;
  step_down(guard);
  return false;
}

void Ownership::tended(uint64_t now_ms) {
  std::lock_guard<std::mutex> guard(mutex_);
  // Release: what this cycle wrote is visible to whoever reads the stamp.
  // A refused stamp means a takeover; the next cycle steps down.
  if (owner_) map_.refresh_stamp(pid_, now_ms);
}

void Ownership::set_wake(std::function<void()> wake) {
  std::lock_guard<std::mutex> guard(mutex_);
  wake_ = std::move(wake);
}

void Ownership::release() {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    if (released_) return;
    released_ = true;
    stop_ = true;
  }
  changed_.notify_all();
  map_.wake_state_waiters();  // a candidate in futex_wait re-checks stop_
  if (thread_started_) {
    pthread_cancel(thread_);  // acts only inside the blocking fcntl (see waiter_loop)
    pthread_join(thread_, nullptr);
  }
  std::lock_guard<std::mutex> guard(mutex_);
  if (owner_ && map_.owned_by(pid_)) {
    // Release: our last writes are visible to the next owner; futex waiters
    // are woken, then the file lock goes, which wakes a blocked waiter.
    map_.unlock_and_wake();
  }
  owner_ = false;
  file_.close();
}

void* Ownership::waiter_main(void* self) {
  static_cast<Ownership*>(self)->waiter_loop();
  return nullptr;
}

// Cancellation is enabled only around the blocking fcntl, where no lock of
// ours is held and no object needs unwinding, so release() can stop a
// waiter that would otherwise block until the owner leaves.
void Ownership::waiter_loop() {
  int previous = 0;
  pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &previous);
  for (;;) {
    bool holding;
    {
      std::unique_lock<std::mutex> guard(mutex_);
      if (stop_) return;
      holding = holding_file_;
      const uint64_t now = monotonic_ms();
      if (!holding && now < yield_until_ms_) {
        changed_.wait_for(guard, std::chrono::milliseconds(yield_until_ms_ - now),
                          [this] { return stop_; });
        continue;
      }
    }
    if (!holding) {
      pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &previous);
      bool locked = file_.lock_blocking();
      pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &previous);
      std::unique_lock<std::mutex> guard(mutex_);
      if (stop_) return;
      if (!locked) {
        changed_.wait_for(guard, std::chrono::milliseconds(kCandidatePollMs));
        continue;
      }
      holding_file_ = true;
      decide_as_holder(guard);
      continue;
    }
    std::unique_lock<std::mutex> guard(mutex_);
    if (owner_) {
      // Holding the file as owner: nothing to do until close or step-down.
      changed_.wait(guard, [this] { return stop_ || !owner_; });
      if (!stop_ && !owner_) {
        file_.unlock();
        holding_file_ = false;
      }
      continue;
    }
    // Candidate while another process owns without the file: wait for its
    // release (an aeroshim owner wakes us; a stock one is polled).
    const uint32_t word = map_.state_word();
    guard.unlock();
    if (ClusterMap::lock_bit(word)) map_.wait_state_change(word, kCandidatePollMs);
    guard.lock();
    if (stop_) return;
    if (!owner_ && map_.try_lock()) {
      file_.record_pid(pid_);
      become_owner(guard, "ownership was released");
    } else if (!owner_ && map_.owner_pid() != watched_owner_) {
      decide_as_holder(guard);  // someone took over by staleness meanwhile
    }
  }
}

}  // namespace aeroshim
