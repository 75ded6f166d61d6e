// chaos: 16 client processes share one segment against a 3-node asim while
// this driver kills (-9), stops (SIGSTOP/SIGCONT, shorter and longer than
// the takeover threshold), closes and reopens them, starts replacements,
// rebalances, stops and starts asim nodes, and makes asim's nodes answer
// late, wrongly or not at all. Every worker writes and reads through its
// client meanwhile and keeps a ledger, audited against asim's store at the
// end. What is checked, and how, is in README.md next to this file.
//
//   chaos [--seconds N] [--seed S]        (defaults: $CHAOS_SECONDS or 100,
//                                           $CHAOS_SEED or a fresh seed)
// Prints the seed first and the counts last; exit status 1 on any violation.
#include "asim_process.h"
#include "audit.h"
#include "board.h"
#include "expectation.h"
#include "fleet.h"
#include "invariants.h"
#include "ledger.h"
#include "report.h"

#include "shm/owner_file.h"
#include "session/ownership.h"

#include <limits.h>
#include <signal.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <new>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace chaos {
namespace {

using aeroshim::monotonic_ms;

// The library's smallest tender_interval, and a threshold a stop can
// straddle both ways.
constexpr uint32_t kTendMs = 250;
constexpr uint32_t kThresholdSec = 2;
constexpr uint64_t kThresholdMs = kThresholdSec * 1000ull;
// Two cores shared with other engineers' builds and tests: every bound is
// the protocol's own plus this, which still fails a writer that never
// steps down or a map nobody tends.
constexpr uint64_t kMarginMs = 1500;
constexpr uint64_t kConvergeMs = 2 * kTendMs + kMarginMs;
constexpr Bounds kBounds{2 * kTendMs + kMarginMs, kThresholdMs + kTendMs + kMarginMs};
// A worker answers pings between commands; a check or a reopen delays the
// answer by a few seconds at most.
constexpr uint64_t kHangMs = 15000;
constexpr uint64_t kPingEveryMs = 1000;
constexpr uint64_t kStartupMs = 30000;
constexpr uint64_t kExitMs = 30000;
constexpr int kMaxStopped = 4;

// What the watchdog and fatal-signal handler clean up: plain data, read in
// a signal handler.
struct Emergency {
  pid_t pids[kSlots + 1] = {};
  int key = 0;
  char lock_path[64] = {};
};
Emergency g_emergency;

// The pid the lock file's holder recorded: an owner that recorded itself
// holds the file and its death is noticed at once; any other owner's death
// only once its stamp is older than the threshold (src/shm/README.md).
uint32_t lock_file_pid(const char* lock_path) {
  FILE* file = std::fopen(lock_path, "r");
  if (!file) return 0;
  unsigned pid = 0;
  if (std::fscanf(file, "%u", &pid) != 1) pid = 0;
  std::fclose(file);
  return pid;
}

void remove_leftovers(int key, const char* lock_path) {
  const int id = shmget(key, 0, 0);
  if (id >= 0) shmctl(id, IPC_RMID, nullptr);
  unlink(lock_path);
}

extern "C" void on_fatal(int signal_number) {
  // Async-signal-safe: fixed text and two digits, no stdio.
  char message[] = "chaos: signal NN (14 = the watchdog); removing workers, segment and lock file\n";
  message[14] = static_cast<char>('0' + signal_number / 10 % 10);
  message[15] = static_cast<char>('0' + signal_number % 10);
  (void)!write(STDERR_FILENO, message, sizeof(message) - 1);
  for (pid_t pid : g_emergency.pids)
    if (pid > 0) kill(pid, SIGKILL);
  remove_leftovers(g_emergency.key, g_emergency.lock_path);
  _exit(2);
}

struct Options {
  uint64_t seconds = 100;
  uint64_t seed = 0;
};

bool parse_number(const char* text, uint64_t& out) {
  char* end = nullptr;
  errno = 0;
  const unsigned long long v = std::strtoull(text, &end, 0);
  if (errno || !end || *end || end == text) return false;
  out = v;
  return true;
}

bool parse_options(int argc, char** argv, Options& o) {
  o.seed = std::random_device{}() ^ (uint64_t{monotonic_ms()} << 20) ^ static_cast<uint64_t>(getpid());
  if (const char* s = std::getenv("CHAOS_SECONDS"); s && !parse_number(s, o.seconds)) return false;
  if (const char* s = std::getenv("CHAOS_SEED"); s && !parse_number(s, o.seed)) return false;
  for (int i = 1; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return false;
    if (flag == "--seconds" && parse_number(argv[i + 1], o.seconds)) continue;
    if (flag == "--seed" && parse_number(argv[i + 1], o.seed)) continue;
    return false;
  }
  return o.seconds >= 1;
}

std::string worker_program() {
  char self[PATH_MAX] = {};
  const ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
  std::string path(self, n > 0 ? static_cast<size_t>(n) : 0);
  return path.substr(0, path.rfind('/') + 1) + "chaos_worker";
}

struct Counts {
  uint64_t kills = 0, owner_kills = 0;
  uint64_t stops = 0, long_stops = 0, owner_stops = 0;
  uint64_t reopens = 0, joins = 0;
  uint64_t rebalances = 0, node_stops = 0, node_starts = 0;
  uint64_t checks = 0, check_answers = 0, slowest_converge_ms = 0;
  std::string slowest_check;
  uint64_t pings = 0;
  uint64_t faults = 0, hangs = 0;
};

// A node armed to take requests and never answer them, until `until_ms`.
struct Hang {
  bool active = false;
  uint16_t port = 0;
  uint64_t until_ms = 0;
};

// One routing check after a cluster change: every worker it was sent to
// must answer that it routes like asim within kConvergeMs of the change.
struct Check {
  bool active = false;
  std::string what;
  uint32_t generation = 0;
  uint64_t changed_ms = 0;
  uint64_t bound_ms = 0;
  uint64_t deadline_ms = 0;
  std::map<int, pid_t> waiting;  // slot -> pid
};

// A kill -9 of the owner a random moment after a rebalance, so that it
// often lands while the owner writes the new partition tables.
struct PendingKill {
  bool active = false;
  int slot = -1;
  pid_t pid = 0;
  uint64_t at_ms = 0;
};

class Driver {
 public:
  Driver(const Options& options, Board& board, int board_fd, Ledger& ledger, int ledger_fd, int key)
      : options_(options),
        board_(board),
        board_fd_(board_fd),
        ledger_(ledger),
        ledger_fd_(ledger_fd),
        key_(key),
        random_(options.seed),
        start_ms_(monotonic_ms()),
        report_(start_ms_),
        invariants_(board, kBounds, report_) {}

  int run();

 private:
  uint64_t uniform(uint64_t low, uint64_t high) { return std::uniform_int_distribution<uint64_t>(low, high)(random_); }

  void step();
  void on_answer(const Answer& a, uint64_t now);
  void on_checked(int slot, std::istringstream& in, uint64_t now);
  void on_exit(const Exit& e, uint64_t now);
  void start_worker(int slot, uint64_t now);
  void resume_worker(int slot, uint64_t now);
  void ping_and_watch(uint64_t now);
  void finish_check(uint64_t now);
  void act(uint64_t now);
  bool eligible(int slot) const;
  int owner_slot() const;
  int random_slot();
  int stopped_count() const;
  void kill_worker(int slot, bool owner);
  void stop_worker(int slot, bool owner, bool long_stop, uint64_t now);
  void reopen_worker(int slot);
  void cluster_change(int choice, uint64_t now);
  void inject_fault(bool hang, uint64_t now);
  void audit_ledger();
  bool control(const std::string& request);
  uint16_t control_port() const;
  void begin_check(const std::string& what, int exclude, uint64_t bound_ms, uint64_t now);
  void wait_for(bool (Driver::*done)() const, uint64_t limit_ms, const char* what);
  bool all_connected() const;
  bool quiet() const { return !check_.active && !pending_kill_.active; }
  bool fleet_empty() const;
  void finish();
  void print_counts() const;

  Options options_;
  Board& board_;
  int board_fd_;
  Ledger& ledger_;
  int ledger_fd_;
  int key_;
  std::mt19937_64 random_;
  uint64_t start_ms_;
  Report report_;
  Invariants invariants_;
  asim_process asim_{};
  Fleet* fleet_ = nullptr;
  Counts counts_;
  Check check_;
  PendingKill pending_kill_;
  Hang hang_;
  StopWindows stop_windows_;
  AuditCounts audited_;
  uint32_t generation_ = 0;
  uint64_t ping_id_ = 0;
  uint64_t next_action_ms_ = 0;
  int stopped_node_ = -1;  // index into asim_.ports, -1 when all run
  bool ending_ = false;
};

void Driver::start_worker(int slot, uint64_t now) {
  board_.slots[slot].reset();
  // Counted before the start, so the worker's writers and readers find
  // their rows inside the published range.
  const uint64_t incarnation = ledger_.incarnations.load(std::memory_order_relaxed);
  if (incarnation >= kMaxIncarnations) {
    report_.violation(now, "the ledger has no rows left for another worker (raise kMaxIncarnations)");
  } else {
    ledger_.incarnations.store(incarnation + 1, std::memory_order_release);
  }
  if (!fleet_->start(slot, incarnation, now)) {
    report_.violation(now, "cannot start a worker in slot " + std::to_string(slot) + ": " + std::strerror(errno));
    return;
  }
  g_emergency.pids[slot] = fleet_->at(slot).pid;
  report_.event(now, "started pid " + std::to_string(fleet_->at(slot).pid) + " in slot " + std::to_string(slot));
}

void Driver::step() {
  for (const Answer& a : fleet_->collect(10)) on_answer(a, monotonic_ms());
  const uint64_t now = monotonic_ms();
  for (const Exit& e : fleet_->reap()) on_exit(e, now);
  for (int slot = 0; slot < fleet_->size(); ++slot) {
    const WorkerProcess& w = fleet_->at(slot);
    if (w.pid > 0 && w.stopped && now >= w.resume_at_ms) resume_worker(slot, now);
  }
  ping_and_watch(now);
  invariants_.observe(*fleet_, now);
  if (hang_.active && now >= hang_.until_ms) {
    hang_.active = false;
    control("asim-fault-clear:port=" + std::to_string(hang_.port));
    report_.event(now, "node " + std::to_string(hang_.port) + " answers again");
  }
  if (pending_kill_.active && now >= pending_kill_.at_ms) {
    pending_kill_.active = false;
    const WorkerProcess& w = fleet_->at(pending_kill_.slot);
    if (w.pid == pending_kill_.pid && !w.kill_sent) kill_worker(pending_kill_.slot, true);
  }
  finish_check(now);
}

void Driver::on_answer(const Answer& a, uint64_t now) {
  WorkerProcess& w = fleet_->at(a.slot);
  std::istringstream in(a.line);
  std::string word;
  in >> word;
  if (word == "ready") {
    w.connected = true;
  } else if (word == "pong") {
    uint64_t id = 0;
    in >> id;
    if (id == w.ping_id) w.ping_id = 0;
  } else if (word == "reopened") {
    std::string ms;
    in >> ms;
    w.connected = true;
    w.reopening = false;
    ++counts_.reopens;
    report_.event(now, "pid " + std::to_string(w.pid) + " reopened in " + ms + " ms");
  } else if (word == "checked") {
    on_checked(a.slot, in, now);
  } else if (word == "reopen-failed") {
    report_.violation(now, "pid " + std::to_string(w.pid) + " could not reconnect: " + a.line);
  } else if (word != "bye") {
    report_.violation(now, "pid " + std::to_string(w.pid) + " answered '" + a.line + "'");
  }
}

void Driver::on_checked(int slot, std::istringstream& in, uint64_t now) {
  WorkerProcess& w = fleet_->at(slot);
  w.checking = false;
  uint32_t generation = 0;
  long long converged_at = -1;
  std::string rest;
  in >> generation >> converged_at;
  std::getline(in, rest);
  if (!check_.active || generation != check_.generation || !check_.waiting.erase(slot)) return;
  ++counts_.check_answers;
  if (converged_at < 0) {
    report_.violation(now, "pid " + std::to_string(w.pid) + " still routed" + rest + " of " +
                               std::to_string(board_.expected.replicas * kPartitions) +
                               " (partition, replica) pairs unlike asim " + std::to_string(check_.bound_ms) +
                               " ms after: " + check_.what);
    return;
  }
  const uint64_t at = static_cast<uint64_t>(converged_at);
  const uint64_t took = at > check_.changed_ms ? at - check_.changed_ms : 0;
  if (took > counts_.slowest_converge_ms) {
    counts_.slowest_converge_ms = took;
    counts_.slowest_check = check_.what;
  }
}

void Driver::on_exit(const Exit& e, uint64_t now) {
  g_emergency.pids[e.slot] = 0;
  const bool killed = WIFSIGNALED(e.status) && WTERMSIG(e.status) == SIGKILL && e.was.kill_sent;
  const bool left = WIFEXITED(e.status) && WEXITSTATUS(e.status) == 0 && e.was.exit_sent;
  if (!killed && !left) {
    report_.violation(now, "worker pid " + std::to_string(e.was.pid) + " (slot " + std::to_string(e.slot) +
                               ") ended unasked: " + describe_status(e.status));
  }
  if (check_.active && check_.waiting.erase(e.slot) && !killed) {
    report_.violation(now, "worker pid " + std::to_string(e.was.pid) + " ended before answering the check");
  }
  if (!ending_) {
    start_worker(e.slot, now);
    ++counts_.joins;
  }
}

void Driver::resume_worker(int slot, uint64_t now) {
  WorkerProcess& w = fleet_->at(slot);
  fleet_->resume(slot, now);
  auto windows = stop_windows_.find(w.pid);
  if (windows != stop_windows_.end() && !windows->second.empty()) windows->second.back().to_ms = now;
  report_.event(now, "SIGCONT pid " + std::to_string(w.pid));
  // Stopped time is not a hang: the ping's bound restarts now.
  if (w.ping_id) w.ping_deadline_ms = now + kHangMs;
}

void Driver::ping_and_watch(uint64_t now) {
  for (int slot = 0; slot < fleet_->size(); ++slot) {
    WorkerProcess& w = fleet_->at(slot);
    if (w.pid <= 0 || w.stopped || w.kill_sent) continue;
    if (w.ping_id && now > w.ping_deadline_ms) {
      report_.violation(now, "pid " + std::to_string(w.pid) + " hangs: no answer to ping " + std::to_string(w.ping_id) +
                                 " within " + std::to_string(kHangMs) + " ms" + (w.reopening ? " (reopening)" : "") +
                                 (w.checking ? " (checking)" : "") + (w.exit_sent ? " (closing)" : ""));
      fleet_->kill9(slot);
      continue;
    }
    if (!w.ping_id && now >= w.next_ping_ms) {
      w.ping_id = ++ping_id_;
      w.ping_deadline_ms = now + kHangMs;
      w.next_ping_ms = now + kPingEveryMs;
      fleet_->send(slot, "ping " + std::to_string(w.ping_id));
      ++counts_.pings;
    }
  }
}

void Driver::finish_check(uint64_t now) {
  if (!check_.active) return;
  if (check_.waiting.empty()) {
    report_.event(now, "check answered by every worker asked");
    check_.active = false;
    return;
  }
  if (now < check_.deadline_ms + kHangMs) return;
  for (const auto& [slot, pid] : check_.waiting)
    report_.violation(now, "pid " + std::to_string(pid) + " never answered the check after: " + check_.what);
  check_.waiting.clear();
  check_.active = false;
}

bool Driver::eligible(int slot) const {
  const WorkerProcess& w = fleet_->at(slot);
  return w.pid > 0 && w.connected && !w.stopped && !w.kill_sent && !w.exit_sent && !w.reopening && !w.checking;
}

// The worker whose latest sample says it tends and the segment agrees.
int Driver::owner_slot() const {
  for (int slot = 0; slot < fleet_->size(); ++slot) {
    Sample s;
    if (!eligible(slot) || !board_.slots[slot].read(s)) continue;
    if (s.pid == static_cast<uint32_t>(fleet_->at(slot).pid) && s.connected && s.claims && s.owner_pid == s.pid)
      return slot;
  }
  return -1;
}

int Driver::random_slot() {
  std::vector<int> candidates;
  for (int slot = 0; slot < fleet_->size(); ++slot)
    if (eligible(slot)) candidates.push_back(slot);
  if (candidates.empty()) return -1;
  return candidates[uniform(0, candidates.size() - 1)];
}

int Driver::stopped_count() const {
  int n = 0;
  for (int slot = 0; slot < fleet_->size(); ++slot) n += fleet_->at(slot).pid > 0 && fleet_->at(slot).stopped;
  return n;
}

void Driver::kill_worker(int slot, bool owner) {
  const pid_t pid = fleet_->at(slot).pid;
  const bool holds_file = lock_file_pid(g_emergency.lock_path) == static_cast<uint32_t>(pid);
  report_.event(monotonic_ms(), "kill -9 pid " + std::to_string(pid) +
                                    (owner ? holds_file ? " (owner holding the lock file)" : " (owner by staleness)" : ""));
  fleet_->kill9(slot);
  ++counts_.kills;
  counts_.owner_kills += owner;
}

void Driver::stop_worker(int slot, bool owner, bool long_stop, uint64_t now) {
  // Short stops end before the threshold (no takeover may happen), long
  // ones after it (a stopped owner is replaced and must step down).
  const uint64_t ms = long_stop ? uniform(kThresholdMs + 500, kThresholdMs + 3000) : uniform(50, kThresholdMs - 500);
  const pid_t pid = fleet_->at(slot).pid;
  const bool holds_file = lock_file_pid(g_emergency.lock_path) == static_cast<uint32_t>(pid);
  report_.event(now, "SIGSTOP pid " + std::to_string(pid) +
                         (owner ? holds_file ? " (owner holding the lock file)" : " (owner by staleness)" : "") +
                         " for " + std::to_string(ms) + " ms");
  fleet_->stop(slot, now + ms);
  stop_windows_[pid].push_back(StopWindow{now, UINT64_MAX});
  ++counts_.stops;
  counts_.long_stops += long_stop;
  counts_.owner_stops += owner;
}

void Driver::reopen_worker(int slot) {
  WorkerProcess& w = fleet_->at(slot);
  report_.event(monotonic_ms(), "reopen pid " + std::to_string(w.pid));
  w.reopening = true;
  w.connected = false;
  fleet_->send(slot, "reopen");
}

uint16_t Driver::control_port() const {
  for (int i = 0; i < asim_.n_ports; ++i)
    if (i != stopped_node_) return asim_.ports[i];
  return asim_.ports[0];
}

bool Driver::control(const std::string& request) {
  char* answer = asim_info(control_port(), request.c_str());
  const bool ok = answer && std::strcmp(answer, "ok") == 0;
  if (!ok) report_.violation(monotonic_ms(), "asim answered '" + std::string(answer ? answer : "(nothing)") + "' to " + request);
  std::free(answer);
  return ok;
}

void Driver::begin_check(const std::string& what, int exclude, uint64_t bound_ms, uint64_t now) {
  std::string why;
  const uint32_t generation = ++generation_;
  if (!publish_expectation(control_port(), generation, board_.expected, why)) {
    report_.violation(now, "cannot read asim's ownership after " + what + ": " + why);
    return;
  }
  report_.event(now, "check after " + what);
  check_ = Check{};
  check_.active = true;
  check_.what = what;
  check_.generation = generation;
  check_.changed_ms = now;
  check_.bound_ms = bound_ms;
  check_.deadline_ms = now + bound_ms;
  for (int slot = 0; slot < fleet_->size(); ++slot) {
    if (slot == exclude || !eligible(slot)) continue;
    fleet_->at(slot).checking = true;
    check_.waiting[slot] = fleet_->at(slot).pid;
    fleet_->send(slot, "check " + std::to_string(generation) + " " + std::to_string(check_.deadline_ms));
  }
  ++counts_.checks;
}

// Cluster changes only while the owner runs: a stopped owner would delay
// convergence by the threshold, which the map-age bound already covers.
void Driver::cluster_change(int choice, uint64_t now) {
  const int owner = owner_slot();
  if (owner < 0) return;
  if (choice == 1) {
    if (stopped_node_ >= 0) {
      const uint16_t port = asim_.ports[stopped_node_];
      if (!control("asim-start-node:port=" + std::to_string(port))) return;
      stopped_node_ = -1;
      ++counts_.node_starts;
      begin_check("node " + std::to_string(port) + " started", -1, kConvergeMs, monotonic_ms());
    } else {
      const int node = static_cast<int>(uniform(0, asim_.n_ports - 1));
      const uint16_t port = asim_.ports[node];
      if (!control("asim-stop-node:port=" + std::to_string(port))) return;
      stopped_node_ = node;
      ++counts_.node_stops;
      begin_check("node " + std::to_string(port) + " stopped", -1, kConvergeMs, monotonic_ms());
    }
    return;
  }
  if (!control("asim-rebalance")) return;
  ++counts_.rebalances;
  if (choice == 2) {
    const pid_t pid = fleet_->at(owner).pid;
    const bool holds_file = lock_file_pid(g_emergency.lock_path) == static_cast<uint32_t>(pid);
    pending_kill_ = PendingKill{true, owner, pid, monotonic_ms() + uniform(0, 300)};
    begin_check("rebalance with the owner killed " + std::to_string(pending_kill_.at_ms - now) + " ms later" +
                    (holds_file ? "" : " (an owner by staleness: replaced after the threshold)"),
                owner, holds_file ? kConvergeMs : kConvergeMs + kThresholdMs + kTendMs, monotonic_ms());
  } else {
    begin_check("rebalance", -1, kConvergeMs, monotonic_ms());
  }
}

// A fault on a running node's next data requests (tools/asim/README.md,
// "Faults"), or a hang: every data request it receives is taken and never
// answered, for up to 2.5 s. Info requests are never faulted, so the node
// stays in the cluster the clients see.
void Driver::inject_fault(bool hang, uint64_t now) {
  std::vector<uint16_t> running;
  for (int i = 0; i < asim_.n_ports; ++i)
    if (i != stopped_node_) running.push_back(asim_.ports[i]);
  const uint16_t port = running[uniform(0, running.size() - 1)];
  if (hang) {
    if (hang_.active) return;
    const uint64_t ms = uniform(500, 2500);
    if (!control("asim-fault:port=" + std::to_string(port) + ";kind=drop;count=0")) return;
    hang_ = Hang{true, port, now + ms};
    ++counts_.hangs;
    report_.event(now, "node " + std::to_string(port) + " hangs for " + std::to_string(ms) + " ms");
    return;
  }
  if (hang_.active && hang_.port == port) return;
  static const char* const kKinds[] = {"delay", "drop", "close-after", "close-mid", "garbage", "truncate", "huge-length"};
  const char* kind = kKinds[uniform(0, std::size(kKinds) - 1)];
  std::string request = "asim-fault:port=" + std::to_string(port) + ";kind=" + kind + ";count=" +
                        std::to_string(uniform(1, 6));
  // Below and above the commands' 400 ms total timeout.
  if (std::string(kind) == "delay") request += ";ms=" + std::to_string(uniform(50, 900));
  if (!control(request)) return;
  ++counts_.faults;
  report_.event(now, request);
}

void Driver::act(uint64_t now) {
  if (ending_ || !quiet() || now < next_action_ms_) return;
  next_action_ms_ = now + uniform(100, 600);
  // Weights: worker faults (kills, stops, reopens; on the owner about half
  // the time), cluster changes followed by a routing check, and faults on
  // the data path (answers late, cut, wrong or missing; a hung node).
  static constexpr int kWeights[] = {12, 8, 8, 6, 4, 6, 8, 6, 8, 5, 4, 16, 4};
  int total = 0;
  for (int w : kWeights) total += w;
  int pick = static_cast<int>(uniform(0, total - 1));
  int action = 0;
  while (pick >= kWeights[action]) pick -= kWeights[action++];
  if (action >= 11) {
    inject_fault(action == 12, now);
    return;
  }
  if (action >= 8) {
    cluster_change(action - 8, now);
    return;
  }
  const bool on_owner = action % 2 == 1;
  const int slot = on_owner ? owner_slot() : random_slot();
  if (slot < 0) return;
  switch (action) {
    case 0:
    case 1:
      kill_worker(slot, on_owner);
      break;
    case 2:
    case 3:
    case 4:
    case 5:
      if (stopped_count() < kMaxStopped) stop_worker(slot, on_owner, action >= 4, now);
      break;
    default:
      reopen_worker(slot);
  }
}

bool Driver::all_connected() const {
  for (int slot = 0; slot < fleet_->size(); ++slot)
    if (fleet_->at(slot).pid <= 0 || !fleet_->at(slot).connected) return false;
  return true;
}

bool Driver::fleet_empty() const { return fleet_->pids().empty(); }

void Driver::wait_for(bool (Driver::*done)() const, uint64_t limit_ms, const char* what) {
  const uint64_t deadline = monotonic_ms() + limit_ms;
  while (!(this->*done)()) {
    if (monotonic_ms() > deadline) {
      report_.violation(monotonic_ms(), std::string("not within ") + std::to_string(limit_ms) + " ms: " + what);
      return;
    }
    step();
  }
}

void Driver::finish() {
  ending_ = true;
  wait_for(&Driver::quiet, kConvergeMs + kThresholdMs + kTendMs + kHangMs + 1000, "the last check ends");
  const uint64_t now = monotonic_ms();
  for (int slot = 0; slot < fleet_->size(); ++slot)
    if (fleet_->at(slot).pid > 0 && fleet_->at(slot).stopped) resume_worker(slot, now);
  // With every worker running again, all of them must agree with asim.
  // A resumed owner may have been replaced and a stopped stale-rule owner
  // must be: allow the threshold as well.
  begin_check("the end of the run (every worker resumed)", -1, kConvergeMs + kThresholdMs + kTendMs, monotonic_ms());
  wait_for(&Driver::quiet, kConvergeMs + kThresholdMs + kTendMs + kHangMs + 1000, "the final check ends");
  for (int slot = 0; slot < fleet_->size(); ++slot) {
    if (fleet_->at(slot).pid <= 0 || fleet_->at(slot).kill_sent) continue;
    fleet_->at(slot).exit_sent = true;
    fleet_->send(slot, "exit");
  }
  wait_for(&Driver::fleet_empty, kExitMs, "every worker closes and exits");
  audit_ledger();
}

// Every worker is gone, so nothing writes any more: what asim holds now is
// the final state of every ledger key.
void Driver::audit_ledger() {
  control("asim-fault-clear");
  char* dump = asim_info(control_port(), (std::string("asim-dump:ns=test;set=") + kLedgerSet).c_str());
  const uint64_t now = monotonic_ms();
  if (!dump || std::strncmp(dump, "ERROR", 5) == 0) {
    report_.violation(now, std::string("cannot read the ledger set from asim: ") + (dump ? dump : "(no answer)"));
  } else {
    audited_ = audit(ledger_, dump, stop_windows_, report_, start_ms_, now);
  }
  std::free(dump);
}

void Driver::print_counts() const {
  std::printf(
      "chaos: seed %" PRIu64 ", %" PRIu64 " s, %d workers: kills %" PRIu64 " (owner %" PRIu64 "), stops %" PRIu64
      " (long %" PRIu64 ", owner %" PRIu64 "), close/reopens %" PRIu64 ", joins %" PRIu64
      ", owner changes observed %" PRIu64 ", rebalances %" PRIu64 ", node stops %" PRIu64 ", node starts %" PRIu64
      ", checks %" PRIu64 " (%" PRIu64 " worker answers, slowest %" PRIu64 " ms), pings %" PRIu64
      ", board samples %" PRIu64 ", oldest map %" PRIu64 " ms, violations %" PRIu64 "\n",
      options_.seed, options_.seconds, kSlots, counts_.kills, counts_.owner_kills, counts_.stops, counts_.long_stops,
      counts_.owner_stops, counts_.reopens, counts_.joins, invariants_.owner_changes(), counts_.rebalances,
      counts_.node_stops, counts_.node_starts, counts_.checks, counts_.check_answers, counts_.slowest_converge_ms,
      counts_.pings, invariants_.samples(), invariants_.oldest_map_ms(), report_.violations());
  std::printf("chaos: slowest convergence after: %s\n", counts_.slowest_check.c_str());
  const AuditCounts& a = audited_;
  std::printf("chaos: data path: %" PRIu64 " faults armed, %" PRIu64 " node hangs; %" PRIu64 " writers, %" PRIu64
              " keys, %" PRIu64 " records in asim; writes %" PRIu64 ": acknowledged %" PRIu64 ", in doubt %" PRIu64
              " (%" PRIu64 " of them applied), cut off by a kill %" PRIu64 ", failed not in doubt %" PRIu64
              " (%" PRIu64 " verified unapplied at once); reads %" PRIu64 " (%" PRIu64 " of other writers' keys), read errors %" PRIu64
              "; commands spanning a SIGSTOP %" PRIu64 ", late ones excused by a stop %" PRIu64
              ", late by no more than the process waited for a CPU %" PRIu64
              ", largest overshoot of a total timeout %" PRIu64 " ms\n",
              counts_.faults, counts_.hangs, a.writers, a.keys, a.records, a.writes, a.acked, a.in_doubt,
              a.in_doubt_applied, a.unknown, a.failed, a.failed_verified, a.reads, a.cross_reads, a.read_errors,
              a.stop_spans, a.late_excused, a.cpu_excused, a.slowest_over_ms);
  std::printf("chaos: ledger audit: acknowledged writes lost %" PRIu64 ", wrong values %" PRIu64
              ", applied though not in doubt %" PRIu64 ", commands more than %" PRIu64
              " ms past their total timeout %" PRIu64 "\n",
              a.lost, a.wrong_values, a.applied_not_in_doubt, kLateMs, a.late);
  std::fflush(stdout);
}

int Driver::run() {
  const std::string args = "--nodes 3 --namespace test:2 --duration " + std::to_string(options_.seconds + 300);
  if (!asim_start(&asim_, args.c_str())) {
    std::fprintf(stderr, "chaos: asim did not start (is $ASIM set?)\n");
    return 1;
  }
  g_emergency.pids[kSlots] = asim_.pid;
  WorkerSettings settings;
  settings.program = worker_program();
  settings.board_fd = board_fd_;
  settings.ledger_fd = ledger_fd_;
  settings.key = key_;
  settings.tend_ms = kTendMs;
  settings.threshold_sec = kThresholdSec;
  settings.seed_ports.assign(asim_.ports, asim_.ports + asim_.n_ports);
  {
    Fleet fleet(settings, kSlots);
    fleet_ = &fleet;
    const uint64_t now = monotonic_ms();
    for (int slot = 0; slot < kSlots; ++slot) start_worker(slot, now);
    wait_for(&Driver::all_connected, kStartupMs, "all workers connect");
    const uint64_t end = monotonic_ms() + options_.seconds * 1000;
    while (monotonic_ms() < end) {
      step();
      act(monotonic_ms());
    }
    finish();
    fleet_ = nullptr;
  }
  const uint64_t now = monotonic_ms();
  const int id = shmget(key_, 0, 0);
  if (id >= 0) {
    shmid_ds info{};
    shmctl(id, IPC_STAT, &info);
    report_.violation(now, "the segment is left behind after every worker closed (nattch " +
                               std::to_string(info.shm_nattch) + ")");
  }
  // The last client out removes the lock file together with the segment.
  if (access(g_emergency.lock_path, F_OK) == 0) report_.violation(now, "the ownership lock file is left behind after every worker closed");
  remove_leftovers(key_, g_emergency.lock_path);
  asim_stop(&asim_);
  g_emergency.pids[kSlots] = 0;
  print_counts();
  return report_.violations() ? 1 : 0;
}

}  // namespace
}  // namespace chaos

int main(int argc, char** argv) {
  using namespace chaos;
  Options options;
  if (!parse_options(argc, argv, options)) {
    std::fprintf(stderr, "usage: chaos [--seconds N] [--seed S]   (also $CHAOS_SECONDS, $CHAOS_SEED)\n");
    return 2;
  }
  // Keys from our pid, so parallel runs never share a segment.
  const int key = 0x5C000000 | (getpid() & 0xFFFFFF);
  g_emergency.key = key;
  std::snprintf(g_emergency.lock_path, sizeof(g_emergency.lock_path), "%s",
                aeroshim::shm::OwnerFile::path_for(key).c_str());
  remove_leftovers(key, g_emergency.lock_path);
  signal(SIGPIPE, SIG_IGN);
  signal(SIGALRM, on_fatal);
  signal(SIGTERM, on_fatal);
  signal(SIGINT, on_fatal);
  signal(SIGHUP, on_fatal);
  // The watchdog: the run, startup, the last check and the exits fit well
  // inside this; ctest's TIMEOUT is larger still.
  alarm(static_cast<unsigned>(options.seconds + 120));
  std::printf("chaos: seed %" PRIu64 " (rerun with --seed %" PRIu64 "), %" PRIu64
              " s, %d workers, key 0x%08X, tend %u ms, takeover threshold %u s\n",
              options.seed, options.seed, options.seconds, kSlots, static_cast<unsigned>(key), kTendMs, kThresholdSec);
  std::fflush(stdout);

  const int board_fd = memfd_create("chaos-board", MFD_CLOEXEC);
  if (board_fd < 0 || ftruncate(board_fd, sizeof(Board)) != 0) {
    std::perror("chaos: board");
    return 1;
  }
  void* mapped = mmap(nullptr, sizeof(Board), PROT_READ | PROT_WRITE, MAP_SHARED, board_fd, 0);
  if (mapped == MAP_FAILED) {
    std::perror("chaos: mmap board");
    return 1;
  }
  Board* board = new (mapped) Board();
  // The ledger is tens of MB of which a run touches a few: memfd pages
  // exist only once written.
  const int ledger_fd = memfd_create("chaos-ledger", MFD_CLOEXEC);
  if (ledger_fd < 0 || ftruncate(ledger_fd, sizeof(Ledger)) != 0) {
    std::perror("chaos: ledger");
    return 1;
  }
  void* ledger_mapped = mmap(nullptr, sizeof(Ledger), PROT_READ | PROT_WRITE, MAP_SHARED, ledger_fd, 0);
  if (ledger_mapped == MAP_FAILED) {
    std::perror("chaos: mmap ledger");
    return 1;
  }
  Ledger* ledger = new (ledger_mapped) Ledger();
  Driver driver(options, *board, board_fd, *ledger, ledger_fd, key);
  const int status = driver.run();
  remove_leftovers(key, g_emergency.lock_path);
  return status;
}
