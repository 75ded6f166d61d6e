#include "fault.h"

namespace asim {

std::optional<FaultKind> fault_kind(const std::string& name) {
  static const std::map<std::string, FaultKind> kNames = {
      {"delay", FaultKind::kDelay},       {"drop", FaultKind::kDrop},
      {"close", FaultKind::kClose},       {"close-mid", FaultKind::kCloseMid},
      {"close-after", FaultKind::kCloseAfter},
      {"garbage", FaultKind::kGarbage},   {"huge-length", FaultKind::kHugeLength},
      {"truncate", FaultKind::kTruncate},
  };
  auto it = kNames.find(name);
  if (it == kNames.end()) return std::nullopt;
  return it->second;
}

std::optional<Fault> FaultPlan::take(size_t node) {
  auto it = faults_.find(node);
  if (it == faults_.end()) return std::nullopt;
  const Fault hit = it->second;
  if (it->second.remaining == 1) {
    faults_.erase(it);
  } else if (it->second.remaining > 1) {
    --it->second.remaining;
  }
  return hit;
}

}  // namespace asim
