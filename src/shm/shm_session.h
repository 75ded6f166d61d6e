// ShmSession: everything a client needs to share one cluster map with other
// processes on this host, behind one object: the System V segment, the map
// over it, and this process's tend role (the ownership protocol).
//
// Connect sequence the client follows:
//   auto session = ShmSession::open(options);        // attaches, tries to own
//   if (session->owner_at_connect() && !session->map().ready()) {
//     session->map().initialize_header();  tend once;  session->map().publish_ready();
//   } else {
//     session->wait_ready(10s);                       // woken by the owner
//   }
// The tender then asks session->role() every cycle. Destruction hands
// ownership over (lock = 0, wake the followers, drop the kernel lock),
// detaches, and removes the segment when this was the last process.
#pragma once

#include "core/status.h"
#include "map/cluster_map.h"
#include "shm/segment_layout.h"

#include <chrono>
#include <cstdint>
#include <memory>

namespace aeroshim {

class Segment;
class Ownership;
class TendRole;

struct ShmOptions {
  int key = 0;
  SegmentGeometry geometry;
  uint32_t takeover_threshold_sec = 30;
  uint32_t tend_interval_ms = 1000;
};

class ShmSession {
 public:
  // Creates or attaches the segment, checks its size and (when ready) its
  // header against options.geometry, and attempts ownership once. Errors are
  // as_error-ready: they name the key, the sizes and the remedy.
  static Result<std::unique_ptr<ShmSession>> open(const ShmOptions& options);
  ~ShmSession();
  ShmSession(const ShmSession&) = delete;
  ShmSession& operator=(const ShmSession&) = delete;

  ClusterMap& map() { return map_; }
  TendRole& role();
  // True when this process won ownership during open().
  bool owner_at_connect() const { return owner_at_connect_; }
  // True when this process owns the map right now (it may have taken over
  // since open(), e.g. while waiting for `ready`).
  bool owner_now() const;
  // Blocks until the owner has published `ready`, woken by the owner
  // (futex), with a short re-check for stock owners that never wake anyone.
  // OK once ready (and the header matches our geometry), or as soon as this
  // process became the owner of a segment that is still not ready: then the
  // caller initializes it as an owner at connect would (check map().ready()).
  // AEROSPIKE_ERR_TIMEOUT after `limit`, naming the key and owner pid.
  Status wait_ready(std::chrono::milliseconds limit);
  // The geometry check an owner repeats after it takes over a ready segment.
  Status check_geometry() const;

 private:
  ShmSession(const ShmOptions& options, std::unique_ptr<Segment> segment);

  ShmOptions options_;
  std::unique_ptr<Segment> segment_;
  ClusterMap map_;
  std::unique_ptr<Ownership> ownership_;
  bool owner_at_connect_ = false;
};

}  // namespace aeroshim
