// The verdict on a cluster segment: is it tended, by whom, how recently, and
// can every partition be routed. One function decides, so `status` and
// `list` never disagree. The checks run in the order of State, and the first
// that applies is the verdict.
#pragma once

#include "namespace_summary.h"
#include "snapshot.h"

#include <cstdint>
#include <string>
#include <vector>

namespace asshm {

enum class State {
  corrupt,     // the header contradicts the layout
  orphaned,    // nobody attached, the owner is dead, nobody holds the lock file
  starting,    // never published; a live owner is building the map
  not_ready,   // never published and nobody is building it
  no_owner,    // published, but the lock byte is free
  owner_gone,  // the lock byte names a pid that is not running (others are attached)
  stale,       // the owner lives but has not stamped for more than two tend intervals
  no_nodes,    // tended, but no node is active
  degraded,    // tended, but some partition of some namespace has no master
  ok,
};

// "OK", "DEGRADED", "OWNER GONE", ...: the first word(s) of every verdict.
const char* state_name(State state);

struct Health {
  State state = State::corrupt;
  std::string verdict;  // state name, ": ", and the particulars
  int exit_code = 0;    // of `status`
  uint32_t owner_pid = 0;
  bool owner_alive = false;
  bool lock = false;       // the header's lock byte
  bool file_held = false;  // someone holds the aeroshim lock file of the key
  bool ready = false;
  long long tend_age_ms = -1;  // -1: never stamped
  uint32_t active_nodes = 0;
  std::vector<aeroshim::MapNode> nodes;
  std::vector<NamespaceSummary> namespaces;  // empty for a corrupt map
};

// `tend_interval_ms` is the clients' tender_interval: the segment does not
// record it, so the operator says it when it is not the default 1000 ms.
Health assess(const Snapshot& snapshot, uint32_t tend_interval_ms);

}  // namespace asshm
