// The chaos workers as processes: start one in a board slot, signal it,
// send it a command line, collect its answer lines, reap it. Policy (whom to
// kill, what counts as a violation) stays with the driver.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace chaos {

struct WorkerSettings {
  std::string program;           // the chaos_worker binary
  int board_fd = -1;
  int ledger_fd = -1;
  int key = 0;
  uint32_t tend_ms = 0;
  uint32_t threshold_sec = 0;
  std::vector<uint16_t> seed_ports;
};

struct WorkerProcess {
  pid_t pid = 0;                 // 0: the slot is empty
  int commands = -1;             // its stdin
  int answers = -1;              // its stdout
  std::string partial;           // answer bytes after the last newline
  bool connected = false;        // said "ready" and is not inside a reopen
  bool stopped = false;
  uint64_t resume_at_ms = 0;     // when a stopped worker gets SIGCONT
  uint64_t running_since_ms = 0; // start or last SIGCONT
  bool kill_sent = false;
  bool exit_sent = false;
  bool reopening = false;
  bool checking = false;
  uint64_t ping_id = 0;          // outstanding ping, 0 when none
  uint64_t ping_deadline_ms = 0;
  uint64_t next_ping_ms = 0;
};

struct Answer {
  int slot;
  std::string line;
};

struct Exit {
  int slot;
  WorkerProcess was;             // its state when it was reaped
  int status;                    // as from waitpid
};

class Fleet {
 public:
  Fleet(WorkerSettings settings, int slots);
  ~Fleet();
  Fleet(const Fleet&) = delete;
  Fleet& operator=(const Fleet&) = delete;

  // `incarnation` numbers the worker among all started in the run: its
  // writers' rows in the ledger.
  bool start(int slot, uint64_t incarnation, uint64_t now_ms);
  WorkerProcess& at(int slot) { return workers_[slot]; }
  int size() const { return static_cast<int>(workers_.size()); }
  std::vector<pid_t> pids() const;

  void send(int slot, const std::string& line);
  void kill9(int slot);
  void stop(int slot, uint64_t resume_at_ms);
  void resume(int slot, uint64_t now_ms);

  // Answer lines that arrived within `wait_ms`.
  std::vector<Answer> collect(int wait_ms);
  // Workers that exited since the last call; their slots are empty after.
  std::vector<Exit> reap();

 private:
  void release(int slot);

  WorkerSettings settings_;
  std::vector<WorkerProcess> workers_;
};

// "killed by SIGKILL", "exit status 3", ...
std::string describe_status(int status);

}  // namespace chaos
