// Load client for asim: C connections to one node, one request outstanding
// on each, for D seconds, on one thread. One outstanding request per
// connection measures the server's per-request cost (the way a client's
// synchronous calls load it) rather than how well it batches pipelined input.
#include "proto/frame.h"
#include "proto/message.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace proto = aeroshim::proto;

namespace {

struct Args {
  std::string host = "127.0.0.1";
  int port = 3000;
  int connections = 8;
  double seconds = 5;
  std::string mode = "info";
  std::string ns = "test";
};

[[noreturn]] void die(const std::string& why) {
  std::fprintf(stderr, "asim_load: %s\n", why.c_str());
  std::exit(1);
}

void usage_and_exit() {
  std::fprintf(stderr,
               "usage: asim_load --port P [--host H] [--connections C] [--seconds D] [--mode info|read]\n"
               "                 [--namespace NS]\n"
               "Keeps one request outstanding on each of C connections for D seconds and prints\n"
               "requests/s. info asks 'node' and 'partition-generation'; read gets one record it\n"
               "wrote first.\n");
  std::exit(2);
}

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || i + 1 >= argc) usage_and_exit();
    const std::string value = argv[++i];
    char* end = nullptr;
    if (flag == "--host") {
      a.host = value;
    } else if (flag == "--port") {
      a.port = static_cast<int>(std::strtol(value.c_str(), &end, 10));
      if (*end || a.port < 1 || a.port > 65535) die("--port " + value + ": must be 1 to 65535");
    } else if (flag == "--connections") {
      a.connections = static_cast<int>(std::strtol(value.c_str(), &end, 10));
      if (*end || a.connections < 1 || a.connections > 4096) die("--connections " + value + ": must be 1 to 4096");
    } else if (flag == "--seconds") {
      a.seconds = std::strtod(value.c_str(), &end);
      if (*end || !(a.seconds > 0)) die("--seconds " + value + ": must be positive");
    } else if (flag == "--mode") {
      if (value != "info" && value != "read") die("--mode " + value + ": must be info or read");
      a.mode = value;
    } else if (flag == "--namespace") {
      a.ns = value;
    } else {
      usage_and_exit();
    }
  }
  return a;
}

int connect_to(const Args& a) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) die(std::string("socket: ") + strerror(errno));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(a.port));
  if (inet_pton(AF_INET, a.host.c_str(), &addr.sin_addr) != 1) die("--host " + a.host + ": not an IPv4 address");
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
    die("connect " + a.host + ":" + std::to_string(a.port) + ": " + strerror(errno));
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

void send_all(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) die(std::string("send: ") + strerror(errno));
    done += static_cast<size_t>(n);
  }
}

// A whole answer frame, read with blocking calls; used only before the run.
std::string receive_frame(int fd) {
  std::string frame;
  size_t want = proto::kFrameHeaderSize;
  while (frame.size() < want) {
    char buf[4096];
    const ssize_t n = ::recv(fd, buf, std::min(sizeof buf, want - frame.size()), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) die("the server closed the connection");
    frame.append(buf, static_cast<size_t>(n));
    if (want == proto::kFrameHeaderSize && frame.size() == want)
      want += proto::decode_frame_header(reinterpret_cast<const uint8_t*>(frame.data())).body_size;
  }
  return frame;
}

proto::Message keyed(const std::string& ns) {
  proto::Message m;
  m.transaction_ttl = 1000;
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kNamespace), ns});
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kDigest), std::string(20, '\x5A')});
  return m;
}

// The request every connection repeats, after any setup the mode needs.
std::string prepare(const Args& a, int setup_fd) {
  std::string request;
  if (a.mode == "info") {
    const std::string body = "node\npartition-generation\n";
    uint8_t header[proto::kFrameHeaderSize];
    proto::encode_frame_header(proto::FrameType::kInfo, body.size(), header);
    request.assign(reinterpret_cast<const char*>(header), sizeof header);
    request += body;
    return request;
  }
  proto::Message put = keyed(a.ns);
  put.info2 = proto::kInfo2Write;
  put.ops.push_back({static_cast<uint8_t>(proto::OpType::kWrite), static_cast<uint8_t>(proto::ParticleType::kString),
                     "bin", std::string(100, 'v')});
  std::string write;
  proto::encode_message(put, write);
  send_all(setup_fd, write);
  const std::string reply = receive_frame(setup_fd);
  auto parsed = proto::parse_message(std::string_view(reply).substr(proto::kFrameHeaderSize));
  if (!parsed || parsed->result_code != 0) die("the setup write was refused");
  proto::Message get = keyed(a.ns);
  get.info1 = proto::kInfo1Read | proto::kInfo1GetAll;
  proto::encode_message(get, request);
  return request;
}

struct Conn {
  int fd = -1;
  std::string in;
};

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse_args(argc, argv);
  std::vector<Conn> conns(static_cast<size_t>(a.connections));
  for (auto& c : conns) c.fd = connect_to(a);
  const std::string request = prepare(a, conns[0].fd);
  const bool is_read = a.mode == "read";

  const int ep = epoll_create1(EPOLL_CLOEXEC);
  for (size_t i = 0; i < conns.size(); ++i) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = i;
    epoll_ctl(ep, EPOLL_CTL_ADD, conns[i].fd, &ev);
  }

  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::duration<double>(a.seconds);
  uint64_t completed = 0;
  for (auto& c : conns) send_all(c.fd, request);
  std::vector<epoll_event> events(conns.size());
  char buf[65536];
  while (Clock::now() < deadline) {
    const int n = epoll_wait(ep, events.data(), static_cast<int>(events.size()), 100);
    if (n < 0 && errno != EINTR) die(std::string("epoll_wait: ") + strerror(errno));
    for (int i = 0; i < n; ++i) {
      Conn& c = conns[events[i].data.u64];
      const ssize_t got = ::recv(c.fd, buf, sizeof buf, MSG_DONTWAIT);
      if (got == 0) die("the server closed a connection");
      if (got < 0) {
        if (errno == EAGAIN || errno == EINTR) continue;
        die(std::string("recv: ") + strerror(errno));
      }
      c.in.append(buf, static_cast<size_t>(got));
      if (c.in.size() < proto::kFrameHeaderSize) continue;
      const auto h = proto::decode_frame_header(reinterpret_cast<const uint8_t*>(c.in.data()));
      if (c.in.size() < proto::kFrameHeaderSize + h.body_size) continue;
      if (c.in.size() > proto::kFrameHeaderSize + h.body_size) die("the server answered more than was asked");
      // A read that stops finding its record would measure the wrong path.
      if (is_read && (h.body_size < proto::kMessageHeaderSize || c.in[proto::kFrameHeaderSize + 5] != 0))
        die("a read failed");
      c.in.clear();
      ++completed;
      send_all(c.fd, request);
    }
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("mode=%s connections=%d seconds=%.1f requests=%llu rate=%.0f\n", a.mode.c_str(), a.connections,
              elapsed, static_cast<unsigned long long>(completed), completed / elapsed);
  for (auto& c : conns) ::close(c.fd);
  ::close(ep);
  return 0;
}
