// Scans and queries as an Aerospike 8 server serves them (it runs both as
// queries): a node answers for the partitions it masters, streams one
// message per record in the server's order, marks the requested partitions
// it cannot serve, and closes with LAST; background jobs apply write ops or
// a record UDF to every matching record. Each node keeps its own job list,
// which query-show reports as the server's query manager does.
#pragma once

#include "cluster.h"
#include "query_request.h"
#include "record_store.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace asim::query {

// Part of an answer: frames to send `delay_ms` after the request arrived.
struct Piece {
  uint64_t delay_ms = 0;
  std::string bytes;
};

struct Job {
  uint64_t trid = 0;
  Kind kind = Kind::kBasic;
  std::string ns;
  std::string set;
  std::string sindex;
  uint32_t rps = 0;
  int32_t socket_timeout = -1;
  uint16_t n_pids_requested = 0;
  uint16_t n_keyds_requested = 0;
  uint64_t start_ms = 0;   // monotonic
  uint64_t finish_ms = 0;  // monotonic; later than now while a paced answer is still going out
  uint64_t succeeded = 0;
  uint64_t failed = 0;
  uint64_t filtered_bins = 0;
  uint64_t net_io_bytes = 0;
  bool running = false;  // a background job with writes still to make
  uint64_t planned = 0;  // the writes a background job makes
};

// A message the server runs as a query: no digest, and not a batch.
bool is_query(const aeroshim::proto::Message& m);

class Pacer;

class Service {
 public:
  // The server's query-max-done: finished jobs a node remembers.
  static constexpr size_t kMaxDone = 100;
  // background-query-max-rps, the namespace default.
  static constexpr uint32_t kBackgroundMaxRps = 10000;
  // The Lua time one partition's aggregation may take (transaction-max-ms).
  static constexpr uint64_t kAggregateTimeoutMs = 1000;

  Service(Cluster& cluster, RecordStore& store) : cluster_(cluster), store_(store) {}

  // The answer to query message `m`
  // asked of node `node` at `now_ms` (monotonic). Never empty; the first
  // piece has no delay.
  std::vector<Piece> serve(size_t node, const aeroshim::proto::Message& m, uint64_t now_ms);

  // Makes the background writes due by `now_ms` (monotonic); answers the ms
  // until the next one, or -1 when none is left.
  int tick(uint64_t now_ms);

  // query-show as node `node` answers it; nullopt for any other name.
  std::optional<std::string> info_command(size_t node, const std::string& name,
                                          const std::string& params, uint64_t now_ms) const;

 private:
  struct Run;
  uint8_t prepare(size_t node, const aeroshim::proto::Message& m, Run& run);
  std::vector<Piece> basic(size_t node, Run& run, uint64_t now_ms);
  std::vector<Piece> aggregate(size_t node, Run& run, uint64_t now_ms);
  // A background job's writes, made at its records-per-second pace.
  struct Pending {
    size_t node = 0;
    uint64_t trid = 0;
    uint64_t start_ms = 0;
    uint32_t rps = 1;
    std::vector<aeroshim::proto::Message> writes;
    size_t next = 0;
  };
  uint8_t background(size_t node, Run& run, uint64_t now_ms);
  Job* job_of(size_t node, uint64_t trid);
  uint8_t scan_partition(uint32_t pid, Run& run, Pacer& pacer);
  void remember(size_t node, Job job);
  bool trid_active(size_t node, uint64_t trid, uint64_t now_ms) const;

  Cluster& cluster_;
  RecordStore& store_;
  std::map<size_t, std::deque<Job>> jobs_;  // per node, oldest first
  std::vector<Pending> pending_;
  uint32_t next_trid_ = 0;
};

}  // namespace asim::query
