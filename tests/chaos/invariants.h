// The properties checked continuously from the board (every driver tick):
//
// One writer. A worker claims to write while Cluster::tends() is true. A
// stopped worker is not a writer, and one that was just resumed may still
// claim until its next ownership check, so each claim only counts from
// max(first claiming sample, last start or SIGCONT). Two workers whose
// counted claims overlap by more than `writer_overlap_ms` are two writers;
// a counted claim longer than that while the segment names another owner
// is a writer that failed to step down.
//
// Map age. While some connected worker runs, the segment's timestamp must
// not be older than `map_age_ms`, counted from the later of the stamp and
// the moment a running worker existed again.
#pragma once

#include "board.h"
#include "fleet.h"
#include "report.h"

#include <cstdint>
#include <set>
#include <utility>

namespace chaos {

struct Bounds {
  uint64_t writer_overlap_ms = 0;
  uint64_t map_age_ms = 0;
};

class Invariants {
 public:
  Invariants(const Board& board, Bounds bounds, Report& report) : board_(board), bounds_(bounds), report_(report) {}

  void observe(Fleet& fleet, uint64_t now_ms);

  uint64_t owner_changes() const { return owner_changes_; }
  uint64_t samples() const { return samples_; }
  uint64_t oldest_map_ms() const { return oldest_map_ms_; }

 private:
  struct Claim {
    uint32_t pid;
    uint32_t owner_pid;
    uint64_t from_ms;
    uint64_t to_ms;
  };
  void check_writers(const std::vector<Claim>& claims, uint64_t now_ms);
  void check_age(const Sample& s, uint64_t now_ms);

  const Board& board_;
  Bounds bounds_;
  Report& report_;
  bool some_running_ = false;
  uint64_t running_again_ms_ = 0;
  uint32_t last_owner_ = 0;
  uint64_t last_owner_at_ = 0;
  uint64_t owner_changes_ = 0;
  uint64_t samples_ = 0;
  uint64_t oldest_map_ms_ = 0;
  uint64_t reported_stamp_ = 0;
  std::set<std::pair<uint32_t, uint32_t>> reported_pairs_;
  std::set<std::pair<uint32_t, uint64_t>> reported_claims_;
};

}  // namespace chaos
