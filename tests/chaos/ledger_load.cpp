#include "ledger_load.h"

#include "core/clock.h"

#include <aerospike/aerospike_key.h>
#include <aerospike/as_record.h>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>

namespace chaos {
namespace {

using aeroshim::monotonic_ms;

std::atomic<uint64_t> g_continues{0};
// The run-queue wait of every thread of this process so far, in ms, as the
// sampler last summed it (see LedgerLoad::sample_run_queue).
std::atomic<uint64_t> g_process_waited_ms{0};

// The time a thread waited for a CPU, from the kernel's schedstat (the
// second field, in ns).
uint64_t schedstat_waited_ms(int fd) {
  char text[96] = {};
  if (fd < 0 || pread(fd, text, sizeof(text) - 1, 0) <= 0) return 0;
  unsigned long long on_cpu = 0, waiting = 0;
  if (std::sscanf(text, "%llu %llu", &on_cpu, &waiting) != 2) return 0;
  return waiting / 1000000;
}

// Time this thread waited for a CPU: a command that overran its timeout
// while the machine had no core for it did not overrun because of the
// client.
class RunQueueClock {
 public:
  RunQueueClock() : fd_(open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC)) {}
  ~RunQueueClock() {
    if (fd_ >= 0) close(fd_);
  }
  RunQueueClock(const RunQueueClock&) = delete;
  RunQueueClock& operator=(const RunQueueClock&) = delete;

  uint64_t waited_ms() const { return schedstat_waited_ms(fd_); }

 private:
  int fd_;
};

// What a read found on a ledger key.
struct Found {
  as_status status = AEROSPIKE_OK;
  int64_t seq = -1, writer = -1, key = -1;
  std::string proof;
};

class Writer {
 public:
  Writer(aerospike& client, Ledger& ledger, uint64_t id)
      : client_(client), ledger_(ledger), id_(id), entry_(ledger.writers[id]), random_(id * 7919 + getpid()) {
    entry_.pid.store(static_cast<uint64_t>(getpid()), std::memory_order_relaxed);
    entry_.keys_used.store(1, std::memory_order_release);
    as_policy_write_init(&write_policy_);
    write_policy_.base.total_timeout = kWriteTotalMs;
    write_policy_.base.socket_timeout = 0;
    write_policy_.base.max_retries = 0;
    as_policy_read_init(&read_policy_);
    read_policy_.base.total_timeout = kReadTotalMs;
    read_policy_.base.socket_timeout = kReadSocketMs;
    read_policy_.base.max_retries = 2;
    read_policy_.base.sleep_between_retries = 0;
  }

  // One round: the next write on the current key and its read-back, then a
  // read of some writer's key.
  void round() {
    const uint64_t key = entry_.keys_used.load(std::memory_order_relaxed) - 1;
    if (key < kKeysPerWriter) write_and_check(key);
    cross_read();
  }

 private:
  void write_and_check(uint64_t key) {
    KeyEntry& k = entry_.keys[key];
    const uint64_t seq = ++seq_;
    const uint64_t acked_before = k.acked.load(std::memory_order_relaxed);
    k.outcome.store(static_cast<uint64_t>(Outcome::kSending), std::memory_order_relaxed);
    k.attempted.store(seq, std::memory_order_release);
    entry_.writes.fetch_add(1, std::memory_order_relaxed);

    as_key as_key_value;
    const std::string name = ledger_key_name(id_, key);
    as_key_init_str(&as_key_value, "test", kLedgerSet, name.c_str());
    const std::string proof_text = ledger_proof(id_, key, seq);
    as_record rec;
    as_record_inita(&rec, 4);
    as_record_set_int64(&rec, kSeqBin, static_cast<int64_t>(seq));
    as_record_set_int64(&rec, kWriterBin, static_cast<int64_t>(id_));
    as_record_set_int64(&rec, kKeyBin, static_cast<int64_t>(key));
    as_record_set_str(&rec, kProofBin, proof_text.c_str());
    as_error err;
    const Timing t = begin();
    const as_status status = aerospike_key_put(&client_, &err, &write_policy_, &as_key_value, &rec);
    end(t, kWriteTotalMs, 'w', status);
    as_record_destroy(&rec);

    if (status == AEROSPIKE_OK) {
      k.acked.store(seq, std::memory_order_release);
      k.outcome.store(static_cast<uint64_t>(Outcome::kAcked), std::memory_order_release);
      entry_.acked.fetch_add(1, std::memory_order_relaxed);
      const Found f = read(as_key_value, 'r');
      if (f.status == AEROSPIKE_OK) {
        check(f, id_, key, seq, seq, "read back after its acknowledged write");
      } else if (f.status == AEROSPIKE_ERR_RECORD_NOT_FOUND) {
        wrong("read back after its acknowledged write", id_, key, seq, seq, f);
      }
    } else if (err.in_doubt) {
      k.status.store(static_cast<uint64_t>(static_cast<int64_t>(status)), std::memory_order_relaxed);
      k.outcome.store(static_cast<uint64_t>(Outcome::kInDoubt), std::memory_order_release);
      entry_.in_doubt.fetch_add(1, std::memory_order_relaxed);
      // It may still be applied later: only the audit can judge this key.
      entry_.keys_used.fetch_add(1, std::memory_order_release);
    } else {
      k.status.store(static_cast<uint64_t>(static_cast<int64_t>(status)), std::memory_order_relaxed);
      k.outcome.store(static_cast<uint64_t>(Outcome::kFailed), std::memory_order_release);
      entry_.failed.fetch_add(1, std::memory_order_relaxed);
      // Reported not applied: a read now must show the write before it.
      const Found f = read(as_key_value, 'r');
      const bool none_before = acked_before == 0;
      if (f.status == AEROSPIKE_ERR_RECORD_NOT_FOUND && none_before) {
        entry_.failed_verified.fetch_add(1, std::memory_order_relaxed);
      } else if (f.status == AEROSPIKE_OK && f.seq == static_cast<int64_t>(acked_before)) {
        entry_.failed_verified.fetch_add(1, std::memory_order_relaxed);
        check(f, id_, key, acked_before, acked_before, "read after a write reported failed, not in doubt");
      } else if (f.status == AEROSPIKE_OK || f.status == AEROSPIKE_ERR_RECORD_NOT_FOUND) {
        wrong("read after a write reported failed (status " + std::to_string(status) + ", in_doubt false)", id_,
              key, acked_before, acked_before, f);
        entry_.keys_used.fetch_add(1, std::memory_order_release);
      } else {
        // Unverified: the audit checks the key's end state instead.
        entry_.keys_used.fetch_add(1, std::memory_order_release);
      }
    }
    as_key_destroy(&as_key_value);
  }

  // Some writer's current key (this one's included): the value must be one
  // of that key's writes from the last acknowledged before the read to the
  // last attempted after it.
  void cross_read() {
    const uint64_t writers = ledger_.incarnations.load(std::memory_order_acquire) * kWritersPerWorker;
    if (writers == 0) return;
    const uint64_t other = std::uniform_int_distribution<uint64_t>(0, writers - 1)(random_);
    WriterEntry& w = ledger_.writers[other];
    const uint64_t used = w.keys_used.load(std::memory_order_acquire);
    if (used == 0 || used > kKeysPerWriter) return;
    const uint64_t key = used - 1;
    KeyEntry& k = w.keys[key];
    const uint64_t low = k.acked.load(std::memory_order_acquire);
    as_key as_key_value;
    const std::string name = ledger_key_name(other, key);
    as_key_init_str(&as_key_value, "test", kLedgerSet, name.c_str());
    const Found f = read(as_key_value, 'x');
    as_key_destroy(&as_key_value);
    const uint64_t high = k.attempted.load(std::memory_order_acquire);
    entry_.cross_reads.fetch_add(f.status == AEROSPIKE_OK || f.status == AEROSPIKE_ERR_RECORD_NOT_FOUND,
                                 std::memory_order_relaxed);
    if (f.status == AEROSPIKE_OK) {
      check(f, other, key, low, high, "read of writer " + std::to_string(other) + "'s key");
    } else if (f.status == AEROSPIKE_ERR_RECORD_NOT_FOUND && low != 0) {
      wrong("read of writer " + std::to_string(other) + "'s key", other, key, low, high, f);
    }
  }

  Found read(const as_key& key, char what) {
    as_error err;
    as_record* rec = nullptr;
    const Timing t = begin();
    Found f;
    f.status = aerospike_key_get(&client_, &err, &read_policy_, &key, &rec);
    end(t, kReadTotalMs, what, f.status);
    if (f.status == AEROSPIKE_OK) {
      f.seq = as_record_get_int64(rec, kSeqBin, -1);
      f.writer = as_record_get_int64(rec, kWriterBin, -1);
      f.key = as_record_get_int64(rec, kKeyBin, -1);
      const char* p = as_record_get_str(rec, kProofBin);
      f.proof = p ? p : "";
    }
    if (f.status == AEROSPIKE_OK || f.status == AEROSPIKE_ERR_RECORD_NOT_FOUND) {
      entry_.reads.fetch_add(1, std::memory_order_relaxed);
    } else {
      entry_.read_errors.fetch_add(1, std::memory_order_relaxed);
    }
    as_record_destroy(rec);
    return f;
  }

  void check(const Found& f, uint64_t writer, uint64_t key, uint64_t low, uint64_t high, const std::string& what) {
    const bool in_range = f.seq >= static_cast<int64_t>(low) && f.seq <= static_cast<int64_t>(high) && f.seq > 0;
    const bool whole = f.writer == static_cast<int64_t>(writer) && f.key == static_cast<int64_t>(key) &&
                       f.proof == ledger_proof(writer, key, static_cast<uint64_t>(f.seq));
    if (!in_range || !whole) wrong(what, writer, key, low, high, f);
  }

  void wrong(const std::string& what, uint64_t writer, uint64_t key, uint64_t low, uint64_t high, const Found& f) {
    entry_.wrong_reads.fetch_add(1, std::memory_order_relaxed);
    std::fprintf(stderr,
                 "LEDGER VIOLATION pid %d writer %" PRIu64 ": %s %s: expected seq %" PRIu64 "..%" PRIu64
                 ", got status %d seq %" PRId64 " w %" PRId64 " k %" PRId64 " p '%s'\n",
                 getpid(), id_, what.c_str(), ledger_key_name(writer, key).c_str(), low, high, f.status, f.seq, f.writer,
                 f.key, f.proof.c_str());
  }

  struct Timing {
    uint64_t start_ms;
    uint64_t waited_ms;
    uint64_t process_waited_ms;
    uint64_t continues;
  };
  Timing begin() const {
    return Timing{monotonic_ms(), run_queue_.waited_ms(), g_process_waited_ms.load(std::memory_order_acquire),
                  g_continues.load(std::memory_order_acquire)};
  }
  void end(const Timing& t, uint32_t total_ms, char what, as_status status) {
    const uint64_t now = monotonic_ms();
    const uint64_t took = now - t.start_ms;
    if (took <= total_ms + kLateMs) return;
    const uint64_t over = took - total_ms;
    if (over > entry_.slowest_over_ms.load(std::memory_order_relaxed))
      entry_.slowest_over_ms.store(over, std::memory_order_relaxed);
    if (g_continues.load(std::memory_order_acquire) != t.continues) {
      entry_.stop_spans.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    // This thread's own wait, or, when larger, what all threads of the
    // process waited (one sample late at most): a lock holder kept off the
    // CPU (ours, or the sanitizer runtime's) delays its waiters in a futex,
    // which their own run-queue time does not show.
    const uint64_t process_waited =
        g_process_waited_ms.load(std::memory_order_acquire) - t.process_waited_ms;
    const uint64_t waited = std::max(run_queue_.waited_ms() - t.waited_ms, process_waited);
    if (over <= kLateMs + waited) {
      entry_.cpu_excused.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    const uint64_t n = entry_.late_count.fetch_add(1, std::memory_order_relaxed);
    if (n >= kLateEntries) return;
    LateCommand& late = entry_.late[n];
    late.start_ms.store(t.start_ms, std::memory_order_relaxed);
    late.end_ms.store(now, std::memory_order_relaxed);
    late.over_ms.store(over - waited, std::memory_order_relaxed);
    late.what.store(static_cast<uint64_t>(what) | static_cast<uint64_t>(static_cast<uint32_t>(status)) << 8,
                    std::memory_order_release);
  }

  aerospike& client_;
  Ledger& ledger_;
  uint64_t id_;
  WriterEntry& entry_;
  std::mt19937_64 random_;
  as_policy_write write_policy_;
  as_policy_read read_policy_;
  RunQueueClock run_queue_;
  uint64_t seq_ = 0;
};

}  // namespace

void LedgerLoad::on_continue(int) { g_continues.fetch_add(1, std::memory_order_release); }

LedgerLoad::LedgerLoad(aerospike& client, std::shared_mutex& gate, Ledger& ledger, uint64_t incarnation)
    : client_(client), gate_(gate), ledger_(ledger), incarnation_(incarnation) {}

// Sums the run-queue wait of every thread of this process every 20 ms
// (about 6 system calls per thread per sample), for the late-command rule.
void LedgerLoad::sample_run_queue() {
  // Per thread, what it had waited at the last sample: the sum grows by each
  // one's increase, so a thread that ends (a tender replaced by a reopen)
  // takes nothing back.
  std::map<std::string, uint64_t> last;
  uint64_t total = 0;
  while (running_.load(std::memory_order_acquire)) {
    std::map<std::string, uint64_t> now;
    if (DIR* tasks = opendir("/proc/self/task")) {
      while (const dirent* task = readdir(tasks)) {
        if (task->d_name[0] == '.') continue;
        const std::string path = std::string("/proc/self/task/") + task->d_name + "/schedstat";
        const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
        const uint64_t waited = schedstat_waited_ms(fd);
        if (fd >= 0) close(fd);
        auto before = last.find(task->d_name);
        total += waited - std::min(waited, before == last.end() ? 0 : before->second);
        now[task->d_name] = waited;
      }
      closedir(tasks);
    }
    last = std::move(now);
    g_process_waited_ms.store(total, std::memory_order_release);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void LedgerLoad::start() {
  running_.store(true, std::memory_order_release);
  threads_.emplace_back([this] { sample_run_queue(); });
  for (int t = 0; t < kWritersPerWorker; ++t)
    threads_.emplace_back([this, t] { run(incarnation_ * kWritersPerWorker + static_cast<uint64_t>(t)); });
}

void LedgerLoad::stop() {
  running_.store(false, std::memory_order_release);
  for (auto& t : threads_) t.join();
  threads_.clear();
}

void LedgerLoad::run(uint64_t writer_id) {
  if (writer_id >= kMaxWriters) return;
  Writer writer(client_, ledger_, writer_id);
  std::mt19937 pace(static_cast<uint32_t>(writer_id));
  while (running_.load(std::memory_order_acquire)) {
    {
      std::shared_lock<std::shared_mutex> open(gate_);
      writer.round();
    }
    // A paced load: sixteen processes of two writers each leave the CPU to
    // the tenders and the driver, whose own bounds are timing bounds.
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 15)(pace)));
  }
}

}  // namespace chaos
