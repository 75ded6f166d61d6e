// The network side of asim: one epoll loop on one thread serving every node's
// listener and connections, so the simulator's state needs no locks.
#pragma once

#include "cluster.h"
#include "fault.h"
#include "frame_recorder.h"
#include "info_service.h"
#include "query_service.h"
#include "record_store.h"

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
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

  void accept_all(size_t node);
  void on_readable(Connection& c);
  bool handle_frames(Connection& c);  // false: close the connection
  // Answers one data frame (type 3 or 4) into `c`; false: close the connection.
  bool serve_data(Connection& c, uint8_t type, std::string_view body);
  std::string answer_data(size_t node, uint8_t type, std::string_view body, const Fault* fault,
                          uint64_t& due);
  std::string execute(size_t node, std::string_view frame_body, bool& compress);
  void deliver_faulty(Connection& c, const Fault& fault, std::string answer, uint64_t due);
  static std::string result_only(uint8_t result);
  void send(Connection& c, std::string bytes, uint64_t due_ms);
  int release_held();  // moves due answers out; ms until the next one, or -1
  bool flush(Connection& c);          // false: the peer is gone
  void close_connection(int fd);
  void apply_pending_stops();

  Cluster& cluster_;
  FrameRecorder* recorder_;
  InfoService info_;
  RecordStore store_;
  query::Service queries_{cluster_, store_};
  // Later parts of a paced scan answer, due at monotonic times; serve_data
  // queues them behind the first part.
  std::vector<std::pair<uint64_t, std::string>> paced_;
  FaultPlan faults_;
  int epoll_fd_ = -1;
  std::vector<int> listeners_;      // by node index; -1 when not listening
  std::map<int, std::unique_ptr<Connection>> connections_;
  std::set<int> holding_;  // connections with answers held back by a delay fault
  std::vector<size_t> pending_stops_;
};

uint64_t monotonic_ms();

}  // namespace asim
