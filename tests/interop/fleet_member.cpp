// fleet_member: one aeroshim process of a mixed fleet (aeroshim and stock
// clients sharing one segment), driven line by line by mixed_fleet.js. It
// answers from the library's internals what the public API cannot show: whether
// this process tends the shared map right now, and where the map it reads
// (written by whichever process owns it) routes every partition.
//
// usage: fleet_member HOST PORT SHM_KEY [RACK_ID]
//   RACK_ID makes it rack-aware on that rack (the owner then re-reads racks
//   when a node's rebalance-generation moves and publishes them in the segment)
// stdout, one line per event or command:
//   ready pid=P role=owner|follower connect_ms=T     after aerospike_connect
//   role owner|follower                             "role"
//   dump E;E;...                                    "dump NS": 4096 entries, each
//       the replicas' node names master first joined by ',' (asim-ownership's format)
//   closed close_ms=T                               "close", SIGTERM, SIGINT or end of stdin
#include "client/client.h"
#include "cluster/cluster.h"

#include <aerospike/aerospike.h>
#include <aerospike/as_log.h>

#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

constexpr uint32_t kPartitions = 4096;
// Every slot (AS_MAX_REPLICATION_FACTOR), not just the factor: a stale entry
// past it would show up as a mismatch with asim.
constexpr uint32_t kMaxReplicas = 3;

double monotonic_ms() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

// Ownership changes are logged at INFO; on stderr they explain a failed run.
bool log_to_stderr(as_log_level level, const char*, const char*, uint32_t, const char* fmt, ...) {
  std::fprintf(stderr, "fleet_member %d [%s] ", static_cast<int>(getpid()), as_log_level_tostring(level));
  va_list args;
  va_start(args, fmt);
  std::vfprintf(stderr, fmt, args);
  va_end(args);
  std::fputc('\n', stderr);
  return true;
}

void say(const std::string& line) {
  std::fputs(line.c_str(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

const char* role_of(const aeroshim::Cluster& cluster) { return cluster.tends() ? "owner" : "follower"; }

std::string dump(const aeroshim::Cluster& cluster, const std::string& ns) {
  std::string out;
  out.reserve(kPartitions * 24);
  for (uint32_t p = 0; p < kPartitions; p++) {
    if (p) out += ';';
    for (uint32_t r = 0; r < kMaxReplicas; r++) {
      auto name = cluster.partition_node(ns, p, r);
      if (!name) break;
      if (r) out += ',';
      out += *name;
    }
  }
  return out;
}

// Lines from stdin without blocking past a stop signal: both are polled.
class Input {
 public:
  explicit Input(int signal_fd) : signal_fd_(signal_fd) {}

  // False at end of input or on a stop signal.
  bool next(std::string& line) {
    for (;;) {
      size_t newline = buffer_.find('\n');
      if (newline != std::string::npos) {
        line = buffer_.substr(0, newline);
        buffer_.erase(0, newline + 1);
        return true;
      }
      pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {signal_fd_, POLLIN, 0}};
      if (poll(fds, 2, -1) < 0) continue;
      if (fds[1].revents) return false;
      char chunk[4096];
      ssize_t n = read(STDIN_FILENO, chunk, sizeof chunk);
      if (n <= 0) return false;
      buffer_.append(chunk, static_cast<size_t>(n));
    }
  }

 private:
  int signal_fd_;
  std::string buffer_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr, "usage: %s HOST PORT SHM_KEY [RACK_ID]\n", argv[0]);
    return 2;
  }
  // Blocked before connect so the library's threads inherit the mask and the
  // stop signals reach only the signalfd.
  sigset_t stops;
  sigemptyset(&stops);
  sigaddset(&stops, SIGTERM);
  sigaddset(&stops, SIGINT);
  sigprocmask(SIG_BLOCK, &stops, nullptr);
  int signal_fd = signalfd(-1, &stops, SFD_CLOEXEC);
  if (signal_fd < 0) {
    std::perror("signalfd");
    return 1;
  }

  as_log_set_level(AS_LOG_LEVEL_INFO);
  as_log_set_callback(log_to_stderr);

  as_config config;
  as_config_init(&config);
  as_config_add_host(&config, argv[1], static_cast<uint16_t>(std::atoi(argv[2])));
  config.use_shm = true;
  config.shm_key = static_cast<int>(std::strtoul(argv[3], nullptr, 0));
  config.shm_max_nodes = 16;  // the stock members' maxNodes/maxNamespaces: one segment size
  config.shm_max_namespaces = 8;
  config.shm_takeover_threshold_sec = 30;
  config.tender_interval = 250;  // the stock members' tenderInterval
  if (argc == 5) {
    config.rack_aware = true;
    config.rack_id = std::atoi(argv[4]);
  }

  aerospike as;
  aerospike_init(&as, &config);
  as_error err;
  double start = monotonic_ms();
  if (aerospike_connect(&as, &err) != AEROSPIKE_OK) {
    say("error " + std::to_string(err.code) + " " + err.message);
    aerospike_destroy(&as);
    return 1;
  }
  aeroshim::Cluster* cluster = aeroshim::find_cluster(as.cluster);
  if (!cluster) {
    say("error no cluster behind the connected aerospike object");
    return 1;
  }
  char line[160];
  std::snprintf(line, sizeof line, "ready pid=%d role=%s connect_ms=%.1f", static_cast<int>(getpid()),
                role_of(*cluster), monotonic_ms() - start);
  say(line);

  Input input(signal_fd);
  std::string command;
  while (input.next(command)) {
    if (command == "role") {
      say(std::string("role ") + role_of(*cluster));
    } else if (command.rfind("dump ", 0) == 0) {
      say("dump " + dump(*cluster, command.substr(5)));
    } else if (command == "close") {
      break;
    } else {
      say("error unknown command '" + command + "'");
    }
  }
  start = monotonic_ms();
  aerospike_close(&as, &err);
  aerospike_destroy(&as);
  std::snprintf(line, sizeof line, "closed close_ms=%.1f", monotonic_ms() - start);
  say(line);
  return 0;
}
