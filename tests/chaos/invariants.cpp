#include "invariants.h"

#include <algorithm>
#include <string>
#include <vector>

namespace chaos {

void Invariants::observe(Fleet& fleet, uint64_t now_ms) {
  std::vector<Claim> claims;
  bool running = false;
  const Sample* newest = nullptr;
  std::vector<Sample> samples(fleet.size());
  for (int slot = 0; slot < fleet.size(); ++slot) {
    const WorkerProcess& w = fleet.at(slot);
    if (w.pid <= 0 || w.stopped || w.kill_sent) continue;
    Sample& s = samples[slot];
    // A sample older than the last SIGCONT was taken before the stop and
    // says nothing about the present; one from the previous process in the
    // slot is not this worker's. The worker's own flag, not the driver's
    // bookkeeping, says whether it is connected: it is cleared before close.
    if (!board_.slots[slot].read(s) || s.pid != static_cast<uint32_t>(w.pid) || !s.connected ||
        s.at_ms < w.running_since_ms)
      continue;
    running = true;
    ++samples_;
    if (!newest || s.at_ms > newest->at_ms) newest = &s;
    if (s.claims) claims.push_back(Claim{s.pid, s.owner_pid, std::max(s.claim_since_ms, w.running_since_ms), s.at_ms});
    check_age(s, now_ms);
  }
  if (running && !some_running_) running_again_ms_ = now_ms;
  some_running_ = running;
  if (newest && newest->at_ms > last_owner_at_) {
    if (newest->owner_pid != last_owner_ && newest->owner_pid != 0) {
      if (last_owner_ != 0) ++owner_changes_;
      report_.event(now_ms, "segment owner_pid " + std::to_string(last_owner_) + " -> " +
                                std::to_string(newest->owner_pid));
      last_owner_ = newest->owner_pid;
    }
    last_owner_at_ = newest->at_ms;
  }
  check_writers(claims, now_ms);
}

void Invariants::check_writers(const std::vector<Claim>& claims, uint64_t now_ms) {
  for (size_t i = 0; i < claims.size(); ++i) {
    const Claim& a = claims[i];
    if (a.owner_pid != a.pid && a.to_ms > a.from_ms + bounds_.writer_overlap_ms &&
        reported_claims_.insert({a.pid, a.from_ms}).second) {
      report_.violation(now_ms, "pid " + std::to_string(a.pid) + " has claimed to tend for " +
                                    std::to_string(a.to_ms - a.from_ms) + " ms of running time while the segment's " +
                                    "owner_pid is " + std::to_string(a.owner_pid) + " (no step-down)");
    }
    for (size_t j = i + 1; j < claims.size(); ++j) {
      const Claim& b = claims[j];
      const uint64_t from = std::max(a.from_ms, b.from_ms);
      const uint64_t to = std::min(a.to_ms, b.to_ms);
      if (to <= from + bounds_.writer_overlap_ms) continue;
      if (!reported_pairs_.insert({std::min(a.pid, b.pid), std::max(a.pid, b.pid)}).second) continue;
      report_.violation(now_ms, "two writers: pids " + std::to_string(a.pid) + " and " + std::to_string(b.pid) +
                                    " both claimed to tend while running for " + std::to_string(to - from) +
                                    " ms (bound " + std::to_string(bounds_.writer_overlap_ms) +
                                    " ms); segment owner_pid as each saw it: " + std::to_string(a.owner_pid) +
                                    ", " + std::to_string(b.owner_pid));
    }
  }
}

void Invariants::check_age(const Sample& s, uint64_t now_ms) {
  const uint64_t since = std::max(s.stamp_ms, running_again_ms_);
  const uint64_t age = s.at_ms > since ? s.at_ms - since : 0;
  oldest_map_ms_ = std::max(oldest_map_ms_, age);
  if (age <= bounds_.map_age_ms || s.stamp_ms == reported_stamp_) return;  // one report per stale stamp
  reported_stamp_ = s.stamp_ms;
  report_.violation(now_ms, "map age " + std::to_string(age) + " ms > bound " + std::to_string(bounds_.map_age_ms) +
                                " ms as seen by pid " + std::to_string(s.pid) + " (segment owner_pid " +
                                std::to_string(s.owner_pid) + ", stamp " + std::to_string(s.stamp_ms) +
                                ", sampled at " + std::to_string(s.at_ms) + ")");
}

}  // namespace chaos
