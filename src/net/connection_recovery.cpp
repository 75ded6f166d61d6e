#include "net/connection_recovery.h"

#include "proto/frame.h"

#include <aerospike/as_atomic.h>

#include <utility>

namespace aeroshim {
namespace {
constexpr size_t kDrainChunk = 4096;
}  // namespace

void ConnectionRecovery::add(PooledConnection connection, as_node* node, Deadline deadline) {
  as_node_reserve(node);
  Pending p;
  p.connection = std::move(connection);
  p.node = node;
  p.deadline = deadline;
  std::lock_guard<std::mutex> lock(mutex_);
  pending_.push_back(std::move(p));
}

void ConnectionRecovery::finish(Pending& p, bool recovered) {
  if (recovered) {
    p.connection.checkin();
    as_incr_uint32(&p.node->sync_conns_recovered);
  } else {
    p.connection.discard();
    as_incr_uint32(&p.node->sync_conns_aborted);
  }
  as_node_release(p.node);
  p.node = nullptr;
}

bool ConnectionRecovery::advance(Pending& p, std::chrono::steady_clock::time_point now) {
  uint8_t scratch[kDrainChunk];
  for (;;) {
    const bool in_header = p.header_got < proto::kFrameHeaderSize;
    uint8_t* into = in_header ? p.header + p.header_got : scratch;
    const size_t want = in_header
                            ? proto::kFrameHeaderSize - p.header_got
                            : static_cast<size_t>(std::min<uint64_t>(p.body_left, kDrainChunk));
    auto got = p.connection->read_available(into, want);
    if (!got) {
      finish(p, false);
      return true;
    }
    if (*got == 0) break;
    if (in_header) {
      p.header_got += *got;
      if (p.header_got < proto::kFrameHeaderSize) continue;
      const proto::FrameHeader header = proto::decode_frame_header(p.header);
      if (header.version != proto::kVersion || header.body_size > proto::kMaxBodySize) {
        finish(p, false);
        return true;
      }
      p.body_left = header.body_size;
    } else {
      p.body_left -= *got;
    }
    if (p.header_got == proto::kFrameHeaderSize && p.body_left == 0) {
      finish(p, true);
      return true;
    }
  }
  if (now >= p.deadline) {
    finish(p, false);
    return true;
  }
  return false;
}

void ConnectionRecovery::drain(std::chrono::steady_clock::time_point now) {
  std::vector<Pending> work;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    work.swap(pending_);
  }
  std::vector<Pending> still;
  for (Pending& p : work)
    if (!advance(p, now)) still.push_back(std::move(p));
  std::lock_guard<std::mutex> lock(mutex_);
  for (Pending& p : still) pending_.push_back(std::move(p));
}

void ConnectionRecovery::clear() {
  std::vector<Pending> work;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    work.swap(pending_);
  }
  for (Pending& p : work) finish(p, false);
}

size_t ConnectionRecovery::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pending_.size();
}

}  // namespace aeroshim
