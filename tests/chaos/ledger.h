// The data-path ledger the chaos workers keep and the driver audits: every
// write a worker thread attempts, what the client told it, and the reads
// that came back wrong or late. A memfd the driver creates and every worker
// maps, so it survives a worker's kill -9: what was recorded before the
// signal is what the audit sees.
//
// Each writer (one worker thread in one incarnation of a worker process)
// owns its keys alone and writes them in order, one command at a time, with
// no retries. So on a key every write but the last was acknowledged, and the
// store must end holding the last acknowledged one, or the last attempted
// one when the client could not say whether that one was applied.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace chaos {

constexpr int kWritersPerWorker = 2;
constexpr int kMaxIncarnations = 2048;
constexpr int kMaxWriters = kMaxIncarnations * kWritersPerWorker;
// A write whose outcome is in doubt retires its key (it may still land); a
// writer out of keys only reads.
constexpr int kKeysPerWriter = 256;
constexpr int kLateEntries = 32;

constexpr const char* kLedgerSet = "ledger";

// Each command's total timeout, and how far past it one may end (the
// issue's bound: 50 ms).
constexpr uint32_t kWriteTotalMs = 400;
constexpr uint32_t kReadTotalMs = 400;
constexpr uint32_t kReadSocketMs = 150;
constexpr uint64_t kLateMs = 50;

// What the client said about the write `attempted` on a key.
enum class Outcome : uint64_t {
  kSending = 0,   // recorded before the command; a writer killed now left it unknown
  kAcked = 1,
  kInDoubt = 2,   // failed with in_doubt = true: applied or not, both are right
  kFailed = 3,    // failed with in_doubt = false: it must not have been applied
};

struct KeyEntry {
  std::atomic<uint64_t> attempted{0};  // seq of the last write sent, 0 before the first
  std::atomic<uint64_t> acked{0};      // seq of the last acknowledged write, 0 for none
  std::atomic<uint64_t> outcome{0};    // Outcome of `attempted`
  std::atomic<uint64_t> status{0};     // as_status of the last failure, for the report
};

// A command that ran past its total timeout by more than the allowance and
// that the worker could not put down to a SIGSTOP or to waiting for a CPU.
// The driver excuses the ones that overlap a stop it sent.
struct LateCommand {
  std::atomic<uint64_t> start_ms{0};   // CLOCK_MONOTONIC, like the driver's clock
  std::atomic<uint64_t> end_ms{0};
  std::atomic<uint64_t> over_ms{0};    // past the total timeout, run-queue wait deducted
  std::atomic<uint64_t> what{0};       // 'w' write, 'r' read, 'x' cross read; status << 8
};

struct WriterEntry {
  std::atomic<uint64_t> pid{0};
  std::atomic<uint64_t> keys_used{0};  // keys 0..keys_used-1 were written
  std::atomic<uint64_t> writes{0};
  std::atomic<uint64_t> acked{0};
  std::atomic<uint64_t> in_doubt{0};
  std::atomic<uint64_t> failed{0};
  std::atomic<uint64_t> failed_verified{0};  // a read right after showed it not applied
  std::atomic<uint64_t> reads{0};            // read commands that answered OK or NOT_FOUND
  std::atomic<uint64_t> cross_reads{0};      // of those, on another writer's key
  std::atomic<uint64_t> read_errors{0};
  std::atomic<uint64_t> wrong_reads{0};      // violations; the worker also prints each
  std::atomic<uint64_t> stop_spans{0};       // commands that spanned a SIGSTOP of this process
  std::atomic<uint64_t> cpu_excused{0};      // late, but by no more than the process waited for a CPU
  std::atomic<uint64_t> slowest_over_ms{0};  // largest overshoot of a total timeout, excused or not
  std::atomic<uint64_t> late_count{0};
  LateCommand late[kLateEntries];
  KeyEntry keys[kKeysPerWriter];
};

struct Ledger {
  std::atomic<uint64_t> incarnations{0};  // the driver's count of started workers
  WriterEntry writers[kMaxWriters];
};

static_assert(std::atomic<uint64_t>::is_always_lock_free, "the ledger is shared between processes");

// The bins every ledger record holds, and the key it is written under.
constexpr const char* kSeqBin = "seq";
constexpr const char* kWriterBin = "w";
constexpr const char* kKeyBin = "k";
constexpr const char* kProofBin = "p";

// Writer `writer`'s key number `key`: "wWkK".
inline std::string ledger_key_name(uint64_t writer, uint64_t key) {
  return "w" + std::to_string(writer) + "k" + std::to_string(key);
}

// What a value written as `seq` holds in its proof bin, "wWkKsSEQ": a read
// that returns a mix of two writes, or another key's record, cannot match.
inline std::string ledger_proof(uint64_t writer, uint64_t key, uint64_t seq) {
  return ledger_key_name(writer, key) + "s" + std::to_string(seq);
}

}  // namespace chaos
