// Regression for a double owner seen by shm_client_test (stopped owner
// scenario): a follower's tend cycle reads the clock, then checks the owner's
// stamp. When the owner stamps in between, the stamp is newer than the
// cycle's clock reading; the age used to be computed as `now - stamp` in
// unsigned arithmetic, which wrapped to an enormous age, so a live owner
// that had just stamped was taken over. Two followers racing to replace a
// stopped owner hit the same path inside take_over_lock and both won.
//
// The owner here is a real aeroshim owner in a child process (it holds the
// lock file, which is what lets a stale owner be replaced while alive); the
// follower is this process, and the clock reading it passes is one
// millisecond older than the owner's stamp.
#include "map/cluster_map.h"
#include "shm/owner_file.h"
#include "session/ownership.h"
#include "session/shm_session.h"

#include "cmocka_cxx.h"

#include <aerospike/as_shm_cluster.h>

#include <poll.h>
#include <signal.h>
#include <sys/ipc.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace aeroshim;

namespace {

int test_key() { return 0x58000000 | ((getpid() & 0xFFFF) << 8); }

// What a failed assertion (a longjmp past our destructors) leaves behind.
pid_t g_owner = -1;

void remove_all(int key) {
  int id = shmget(key, 0, 0);
  if (id >= 0) shmctl(id, IPC_RMID, nullptr);
  unlink(shm::OwnerFile::path_for(key).c_str());
}

ShmOptions options_for(int key) {
  ShmOptions options;
  options.key = key;
  options.geometry = SegmentGeometry{16, 8};
  options.takeover_threshold_sec = 30;
  return options;
}

// The owner: opens, publishes, says 'O', stays until its command pipe closes.
[[noreturn]] void owner_main(int key, int commands, int reports) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  auto opened = ShmSession::attach(options_for(key), [](ClusterMap&, TendRole&) { return Status::ok(); });
  if (!opened || !(*opened)->tended_at_attach()) {
    (void)!write(reports, "E", 1);
    _exit(2);
  }
  std::unique_ptr<ShmSession> session = std::move(opened.value());
  (void)!write(reports, "O", 1);
  char c;
  while (read(commands, &c, 1) > 0) {
  }
  session.reset();
  _exit(0);
}

void stamp_newer_than_clock_is_fresh(void**) {
  const int key = test_key();
  remove_all(key);
  int commands[2], reports[2];
  assert_int_equal(pipe(commands), 0);
  assert_int_equal(pipe(reports), 0);
  const pid_t owner = g_owner = fork();
  assert_true(owner >= 0);
  if (owner == 0) {
    close(commands[1]);
    close(reports[0]);
    owner_main(key, commands[0], reports[1]);
  }
  close(commands[0]);
  close(reports[1]);
  pollfd ready{reports[0], POLLIN, 0};
  char report = 0;
  assert_int_equal(poll(&ready, 1, 10000), 1);
  assert_int_equal(read(reports[0], &report, 1), 1);
  assert_int_equal(report, 'O');

  {
    auto opened = ShmSession::attach(options_for(key), [](ClusterMap&, TendRole&) { return Status::ok(); });
    assert_true(static_cast<bool>(opened));
    std::unique_ptr<ShmSession> follower = std::move(opened.value());
    assert_false(follower->owner_now());
    const as_cluster_shm_s* header = follower->map().header();
    const uint64_t stamp = __atomic_load_n(&header->timestamp, __ATOMIC_ACQUIRE);
    assert_false(follower->role().acquire_or_keep(stamp - 1));
    assert_int_equal(__atomic_load_n(&header->owner_pid, __ATOMIC_ACQUIRE), owner);
    assert_false(follower->role().acquire_or_keep(monotonic_ms()));
    assert_int_equal(__atomic_load_n(&header->owner_pid, __ATOMIC_ACQUIRE), owner);
  }

  close(commands[1]);
  int status = 0;
  assert_int_equal(waitpid(owner, &status, 0), owner);
  g_owner = -1;
  assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  close(reports[0]);
  assert_true(shmget(key, 0, 0) < 0);  // the last one out removed it, and its lock file
  assert_int_not_equal(access(shm::OwnerFile::path_for(key).c_str(), F_OK), 0);
}

int teardown(void**) {
  if (g_owner > 0) {
    kill(g_owner, SIGKILL);
    waitpid(g_owner, nullptr, 0);
  }
  remove_all(test_key());
  return 0;
}

}  // namespace

int main() {
  const CMUnitTest tests[] = {cmocka_unit_test_teardown(stamp_newer_than_clock_is_fresh, teardown)};
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
