// One chaos worker: a client process on the shared segment, connected
// through the public aerospike_connect with use_shm. A monitor thread
// publishes its role and the segment's owner and stamp to the board every
// few milliseconds; writer threads run the data-path load and keep the
// ledger (ledger_load.h); the main thread obeys the driver's one-line
// commands on stdin and answers on stdout:
//   ping N          -> pong N
//   check G DEADLINE -> checked G CONVERGED_AT_MS|-1 MISMATCHES
//   reopen          -> reopened MS | reopen-failed REASON
//   exit            -> bye (after aerospike_close)
// Commands run on the main thread, so a hung close or check shows as an
// unanswered ping.
#include "board.h"
#include "ledger_load.h"

#include "client/client.h"
#include "cluster/cluster.h"
#include "map/cluster_map.h"
#include "session/ownership.h"

#include <aerospike/aerospike.h>

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <shared_mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using aeroshim::monotonic_ms;

struct Options {
  int slot = -1;
  int board_fd = -1;
  int ledger_fd = -1;
  uint64_t incarnation = 0;
  int key = 0;
  uint32_t tend_ms = 250;
  uint32_t threshold_sec = 2;
  std::vector<uint16_t> seeds;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const char* value = argv[i + 1];
    if (flag == "--slot") o.slot = std::atoi(value);
    if (flag == "--board-fd") o.board_fd = std::atoi(value);
    if (flag == "--ledger-fd") o.ledger_fd = std::atoi(value);
    if (flag == "--incarnation") o.incarnation = std::strtoull(value, nullptr, 10);
    if (flag == "--key") o.key = static_cast<int>(std::strtoul(value, nullptr, 0));
    if (flag == "--tend-ms") o.tend_ms = static_cast<uint32_t>(std::atoi(value));
    if (flag == "--threshold-sec") o.threshold_sec = static_cast<uint32_t>(std::atoi(value));
    if (flag == "--seed-port") o.seeds.push_back(static_cast<uint16_t>(std::atoi(value)));
  }
  return o;
}

void say(const std::string& line) {
  const std::string out = line + "\n";
  // One write per line: the driver's pipe reads never see half a line mixed
  // with another, and nothing waits in a stdio buffer when we are killed.
  (void)!write(STDOUT_FILENO, out.data(), out.size());
}

class Worker {
 public:
  Worker(const Options& options, chaos::Board& board) : options_(options), board_(board) {}

  // The writer threads use the client under a shared lock of the gate;
  // close and reopen hold it exclusively.
  aerospike& client() { return as_; }
  std::shared_mutex& gate() { return gate_; }

  bool open(std::string& why) {
    as_config config;
    as_config_init(&config);
    for (uint16_t port : options_.seeds) as_config_add_host(&config, "127.0.0.1", port);
    config.use_shm = true;
    config.shm_key = options_.key;
    config.shm_takeover_threshold_sec = options_.threshold_sec;
    config.tender_interval = options_.tend_ms;
    aerospike_init(&as_, &config);
    as_error err;
    if (aerospike_connect(&as_, &err) != AEROSPIKE_OK) {
      why = std::to_string(err.code) + " " + err.message;
      aerospike_destroy(&as_);
      return false;
    }
    std::lock_guard<std::mutex> guard(mutex_);
    cluster_ = aeroshim::find_cluster(as_.cluster);
    return cluster_ != nullptr;
  }

  void close() {
    {
      // The monitor must not read a cluster that close is tearing down.
      std::lock_guard<std::mutex> guard(mutex_);
      cluster_ = nullptr;
    }
    as_error err;
    aerospike_close(&as_, &err);
    aerospike_destroy(&as_);
    publish_disconnected();
  }

  void monitor_forever() {
    bool claimed = false;
    uint64_t claim_since = 0;
    for (;;) {
      {
        std::lock_guard<std::mutex> guard(mutex_);
        if (cluster_) {
          chaos::Sample s;
          s.pid = static_cast<uint32_t>(getpid());
          s.connected = true;
          s.claims = cluster_->tends();
          s.owner_pid = cluster_->map().owner_pid();
          s.stamp_ms = cluster_->map().timestamp_ms();
          s.at_ms = monotonic_ms();
          if (s.claims && !claimed) claim_since = s.at_ms;
          claimed = s.claims;
          s.claim_since_ms = claim_since;
          board_.slots[options_.slot].publish(s);
        } else {
          claimed = false;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  // Routing of every partition and replica asim listed, against the
  // driver's copy of asim-ownership, repeated until it matches or the
  // deadline passes. The table is compared again only after the map's stamp
  // moved (the owner stamps before each write batch and after each cycle, so
  // every write is followed by a new stamp) and once at the deadline: sixteen
  // workers comparing 8192 pairs every 20 ms, under ASan on two cores, kept
  // the owner they were waiting for off the CPU long enough to miss the bound.
  std::string check(uint32_t generation, uint64_t deadline_ms) {
    const chaos::Expectation& e = board_.expected;
    if (e.generation.load(std::memory_order_acquire) != generation) return "-1 expectation-not-published";
    bool compared = false;
    uint64_t compared_stamp = 0;
    for (;;) {
      const uint64_t stamp = cluster_->map().timestamp_ms();
      const uint64_t now = monotonic_ms();
      const bool last = now >= deadline_ms;
      if (!compared || stamp != compared_stamp || last) {
        compared = true;
        compared_stamp = stamp;
        const int wrong = mismatches(e);
        if (wrong == 0) return std::to_string(now) + " 0";
        if (last) return "-1 " + std::to_string(wrong);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

 private:
  int mismatches(const chaos::Expectation& e) const {
    int wrong = 0;
    for (uint32_t p = 0; p < chaos::kPartitions; ++p)
      for (uint32_t r = 0; r < e.replicas; ++r) {
        const auto got = cluster_->partition_node("test", p, r);
        if (!got || *got != e.names[e.owners[p][r]]) ++wrong;
      }
    return wrong;
  }

  void publish_disconnected() {
    chaos::Sample s;
    s.pid = static_cast<uint32_t>(getpid());
    s.at_ms = monotonic_ms();
    board_.slots[options_.slot].publish(s);
  }

  Options options_;
  chaos::Board& board_;
  aerospike as_{};
  std::shared_mutex gate_;
  std::mutex mutex_;
  aeroshim::Cluster* cluster_ = nullptr;
};

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  if (options.slot < 0 || options.slot >= chaos::kSlots || options.board_fd < 0 || options.ledger_fd < 0 ||
      options.seeds.empty()) {
    std::fprintf(stderr,
                 "chaos_worker: needs --slot, --board-fd, --ledger-fd, --incarnation, --key and --seed-port "
                 "(started by chaos)\n");
    return 2;
  }
  void* mapped = mmap(nullptr, sizeof(chaos::Board), PROT_READ | PROT_WRITE, MAP_SHARED, options.board_fd, 0);
  if (mapped == MAP_FAILED) {
    std::perror("chaos_worker: mmap board");
    return 2;
  }
  ::close(options.board_fd);
  auto* board = static_cast<chaos::Board*>(mapped);
  void* ledger_mapped = mmap(nullptr, sizeof(chaos::Ledger), PROT_READ | PROT_WRITE, MAP_SHARED, options.ledger_fd, 0);
  if (ledger_mapped == MAP_FAILED) {
    std::perror("chaos_worker: mmap ledger");
    return 2;
  }
  ::close(options.ledger_fd);
  auto* ledger = static_cast<chaos::Ledger*>(ledger_mapped);
  signal(SIGCONT, chaos::LedgerLoad::on_continue);

  Worker worker(options, *board);
  std::string why;
  if (!worker.open(why)) {
    std::fprintf(stderr, "chaos_worker %d: connect failed: %s\n", getpid(), why.c_str());
    return 3;
  }
  std::thread([&worker] { worker.monitor_forever(); }).detach();
  chaos::LedgerLoad load(worker.client(), worker.gate(), *ledger, options.incarnation);
  load.start();
  say("ready " + std::to_string(getpid()));

  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string command;
    in >> command;
    if (command == "ping") {
      std::string id;
      in >> id;
      say("pong " + id);
    } else if (command == "check") {
      uint32_t generation = 0;
      uint64_t deadline = 0;
      in >> generation >> deadline;
      say("checked " + std::to_string(generation) + " " + worker.check(generation, deadline));
    } else if (command == "reopen") {
      const uint64_t start = monotonic_ms();
      {
        std::unique_lock<std::shared_mutex> closed(worker.gate());
        worker.close();
        if (!worker.open(why)) {
          say("reopen-failed " + why);
          // The writers wait on the gate for a client that is gone.
          std::_Exit(3);
        }
      }
      say("reopened " + std::to_string(monotonic_ms() - start));
    } else if (command == "exit") {
      load.stop();
      worker.close();
      say("bye");
      // The monitor thread is detached and loops forever: leave without
      // running destructors it could still be using.
      std::_Exit(0);
    }
  }
  // The driver went away (stdin closed): leave the segment as a client would.
  load.stop();
  worker.close();
  std::_Exit(0);
}
