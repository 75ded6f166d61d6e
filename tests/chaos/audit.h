// The end-of-run audit of the ledger against asim's store: what every
// writer was told about every write, against what the cluster holds.
#pragma once

#include "ledger.h"
#include "report.h"

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace chaos {

// When the driver had a worker stopped (SIGSTOP sent .. SIGCONT sent).
struct StopWindow {
  uint64_t from_ms = 0;
  uint64_t to_ms = 0;
};
using StopWindows = std::map<pid_t, std::vector<StopWindow>>;

struct AuditCounts {
  uint64_t writers = 0, keys = 0, records = 0;
  uint64_t writes = 0, acked = 0, in_doubt = 0, in_doubt_applied = 0, unknown = 0;
  uint64_t failed = 0, failed_verified = 0;
  uint64_t reads = 0, cross_reads = 0, read_errors = 0;
  uint64_t lost = 0, wrong_values = 0, applied_not_in_doubt = 0, late = 0;
  uint64_t late_excused = 0, stop_spans = 0, cpu_excused = 0, slowest_over_ms = 0;
};

// `dump` is asim's answer to asim-dump for the ledger set. Every finding is
// a violation in `report`.
// `start_ms` is the run's start, for the times violations quote.
AuditCounts audit(const Ledger& ledger, const std::string& dump, const StopWindows& stops, Report& report,
                  uint64_t start_ms, uint64_t now_ms);

}  // namespace chaos
