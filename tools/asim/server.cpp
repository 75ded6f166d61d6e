#include "server.h"

#include "batch.h"
#include "compression.h"
#include "proto/frame.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

namespace asim {

namespace {

using aeroshim::Result;
using aeroshim::Status;
namespace proto = aeroshim::proto;

// Tags in epoll data: the listener and the wake-up eventfd are told apart
// from connections by the high bits.
constexpr uint64_t kListenerTag = uint64_t{1} << 62;
constexpr uint64_t kWakeTag = uint64_t{1} << 61;

// How long after a request's server timeout asim answers TIMEOUT to one a
// delay fault holds back (see answer_data).
constexpr uint64_t kTimeoutNoticeMs = 20;

// Read at most this much per wake-up so one busy peer cannot starve others.
constexpr size_t kReadChunk = size_t{64} * 1024;

// The digest a request without one is owned by.
constexpr char kZeroDigest[20] = {};

void wake(int event_fd) {
  const uint64_t one = 1;
  // A full counter already means "wake up".
  [[maybe_unused]] const ssize_t n = ::write(event_fd, &one, sizeof one);
}

}  // namespace

uint64_t monotonic_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000 + static_cast<uint64_t>(ts.tv_nsec) / 1000000;
}

Server::Server(Cluster& cluster, FrameRecorder* recorder)
    : cluster_(cluster), recorder_(recorder), info_(cluster, *this, &store_, &faults_) {
  info_.set_queries(&queries_);
}

Server::~Server() {
  for (auto& loop : loops_) {
    if (!loop) continue;
    for (auto& [fd, c] : loop->connections) ::close(fd);
    for (const Command& command : loop->commands)
      if (command.listener >= 0) ::close(command.listener);
    if (loop->listener >= 0) ::close(loop->listener);
    ::close(loop->wake_fd);
    ::close(loop->epoll_fd);
  }
}

Server::Loop& Server::loop_for(size_t node) {
  if (loops_.size() <= node) loops_.resize(node + 1);
  if (!loops_[node]) {
    auto loop = std::make_unique<Loop>();
    loop->node = node;
    loop->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    loop->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = kWakeTag;
    epoll_ctl(loop->epoll_fd, EPOLL_CTL_ADD, loop->wake_fd, &ev);
    loops_[node] = std::move(loop);
    // A node added while serving gets its thread at once.
    if (running_ && !quit_) spawn(*loops_[node]);
  }
  return *loops_[node];
}

void Server::spawn(Loop& loop) {
  loop.thread = std::thread([this, &loop] { serve_loop(loop); });
}

Result<uint16_t> Server::start(size_t node) {
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
  // The socket listens from here on (connections wait in its backlog); the
  // node's own thread adds it to its epoll.
  post(loop_for(node), Command{fd});
  cluster_.node_started(node);
  return port;
}

// Called from info_.answer with the state mutex held, on the thread serving
// `serving_`.
void Server::stop(size_t node) {
  if (serving_ == nullptr) return;
  if (node == serving_->node) {
    serving_->stops_here.push_back(node);
  } else {
    serving_->stops_elsewhere.push_back(node);
  }
}

uint64_t Server::post(Loop& loop, Command command) {
  uint64_t seq = 0;
  {
    std::lock_guard<std::mutex> lock(loop.mutex);
    loop.commands.push_back(command);
    seq = ++loop.posted;
  }
  wake(loop.wake_fd);
  return seq;
}

void Server::apply_commands(Loop& loop) {
  std::vector<Command> commands;
  {
    std::lock_guard<std::mutex> lock(loop.mutex);
    commands.swap(loop.commands);
  }
  if (commands.empty()) return;
  for (const Command& command : commands) {
    if (command.listener < 0) {
      apply_stop(loop);
      continue;
    }
    loop.listener = command.listener;
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = kListenerTag;
    epoll_ctl(loop.epoll_fd, EPOLL_CTL_ADD, loop.listener, &ev);
  }
  {
    std::lock_guard<std::mutex> lock(loop.mutex);
    loop.applied += commands.size();
  }
  loop.applied_cv.notify_all();
}

void Server::apply_stop(Loop& loop) {
  if (loop.listener < 0) return;
  ::close(loop.listener);
  loop.listener = -1;
  while (!loop.connections.empty()) close_connection(loop, loop.connections.begin()->first);
  std::lock_guard<std::mutex> lock(state_);
  cluster_.node_stopped(loop.node);
}

// The answer that asked for another node's stop goes out once that node's
// thread has closed it, so the asker never reaches a node it was told is
// stopped. While waiting, this loop applies what is posted to it, so two
// nodes stopping each other do not wait for ever.
void Server::stop_elsewhere_and_wait(Loop& loop) {
  std::vector<std::pair<Loop*, uint64_t>> waits;
  {
    std::lock_guard<std::mutex> lock(state_);
    for (size_t node : loop.stops_elsewhere)
      if (node < loops_.size() && loops_[node]) waits.emplace_back(loops_[node].get(), post(*loops_[node], Command{}));
  }
  loop.stops_elsewhere.clear();
  for (auto& [target, seq] : waits) {
    std::unique_lock<std::mutex> lock(target->mutex);
    while (target->applied < seq && !quit_) {
      lock.unlock();
      apply_commands(loop);
      lock.lock();
      target->applied_cv.wait_for(lock, std::chrono::milliseconds(1));
    }
  }
  // A stop of this node posted while we waited (another node's thread
  // asked for it) is applied before our answer goes out, even when the
  // wait above ended at once: otherwise a start of this node could find it
  // still running, answer "ok", and the late stop close it after.
  apply_commands(loop);
}

void Server::accept_all(Loop& loop) {
  for (;;) {
    int fd = accept4(loop.listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;  // EAGAIN, or a connection reset before we got to it
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    auto c = std::make_unique<Connection>();
    c->fd = fd;
    c->node = loop.node;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP;
    ev.data.u64 = static_cast<uint64_t>(fd);
    epoll_ctl(loop.epoll_fd, EPOLL_CTL_ADD, fd, &ev);
    loop.connections[fd] = std::move(c);
  }
}

void Server::close_connection(Loop& loop, int fd) {
  epoll_ctl(loop.epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
  ::close(fd);
  loop.connections.erase(fd);
  loop.holding.erase(fd);
}

void Server::on_readable(Loop& loop, Connection& c) {
  char buf[kReadChunk];
  const int fd = c.fd;
  const ssize_t n = ::read(fd, buf, sizeof buf);
  if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
    close_connection(loop, fd);
    return;
  }
  if (n < 0) return;
  c.in.append(buf, static_cast<size_t>(n));
  bool served = false;
  {
    std::lock_guard<std::mutex> lock(state_);
    serving_ = &loop;
    served = handle_frames(loop, c);
    serving_ = nullptr;
  }
  if (!loop.stops_elsewhere.empty()) {
    stop_elsewhere_and_wait(loop);
    // A stop posted to this loop meanwhile may have closed `c`.
    if (loop.connections.find(fd) == loop.connections.end()) return;
  }
  if (!served || !flush(loop, c)) close_connection(loop, fd);
}

// State mutex held.
bool Server::handle_frames(Loop& loop, Connection& c) {
  auto& stats = cluster_.nodes()[c.node].stats;
  // A connection a fault is closing reads nothing more.
  while (!c.close_when_flushed && c.in.size() - c.in_pos >= proto::kFrameHeaderSize) {
    const auto* head = reinterpret_cast<const uint8_t*>(c.in.data() + c.in_pos);
    const proto::FrameHeader h = proto::decode_frame_header(head);
    // Admin frames are not served.
    if (proto::frame_header_problem(h) || h.type == static_cast<uint8_t>(proto::FrameType::kAdmin)) {
      ++stats.bad_frames;
      return false;
    }
    if (c.in.size() - c.in_pos - proto::kFrameHeaderSize < h.body_size) break;
    if (recorder_ && h.type != static_cast<uint8_t>(proto::FrameType::kInfo))
      recorder_->record(head, proto::kFrameHeaderSize + h.body_size);
    const std::string_view body(c.in.data() + c.in_pos + proto::kFrameHeaderSize, h.body_size);
    c.in_pos += proto::kFrameHeaderSize + h.body_size;
    if (h.type == static_cast<uint8_t>(proto::FrameType::kInfo)) {
      const std::string answer = info_.answer(c.node, body);
      std::string frame(proto::kFrameHeaderSize, '\0');
      proto::encode_frame_header(proto::FrameType::kInfo, answer.size(),
                                 reinterpret_cast<uint8_t*>(frame.data()));
      frame += answer;
      send(loop, c, std::move(frame), 0);
    } else if (!serve_data(loop, c, h.type, body)) {
      return false;
    }
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

// The answer frame to one message frame body. A body the server cannot
// parse gets PARAMETER, as its demarshal step answers.
// State mutex held.
std::string Server::execute(Loop& loop, size_t node, std::string_view frame_body, bool& compress) {
  // Batch answers are many messages, compressed frame by frame if at all.
  if (batch::is_batch(frame_body))
    return batch::serve(cluster_, store_, node, frame_body, server_now());
  auto& stats = cluster_.nodes()[node].stats;
  std::string out;
  auto request = proto::parse_message(frame_body);
  if (!request) {
    ++stats.bad_frames;
    return result_only(static_cast<uint8_t>(proto::ResultCode::kParameter));
  }
  ++((request->info2 & proto::kInfo2Write) ? stats.writes : stats.reads);
  compress = request->info1 & proto::kInfo1CompressResponse;
  proto::Message reply;
  const auto* ns_field = request->field(proto::FieldType::kNamespace);
  const auto ns = ns_field ? cluster_.namespace_index(ns_field->data) : std::nullopt;
  if (ns_field && !ns) {
    reply.result_code = static_cast<uint8_t>(proto::ResultCode::kNamespace);
  } else if (ns && query::is_query(*request)) {
    // Scans and queries stream; their answers go out uncompressed.
    compress = false;
    const uint64_t now = monotonic_ms();
    auto pieces = queries_.serve(node, *request, now);
    for (size_t i = 1; i < pieces.size(); ++i)
      loop.paced.emplace_back(now + pieces[i].delay_ms, std::move(pieces[i].bytes));
    return std::move(pieces.front().bytes);
  } else {
    if (ns) {
      const auto* digest = request->field(proto::FieldType::kDigest);
      const std::string_view any_digest(kZeroDigest, sizeof kZeroDigest);
      auto master = cluster_.owner(*ns, proto::partition_of(digest ? std::string_view(digest->data) : any_digest), 0);
      if (master && *master != node) ++stats.proxied;
    }
    reply = store_.execute(*request, server_now());
  }
  // Only answers carrying bins go out compressed, as the server sends
  // header-only answers on its plain path.
  compress = compress && !reply.ops.empty();
  proto::encode_message(reply, out);
  return out;
}

std::string Server::result_only(uint8_t result) {
  proto::Message m;
  m.result_code = result;
  std::string out;
  proto::encode_message(m, out);
  return out;
}

bool Server::serve_data(Loop& loop, Connection& c, uint8_t type, std::string_view body) {
  const std::optional<Fault> fault = faults_.take(c.node);
  if (fault) ++cluster_.nodes()[c.node].stats.faults;
  // Closed on arrival: the request never reaches the store.
  if (fault && fault->kind == FaultKind::kClose) return false;
  uint64_t due = 0;
  std::string answer = answer_data(loop, c.node, type, body, fault ? &*fault : nullptr, due);
  if (fault) {
    deliver_faulty(loop, c, *fault, std::move(answer), due);
  } else {
    send(loop, c, std::move(answer), 0);
  }
  for (auto& [part_due, bytes] : loop.paced) send(loop, c, std::move(bytes), std::max(part_due, due));
  loop.paced.clear();
  return true;
}

// The answer frame to a data frame, a compressed one inflated first. A
// delay fault sets `due`; one longer than the request's own server timeout
// (transaction_ttl) gets TIMEOUT at that timeout instead, and the request is
// not applied, as a server that gives up before doing the work.
std::string Server::answer_data(Loop& loop, size_t node, uint8_t type, std::string_view body, const Fault* fault,
                                uint64_t& due) {
  std::string inner;
  if (type == static_cast<uint8_t>(proto::FrameType::kCompressed)) {
    auto inflated = inflate_frame(body);
    if (!inflated) {
      ++cluster_.nodes()[node].stats.bad_frames;
      return result_only(static_cast<uint8_t>(proto::ResultCode::kParameter));
    }
    ++cluster_.nodes()[node].stats.compressed_in;
    inner = std::move(*inflated);
    body = std::string_view(inner).substr(proto::kFrameHeaderSize);
  }
  if (fault && fault->kind == FaultKind::kDelay) {
    // monotonic_ms() truncates, so "now + d" can come up to 1 ms early;
    // one more keeps a delay at least as long as asked.
    const uint64_t now = monotonic_ms() + 1;
    due = now + fault->delay_ms;
    auto request = proto::parse_message(body);
    const uint32_t server_timeout = request ? request->transaction_ttl : 0;
    if (server_timeout != 0 && fault->delay_ms > server_timeout) {
      // A server notices an expired transaction on its next round over it,
      // after the deadline, never at it; answering kTimeoutNoticeMs late
      // also keeps the client's own timer (7.4.0 sends its socket timeout
      // as the server timeout, so both fire together) from racing ours.
      due = now + server_timeout + kTimeoutNoticeMs;
      return result_only(static_cast<uint8_t>(proto::ResultCode::kTimeout));
    }
  }
  bool compress = false;
  std::string answer = execute(loop, node, body, compress);
  if (!compress) return answer;
  // The server sends the compressed form only when it saves 32 bytes or more.
  std::string deflated = deflate_frame(answer);
  if (deflated.size() + 32 > answer.size()) return answer;
  ++cluster_.nodes()[node].stats.compressed_out;
  return deflated;
}

// Every fault but close: the request was applied; its answer goes out late,
// cut short, replaced, or not at all.
void Server::deliver_faulty(Loop& loop, Connection& c, const Fault& fault, std::string answer, uint64_t due) {
  switch (fault.kind) {
    case FaultKind::kDelay:
      send(loop, c, std::move(answer), due);
      break;
    case FaultKind::kCloseMid:
      answer.resize(answer.size() / 2);
      send(loop, c, std::move(answer), 0);
      c.close_when_flushed = true;
      break;
    case FaultKind::kCloseAfter:
      // Nothing is queued, so the next flush closes: the peer sees the
      // connection end with the write already applied.
      c.close_when_flushed = true;
      break;
    case FaultKind::kGarbage:
      send(loop, c, std::string("\xde\xad\xbe\xef\x00\x01\x02\x03garbage!", 16), 0);
      break;
    case FaultKind::kHugeLength: {
      std::string header(proto::kFrameHeaderSize, '\0');
      proto::encode_frame_header(proto::FrameType::kMessage, uint64_t{1} << 40,
                                 reinterpret_cast<uint8_t*>(header.data()));
      send(loop, c, std::move(header), 0);
      break;
    }
    case FaultKind::kTruncate:
      answer.resize(proto::kFrameHeaderSize + (answer.size() - proto::kFrameHeaderSize) / 2);
      send(loop, c, std::move(answer), 0);
      break;
    case FaultKind::kDrop:
    case FaultKind::kClose:
      break;
  }
}

// Answers leave in request order: once one is held, later ones queue behind it.
void Server::send(Loop& loop, Connection& c, std::string bytes, uint64_t due_ms) {
  if (due_ms == 0 && c.held.empty()) {
    if (c.out.empty()) {
      c.out = std::move(bytes);
    } else {
      c.out += bytes;
    }
    return;
  }
  if (!c.held.empty() && c.held.back().due_ms > due_ms) due_ms = c.held.back().due_ms;
  c.held.push_back(Held{due_ms, std::move(bytes)});
  loop.holding.insert(c.fd);
}

int Server::release_held(Loop& loop) {
  if (loop.holding.empty()) return -1;
  const uint64_t now = monotonic_ms();
  uint64_t next = 0;
  std::vector<int> doomed;
  std::vector<int> drained;
  for (int fd : loop.holding) {
    Connection* c = loop.connections.at(fd).get();
    bool moved = false;
    while (!c->held.empty() && c->held.front().due_ms <= now) {
      c->out += c->held.front().bytes;
      c->held.pop_front();
      moved = true;
    }
    if (moved && !flush(loop, *c)) doomed.push_back(fd);
    if (c->held.empty()) drained.push_back(fd);
    if (!c->held.empty() && (next == 0 || c->held.front().due_ms < next)) next = c->held.front().due_ms;
  }
  for (int fd : drained) loop.holding.erase(fd);
  for (int fd : doomed) close_connection(loop, fd);
  return next == 0 ? -1 : static_cast<int>(next > now ? next - now : 0);
}

bool Server::flush(Loop& loop, Connection& c) {
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
    if (c.close_when_flushed) return false;
  }
  const bool want_write = !c.out.empty();
  if (want_write != c.want_write) {
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP | (want_write ? static_cast<uint32_t>(EPOLLOUT) : 0u);
    ev.data.u64 = static_cast<uint64_t>(c.fd);
    epoll_ctl(loop.epoll_fd, EPOLL_CTL_MOD, c.fd, &ev);
    c.want_write = want_write;
  }
  return true;
}

void Server::serve_loop(Loop& loop) {
  epoll_event events[256];
  while (!quit_) {
    int timeout = release_held(loop);
    int writes_due = -1;
    {
      // Background scans and queries make their writes at their own pace;
      // whichever loop wakes first makes the due ones.
      std::lock_guard<std::mutex> lock(state_);
      writes_due = queries_.tick(monotonic_ms());
    }
    if (writes_due >= 0 && (timeout < 0 || writes_due < timeout)) timeout = writes_due;
    const int n = epoll_wait(loop.epoll_fd, events, 256, timeout);
    if (n < 0 && errno != EINTR) return;
    for (int i = 0; i < n; ++i) {
      const uint64_t tag = events[i].data.u64;
      if (tag == kWakeTag) {
        uint64_t count = 0;
        [[maybe_unused]] const ssize_t r = ::read(loop.wake_fd, &count, sizeof count);
        apply_commands(loop);
        continue;
      }
      if (tag == kListenerTag) {
        if (loop.listener >= 0) accept_all(loop);
        continue;
      }
      const int fd = static_cast<int>(tag);
      auto it = loop.connections.find(fd);
      if (it == loop.connections.end()) continue;  // closed earlier in this batch
      Connection& c = *it->second;
      if (events[i].events & (EPOLLERR | EPOLLHUP)) {
        close_connection(loop, fd);
        continue;
      }
      if ((events[i].events & EPOLLOUT) && !flush(loop, c)) {
        close_connection(loop, fd);
        continue;
      }
      if (events[i].events & (EPOLLIN | EPOLLRDHUP)) on_readable(loop, c);
    }
    if (!loop.stops_here.empty()) {
      loop.stops_here.clear();
      apply_commands(loop);
      apply_stop(loop);
    }
  }
}

void Server::run(int signal_fd, uint64_t deadline_ms) {
  {
    std::lock_guard<std::mutex> lock(state_);
    running_ = true;
    for (auto& loop : loops_)
      if (loop) spawn(*loop);
  }
  pollfd signal_poll{signal_fd, POLLIN, 0};
  for (;;) {
    int timeout = -1;
    if (deadline_ms) {
      const uint64_t now = monotonic_ms();
      if (now >= deadline_ms) break;
      timeout = static_cast<int>(deadline_ms - now);
    }
    const int n = ::poll(&signal_poll, 1, timeout);
    if (n > 0 || (n < 0 && errno != EINTR)) break;
  }
  std::vector<Loop*> loops;
  {
    // No loop is spawned once quit_ is set under the mutex.
    std::lock_guard<std::mutex> lock(state_);
    quit_ = true;
    for (auto& loop : loops_)
      if (loop) loops.push_back(loop.get());
  }
  for (Loop* loop : loops) {
    wake(loop->wake_fd);
    if (loop->thread.joinable()) loop->thread.join();
  }
}

}  // namespace asim
