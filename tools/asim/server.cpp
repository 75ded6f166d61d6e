#include "server.h"

#include "proto/frame.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace asim {
namespace {

using aeroshim::Result;
using aeroshim::Status;
namespace proto = aeroshim::proto;

// Tags in epoll data: listeners and the signal fd are told apart from
// connections by the high bits.
constexpr uint64_t kListenerTag = uint64_t{1} << 62;
constexpr uint64_t kSignalTag = uint64_t{1} << 61;

// Read at most this much per wake-up so one busy peer cannot starve others.
constexpr size_t kReadChunk = 64 * 1024;

}  // namespace

uint64_t monotonic_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000 + static_cast<uint64_t>(ts.tv_nsec) / 1000000;
}

Server::Server(Cluster& cluster, FrameRecorder* recorder)
    : cluster_(cluster), recorder_(recorder), info_(cluster, *this) {
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
}

Server::~Server() {
  for (auto& [fd, c] : connections_) ::close(fd);
  for (int fd : listeners_)
    if (fd >= 0) ::close(fd);
  if (epoll_fd_ >= 0) ::close(epoll_fd_);
}

Result<uint16_t> Server::start(size_t node) {
  if (listeners_.size() <= node) listeners_.resize(node + 1, -1);
  const uint16_t wanted = cluster_.nodes()[node].port;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return Status::error(AEROSPIKE_ERR_CLIENT, "socket: {}", strerror(errno));
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(wanted);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(fd, 1024) != 0) {
    const int e = errno;
    ::close(fd);
    if (e == EADDRINUSE) return Status::error(AEROSPIKE_ERR_CLIENT, "port 127.0.0.1:{} is already in use", wanted);
    return Status::error(AEROSPIKE_ERR_CLIENT, "cannot listen on 127.0.0.1:{}: {}", wanted, strerror(e));
  }
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const uint16_t port = ntohs(addr.sin_port);
  if (wanted == 0) cluster_.set_port(node, port);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kListenerTag | node;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev);
  listeners_[node] = fd;
  cluster_.node_started(node);
  return port;
}

void Server::stop(size_t node) { pending_stops_.push_back(node); }

void Server::apply_pending_stops() {
  for (size_t node : pending_stops_) {
    if (node >= listeners_.size() || listeners_[node] < 0) continue;
    ::close(listeners_[node]);
    listeners_[node] = -1;
    std::vector<int> doomed;
    for (auto& [fd, c] : connections_)
      if (c->node == node) doomed.push_back(fd);
    for (int fd : doomed) close_connection(fd);
    cluster_.node_stopped(node);
  }
  pending_stops_.clear();
}

void Server::accept_all(size_t node) {
  for (;;) {
    int fd = accept4(listeners_[node], nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;  // EAGAIN, or a connection reset before we got to it
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto c = std::make_unique<Connection>();
    c->fd = fd;
    c->node = node;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP;
    ev.data.u64 = static_cast<uint64_t>(fd);
    epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev);
    connections_[fd] = std::move(c);
  }
}

void Server::close_connection(int fd) {
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  ::close(fd);
  connections_.erase(fd);
}

void Server::on_readable(Connection& c) {
  char buf[kReadChunk];
  const ssize_t n = ::read(c.fd, buf, sizeof buf);
  if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
    close_connection(c.fd);
    return;
  }
  if (n < 0) return;
  c.in.append(buf, static_cast<size_t>(n));
  const int fd = c.fd;
  if (!handle_frames(c) || !flush(c)) close_connection(fd);
}

bool Server::handle_frames(Connection& c) {
  auto& stats = cluster_.nodes()[c.node].stats;
  while (c.in.size() - c.in_pos >= proto::kFrameHeaderSize) {
    const auto* head = reinterpret_cast<const uint8_t*>(c.in.data() + c.in_pos);
    const proto::FrameHeader h = proto::decode_frame_header(head);
    // Admin frames are not served. Compressed ones are recorded (that is what
    // the client sent) but refused below, since asim does not inflate them.
    if (proto::frame_header_problem(h) || h.type == static_cast<uint8_t>(proto::FrameType::kAdmin)) {
      ++stats.bad_frames;
      return false;
    }
    if (c.in.size() - c.in_pos - proto::kFrameHeaderSize < h.body_size) break;
    if (recorder_ && h.type != static_cast<uint8_t>(proto::FrameType::kInfo))
      recorder_->record(head, proto::kFrameHeaderSize + h.body_size);
    if (h.type == static_cast<uint8_t>(proto::FrameType::kCompressed)) {
      ++stats.bad_frames;
      return false;
    }
    const std::string_view body(c.in.data() + c.in_pos + proto::kFrameHeaderSize, h.body_size);
    if (h.type == static_cast<uint8_t>(proto::FrameType::kInfo)) {
      const std::string answer = info_.answer(c.node, body);
      uint8_t header[proto::kFrameHeaderSize];
      proto::encode_frame_header(proto::FrameType::kInfo, answer.size(), header);
      c.out.append(reinterpret_cast<const char*>(header), sizeof header);
      c.out += answer;
    } else {
      auto request = proto::parse_message(body);
      if (!request) {
        ++stats.bad_frames;
        return false;
      }
      const bool is_write = request->info2 & proto::kInfo2Write;
      ++(is_write ? stats.writes : stats.reads);
      if (const auto* ns_field = request->field(proto::FieldType::kNamespace)) {
        const auto* digest = request->field(proto::FieldType::kDigest);
        auto ns = cluster_.namespace_index(ns_field->data);
        if (ns && digest) {
          auto master = cluster_.owner(*ns, proto::partition_of(digest->data), 0);
          if (master && *master != c.node) ++stats.proxied;
        }
        if (!ns) {
          proto::Message reply;
          reply.result_code = 20;  // namespace not found
          proto::encode_message(reply, c.out);
          c.in_pos += proto::kFrameHeaderSize + h.body_size;
          continue;
        }
      }
      proto::encode_message(store_.execute(*request, server_now()), c.out);
    }
    c.in_pos += proto::kFrameHeaderSize + h.body_size;
  }
  if (c.in_pos == c.in.size()) {
    c.in.clear();
    c.in_pos = 0;
  } else if (c.in_pos > kReadChunk) {
    c.in.erase(0, c.in_pos);
    c.in_pos = 0;
  }
  return true;
}

bool Server::flush(Connection& c) {
  while (c.out_pos < c.out.size()) {
    const ssize_t n = ::send(c.fd, c.out.data() + c.out_pos, c.out.size() - c.out_pos, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno != EAGAIN) return false;
      break;
    }
    c.out_pos += static_cast<size_t>(n);
  }
  if (c.out_pos == c.out.size()) {
    c.out.clear();
    c.out_pos = 0;
  }
  const bool want_write = !c.out.empty();
  if (want_write != c.want_write) {
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP | (want_write ? static_cast<uint32_t>(EPOLLOUT) : 0u);
    ev.data.u64 = static_cast<uint64_t>(c.fd);
    epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, c.fd, &ev);
    c.want_write = want_write;
  }
  return true;
}

void Server::run(int signal_fd, uint64_t deadline_ms) {
  epoll_event sev{};
  sev.events = EPOLLIN;
  sev.data.u64 = kSignalTag;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, signal_fd, &sev);
  epoll_event events[256];
  for (;;) {
    int timeout = -1;
    if (deadline_ms) {
      const uint64_t now = monotonic_ms();
      if (now >= deadline_ms) return;
      timeout = static_cast<int>(deadline_ms - now);
    }
    const int n = epoll_wait(epoll_fd_, events, 256, timeout);
    if (n < 0 && errno != EINTR) return;
    for (int i = 0; i < n; ++i) {
      const uint64_t tag = events[i].data.u64;
      if (tag == kSignalTag) return;
      if (tag & kListenerTag) {
        const size_t node = tag & ~kListenerTag;
        if (node < listeners_.size() && listeners_[node] >= 0) accept_all(node);
        continue;
      }
      const int fd = static_cast<int>(tag);
      auto it = connections_.find(fd);
      if (it == connections_.end()) continue;  // closed earlier in this batch
      Connection& c = *it->second;
      if (events[i].events & (EPOLLERR | EPOLLHUP)) {
        close_connection(fd);
        continue;
      }
      if ((events[i].events & EPOLLOUT) && !flush(c)) {
        close_connection(fd);
        continue;
      }
      if (events[i].events & (EPOLLIN | EPOLLRDHUP)) on_readable(c);
    }
    if (!pending_stops_.empty()) apply_pending_stops();
  }
}

}  // namespace asim
