// The network side of asim: one event thread per node, each with its own
// epoll, listener and connections, so the kernel's socket work for different
// nodes runs on different cores. The simulator's state (cluster, store, info
// and query services, faults, stats, recorder) is shared: every request runs
// under one mutex, and only the reads, writes and epoll calls run outside it.
#pragma once

#include "cluster.h"
#include "fault.h"
#include "frame_recorder.h"
#include "info_service.h"
#include "query_service.h"
#include "record_store.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace asim {

class Server final : public NodeControl {
 public:
  // `recorder`, when not null, receives every data request frame; it must
  // outlive the server.
  explicit Server(Cluster& cluster, FrameRecorder* recorder = nullptr);
  ~Server() override;
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Called before run() (by main) or, while it runs, by the info service
  // under the state mutex.
  aeroshim::Result<uint16_t> start(size_t node) override;
  void stop(size_t node) override;

  // Serves until a signal in `signal_fd` arrives or `deadline_ms` (monotonic,
  // 0 for none) passes.
  void run(int signal_fd, uint64_t deadline_ms);

 private:
  // Answer bytes a delay fault holds back until `due_ms` (monotonic).
  struct Held {
    uint64_t due_ms = 0;
    std::string bytes;
  };
  struct Connection {
    int fd = -1;
    size_t node = 0;
    std::string in;
    size_t in_pos = 0;      // bytes of `in` already consumed
    std::string out;
    size_t out_pos = 0;
    bool want_write = false;
    bool close_when_flushed = false;  // a fault cut the answer short
    std::deque<Held> held;            // answers in order, behind a delayed one
  };
  // What another thread asks of a node's loop: listen on a new listener, or
  // stop (close the listener and every connection).
  struct Command {
    int listener = -1;  // -1: stop
  };
  // One node's event thread and everything only it touches, plus the queue
  // other threads post commands to (guarded by `mutex`, announced on `wake_fd`).
  struct Loop {
    size_t node = 0;
    int epoll_fd = -1;
    int wake_fd = -1;  // eventfd
    int listener = -1;
    std::unordered_map<int, std::unique_ptr<Connection>> connections;
    std::set<int> holding;  // connections with answers held back by a delay fault
    // Later parts of a paced scan answer, due at monotonic times; serve_data
    // queues them behind the first part.
    std::vector<std::pair<uint64_t, std::string>> paced;
    // Stops asked while serving: of this node (applied once the batch's
    // answers are written) and of others (applied by their loops before the
    // answer that asked goes out).
    std::vector<size_t> stops_here;
    std::vector<size_t> stops_elsewhere;
    std::thread thread;

    std::mutex mutex;
    std::condition_variable applied_cv;
    std::vector<Command> commands;
    uint64_t posted = 0;
    uint64_t applied = 0;
  };

  Loop& loop_for(size_t node);  // state mutex held, or before run()
  void spawn(Loop& loop);
  void serve_loop(Loop& loop);
  static uint64_t post(Loop& loop, Command command);
  void apply_commands(Loop& loop);
  void apply_stop(Loop& loop);
  void stop_elsewhere_and_wait(Loop& loop);
  void accept_all(Loop& loop);
  void on_readable(Loop& loop, Connection& c);
  bool handle_frames(Loop& loop, Connection& c);  // false: close the connection
  // Answers one data frame (type 3 or 4) into `c`; false: close the connection.
  bool serve_data(Loop& loop, Connection& c, uint8_t type, std::string_view body);
  std::string answer_data(Loop& loop, size_t node, uint8_t type, std::string_view body, const Fault* fault,
                          uint64_t& due);
  std::string execute(Loop& loop, size_t node, std::string_view frame_body, bool& compress);
  static void deliver_faulty(Loop& loop, Connection& c, const Fault& fault, std::string answer, uint64_t due);
  static std::string result_only(uint8_t result);
  static void send(Loop& loop, Connection& c, std::string bytes, uint64_t due_ms);
  static int release_held(Loop& loop);  // moves due answers out; ms until the next one, or -1
  static bool flush(Loop& loop, Connection& c);  // false: the peer is gone
  static void close_connection(Loop& loop, int fd);

  Cluster& cluster_;
  FrameRecorder* recorder_;
  InfoService info_;
  RecordStore store_;
  query::Service queries_{cluster_, store_};
  FaultPlan faults_;

  // Guards everything above, `loops_` and `serving_`.
  std::mutex state_;
  std::vector<std::unique_ptr<Loop>> loops_;  // by node index
  Loop* serving_ = nullptr;                   // the loop whose request runs now
  bool running_ = false;                      // run() has spawned the loops
  std::atomic<bool> quit_{false};
};

uint64_t monotonic_ms();

}  // namespace asim
