// ShmSession: segment + map + ownership, in the order connect needs them and
// torn down in the reverse order (hand over, then detach and maybe remove).
#include "session/shm_session.h"

#include "core/clock.h"
#include "core/log.h"
#include "session/ownership.h"
#include "shm/liveness.h"
#include "shm/owner_file.h"
#include "shm/segment.h"

#include <unistd.h>

#include <algorithm>

namespace aeroshim {

ShmSession::ShmSession(const ShmOptions& options, std::unique_ptr<Segment> segment)
    : options_(options),
      segment_(std::move(segment)),
      map_(segment_->base(), segment_->size(), SegmentLayout(options.geometry)) {}

Result<std::unique_ptr<ShmSession>> ShmSession::attach(const ShmOptions& options,
                                                       const FirstTend& first_tend) {
  if (options.geometry.max_nodes == 0 || options.geometry.max_namespaces == 0) {
    return Status::error(AEROSPIKE_ERR_PARAM,
                         "shm_max_nodes ({}) and shm_max_namespaces ({}) must both be positive",
                         options.geometry.max_nodes, options.geometry.max_namespaces);
  }
  Result<std::unique_ptr<Segment>> segment = Segment::open(options.key, options.geometry);
  if (!segment) return segment.status();
  if (segment.value()->created()) log_info("Create shared memory cluster: {}", getpid());
  std::unique_ptr<ShmSession> session(new ShmSession(options, std::move(segment.value())));
  // On failure the session's destructor hands back whatever was taken, and
  // removes the segment and lock file when nobody else uses them.
  if (Status started = session->start(first_tend); !started) return started;
  return session;
}

Status ShmSession::start(const FirstTend& first_tend) {
  // A ready header is checked before the ownership attempt writes the lock,
  // pid and timestamp: a foreign or corrupted segment is refused untouched.
  if (map_.ready()) {
    if (Status status = check_geometry(); !status) return status;
  }
  Result<shm::OwnerFile> file = shm::OwnerFile::open(options_.key);
  if (!file) return file.status();
  ownership_ = std::make_unique<Ownership>(map_, options_.key, std::move(file.value()),
                                           uint64_t{options_.takeover_threshold_sec} * 1000u);
  const bool owner = ownership_->connect();
  if (map_.ready()) {
    if (owner) log_info("Cluster already initialized: {}", getpid());
    // Checked again: the owner may have published while we attached.
    return check_geometry();
  }
  if (!owner) {
    if (Status ready = wait_ready(); !ready) return ready;
    if (map_.ready()) return Status::ok();
  }
  return publish_first_map(first_tend);
}

Status ShmSession::publish_first_map(const FirstTend& first_tend) {
  log_info("Initialize cluster: {}", getpid());
  map_.initialize_header();
  if (Status tended = first_tend(map_, role()); !tended) return tended;
  map_.publish_ready();
  role().tended(monotonic_ms());
  tended_at_attach_ = true;
  return Status::ok();
}

ShmSession::~ShmSession() {
  if (ownership_) ownership_->release();
  ownership_.reset();
  if (!segment_) return;
  const bool refused = !segment_->removable();
  // The lock file goes with the segment: with neither left, the next
  // process on this key starts from nothing, as it would with stock.
  if (segment_->detach() && !refused) {
    log_info("Remove shared memory segment: {}", getpid());
    shm::OwnerFile::remove(options_.key);
  }
}

TendRole& ShmSession::role() { return *ownership_; }

bool ShmSession::owner_now() const { return ownership_ && ownership_->is_owner(); }

Status ShmSession::check_geometry() const {
  Status status = map_.validate();
  if (status) return status;
  segment_->leave_in_place();
  return Status::error(AEROSPIKE_ERR_CLIENT,
                       "shm_key {}: {} (this client: shm_max_nodes={}, shm_max_namespaces={}). "
                       "Stop every client on this key and run `ipcrm -M {}`, or use a new "
                       "shm_key for a rolling upgrade",
                       key_text(options_.key), status.message(), options_.geometry.max_nodes,
                       options_.geometry.max_namespaces, key_text(options_.key));
}

Status ShmSession::wait_ready() {
  const uint64_t deadline = monotonic_ms() + static_cast<uint64_t>(options_.ready_wait.count());
  for (;;) {
    const uint32_t word = map_.state_word();
    if (ClusterMap::ready_bit(word)) {
      log_info("Follow cluster initialized: {}", getpid());
      return check_geometry();
    }
    if (ownership_->is_owner()) return Status::ok();
    const uint64_t now = monotonic_ms();
    if (now >= deadline) break;
    // Woken by the owner's FUTEX_WAKE after ready; the 100 ms cap re-checks
    // for stock owners, which never wake anyone.
    map_.wait_state_change(word, static_cast<uint32_t>(std::min<uint64_t>(deadline - now, 100)));
  }
  log_warn("Follow cluster initialize timed out: {}", getpid());
  const uint32_t owner = map_.owner_pid();
  return Status::error(AEROSPIKE_ERR_TIMEOUT,
                       "shm_key {}: the cluster map was not ready after {} ms; owner pid {} is {}. "
                       "The owner tends the cluster before publishing it: check that the seeds "
                       "are reachable from that process",
                       key_text(options_.key), options_.ready_wait.count(), owner,
                       shm::owner_alive(owner, options_.key) ? "alive" : "not running");
}

}  // namespace aeroshim
