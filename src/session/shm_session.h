// ShmSession: everything a client needs to share one cluster map with other
// processes on this host, behind one object: the System V segment, the map
// over it, and this process's tend role (the ownership protocol).
//
// attach() is the whole connect sequence, and the only copy of it: attach
// the segment, check a ready header before touching it, try to own; then an
// owner of a map that is not ready yet initializes the header, runs the first
// tend it is given and publishes `ready`, while every other process waits for
// the owner's `ready` (and becomes the owner itself if ownership comes free
// while it waits). Destruction hands ownership over (lock = 0, wake the
// followers, drop the kernel lock), detaches, and removes the segment and the
// lock file when this was the last process.
#pragma once

#include "core/status.h"
#include "map/cluster_map.h"
#include "shm/segment_layout.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

namespace aeroshim {

class Segment;
class Ownership;
class TendRole;

struct ShmOptions {
  int key = 0;
  SegmentGeometry geometry;
  uint32_t takeover_threshold_sec = 30;
  // How long a follower waits for the owner's first complete map (stock: 10 s).
  std::chrono::milliseconds ready_wait{10000};
};

// The first tend of a map nobody has published yet, run by its owner with
// the session's map and role. An error fails the attach (and hands
// ownership back untouched).
using FirstTend = std::function<Status(ClusterMap& map, TendRole& role)>;

class ShmSession {
 public:
  // Errors are as_error-ready: they name the key, the sizes and the remedy.
  static Result<std::unique_ptr<ShmSession>> attach(const ShmOptions& options,
                                                    const FirstTend& first_tend);
  ~ShmSession();
  ShmSession(const ShmSession&) = delete;
  ShmSession& operator=(const ShmSession&) = delete;

  ClusterMap& map() { return map_; }
  TendRole& role();
  // True when this process ran the first tend during attach(); otherwise it
  // starts from the nodes already in the map (as follower, or as an owner
  // that inherited a ready map and re-learns it in its first cycle).
  bool tended_at_attach() const { return tended_at_attach_; }
  // True when this process owns the map right now.
  bool owner_now() const;

 private:
  ShmSession(const ShmOptions& options, std::unique_ptr<Segment> segment);
  Status start(const FirstTend& first_tend);
  // Blocks until the owner has published `ready`, woken by the owner
  // (futex), with a short re-check for stock owners that never wake anyone.
  // OK once ready, or as soon as this process became the owner of a map that
  // is still not ready. AEROSPIKE_ERR_TIMEOUT after options.ready_wait.
  Status wait_ready();
  Status publish_first_map(const FirstTend& first_tend);
  // The geometry check of a ready header, before anything is written to it.
  Status check_geometry() const;

  ShmOptions options_;
  std::unique_ptr<Segment> segment_;
  ClusterMap map_;
  std::unique_ptr<Ownership> ownership_;
  bool tended_at_attach_ = false;
};

}  // namespace aeroshim
