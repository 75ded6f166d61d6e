// ShmSession: segment + map + ownership, in the order connect needs them and
// torn down in the reverse order (hand over, then detach and maybe remove).
#include "shm/shm_session.h"

#include "core/log.h"
#include "shm/futex.h"
#include "shm/liveness.h"
#include "shm/owner_file.h"
#include "shm/ownership.h"
#include "shm/segment.h"

#include <aerospike/as_shm_cluster.h>

#include <algorithm>

namespace aeroshim {

ShmSession::ShmSession(const ShmOptions& options, std::unique_ptr<Segment> segment)
    : options_(options),
      segment_(std::move(segment)),
      map_(segment_->base(), segment_->size(), SegmentLayout(options.geometry)) {}

Result<std::unique_ptr<ShmSession>> ShmSession::open(const ShmOptions& options) {
  if (options.geometry.max_nodes == 0 || options.geometry.max_namespaces == 0) {
    return Status::error(AEROSPIKE_ERR_PARAM,
                         "shm_max_nodes ({}) and shm_max_namespaces ({}) must both be positive",
                         options.geometry.max_nodes, options.geometry.max_namespaces);
  }
  Result<std::unique_ptr<Segment>> segment = Segment::open(options.key, options.geometry);
  if (!segment) return segment.status();
  Result<shm::OwnerFile> file = shm::OwnerFile::open(options.key);
  if (!file) return file.status();
  std::unique_ptr<ShmSession> session(new ShmSession(options, std::move(segment.value())));
  // A ready header is checked before the ownership attempt writes the lock,
  // pid and timestamp: a foreign or corrupted segment is refused untouched.
  if (session->map_.ready()) {
    if (Status status = session->check_geometry(); !status) {
      session->segment_->leave_in_place();
      return status;
    }
  }
  session->ownership_ = std::make_unique<Ownership>(
      session->map_, options.key, std::move(file.value()),
      uint64_t{options.takeover_threshold_sec} * 1000u);
  session->owner_at_connect_ = session->ownership_->connect();
  if (session->map_.ready()) {
    // Stock rule, extended to followers: a ready header that does not match
    // our geometry describes a layout we must not read or write. Checked
    // again because the owner may have published it while we attached.
    if (Status status = session->check_geometry(); !status) {
      session->segment_->leave_in_place();
      return status;
    }
  }
  return session;
}

ShmSession::~ShmSession() {
  if (ownership_) ownership_->release();
  ownership_.reset();
  segment_.reset();
}

TendRole& ShmSession::role() { return *ownership_; }

bool ShmSession::owner_now() const { return ownership_->is_owner(); }

Status ShmSession::check_geometry() const {
  Status status = map_.validate();
  if (status) return status;
  return Status::error(AEROSPIKE_ERR_CLIENT,
                       "shm_key {}: {} (this client: shm_max_nodes={}, shm_max_namespaces={}). "
                       "Stop every client on this key and run `ipcrm -M {}`, or use a new "
                       "shm_key for a rolling upgrade",
                       key_text(options_.key), status.message(), options_.geometry.max_nodes,
                       options_.geometry.max_namespaces, key_text(options_.key));
}

Status ShmSession::wait_ready(std::chrono::milliseconds limit) {
  const uint64_t deadline = monotonic_ms() + static_cast<uint64_t>(limit.count());
  as_cluster_shm* header = map_.header();
  for (;;) {
    uint32_t word = shm::load_state_word(header);
    if (((word >> 8) & 0xFFu) != 0) return check_geometry();
    if (ownership_->is_owner()) return Status::ok();
    uint64_t now = monotonic_ms();
    if (now >= deadline) break;
    // Woken by the owner's FUTEX_WAKE after ready; the 100 ms cap re-checks
    // for stock owners, which never wake anyone.
    shm::futex_wait(shm::state_word(header), word,
                    static_cast<uint32_t>(std::min<uint64_t>(deadline - now, 100)));
  }
  uint32_t owner = map_.owner_pid();
  return Status::error(AEROSPIKE_ERR_TIMEOUT,
                       "shm_key {}: the cluster map was not ready after {} ms; owner pid {} is {}. "
                       "The owner tends the cluster before publishing it: check that the seeds "
                       "are reachable from that process",
                       key_text(options_.key), limit.count(), owner,
                       shm::owner_alive(owner, options_.key) ? "alive" : "not running");
}

}  // namespace aeroshim
