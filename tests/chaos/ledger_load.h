// The data-path load of one chaos worker: kWritersPerWorker threads, each a
// writer of its own keys in the ledger (ledger.h), writing values that carry
// its sequence number, reading them back, and reading other writers' keys,
// through the worker's one client. Every answer is checked as it comes: a
// value read back must be the one the ledger says it can be, and no command
// may run past its total timeout by more than kLateMs.
#pragma once

#include "ledger.h"

#include <aerospike/aerospike.h>

#include <atomic>
#include <cstdint>
#include <shared_mutex>
#include <thread>
#include <vector>

namespace chaos {

class LedgerLoad {
 public:
  // `client` is used under a shared lock of `gate`; whoever closes or
  // reopens it holds the gate exclusively.
  LedgerLoad(aerospike& client, std::shared_mutex& gate, Ledger& ledger, uint64_t incarnation);
  ~LedgerLoad() { stop(); }
  LedgerLoad(const LedgerLoad&) = delete;
  LedgerLoad& operator=(const LedgerLoad&) = delete;

  void start();
  void stop();  // returns once every thread finished its current command

  // Counts SIGCONTs, so a command that spanned a stop of this process is
  // not taken for a late one. Async-signal-safe.
  static void on_continue(int);

 private:
  void run(uint64_t writer_id);
  void sample_run_queue();

  aerospike& client_;
  std::shared_mutex& gate_;
  Ledger& ledger_;
  uint64_t incarnation_;
  std::atomic<bool> running_{false};
  std::vector<std::thread> threads_;
};

}  // namespace chaos
