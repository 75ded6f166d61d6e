// The ownership protocol between real processes: the first opener owns and
// the others follow; a graceful close hands over within milliseconds; kill -9
// and a zombie owner are replaced at once through the lock file; a stopped
// owner is replaced after the threshold and steps down when resumed; a stock
// style owner (no lock file) that became a zombie is recognised as dead; 50
// simultaneous openers yield exactly one owner; a foreign header is refused;
// a closing owner without the lock file wakes the candidate parked on the futex.
//
// Each child runs a miniature tender and reports on a pipe: O (owner at
// connect), F (follower), T (took over), S (stepped down), E (error). Every
// wait has a deadline; children die with the test (PR_SET_PDEATHSIG); keys
// derive from the pid; segments and lock files are removed at the end.
#include "map/cluster_map.h"
#include "shm/liveness.h"
#include "shm/owner_file.h"
#include "session/ownership.h"
#include "session/shm_session.h"

#include "cmocka_cxx.h"

#include <aerospike/as_shm_cluster.h>

#include <algorithm>

#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/ipc.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace aeroshim;

namespace {

int test_key(int salt) { return 0x5F000000 | ((getpid() & 0xFFFF) << 4) | salt; }

void remove_all(int key) {
  int id = shmget(key, 0, 0);
  if (id >= 0) shmctl(id, IPC_RMID, nullptr);
  unlink(shm::OwnerFile::path_for(key).c_str());
}

// Group teardown: a failed assert skips its test's own cleanup, so every
// key this run could have used is removed once more at the end.
int remove_every_test_key(void**) {
  for (int salt = 0; salt < 16; salt++) remove_all(test_key(salt));
  return 0;
}

// A first tend that writes nothing: these tests are about ownership alone.
Status no_tend(ClusterMap&, TendRole&) { return Status::ok(); }

struct Child {
  pid_t pid = -1;
  int commands = -1;  // parent writes 'q' to close gracefully
  int reports = -1;   // child writes one letter per event
};

// The miniature tender of a child process.
[[noreturn]] void child_main(int key, uint32_t threshold_sec, int commands, int reports,
                             int start_gate) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (start_gate >= 0) {
    char c;
    (void)!read(start_gate, &c, 1);  // returns at EOF: all children start together
  }
  ShmOptions options;
  options.key = key;
  options.geometry = SegmentGeometry{16, 8};
  options.takeover_threshold_sec = threshold_sec;
  auto opened = ShmSession::attach(options, [](ClusterMap&, TendRole&) { return Status::ok(); });
  if (!opened) {
    std::string text = "E" + opened.status().message();
    (void)!write(reports, text.data(), text.size());
    _exit(2);
  }
  std::unique_ptr<ShmSession> session = std::move(opened.value());
  int wake[2];
  if (pipe(wake) != 0) _exit(3);
  session->role().set_wake([fd = wake[1]] { (void)!write(fd, "w", 1); });
  bool owner = session->owner_now();
  (void)!write(reports, owner ? "O" : "F", 1);
  for (;;) {
    pollfd fds[2] = {{commands, POLLIN, 0}, {wake[0], POLLIN, 0}};
    poll(fds, 2, 10);
    if (fds[0].revents != 0) {
      session.reset();  // graceful close: hands over, detaches
      _exit(0);
    }
    if (fds[1].revents != 0) {
      char buffer[64];
      (void)!read(wake[0], buffer, sizeof(buffer));
    }
    uint64_t now = monotonic_ms();
    bool now_owner = session->role().acquire_or_keep(now);
    if (now_owner && session->role().still_owner()) session->role().tended(now);
    if (now_owner != owner) (void)!write(reports, now_owner ? "T" : "S", 1);
    owner = now_owner;
  }
}

Child spawn(int key, uint32_t threshold_sec, int start_gate = -1, int gate_writer = -1) {
  int commands[2], reports[2];
  assert_int_equal(pipe(commands), 0);
  assert_int_equal(pipe(reports), 0);
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    if (gate_writer >= 0) close(gate_writer);  // or the gate never reaches EOF
    close(commands[1]);
    close(reports[0]);
    child_main(key, threshold_sec, commands[0], reports[1], start_gate);
  }
  close(commands[0]);
  close(reports[1]);
  return Child{pid, commands[1], reports[0]};
}

// The next report letter, or 0 when none came within `limit_ms`.
char next_report(const Child& child, int limit_ms, std::string* text = nullptr) {
  pollfd fd{child.reports, POLLIN, 0};
  if (poll(&fd, 1, limit_ms) <= 0) return 0;
  char buffer[512] = {};
  ssize_t n = read(child.reports, buffer, 1);
  if (n <= 0) return 0;
  if (buffer[0] == 'E' && text != nullptr) {
    n = read(child.reports, buffer + 1, sizeof(buffer) - 2);
    *text = std::string(buffer + 1, n > 0 ? size_t(n) : 0);
  }
  return buffer[0];
}

// Waits for the first of `children` to report `letter`; its index or -1.
int first_to_report(std::vector<Child>& children, char letter, int limit_ms) {
  uint64_t deadline = monotonic_ms() + limit_ms;
  while (monotonic_ms() < deadline) {
    for (size_t i = 0; i < children.size(); i++) {
      if (children[i].pid > 0 && next_report(children[i], 1) == letter) return int(i);
    }
  }
  return -1;
}

// Reaps a child within a deadline, killing it when it overstays.
void finish(Child& child, bool graceful) {
  if (child.pid <= 0) return;
  if (graceful) (void)!write(child.commands, "q", 1);
  uint64_t deadline = monotonic_ms() + 5000;
  int status = 0;
  while (waitpid(child.pid, &status, WNOHANG) == 0) {
    if (monotonic_ms() > deadline) {
      kill(child.pid, SIGKILL);
      waitpid(child.pid, &status, 0);
      break;
    }
    usleep(1000);
  }
  close(child.commands);
  close(child.reports);
  child.pid = -1;
}

bool segment_exists(int key) { return shmget(key, 0, 0) >= 0; }

as_cluster_shm* peek(int key) {
  int id = shmget(key, 0, 0);
  void* at = id >= 0 ? shmat(id, nullptr, SHM_RDONLY) : reinterpret_cast<void*>(-1);
  return at == reinterpret_cast<void*>(-1) ? nullptr : static_cast<as_cluster_shm*>(at);
}

}  // namespace

static void test_first_owns_others_follow(void**) {
  const int key = test_key(1);
  std::vector<Child> c{spawn(key, 30)};
  assert_int_equal(next_report(c[0], 5000), 'O');
  c.push_back(spawn(key, 30));
  c.push_back(spawn(key, 30));
  assert_int_equal(next_report(c[1], 5000), 'F');
  assert_int_equal(next_report(c[2], 5000), 'F');
  shmid_ds info{};
  assert_int_equal(shmctl(shmget(key, 0, 0), IPC_STAT, &info), 0);
  assert_int_equal(info.shm_nattch, 3);
  assert_int_equal(info.shm_segsz, 531448);
  as_cluster_shm* h = peek(key);
  assert_non_null(h);
  assert_int_equal(h->owner_pid, c[0].pid);
  assert_int_equal(h->lock, 1);
  assert_int_equal(h->ready, 1);
  shmdt(h);
  for (Child& child : c) finish(child, true);
  assert_false(segment_exists(key));  // the last one out removed it
  remove_all(key);
}

static void test_graceful_handoff_is_fast(void**) {
  const int key = test_key(2);
  std::vector<Child> c{spawn(key, 30)};
  assert_int_equal(next_report(c[0], 5000), 'O');
  c.push_back(spawn(key, 30));
  assert_int_equal(next_report(c[1], 5000), 'F');
  auto start = std::chrono::steady_clock::now();
  (void)!write(c[0].commands, "q", 1);
  assert_int_equal(next_report(c[1], 2000), 'T');
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
  std::printf("graceful handoff: %.2f ms\n", ms.count());
  assert_true(ms.count() < 200);  // target 5 ms; loose bound for loaded CI machines
  finish(c[0], false);
  finish(c[1], true);
  remove_all(key);
}

static void test_kill9_owner_replaced_at_once(void**) {
  const int key = test_key(3);
  std::vector<Child> c{spawn(key, 30)};
  assert_int_equal(next_report(c[0], 5000), 'O');
  c.push_back(spawn(key, 30));
  c.push_back(spawn(key, 30));
  assert_int_equal(next_report(c[1], 5000), 'F');
  assert_int_equal(next_report(c[2], 5000), 'F');
  auto start = std::chrono::steady_clock::now();
  kill(c[0].pid, SIGKILL);
  std::vector<Child> followers{c[1], c[2]};
  int winner = first_to_report(followers, 'T', 3000);  // far below the 30 s threshold
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
  std::printf("kill -9 takeover: %.2f ms\n", ms.count());
  assert_true(winner >= 0);
  assert_true(ms.count() < 1000);  // target 100 ms
  // Exactly one: the other stays a follower.
  assert_int_equal(next_report(followers[1 - winner], 200), 0);
  as_cluster_shm* h = peek(key);
  assert_int_equal(h->owner_pid, followers[winner].pid);
  shmdt(h);
  finish(c[0], false);
  finish(c[1], true);
  finish(c[2], true);
  remove_all(key);
}

static void test_zombie_owner_replaced_at_once(void**) {
  const int key = test_key(4);
  std::vector<Child> c{spawn(key, 30)};
  assert_int_equal(next_report(c[0], 5000), 'O');
  c.push_back(spawn(key, 30));
  assert_int_equal(next_report(c[1], 5000), 'F');
  kill(c[0].pid, SIGKILL);  // not reaped: a zombie until finish()
  assert_int_equal(next_report(c[1], 3000), 'T');
  assert_int_equal(kill(c[0].pid, 0), 0);  // the stock test would call it alive
  // The lock file is released before the kernel finishes the exit and marks
  // the process a zombie, so the verdict may lag the takeover by a moment.
  const uint64_t deadline = monotonic_ms() + 2000;
  while (shm::owner_alive(static_cast<uint32_t>(c[0].pid), key) && monotonic_ms() < deadline) sched_yield();
  assert_false(shm::owner_alive(static_cast<uint32_t>(c[0].pid), key));
  finish(c[0], false);
  finish(c[1], true);
  remove_all(key);
}

static void test_stopped_owner_replaced_then_steps_down(void**) {
  const int key = test_key(5);
  std::vector<Child> c{spawn(key, 1)};
  assert_int_equal(next_report(c[0], 5000), 'O');
  c.push_back(spawn(key, 1));
  assert_int_equal(next_report(c[1], 5000), 'F');
  auto start = std::chrono::steady_clock::now();
  kill(c[0].pid, SIGSTOP);
  assert_int_equal(next_report(c[1], 5000), 'T');
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
  std::printf("stopped owner replaced after %.0f ms (threshold 1000 ms)\n", ms.count());
  assert_true(ms.count() >= 900);  // never before the threshold
  kill(c[0].pid, SIGCONT);
  assert_int_equal(next_report(c[0], 3000), 'S');
  as_cluster_shm* h = peek(key);
  assert_int_equal(h->owner_pid, c[1].pid);
  assert_int_equal(h->lock, 1);
  shmdt(h);
  // The deposed owner stays a follower.
  assert_int_equal(next_report(c[0], 300), 0);
  finish(c[0], true);
  finish(c[1], true);
  remove_all(key);
}

// An owner that took over by staleness does not hold the lock file at first
// (its stopped predecessor does). Once the predecessor steps down, the file
// must end up with the new owner, so that its own crash is then noticed at
// once rather than after the threshold.
static void test_staleness_owner_crash_replaced_at_once(void**) {
  const int key = test_key(10);
  std::vector<Child> c{spawn(key, 3)};
  assert_int_equal(next_report(c[0], 5000), 'O');
  c.push_back(spawn(key, 3));
  c.push_back(spawn(key, 3));
  assert_int_equal(next_report(c[1], 5000), 'F');
  assert_int_equal(next_report(c[2], 5000), 'F');
  kill(c[0].pid, SIGSTOP);
  std::vector<Child> followers{c[1], c[2]};
  const int taker = first_to_report(followers, 'T', 8000);
  assert_true(taker >= 0);
  Child& owner = c[1 + taker];
  Child& other = c[2 - taker];
  kill(c[0].pid, SIGCONT);
  assert_int_equal(next_report(c[0], 3000), 'S');

  Result<shm::OwnerFile> file = shm::OwnerFile::open(key);
  assert_true(file.is_ok());
  const uint64_t handed_over_by = monotonic_ms() + 3000;
  while (file->recorded_pid() != uint32_t(owner.pid) && monotonic_ms() < handed_over_by) usleep(1000);
  assert_int_equal(file->recorded_pid(), owner.pid);

  const uint64_t killed = monotonic_ms();
  kill(owner.pid, SIGKILL);
  std::vector<Child> survivors{other, c[0]};
  assert_true(first_to_report(survivors, 'T', 3000) >= 0);
  const uint64_t ms = monotonic_ms() - killed;
  std::printf("owner by staleness killed: replaced after %llu ms (threshold 3000 ms)\n",
              static_cast<unsigned long long>(ms));
  assert_true(ms < 1000);
  waitpid(owner.pid, nullptr, 0);
  owner.pid = -1;
  finish(c[0], true);
  finish(other, true);
  remove_all(key);
}

static void test_stock_style_zombie_owner(void**) {
  // A "stock" owner: takes the lock byte without the lock file, publishes
  // its map, then dies and is left unreaped. kill(pid, 0) succeeds on it;
  // we must not care.
  const int key = test_key(6);
  int go[2];
  assert_int_equal(pipe(go), 0);
  pid_t stock = fork();
  if (stock == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    int id = shmget(key, 531448, IPC_CREAT | 0666);
    auto* h = static_cast<as_cluster_shm*>(shmat(id, nullptr, 0));
    __atomic_store_n(&h->lock, uint8_t{1}, __ATOMIC_RELEASE);
    __atomic_store_n(&h->owner_pid, uint32_t(getpid()), __ATOMIC_RELEASE);
    __atomic_store_n(&h->timestamp, monotonic_ms(), __ATOMIC_RELEASE);
    ClusterMap map(h, 531448, SegmentLayout(SegmentGeometry{16, 8}));
    map.initialize_header();
    map.publish_ready();
    (void)!write(go[1], "x", 1);
    pause();
    _exit(0);
  }
  char x;
  assert_int_equal(read(go[0], &x, 1), 1);
  std::vector<Child> c{spawn(key, 1)};
  assert_int_equal(next_report(c[0], 5000), 'F');
  assert_true(shm::owner_alive(static_cast<uint32_t>(stock), key));  // attached, running
  kill(stock, SIGKILL);
  assert_int_equal(next_report(c[0], 5000), 'T');  // after the 1 s threshold
  waitpid(stock, nullptr, 0);
  finish(c[0], true);
  close(go[0]);
  close(go[1]);
  remove_all(key);
}

static void test_fifty_at_once(void**) {
  const int key = test_key(7);
  int gate[2];
  assert_int_equal(pipe(gate), 0);
  std::vector<Child> c;
  for (int i = 0; i < 50; i++) c.push_back(spawn(key, 30, gate[0], gate[1]));
  close(gate[1]);  // EOF releases every child at once
  int owners = 0, followers = 0;
  for (Child& child : c) {
    char r = next_report(child, 10000);
    owners += r == 'O';
    followers += r == 'F';
  }
  assert_int_equal(owners, 1);
  assert_int_equal(followers, 49);
  for (Child& child : c) finish(child, true);
  close(gate[0]);
  assert_false(segment_exists(key));
  remove_all(key);
}

static void test_foreign_header_refused(void**) {
  const int key = test_key(8);
  ShmOptions options;
  options.key = key;
  options.geometry = SegmentGeometry{16, 8};
  {
    auto owner = ShmSession::attach(options, no_tend);
    assert_true(owner.is_ok());
    assert_true((*owner)->tended_at_attach());
    (*owner)->map().header()->partition_tables_offset = 1234;  // same size, other layout
    auto follower = ShmSession::attach(options, no_tend);
    assert_false(follower.is_ok());
    const std::string& m = follower.status().message();
    assert_non_null(strstr(m.c_str(), "partition_tables_offset = 1234"));
    assert_non_null(strstr(m.c_str(), "ipcrm -M 0x"));
    options.geometry = SegmentGeometry{16, 4};
    auto other = ShmSession::attach(options, no_tend);
    assert_false(other.is_ok());
    assert_non_null(strstr(other.status().message().c_str(), "531448"));
  }
  assert_false(segment_exists(key));
  remove_all(key);
}

// True once the process's main thread sleeps in a futex wait, i.e. the
// follower is parked in wait_ready rather than still on its way there.
static bool main_thread_in_futex(pid_t pid) {
  char path[64];
  std::snprintf(path, sizeof(path), "/proc/%d/task/%d/wchan", pid, pid);
  FILE* file = std::fopen(path, "r");
  if (!file) return false;
  char wchan[128] = {0};
  const bool read_ok = std::fgets(wchan, sizeof(wchan), file) != nullptr;
  std::fclose(file);
  return read_ok && std::strstr(wchan, "futex") != nullptr;
}

static void test_wait_ready_is_woken(void**) {
  const int key = test_key(9);
  ShmOptions options;
  options.key = key;
  options.geometry = SegmentGeometry{16, 8};
  // The follower is forked before this process starts any thread (the
  // owner's session has a waiter thread): a child of a multi-threaded parent
  // may not start threads of its own under ThreadSanitizer. It opens its
  // session once the owner holds the segment, told through `go`.
  int ready_at[2];
  int go[2];
  assert_int_equal(pipe(ready_at), 0);
  assert_int_equal(pipe(go), 0);
  pid_t follower = fork();
  if (follower == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    char token = 0;
    if (read(go[0], &token, 1) != 1) _exit(2);
    auto session = ShmSession::attach(options, no_tend);  // parks in the ready wait
    const Status s = session ? Status::ok() : session.status();
    uint64_t woke = monotonic_ms();
    (void)!write(ready_at[1], &woke, sizeof(woke));
    _exit(s ? 0 : 1);
  }
  // The owner's first tend holds `ready` back until the follower sleeps.
  uint64_t published = 0;
  bool parked = false;
  auto owner = ShmSession::attach(options, [&](ClusterMap&, TendRole&) {
    parked = write(go[1], "g", 1) == 1;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (parked && !main_thread_in_futex(follower) && std::chrono::steady_clock::now() < deadline) sched_yield();
    parked = parked && main_thread_in_futex(follower);
    published = monotonic_ms();
    return Status::ok();
  });
  assert_true(owner.is_ok());
  assert_true(parked);
  pollfd fd{ready_at[0], POLLIN, 0};
  assert_int_equal(poll(&fd, 1, 5000), 1);
  uint64_t woke = 0;
  assert_int_equal(read(ready_at[0], &woke, sizeof(woke)), sizeof(woke));
  std::printf("ready wake-up: %llu ms after publish\n", (unsigned long long)(woke - published));
  assert_true(woke - published < 50);  // not the 200 ms polling of stock
  int status = 0;
  waitpid(follower, &status, 0);
  assert_int_equal(WEXITSTATUS(status), 0);
  owner->reset();
  close(ready_at[0]);
  close(ready_at[1]);
  close(go[0]);
  close(go[1]);
  remove_all(key);
}

// A follower that never runs a tend cycle: only its waiter thread can make
// it owner, so the time it takes over is the waiter's alone.
static Child spawn_passive(int key) {
  int commands[2], reports[2];
  assert_int_equal(pipe(commands), 0);
  assert_int_equal(pipe(reports), 0);
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    close(commands[1]);
    close(reports[0]);
    ShmOptions options;
    options.key = key;
    options.geometry = SegmentGeometry{16, 8};
    options.takeover_threshold_sec = 30;
    auto opened = ShmSession::attach(options, no_tend);
    (void)!write(reports[1], !opened ? "E" : (*opened)->owner_now() ? "O" : "F", 1);
    char c;
    (void)!read(commands[0], &c, 1);
    if (opened) opened->reset();
    _exit(0);
  }
  close(commands[0]);
  close(reports[1]);
  return Child{pid, commands[1], reports[0]};
}

// The threads of `pid` other than its main thread (the ownership waiter).
static std::vector<pid_t> other_threads(pid_t pid) {
  std::vector<pid_t> tids;
  char command[64];
  std::snprintf(command, sizeof(command), "ls /proc/%d/task", pid);
  FILE* p = popen(command, "r");
  if (!p) return tids;
  int tid = 0;
  while (std::fscanf(p, "%d", &tid) == 1)
    if (tid != pid) tids.push_back(tid);
  pclose(p);
  return tids;
}

static std::string thread_file(pid_t pid, pid_t tid, const char* name) {
  char path[96];
  std::snprintf(path, sizeof(path), "/proc/%d/task/%d/%s", pid, tid, name);
  FILE* file = std::fopen(path, "r");
  if (!file) return "";
  std::string text;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) text.append(buffer, n);
  std::fclose(file);
  return text;
}

// Counts the thread's sleeps: it goes up each time the waiter blocks again.
static long voluntary_switches(pid_t pid, pid_t tid) {
  const std::string status = thread_file(pid, tid, "status");
  const char* field = "\nvoluntary_ctxt_switches:";
  const size_t at = status.find(field);
  return at == std::string::npos ? -1 : std::strtol(status.c_str() + at + std::strlen(field), nullptr, 10);
}

// The wake in Ownership::release(): the lock file wakes a waiter only when
// the closing owner holds it, so the one case where FUTEX_WAKE alone decides
// the handoff is an aeroshim owner without the file and a candidate holding
// it, parked in the futex wait. Set up here as: a stock-style owner S (lock
// byte, no file); candidate H takes the file and watches S; S, with H
// stopped so it cannot see the byte free, clears the byte and opens an
// aeroshim Ownership that takes it by CAS. The owner pid does not change,
// so H keeps waiting on the futex. S then closes gracefully just after H's
// waiter went back to sleep: woken, H owns at once; left to its 10 ms poll,
// it would own ~9 ms later.
// One try: how long after the owner without the file closed the parked
// candidate owned the segment.
static double release_wake_ms() {
  const int key = test_key(11);
  int to_s[2], from_s[2];
  assert_int_equal(pipe(to_s), 0);
  assert_int_equal(pipe(from_s), 0);
  pid_t stock = fork();
  assert_true(stock >= 0);
  if (stock == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    int id = shmget(key, 531448, IPC_CREAT | 0666);
    auto* h = static_cast<as_cluster_shm*>(shmat(id, nullptr, 0));
    __atomic_store_n(&h->lock, uint8_t{1}, __ATOMIC_RELEASE);
    __atomic_store_n(&h->owner_pid, uint32_t(getpid()), __ATOMIC_RELEASE);
    __atomic_store_n(&h->timestamp, monotonic_ms(), __ATOMIC_RELEASE);
    ClusterMap map(h, 531448, SegmentLayout(SegmentGeometry{16, 8}));
    map.initialize_header();
    map.publish_ready();
    (void)!write(from_s[1], "x", 1);
    char c;
    if (read(to_s[0], &c, 1) != 1) _exit(2);  // 's': become an aeroshim owner
    Result<shm::OwnerFile> file = shm::OwnerFile::open(key);
    if (!file) _exit(3);
    Ownership ownership(map, key, std::move(file.value()), 30000);
    __atomic_store_n(&h->lock, uint8_t{0}, __ATOMIC_RELEASE);  // stock release: no wake
    const bool owner = ownership.connect();
    (void)!write(from_s[1], owner ? "A" : "E", 1);
    if (read(to_s[0], &c, 1) != 1) _exit(4);  // 'q': close gracefully
    const int64_t closing_ns = std::chrono::steady_clock::now().time_since_epoch().count();
    ownership.release();
    (void)!write(from_s[1], &closing_ns, sizeof(closing_ns));
    shmdt(h);
    _exit(0);
  }
  char x = 0;
  assert_int_equal(read(from_s[0], &x, 1), 1);
  Child candidate = spawn_passive(key);
  assert_int_equal(next_report(candidate, 5000), 'F');
  // The candidate holds the file and its waiter sleeps on the futex.
  std::vector<pid_t> waiters;
  const uint64_t parked_by = monotonic_ms() + 5000;
  // Under ThreadSanitizer the runtime has a thread of its own in the child
  // (it sleeps in nanosleep): the waiter is the one thread on the futex.
#if defined(__SANITIZE_THREAD__)
  constexpr size_t kRuntimeThreads = 1;
#else
  constexpr size_t kRuntimeThreads = 0;
#endif
  auto parked = [&] {
    const std::vector<pid_t> others = other_threads(candidate.pid);
    waiters.clear();
    for (pid_t tid : others)
      if (thread_file(candidate.pid, tid, "wchan").find("futex") != std::string::npos)
        waiters.push_back(tid);
    return others.size() <= 1 + kRuntimeThreads && waiters.size() == 1;
  };
  bool is_parked = false;
  while (!(is_parked = parked()) && monotonic_ms() < parked_by) usleep(1000);
  assert_true(is_parked);  // it wakes every 10 ms: asking again could catch it awake
  Result<shm::OwnerFile> probe = shm::OwnerFile::open(key);
  assert_true(probe.is_ok());
  assert_int_equal(probe->recorded_pid(), candidate.pid);

  assert_int_equal(kill(candidate.pid, SIGSTOP), 0);
  assert_int_equal(write(to_s[1], "s", 1), 1);
  assert_int_equal(read(from_s[0], &x, 1), 1);
  assert_int_equal(kill(candidate.pid, SIGCONT), 0);
  assert_int_equal(x, 'A');
  as_cluster_shm* h = peek(key);
  assert_non_null(h);
  assert_int_equal(h->owner_pid, stock);
  assert_int_equal(h->lock, 1);

  // Close right after the waiter's 10 ms poll put it back to sleep. The
  // second sleep counted is a fresh wait: the first may be the one resumed
  // after SIGCONT, which keeps what was left of its timeout.
  const long before = voluntary_switches(candidate.pid, waiters[0]);
  assert_true(before >= 0);
  const uint64_t poll_by = monotonic_ms() + 2000;
  while (voluntary_switches(candidate.pid, waiters[0]) < before + 2 && monotonic_ms() < poll_by) {
  }
  assert_true(voluntary_switches(candidate.pid, waiters[0]) >= before + 2);
  assert_int_equal(write(to_s[1], "q", 1), 1);
  const uint64_t own_by = monotonic_ms() + 2000;
  while (__atomic_load_n(&h->owner_pid, __ATOMIC_ACQUIRE) != uint32_t(candidate.pid) && monotonic_ms() < own_by) {
  }
  const int64_t owned_ns = std::chrono::steady_clock::now().time_since_epoch().count();
  int64_t closing_ns = 0;
  assert_int_equal(read(from_s[0], &closing_ns, sizeof(closing_ns)), sizeof(closing_ns));
  assert_int_equal(h->owner_pid, candidate.pid);
  const double ms = double(owned_ns - closing_ns) / 1e6;
  std::printf("futex candidate owns %.2f ms after the owner without the file closed\n", ms);
  shmdt(h);
  waitpid(stock, nullptr, 0);
  finish(candidate, true);
  for (int fd : {to_s[0], to_s[1], from_s[0], from_s[1]}) close(fd);
  remove_all(key);
  return ms;
}

static void test_release_wakes_futex_candidate(void**) {
  // The candidate's poll alone takes ~10 ms and can never come in under
  // 5 ms; a futex wake takes well under 1. A wake the scheduler delays (a
  // loaded CI machine, the sanitizer build) can look slow, so the best of
  // up to three tries decides: a missing wake still fails all three.
  double best = 1e9;
  for (int attempt = 0; attempt < 3 && best >= 5; ++attempt)
    best = std::min(best, release_wake_ms());
  assert_true(best < 5);
}

int main() {
  alarm(110);  // whatever happens, the run ends (ctest kills at 120 s)
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_first_owns_others_follow),
      cmocka_unit_test(test_graceful_handoff_is_fast),
      cmocka_unit_test(test_kill9_owner_replaced_at_once),
      cmocka_unit_test(test_zombie_owner_replaced_at_once),
      cmocka_unit_test(test_stopped_owner_replaced_then_steps_down),
      cmocka_unit_test(test_staleness_owner_crash_replaced_at_once),
      cmocka_unit_test(test_stock_style_zombie_owner),
      cmocka_unit_test(test_fifty_at_once),
      cmocka_unit_test(test_foreign_header_refused),
      cmocka_unit_test(test_wait_ready_is_woken),
      cmocka_unit_test(test_release_wakes_futex_candidate),
  };
  return cmocka_run_group_tests(tests, nullptr, remove_every_test_key);
}
