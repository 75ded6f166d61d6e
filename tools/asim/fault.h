// Faults a test arms on one node so that client code meets the network and
// server failures it must survive: late answers, no answers, closed
// connections, and answers that are not valid frames.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace asim {

enum class FaultKind {
  kDelay,       // answer after `delay_ms`; past the request's server timeout: TIMEOUT (9)
  kDrop,        // read the request, never answer (the connection stays open)
  kClose,       // close the connection without answering
  kCloseMid,    // send the first half of the answer, then close
  kCloseAfter,  // apply the request, then close without sending a byte of the answer
  kGarbage,     // answer 16 bytes that are not a frame header
  kHugeLength,  // answer a message frame header declaring a 2^40-byte body, then nothing
  kTruncate,    // send the answer's header and half its body, keep the connection open
};

struct Fault {
  FaultKind kind = FaultKind::kDelay;
  uint32_t remaining = 1;  // data requests left to hit; 0: until cleared
  uint32_t delay_ms = 0;
};

std::optional<FaultKind> fault_kind(const std::string& name);

// The faults armed per node (by node index). Only data requests (message
// and compressed frames) consume them; info requests are always answered.
class FaultPlan {
 public:
  void arm(size_t node, const Fault& fault) { faults_[node] = fault; }
  void clear(size_t node) { faults_.erase(node); }
  void clear_all() { faults_.clear(); }
  // The fault hitting node's next data request, counted down.
  std::optional<Fault> take(size_t node);

 private:
  std::map<size_t, Fault> faults_;
};

}  // namespace asim
