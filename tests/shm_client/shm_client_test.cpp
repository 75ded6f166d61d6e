// Shared-memory tending between real client processes, driven through the
// public API against asim: each worker (shm_client_worker) is an application
// that calls aerospike_connect with use_shm and reports its role and node
// count; the driver starts, stops, kills, freezes and counts them, and reads
// the segment header, the lock file and asim's request counters to check what
// the workers say.
//
// Every scenario has its own asim and its own keys, derived from this test's
// pid so parallel runs never meet. Every wait has a deadline; workers and
// asim die with the test (PR_SET_PDEATHSIG). Each scenario checks that the
// library removed its segment when its last client closed; the teardown
// removes whatever a failed scenario left, and the group teardown asserts
// that no segment and no lock file of any key used here survives.
#include "asim_process.h"
#include "cmocka_cxx.h"

#include <aerospike/as_shm_cluster.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ipc.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

extern char** environ;

namespace {

// The stock 7.4.0 layout: 56 + 424 * nodes + (40 + 16 * 4096) * namespaces.
constexpr uint64_t kSize16x8 = 531448;
constexpr uint64_t kSize32x8 = 538232;

std::vector<int> g_keys;  // every key any scenario used, for the final check

long now_ms() {
  using namespace std::chrono;
  return static_cast<long>(duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count());
}

int test_key(int scenario) {
  const int key = 0x57000000 | ((getpid() & 0xFFFF) << 8) | scenario;
  g_keys.push_back(key);
  return key;
}

std::string key_text(int key) {
  char text[16];
  std::snprintf(text, sizeof(text), "0x%08X", static_cast<unsigned>(key));
  return text;
}

std::string lock_path(int key) {
  char path[64];
  std::snprintf(path, sizeof(path), "/dev/shm/aeroshim-%08X.owner", static_cast<unsigned>(key));
  return path;
}

bool segment_exists(int key) { return shmget(key, 0, 0) >= 0; }

uint64_t segment_size(int key) {
  shmid_ds info{};
  int id = shmget(key, 0, 0);
  if (id < 0 || shmctl(id, IPC_STAT, &info) != 0) return 0;
  return info.shm_segsz;
}

// Whether some process holds the owner lock file's lock right now.
bool lock_file_held(int key) {
  int fd = open(lock_path(key).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct flock probe{};
  probe.l_type = F_WRLCK;
  probe.l_whence = SEEK_SET;
  bool held = fcntl(fd, F_OFD_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
  close(fd);
  return held;
}

struct Header {
  bool present = false;
  uint64_t timestamp = 0;
  uint32_t owner_pid = 0;
  uint32_t nodes_size = 0;
  uint8_t lock = 0;
  uint8_t ready = 0;
};

// A snapshot of the segment header. Attaches only for the copy: a driver
// still attached when the last worker closes would keep the segment alive.
Header peek(int key) {
  Header h;
  int id = shmget(key, 0, 0);
  if (id < 0) return h;
  void* at = shmat(id, nullptr, SHM_RDONLY);
  if (at == reinterpret_cast<void*>(-1)) return h;
  auto* shm = static_cast<as_cluster_shm*>(at);
  h.present = true;
  h.timestamp = __atomic_load_n(&shm->timestamp, __ATOMIC_ACQUIRE);
  h.owner_pid = __atomic_load_n(&shm->owner_pid, __ATOMIC_ACQUIRE);
  h.nodes_size = __atomic_load_n(&shm->nodes_size, __ATOMIC_ACQUIRE);
  h.lock = __atomic_load_n(&shm->lock, __ATOMIC_ACQUIRE);
  h.ready = __atomic_load_n(&shm->ready, __ATOMIC_ACQUIRE);
  shmdt(at);
  return h;
}

// The process state letter from /proc/PID/stat ('Z' for a zombie), or 0.
char process_state(pid_t pid) {
  char path[64];
  std::snprintf(path, sizeof(path), "/proc/%d/stat", static_cast<int>(pid));
  FILE* f = std::fopen(path, "r");
  if (!f) return 0;
  char line[512] = {0};
  (void)!std::fgets(line, sizeof(line), f);
  std::fclose(f);
  const char* paren = std::strrchr(line, ')');  // the name may hold spaces
  return paren && paren[1] == ' ' ? paren[2] : 0;
}

struct Worker {
  pid_t pid = -1;
  int out = -1;
  std::string partial;  // bytes after the last newline
  bool connected = false;
  bool failed = false;
  bool closed = false;
  bool eof = false;
  bool reaped = false;
  bool owner = false;
  bool owner_at_connect = false;
  int nodes = 0;
  int became_owner = 0;  // "owner 1" reports after connect
  std::string error;
};

struct Spec {
  int key = 0;
  uint32_t tend_ms = 250;  // the library's minimum
  uint32_t threshold_sec = 30;
  uint32_t max_nodes = 16;
  uint32_t max_namespaces = 8;
  bool shm = true;
  int gate = -1;  // read end of a start gate, seen as fd 3 by the worker
};

struct Fixture {
  asim_process asim{};
  std::vector<std::unique_ptr<Worker>> workers;
  std::vector<int> keys;
  std::vector<pid_t> others;  // helper processes (sleep)
  uint16_t seed() const { return asim.ports[0]; }
};

void take_report(Worker& w, const std::string& line) {
  int a = 0, b = 0;
  if (std::sscanf(line.c_str(), "connected owner=%d nodes=%d", &a, &b) == 2) {
    w.connected = true;
    w.owner = w.owner_at_connect = a == 1;
    w.nodes = b;
  } else if (line.rfind("error ", 0) == 0) {
    w.failed = true;
    w.error = line;
  } else if (std::sscanf(line.c_str(), "owner %d", &a) == 1) {
    w.owner = a == 1;
    if (w.owner) ++w.became_owner;
  } else if (std::sscanf(line.c_str(), "nodes %d", &a) == 1) {
    w.nodes = a;
  } else if (line == "closed") {
    w.closed = true;
  }
}

// Reads whatever the workers wrote within `wait_ms` and applies it.
void pump(Fixture& f, int wait_ms) {
  std::vector<pollfd> fds;
  std::vector<Worker*> who;
  for (auto& w : f.workers) {
    if (w->eof) continue;
    fds.push_back(pollfd{w->out, POLLIN, 0});
    who.push_back(w.get());
  }
  if (fds.empty() || poll(fds.data(), fds.size(), wait_ms) <= 0) return;
  for (size_t i = 0; i < fds.size(); ++i) {
    if (fds[i].revents == 0) continue;
    Worker& w = *who[i];
    char buffer[4096];
    ssize_t n = read(w.out, buffer, sizeof(buffer));
    if (n <= 0) {
      w.eof = true;
      continue;
    }
    w.partial.append(buffer, static_cast<size_t>(n));
    for (size_t nl; (nl = w.partial.find('\n')) != std::string::npos;) {
      take_report(w, w.partial.substr(0, nl));
      w.partial.erase(0, nl + 1);
    }
  }
}

bool await(Fixture& f, const std::function<bool()>& condition, int timeout_ms) {
  const long deadline = now_ms() + timeout_ms;
  for (;;) {
    if (condition()) return true;
    const long left = deadline - now_ms();
    if (left <= 0) return false;
    pump(f, static_cast<int>(left < 20 ? left : 20));
  }
}

// Keeps reading reports for `ms`: a fixed observation window, used only to
// show that something does NOT happen during it.
void observe(Fixture& f, int ms) {
  await(f, [] { return false; }, ms);
}

Worker& spawn(Fixture& f, const Spec& s) {
  std::vector<std::string> args{getenv("SHM_CLIENT_WORKER") ? getenv("SHM_CLIENT_WORKER") : "",
                                "host=127.0.0.1",
                                "port=" + std::to_string(f.seed()),
                                "key=" + key_text(s.key),
                                "tend=" + std::to_string(s.tend_ms),
                                "threshold=" + std::to_string(s.threshold_sec),
                                "max_nodes=" + std::to_string(s.max_nodes),
                                "max_namespaces=" + std::to_string(s.max_namespaces),
                                std::string("shm=") + (s.shm ? "1" : "0")};
  if (s.gate >= 0) args.push_back("gate=3");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  int out[2];
  assert_int_equal(pipe2(out, O_CLOEXEC), 0);
  const pid_t parent = getpid();
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    // Only async-signal-safe calls until exec.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    dup2(out[1], STDOUT_FILENO);
    // dup2 onto itself would keep close-on-exec set: clear it instead.
    if (s.gate == 3) fcntl(3, F_SETFD, 0);
    else if (s.gate >= 0) dup2(s.gate, 3);
    execve(argv[0], argv.data(), environ);
    _exit(127);
  }
  close(out[1]);
  auto w = std::make_unique<Worker>();
  w->pid = pid;
  w->out = out[0];
  f.workers.push_back(std::move(w));
  return *f.workers.back();
}

bool reap(Worker& w, int timeout_ms) {
  const long deadline = now_ms() + timeout_ms;
  while (!w.reaped) {
    int status = 0;
    pid_t r = waitpid(w.pid, &status, WNOHANG);
    if (r == w.pid || (r < 0 && errno == ECHILD)) {
      w.reaped = true;
    } else if (now_ms() > deadline) {
      return false;
    } else {
      usleep(2000);
    }
  }
  return true;
}

// Graceful close: SIGTERM, the worker calls aerospike_close and exits.
void stop(Fixture& f, Worker& w) {
  assert_int_equal(kill(w.pid, SIGTERM), 0);
  assert_true(await(f, [&] { return w.closed && w.eof; }, 10000));
  assert_true(reap(w, 5000));
}

void stop_all(Fixture& f) {
  for (auto& w : f.workers)
    if (!w->reaped && !w->closed) kill(w->pid, SIGTERM);
  assert_true(await(
      f,
      [&] {
        for (auto& w : f.workers)
          if (!w->reaped && !w->eof) return false;
        return true;
      },
      20000));
  for (auto& w : f.workers)
    if (!w->reaped) {
      assert_true(w->closed || w->failed);
      assert_true(reap(*w, 5000));
    }
}

// Waits until `w` connected and sees 3 nodes; says why when it did not.
void await_connected(Fixture& f, Worker& w) {
  const bool ok = await(f, [&] { return w.failed || w.eof || (w.connected && w.nodes == 3); }, 10000);
  if (!ok || !w.connected || w.nodes != 3) {
    print_error("worker %d: %s\n", static_cast<int>(w.pid),
                w.failed ? w.error.c_str() : w.connected ? "sees fewer than 3 nodes" : "no report");
  }
  assert_true(w.connected && w.nodes == 3);
}

bool all_see(const std::vector<Worker*>& ws, int nodes) {
  for (Worker* w : ws)
    if (w->nodes != nodes) return false;
  return true;
}

std::vector<Worker*> owners(const std::vector<Worker*>& ws) {
  std::vector<Worker*> found;
  for (Worker* w : ws)
    if (w->owner && !w->reaped && !w->eof) found.push_back(w);
  return found;
}

// Info requests asim counted on all its nodes since the last reset.
long info_requests(Fixture& f) {
  long total = 0;
  for (int i = 0; i < f.asim.n_ports; ++i) {
    long n = asim_stat(f.seed(), f.asim.ports[i], "info");
    assert_true(n >= 0);
    total += n;
  }
  return total;
}

// Waits until asim's info count stays put for `quiet_ms`.
bool await_quiet(Fixture& f, int quiet_ms, int timeout_ms) {
  long last = -1;
  long since = now_ms();
  return await(
      f,
      [&] {
        const long n = info_requests(f);
        if (n != last) {
          last = n;
          since = now_ms();
        }
        return now_ms() - since >= quiet_ms;
      },
      timeout_ms);
}

void reset_stats(Fixture& f) {
  char* answer = asim_info(f.seed(), "asim-stats-reset");
  assert_non_null(answer);
  assert_string_equal(answer, "ok");
  std::free(answer);
}

void remove_key(int key) {
  int id = shmget(key, 0, 0);
  if (id >= 0) shmctl(id, IPC_RMID, nullptr);
  unlink(lock_path(key).c_str());
}

int setup(void** state) {
  auto* f = new Fixture();
  if (!getenv("SHM_CLIENT_WORKER") || !asim_start(&f->asim, "--nodes 3 --namespace test:2")) {
    delete f;
    return -1;
  }
  *state = f;
  return 0;
}

int teardown(void** state) {
  auto* f = static_cast<Fixture*>(*state);
  for (auto& w : f->workers) {
    if (!w->reaped) {
      kill(w->pid, SIGKILL);  // also ends a stopped worker
      waitpid(w->pid, nullptr, 0);
    }
    close(w->out);
  }
  for (pid_t p : f->others) {
    kill(p, SIGKILL);
    waitpid(p, nullptr, 0);
  }
  asim_stop(&f->asim);
  bool clean = true;
  for (int key : f->keys) {
    remove_key(key);
    clean = clean && !segment_exists(key) && access(lock_path(key).c_str(), F_OK) != 0;
  }
  delete f;
  return clean ? 0 : -1;
}

int add_key(Fixture& f, int scenario) {
  const int key = test_key(scenario);
  remove_key(key);  // a previous run with the same low pid bits
  f.keys.push_back(key);
  return key;
}

// The row of `ipcs -m` for `key`: its size and attach count.
bool ipcs_row(int key, uint64_t* bytes, int* nattch) {
  FILE* p = popen("ipcs -m", "r");
  if (!p) return false;
  char wanted[16];
  std::snprintf(wanted, sizeof(wanted), "0x%08x", static_cast<unsigned>(key));
  char line[512];
  bool found = false;
  while (std::fgets(line, sizeof(line), p)) {
    char k[32], owner[64], perms[16];
    unsigned long long size = 0;
    int id = 0, n = 0;
    if (std::sscanf(line, "%31s %d %63s %15s %llu %d", k, &id, owner, perms, &size, &n) == 6 &&
        std::strcmp(k, wanted) == 0) {
      *bytes = size;
      *nattch = n;
      found = true;
    }
  }
  pclose(p);
  return found;
}

// 1. The first client creates the segment in the stock size and owns it.
void segment_appears_first_owns(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  const int key = add_key(f, 1);
  Worker& w = spawn(f, Spec{key});
  await_connected(f, w);
  assert_true(w.owner_at_connect);

  assert_int_equal(segment_size(key), kSize16x8);
  uint64_t bytes = 0;
  int nattch = 0;
  assert_true(ipcs_row(key, &bytes, &nattch));
  assert_int_equal(bytes, kSize16x8);
  assert_int_equal(nattch, 1);
  Header h = peek(key);
  assert_int_equal(h.owner_pid, w.pid);
  assert_int_equal(h.lock, 1);
  assert_int_equal(h.ready, 1);
  assert_int_equal(h.nodes_size, 3);
  assert_true(lock_file_held(key));

  stop(f, w);
  assert_false(segment_exists(key));
  assert_false(ipcs_row(key, &bytes, &nattch));
  assert_false(lock_file_held(key));
}

// 2. Followers send nothing. The owner tends once at connect and then only
// every 60 s, so every info request asim counts in the window comes from a
// follower; followers cycle every 250 ms, so one that tended would send
// several per cycle. A private client, counted over the same window after its
// connect, proves the window sees a tending process.
void followers_send_no_info(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  const int key = add_key(f, 2);
  Spec idle_owner{key};
  idle_owner.tend_ms = 60000;
  idle_owner.threshold_sec = 300;  // the library requires threshold >= 2 tender intervals
  Worker& o = spawn(f, idle_owner);
  await_connected(f, o);
  assert_true(o.owner);
  // Its tend thread runs one cycle as soon as it starts; only then is it idle.
  assert_true(await_quiet(f, 500, 10000));

  reset_stats(f);
  Worker& a = spawn(f, Spec{key});
  Worker& b = spawn(f, Spec{key});
  std::vector<Worker*> followers{&a, &b};
  for (Worker* w : followers) await_connected(f, *w);
  assert_false(a.owner);
  assert_false(b.owner);
  observe(f, 1500);
  const long shared = info_requests(f);
  if (shared != 0) {
    char* stats = asim_info(f.seed(), "asim-stats");
    print_error("%s\n", stats ? stats : "asim-stats failed");
    std::free(stats);
  }
  print_message("info requests from 2 followers (connect + 1.5 s at tend=250 ms): %ld\n", shared);
  assert_int_equal(shared, 0);
  assert_false(a.owner || b.owner);
  assert_true(o.owner);

  Spec private_client{key};
  private_client.shm = false;
  Worker& p = spawn(f, private_client);
  await_connected(f, p);
  reset_stats(f);
  observe(f, 1500);
  const long alone = info_requests(f);
  print_message("info requests from 1 private client, 1.5 s after its connect: %ld\n", alone);
  assert_true(alone >= 6);  // at least one per cycle

  stop_all(f);
  assert_false(segment_exists(key));
}

struct Fleet {
  Worker* owner = nullptr;
  std::vector<Worker*> followers;
};

// The first worker owns, the next `followers` follow; all see 3 nodes.
Fleet start_fleet(Fixture& f, const Spec& spec, int followers) {
  Fleet fleet;
  fleet.owner = &spawn(f, spec);
  await_connected(f, *fleet.owner);
  assert_true(fleet.owner->owner);
  for (int i = 0; i < followers; ++i) fleet.followers.push_back(&spawn(f, spec));
  for (Worker* w : fleet.followers) await_connected(f, *w);
  for (Worker* w : fleet.followers) assert_false(w->owner_at_connect);
  return fleet;
}

// The one follower that reports ownership within `limit_ms`, or nullptr.
Worker* await_new_owner(Fixture& f, const Fleet& fleet, int limit_ms) {
  Worker* found = nullptr;
  await(
      f,
      [&] {
        auto o = owners(fleet.followers);
        if (o.size() == 1) found = o[0];
        return o.size() >= 1;
      },
      limit_ms);
  assert_int_equal(owners(fleet.followers).size(), found ? 1 : 0);
  return found;
}

// The new owner really tends: asim sees requests again.
void assert_tended(Fixture& f) {
  reset_stats(f);
  assert_true(await(f, [&] { return info_requests(f) > 0; }, 3000));
}

// 3. aerospike_close of the owner hands over to a follower by itself; the
// segment stays and a newcomer still reads it.
void close_hands_over(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  const int key = add_key(f, 3);
  Fleet fleet = start_fleet(f, Spec{key}, 2);

  const long t0 = now_ms();
  assert_int_equal(kill(fleet.owner->pid, SIGTERM), 0);
  Worker* next = await_new_owner(f, fleet, 2000);
  const long took = now_ms() - t0;
  assert_non_null(next);
  print_message("graceful handoff: SIGTERM to follower reporting ownership in %ld ms\n", took);
  assert_true(await(f, [&] { return fleet.owner->closed && fleet.owner->eof; }, 5000));
  assert_true(reap(*fleet.owner, 5000));

  assert_true(segment_exists(key));
  Header h = peek(key);
  assert_int_equal(h.owner_pid, next->pid);
  assert_int_equal(h.lock, 1);
  assert_int_equal(h.ready, 1);
  assert_int_equal(h.nodes_size, 3);
  assert_tended(f);

  Worker& newcomer = spawn(f, Spec{key});
  await_connected(f, newcomer);
  assert_false(newcomer.owner);
  stop_all(f);
  assert_false(segment_exists(key));
}

// 4. kill -9 of the owner: a follower takes over long before the 30 s threshold.
void kill9_takeover(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  const int key = add_key(f, 4);
  Fleet fleet = start_fleet(f, Spec{key}, 2);

  const long t0 = now_ms();
  assert_int_equal(kill(fleet.owner->pid, SIGKILL), 0);
  assert_true(reap(*fleet.owner, 5000));
  Worker* next = await_new_owner(f, fleet, 2000);
  const long took = now_ms() - t0;
  assert_non_null(next);
  print_message("kill -9 takeover: SIGKILL to follower reporting ownership in %ld ms\n", took);
  assert_int_equal(peek(key).owner_pid, next->pid);
  assert_tended(f);
  stop_all(f);
  assert_false(segment_exists(key));
}

// 5. A stopped owner is replaced once its stamp is older than the threshold,
// not before; resumed, it steps down and never takes the map back.
void stopped_owner_steps_down(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  const int key = add_key(f, 5);
  Spec spec{key};
  spec.threshold_sec = 1;
  Fleet fleet = start_fleet(f, spec, 2);
  Worker& old = *fleet.owner;

  const long t0 = now_ms();
  assert_int_equal(kill(old.pid, SIGSTOP), 0);
  Worker* next = await_new_owner(f, fleet, 8000);
  const long took = now_ms() - t0;
  assert_non_null(next);
  print_message("stopped owner (threshold 1 s) replaced after %ld ms\n", took);
  // Its last stamp is at most one tend interval (250 ms) older than the stop.
  assert_true(took >= 700);
  assert_int_equal(peek(key).owner_pid, next->pid);

  const long t1 = now_ms();
  assert_int_equal(kill(old.pid, SIGCONT), 0);
  assert_true(await(f, [&] { return !old.owner; }, 2000));
  print_message("resumed owner stepped down after %ld ms\n", now_ms() - t1);
  // Six of its tend cycles: it must neither take the map back nor rewrite owner_pid.
  const long until = now_ms() + 1500;
  while (now_ms() < until) {
    pump(f, 20);
    assert_int_equal(peek(key).owner_pid, next->pid);
    assert_false(old.owner);
  }
  assert_int_equal(old.became_owner, 0);
  assert_true(next->owner);
  assert_int_equal(owners(fleet.followers).size(), 1);
  stop_all(f);
  assert_false(segment_exists(key));
}

// 6. An owner killed but not reaped (a zombie child of this driver) is
// replaced at once: the kernel released its lock file at exit.
void zombie_owner_replaced(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  const int key = add_key(f, 6);
  Fleet fleet = start_fleet(f, Spec{key}, 1);

  const long t0 = now_ms();
  assert_int_equal(kill(fleet.owner->pid, SIGKILL), 0);
  Worker* next = await_new_owner(f, fleet, 2000);
  const long took = now_ms() - t0;
  assert_non_null(next);
  print_message("zombie owner replaced in %ld ms\n", took);
  assert_int_equal(process_state(fleet.owner->pid), 'Z');  // still unreaped
  assert_int_equal(peek(key).owner_pid, next->pid);
  assert_tended(f);
  assert_true(reap(*fleet.owner, 5000));
  stop_all(f);
  assert_false(segment_exists(key));
}

pid_t start_sleep(Fixture& f) {
  const pid_t parent = getpid();
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    char* argv[] = {const_cast<char*>("sleep"), const_cast<char*>("60"), nullptr};
    execve("/bin/sleep", argv, environ);
    _exit(127);
  }
  f.others.push_back(pid);
  return pid;
}

// Leaves `key` as a crashed stock owner would: a ready map, lock taken, an
// old stamp, and `owner_pid` naming `impostor`. A worker builds the map and
// closes; this driver stays attached meanwhile so the segment survives.
void forge_stale_segment(Fixture& f, int key, pid_t impostor) {
  Spec spec{key};
  spec.threshold_sec = 1;
  Worker& builder = spawn(f, spec);
  await_connected(f, builder);
  int id = shmget(key, 0, 0);
  assert_true(id >= 0);
  void* at = shmat(id, nullptr, 0);
  assert_true(at != reinterpret_cast<void*>(-1));
  stop(f, builder);
  auto* shm = static_cast<as_cluster_shm*>(at);
  __atomic_store_n(&shm->timestamp, uint64_t{1}, __ATOMIC_RELEASE);
  __atomic_store_n(&shm->owner_pid, static_cast<uint32_t>(impostor), __ATOMIC_RELEASE);
  __atomic_store_n(&shm->lock, uint8_t{1}, __ATOMIC_RELEASE);
  shmdt(at);
  Header h = peek(key);
  assert_int_equal(h.owner_pid, impostor);
  assert_int_equal(h.ready, 1);
}

// 7. pid reuse: the stale owner's pid now names a live process that is no
// client (a sleep child, then this driver itself). The old stamp must win.
void reused_pid_does_not_block(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  const pid_t sleeper = start_sleep(f);
  const pid_t impostors[] = {sleeper, getpid()};
  for (int i = 0; i < 2; ++i) {
    const int key = add_key(f, 7 + 4 * i);
    forge_stale_segment(f, key, impostors[i]);
    Spec spec{key};
    spec.threshold_sec = 1;
    const long t0 = now_ms();
    Worker& w = spawn(f, spec);
    await_connected(f, w);
    assert_true(await(f, [&] { return w.owner; }, 3000));
    print_message("stale owner pid %d (alive, not a client): new client started and owning in %ld ms\n",
                  static_cast<int>(impostors[i]), now_ms() - t0);
    assert_int_equal(peek(key).owner_pid, w.pid);
    assert_int_equal(kill(impostors[i], 0), 0);  // nobody signalled the impostor
    stop(f, w);
    assert_false(segment_exists(key));
  }
  assert_int_equal(waitpid(sleeper, nullptr, WNOHANG), 0);  // still running
}

// The refusal of a worker configured as `s` by a segment that shm_max_nodes
// 16 and shm_max_namespaces 8 created: names the key, both geometries and
// the remedy.
void assert_size_refusal(const Worker& w, const Spec& s) {
  assert_true(w.failed);
  assert_false(w.connected);
  print_message("refused: %s\n", w.error.c_str());
  assert_null(std::strstr(w.error.c_str(), "code=0 "));
  assert_non_null(std::strstr(w.error.c_str(), key_text(s.key).c_str()));
  assert_non_null(std::strstr(w.error.c_str(), "as if shm_max_nodes=16, shm_max_namespaces=8"));
  const std::string ours = "(shm_max_nodes=" + std::to_string(s.max_nodes) +
                           ", shm_max_namespaces=" + std::to_string(s.max_namespaces) + ") needs";
  assert_non_null(std::strstr(w.error.c_str(), ours.c_str()));
  assert_non_null(std::strstr(w.error.c_str(), ("ipcrm -M " + key_text(s.key)).c_str()));
}

// 8. A client configured for another geometry, larger or smaller in either
// limit, is refused with an error that says what to do, both while a fleet
// uses the segment (as a follower would be) and after it left it behind (as
// the new owner would be), and leaves the segment as it was; once removed
// with ipcrm -M, the new geometry connects.
void size_change_refused_until_removed(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  const int key = add_key(f, 8);
  Fleet fleet = start_fleet(f, Spec{key}, 1);
  Spec bigger{key};
  bigger.max_nodes = 32;
  Spec fewer_nodes{key};
  fewer_nodes.max_nodes = 8;
  Spec fewer_namespaces{key};
  fewer_namespaces.max_namespaces = 4;
  const Spec* other_geometries[] = {&bigger, &fewer_nodes, &fewer_namespaces};
  const auto answered = [](const Worker& w) { return w.failed || w.connected; };
  for (const Spec* other : other_geometries) {
    Worker& c = spawn(f, *other);
    Worker& d = spawn(f, *other);
    assert_true(await(f, [&] { return answered(c) && answered(d); }, 10000));
    assert_size_refusal(c, *other);
    assert_size_refusal(d, *other);
  }
  // The refused clients disturbed nobody.
  assert_true(fleet.owner->owner);
  assert_false(fleet.followers[0]->owner);
  assert_int_equal(peek(key).owner_pid, fleet.owner->pid);
  assert_int_equal(segment_size(key), kSize16x8);

  // A segment left behind (here: this driver kept it attached while the fleet
  // closed, as a monitoring tool might) refuses a would-be owner too, and
  // not a byte of it changes.
  int id = shmget(key, 0, 0);
  const auto* at = static_cast<const unsigned char*>(shmat(id, nullptr, SHM_RDONLY));
  assert_true(at != reinterpret_cast<const void*>(-1));
  stop(f, *fleet.followers[0]);
  stop(f, *fleet.owner);
  const std::vector<unsigned char> left_behind(at, at + kSize16x8);
  for (const Spec* other : other_geometries) {
    Worker& e = spawn(f, *other);
    assert_true(await(f, [&] { return answered(e); }, 10000));
    assert_size_refusal(e, *other);
  }
  assert_int_equal(segment_size(key), kSize16x8);
  assert_int_equal(std::memcmp(left_behind.data(), at, kSize16x8), 0);
  shmdt(at);

  const std::string command = "ipcrm -M " + key_text(key);
  assert_int_equal(std::system(command.c_str()), 0);
  assert_false(segment_exists(key));
  Worker& g = spawn(f, bigger);
  await_connected(f, g);
  assert_true(g.owner_at_connect);
  Worker& h = spawn(f, bigger);
  await_connected(f, h);
  assert_false(h.owner_at_connect);
  assert_int_equal(segment_size(key), kSize32x8);
  stop_all(f);
  assert_false(segment_exists(key));
}

// 9. Rolling upgrade: an old fleet on key A and a new fleet (new geometry) on
// key B tend the same cluster side by side, one owner each; closing the old
// fleet removes A and leaves B tending.
void rolling_upgrade_two_keys(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  const int key_a = add_key(f, 9);
  const int key_b = add_key(f, 10);
  Fleet old_fleet = start_fleet(f, Spec{key_a}, 2);
  Spec new_spec{key_b};
  new_spec.max_nodes = 32;
  Fleet new_fleet = start_fleet(f, new_spec, 2);

  std::vector<Worker*> all_old{old_fleet.owner}, all_new{new_fleet.owner};
  all_old.insert(all_old.end(), old_fleet.followers.begin(), old_fleet.followers.end());
  all_new.insert(all_new.end(), new_fleet.followers.begin(), new_fleet.followers.end());
  assert_int_equal(owners(all_old).size(), 1);
  assert_int_equal(owners(all_new).size(), 1);
  assert_int_equal(peek(key_a).owner_pid, old_fleet.owner->pid);
  assert_int_equal(peek(key_b).owner_pid, new_fleet.owner->pid);
  assert_int_equal(segment_size(key_a), kSize16x8);
  assert_int_equal(segment_size(key_b), kSize32x8);

  for (Worker* w : all_old) kill(w->pid, SIGTERM);
  assert_true(await(
      f,
      [&] {
        for (Worker* w : all_old)
          if (!w->eof) return false;
        return true;
      },
      10000));
  for (Worker* w : all_old) {
    assert_true(w->closed);
    assert_true(reap(*w, 5000));
  }
  assert_false(segment_exists(key_a));
  assert_true(segment_exists(key_b));
  assert_int_equal(owners(all_new).size(), 1);
  assert_true(new_fleet.owner->owner);
  assert_int_equal(peek(key_b).owner_pid, new_fleet.owner->pid);
  assert_true(all_see(all_new, 3));
  assert_tended(f);
  stop_all(f);
  assert_false(segment_exists(key_b));
}

// 10. Fifty clients released at the same instant: one owner, 49 followers,
// all with the 3 nodes; the last one out removes the segment.
void fifty_at_once(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  const int key = add_key(f, 12);
  int gate[2];
  assert_int_equal(pipe2(gate, O_CLOEXEC), 0);
  Spec spec{key};
  spec.gate = gate[0];
  std::vector<Worker*> all;
  for (int i = 0; i < 50; ++i) all.push_back(&spawn(f, spec));
  close(gate[0]);
  pump(f, 0);
  for (Worker* w : all) assert_false(w->connected || w->failed);  // the gate holds them
  const long t0 = now_ms();
  close(gate[1]);  // end of file: every worker connects now
  assert_true(await(
      f,
      [&] {
        for (Worker* w : all)
          if (!w->connected && !w->failed) return false;
        return true;
      },
      25000));
  const long took = now_ms() - t0;
  int at_connect = 0;
  for (Worker* w : all) {
    assert_true(w->connected);
    at_connect += w->owner_at_connect ? 1 : 0;
  }
  print_message("50 clients connected in %ld ms; owners at connect: %d\n", took, at_connect);
  assert_int_equal(at_connect, 1);
  assert_true(await(f, [&] { return all_see(all, 3); }, 5000));
  auto o = owners(all);
  assert_int_equal(o.size(), 1);
  assert_int_equal(peek(key).owner_pid, o[0]->pid);
  for (Worker* w : all) assert_int_equal(w->became_owner, 0);

  const long t1 = now_ms();
  stop_all(f);
  print_message("50 clients closed in %ld ms\n", now_ms() - t1);
  assert_false(segment_exists(key));
}

int final_check(void**) {
  bool clean = true;
  for (int key : g_keys) {
    if (segment_exists(key) || access(lock_path(key).c_str(), F_OK) == 0) {
      std::fprintf(stderr, "key %s left a segment or lock file\n", key_text(key).c_str());
      clean = false;
    }
  }
  return clean ? 0 : -1;
}

}  // namespace

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(segment_appears_first_owns, setup, teardown),
      cmocka_unit_test_setup_teardown(followers_send_no_info, setup, teardown),
      cmocka_unit_test_setup_teardown(close_hands_over, setup, teardown),
      cmocka_unit_test_setup_teardown(kill9_takeover, setup, teardown),
      cmocka_unit_test_setup_teardown(stopped_owner_steps_down, setup, teardown),
      cmocka_unit_test_setup_teardown(zombie_owner_replaced, setup, teardown),
      cmocka_unit_test_setup_teardown(reused_pid_does_not_block, setup, teardown),
      cmocka_unit_test_setup_teardown(size_change_refused_until_removed, setup, teardown),
      cmocka_unit_test_setup_teardown(rolling_upgrade_two_keys, setup, teardown),
      cmocka_unit_test_setup_teardown(fifty_at_once, setup, teardown),
  };
  return cmocka_run_group_tests(tests, nullptr, final_check);
}
