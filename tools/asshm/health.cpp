// The verdict, from a snapshot and the liveness of the processes it names.
#include "health.h"

#include "exit_codes.h"
#include "shm/liveness.h"
#include "shm/owner_file.h"
#include "shm/segment.h"

#include <fmt/format.h>

#include <ctime>
#include <utility>

namespace asshm {

namespace {

// The header's timestamp is CLOCK_MONOTONIC milliseconds (as in stock).
uint64_t monotonic_now_ms() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return static_cast<uint64_t>(now.tv_sec) * 1000 + static_cast<uint64_t>(now.tv_nsec) / 1000000;
}

// "test 100/4096, strong 4/4096" for the namespaces with partitions lacking a master.
std::string masterless_text(const std::vector<NamespaceSummary>& namespaces) {
  std::string text;
  for (const NamespaceSummary& ns : namespaces) {
    if (ns.without_master() == 0) continue;
    text += fmt::format("{}{} {}/{}", text.empty() ? "" : ", ", ns.name, ns.without_master(),
                        aeroshim::SegmentLayout::kPartitions);
  }
  return text;
}

}  // namespace

const char* state_name(State state) {
  switch (state) {
    case State::corrupt: return "CORRUPT";
    case State::orphaned: return "ORPHANED";
    case State::starting: return "STARTING";
    case State::not_ready: return "NOT READY";
    case State::no_owner: return "NO OWNER";
    case State::owner_gone: return "OWNER GONE";
    case State::stale: return "STALE";
    case State::no_nodes: return "NO NODES";
    case State::degraded: return "DEGRADED";
    case State::ok: return "OK";
  }
  return "?";
}

namespace {

// What the segment and the processes it names say, before any judgement.
Health observe(const Snapshot& snapshot, const aeroshim::ClusterMap& map, bool valid) {
  const int key = snapshot.key;
  Health h;
  h.owner_pid = map.owner_pid();
  h.lock = map.header()->lock != 0;
  h.ready = map.ready();
  h.owner_alive = aeroshim::shm::owner_alive(h.owner_pid, key);
  h.file_held = aeroshim::shm::OwnerFile::held_by_someone(key);
  const uint64_t stamp = map.timestamp_ms();
  h.tend_age_ms = stamp == 0 ? -1 : static_cast<long long>(monotonic_now_ms() - stamp);
  h.nodes = map.nodes();
  for (const aeroshim::MapNode& n : h.nodes) h.active_nodes += n.active;
  // Only a valid map's tables are worth counting.
  if (valid) h.namespaces = summarize_namespaces(map);
  return h;
}

// The first state of State's order that applies, and its particulars.
std::pair<State, std::string> judge(const Snapshot& snapshot, const Health& h,
                                    const aeroshim::Status& valid, uint32_t tend_interval_ms) {
  const long long stale_after_ms = 2LL * tend_interval_ms;
  if (!valid) return {State::corrupt, valid.message()};
  if (snapshot.info.shm_nattch == 0 && !h.owner_alive && !h.file_held) {
    return {State::orphaned,
            fmt::format("no process is attached and the owner (pid {}) is gone; nothing will "
                        "tend or remove it: asshm rm --key {} removes it",
                        h.owner_pid, aeroshim::key_text(snapshot.key))};
  }
  if (!h.ready) {
    if (h.lock && h.owner_alive)
      return {State::starting, "the owner has not published the map yet"};
    return {State::not_ready, "nobody is initializing this segment"};
  }
  if (!h.lock) return {State::no_owner, "the map is not tended until a client takes over"};
  if (!h.owner_alive) {
    return {State::owner_gone,
            fmt::format("pid {} is not running; an attached client takes over soon", h.owner_pid)};
  }
  if (h.tend_age_ms > stale_after_ms) {
    return {State::stale,
            fmt::format("owner pid {} is alive but has not tended for {} ms, more than two tend "
                        "intervals ({} ms; --tend-interval if the clients' tender_interval "
                        "differs)",
                        h.owner_pid, h.tend_age_ms, stale_after_ms)};
  }
  if (h.active_nodes == 0) return {State::no_nodes, "the owner tends but reaches no server"};
  if (std::string masterless = masterless_text(h.namespaces); !masterless.empty()) {
    return {State::degraded, "partitions without a master: " + masterless};
  }
  return {State::ok, fmt::format("pid {} tends {} active node(s), last {} ms ago", h.owner_pid,
                                 h.active_nodes, h.tend_age_ms)};
}

}  // namespace

Health assess(const Snapshot& snapshot, uint32_t tend_interval_ms) {
  const aeroshim::ClusterMap map = snapshot.map();
  const aeroshim::Status valid = map.validate();
  Health h = observe(snapshot, map, static_cast<bool>(valid));
  auto [state, why] = judge(snapshot, h, valid, tend_interval_ms);
  h.state = state;
  h.verdict = fmt::format("{}: {}", state_name(state), why);
  h.exit_code = state == State::ok         ? kExitOk
                : state == State::degraded ? kExitDegraded
                                           : kExitNotTended;
  return h;
}

}  // namespace asshm
