#include "audit.h"

#include <cinttypes>
#include <cstdio>
#include <optional>
#include <sstream>
#include <utility>

namespace chaos {
namespace {

// One record of the ledger set as asim holds it.
struct Stored {
  int64_t seq = -1, writer = -1, key = -1;
  std::string proof;
};

std::optional<std::string> unhex(const std::string& text) {
  if (text.size() % 2) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < text.size(); i += 2) {
    unsigned byte = 0;
    if (std::sscanf(text.c_str() + i, "%2x", &byte) != 1) return std::nullopt;
    out += static_cast<char>(byte);
  }
  return out;
}

std::vector<std::string> split(const std::string& text, char by) {
  std::vector<std::string> parts;
  if (text.empty()) return parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, by)) parts.push_back(part);
  return parts;
}

// DIGEST/GEN/NAME:TYPE:VALUE,...  (tools/asim/README.md, asim-dump).
std::optional<Stored> parse_record(const std::string& entry) {
  const std::vector<std::string> fields = split(entry, '/');
  if (fields.size() != 3) return std::nullopt;
  Stored s;
  for (const std::string& bin : split(fields[2], ',')) {
    const std::vector<std::string> parts = split(bin, ':');
    if (parts.size() != 3) return std::nullopt;
    const auto name = unhex(parts[0]);
    const auto value = unhex(parts[2]);
    if (!name || !value) return std::nullopt;
    if (parts[1] == "1" && value->size() == 8) {
      uint64_t v = 0;
      for (unsigned char c : *value) v = v << 8 | c;
      const auto as_int = static_cast<int64_t>(v);
      if (*name == kSeqBin) s.seq = as_int;
      if (*name == kWriterBin) s.writer = as_int;
      if (*name == kKeyBin) s.key = as_int;
    } else if (parts[1] == "3" && *name == kProofBin) {
      s.proof = *value;
    }
  }
  return s;
}

bool excused(const StopWindows& stops, pid_t pid, uint64_t from_ms, uint64_t to_ms) {
  auto it = stops.find(pid);
  if (it == stops.end()) return false;
  for (const StopWindow& w : it->second)
    if (from_ms <= w.to_ms && to_ms >= w.from_ms) return true;
  return false;
}

}  // namespace

AuditCounts audit(const Ledger& ledger, const std::string& dump, const StopWindows& stops, Report& report,
                  uint64_t start_ms, uint64_t now_ms) {
  AuditCounts c;
  std::map<std::pair<int64_t, int64_t>, Stored> store;
  for (const std::string& entry : split(dump, ';')) {
    auto s = parse_record(entry);
    ++c.records;
    if (!s || s->writer < 0 || s->key < 0 || s->seq <= 0 ||
        s->proof != ledger_proof(static_cast<uint64_t>(s->writer), static_cast<uint64_t>(s->key),
                                 static_cast<uint64_t>(s->seq))) {
      ++c.wrong_values;
      report.violation(now_ms, "asim holds a ledger record that no write made whole: " + entry);
      continue;
    }
    store[{s->writer, s->key}] = *s;
  }

  const uint64_t writers =
      std::min<uint64_t>(ledger.incarnations.load(std::memory_order_acquire) * kWritersPerWorker, kMaxWriters);
  for (uint64_t w = 0; w < writers; ++w) {
    const WriterEntry& e = ledger.writers[w];
    const uint64_t used = std::min<uint64_t>(e.keys_used.load(std::memory_order_acquire), kKeysPerWriter);
    if (used) ++c.writers;
    c.writes += e.writes.load(std::memory_order_relaxed);
    c.acked += e.acked.load(std::memory_order_relaxed);
    c.in_doubt += e.in_doubt.load(std::memory_order_relaxed);
    c.failed += e.failed.load(std::memory_order_relaxed);
    c.failed_verified += e.failed_verified.load(std::memory_order_relaxed);
    c.reads += e.reads.load(std::memory_order_relaxed);
    c.cross_reads += e.cross_reads.load(std::memory_order_relaxed);
    c.read_errors += e.read_errors.load(std::memory_order_relaxed);
    c.stop_spans += e.stop_spans.load(std::memory_order_relaxed);
    c.cpu_excused += e.cpu_excused.load(std::memory_order_relaxed);
    c.slowest_over_ms = std::max(c.slowest_over_ms, e.slowest_over_ms.load(std::memory_order_relaxed));
    const uint64_t wrong_reads = e.wrong_reads.load(std::memory_order_relaxed);
    if (wrong_reads) {
      c.wrong_values += wrong_reads;
      report.violation(now_ms, "writer " + std::to_string(w) + " (pid " + std::to_string(e.pid.load()) + ") read " +
                                   std::to_string(wrong_reads) + " wrong values (LEDGER VIOLATION lines above)");
    }

    const auto pid = static_cast<pid_t>(e.pid.load(std::memory_order_relaxed));
    const uint64_t late = e.late_count.load(std::memory_order_acquire);
    for (uint64_t i = 0; i < std::min<uint64_t>(late, kLateEntries); ++i) {
      const LateCommand& l = e.late[i];
      const uint64_t from = l.start_ms.load(std::memory_order_relaxed);
      const uint64_t to = l.end_ms.load(std::memory_order_relaxed);
      if (excused(stops, pid, from, to)) {
        ++c.late_excused;
        continue;
      }
      ++c.late;
      const uint64_t what = l.what.load(std::memory_order_relaxed);
      char when[64];
      std::snprintf(when, sizeof(when), " from %.3f s to %.3f s", (from - start_ms) / 1000.0, (to - start_ms) / 1000.0);
      const char kind = static_cast<char>(what & 0xff);
      report.violation(now_ms, "writer " + std::to_string(w) + " (pid " + std::to_string(pid) + "): a " +
                                   (kind == 'w' ? "write" : kind == 'x' ? "read of another writer's key" : "read") +
                                   when + " ran " + std::to_string(l.over_ms.load()) +
                                   " ms past its total timeout (status " +
                                   std::to_string(static_cast<int32_t>(what >> 8)) + ", run-queue wait deducted)");
    }
    if (late > kLateEntries) {
      c.late += late - kLateEntries;
      report.violation(now_ms, "writer " + std::to_string(w) + ": " + std::to_string(late - kLateEntries) +
                                   " more late commands than the ledger keeps");
    }

    for (uint64_t k = 0; k < used; ++k) {
      const KeyEntry& key = e.keys[k];
      ++c.keys;
      const uint64_t attempted = key.attempted.load(std::memory_order_acquire);
      const uint64_t acked = key.acked.load(std::memory_order_acquire);
      const auto outcome = static_cast<Outcome>(key.outcome.load(std::memory_order_acquire));
      auto it = store.find({static_cast<int64_t>(w), static_cast<int64_t>(k)});
      const uint64_t held = it == store.end() ? 0 : static_cast<uint64_t>(it->second.seq);
      if (it != store.end()) store.erase(it);
      const std::string where = ledger_key_name(w, k) + " (pid " + std::to_string(pid) + ")";
      const bool open_ended = attempted != acked && (outcome == Outcome::kSending || outcome == Outcome::kInDoubt);
      if (outcome == Outcome::kSending && attempted != acked) ++c.unknown;
      if (outcome == Outcome::kInDoubt && held == attempted && attempted != acked) ++c.in_doubt_applied;
      if (held == acked) continue;
      if (open_ended && held == attempted) continue;
      if (held < acked) {
        ++c.lost;
        report.violation(now_ms, "acknowledged write lost: " + where + " was acknowledged at seq " +
                                     std::to_string(acked) + ", asim holds " +
                                     (held ? "seq " + std::to_string(held) : std::string("no record")));
      } else if (outcome == Outcome::kFailed && held == attempted) {
        ++c.applied_not_in_doubt;
        report.violation(now_ms, "write applied though the client said in_doubt = false: " + where + " seq " +
                                     std::to_string(attempted) + " failed with status " +
                                     std::to_string(static_cast<int64_t>(key.status.load())));
      } else {
        ++c.wrong_values;
        report.violation(now_ms, "asim holds seq " + std::to_string(held) + " for " + where + ", which was never " +
                                     "acknowledged or in doubt (acked " + std::to_string(acked) + ", attempted " +
                                     std::to_string(attempted) + ")");
      }
    }
  }
  for (const auto& [id, s] : store) {
    ++c.wrong_values;
    report.violation(now_ms, "asim holds " + ledger_key_name(static_cast<uint64_t>(id.first), static_cast<uint64_t>(id.second)) +
                                 " seq " + std::to_string(s.seq) + ", a key no writer of the ledger used");
  }
  return c;
}

}  // namespace chaos
