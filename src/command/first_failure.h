// The first failure among commands running at once, one thread per node
// (7.4.0's error_mutex): the first command to fail decides, and the flag it
// raises tells the others to stop between records. A CLIENT_ABORT (the
// callback asked to stop) decides too, but as no failure; what the others
// answer once stopped (their own SCAN_ABORTED, QUERY_ABORTED or
// CLIENT_ABORT) is never kept.
#pragma once

#include "core/status.h"

#include <aerospike/as_status.h>

#include <atomic>
#include <utility>

namespace aeroshim {

class FirstFailure {
 public:
  void set(Status s) {
    if (failed.exchange(true, std::memory_order_acq_rel)) return;
    if (s.code() != AEROSPIKE_ERR_CLIENT_ABORT) first_ = std::move(s);
  }
  // Read once every command has ended (their threads joined).
  Status take() { return std::move(first_); }

  // Checked between records; relaxed, as a late stop only costs a record.
  std::atomic<bool> failed{false};

 private:
  Status first_ = Status::ok();
};

}  // namespace aeroshim
