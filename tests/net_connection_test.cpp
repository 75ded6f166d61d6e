// Connection against listeners this test makes on loopback ephemeral ports:
// refusals, resets and early ends are CONNECTION errors naming the address,
// waits end at their deadline, reads survive partial writes, and the socket
// works above FD_SETSIZE with close-on-exec and TCP_NODELAY set.
#include "net/address.h"
#include "net/connection.h"

#include "cmocka_cxx.h"
#include "loopback_listener.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

using aeroshim::Connection;
using aeroshim::Deadline;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

// A slow shared machine may wake a poll late, never early.
constexpr milliseconds kLateMargin{400};

// What a test opened, so that teardown releases it even after a failed assertion.
struct Fixture {
  int listener = -1;
  sockaddr_storage address{};
  std::vector<int> fds;
  std::thread peer;
  std::atomic<bool> peer_failed{false};
  rlimit saved_files{};
  bool files_raised = false;
};

Fixture& fixture(void** state) { return *static_cast<Fixture*>(*state); }

int listen_on(int family, sockaddr_storage& address, int backlog) {
  return loopback_listen(family, &address, backlog);
}

int setup(void** state) {
  auto* f = new Fixture;
  f->listener = listen_on(AF_INET, f->address, 16);
  *state = f;
  return f->listener >= 0 ? 0 : -1;
}

int teardown(void** state) {
  auto* f = static_cast<Fixture*>(*state);
  // Shutting every socket down wakes a peer thread blocked on one.
  for (int fd : f->fds) shutdown(fd, SHUT_RDWR);
  if (f->peer.joinable()) f->peer.join();
  for (int fd : f->fds) close(fd);
  if (f->listener >= 0) close(f->listener);
  if (f->files_raised) setrlimit(RLIMIT_NOFILE, &f->saved_files);
  delete f;
  return 0;
}

// The server side of the next connection, or -1 after two seconds.
int accept_peer(Fixture& f) {
  pollfd p{f.listener, POLLIN, 0};
  if (poll(&p, 1, 2000) != 1) return -1;
  const int fd = accept4(f.listener, nullptr, nullptr, SOCK_CLOEXEC);
  if (fd < 0) return -1;
  f.fds.push_back(fd);
  // A peer waiting for bytes that never come fails instead of hanging.
  const timeval limit{2, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  return fd;
}

Connection connect_to(const sockaddr_storage& address) {
  auto c = Connection::open(address, Clock::now() + milliseconds(2000));
  if (!c) fail_msg("connect: %s", c.status().message().c_str());
  return std::move(*c);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void assert_elapsed_near(Clock::time_point start, milliseconds expected) {
  const auto elapsed = Clock::now() - start;
  assert_true(elapsed >= expected);
  assert_true(elapsed < expected + kLateMargin);
}

// Waits until the kernel has nothing left queued for `fd` to read: its
// reader took what was sent.
bool await_drained(int fd) {
  const auto give_up = Clock::now() + milliseconds(2000);
  int queued = 0;
  while (ioctl(fd, FIONREAD, &queued) == 0 && queued > 0) {
    if (Clock::now() > give_up) return false;
    std::this_thread::yield();
  }
  return queued == 0;
}

}  // namespace

static void test_connect_refused(void** state) {
  // A port that was just free, with nothing listening on it.
  sockaddr_storage address{};
  const int probe = listen_on(AF_INET, address, 1);
  assert_true(probe >= 0);
  close(probe);
  const auto c = Connection::open(address, Clock::now() + milliseconds(2000));
  assert_false(c.is_ok());
  assert_int_equal(c.status().code(), AEROSPIKE_ERR_CONNECTION);
  assert_true(contains(c.status().message(), aeroshim::address_to_string(address)));
  assert_true(contains(c.status().message(), strerror(ECONNREFUSED)));
  (void)state;
}

static void test_connect_timeout_is_bounded(void** state) {
  Fixture& f = fixture(state);
  // A listener that never accepts and has the shortest queue: once the
  // queue is full the kernel drops further handshakes, so one connect
  // hangs until its deadline.
  close(f.listener);
  f.listener = listen_on(AF_INET, f.address, 0);
  assert_true(f.listener >= 0);
  std::vector<Connection> queued;
  bool timed_out = false;
  for (int attempt = 0; attempt < 16 && !timed_out; ++attempt) {
    const auto start = Clock::now();
    auto c = Connection::open(f.address, start + milliseconds(150));
    if (c) {
      queued.push_back(std::move(*c));
      continue;
    }
    assert_int_equal(c.status().code(), AEROSPIKE_ERR_TIMEOUT);
    assert_true(contains(c.status().message(), aeroshim::address_to_string(f.address)));
    assert_elapsed_near(start, milliseconds(150));
    timed_out = true;
  }
  assert_true(timed_out);
}

static void test_read_timeout_is_bounded(void** state) {
  Fixture& f = fixture(state);
  Connection c = connect_to(f.address);
  assert_true(accept_peer(f) >= 0);
  char buffer[4];
  const auto start = Clock::now();
  const aeroshim::Status s = c.read_exactly(buffer, sizeof buffer, start + milliseconds(150));
  assert_int_equal(s.code(), AEROSPIKE_ERR_TIMEOUT);
  assert_true(contains(s.message(), aeroshim::address_to_string(f.address)));
  assert_elapsed_near(start, milliseconds(150));
}

static void test_write_timeout_is_bounded(void** state) {
  Fixture& f = fixture(state);
  Connection c = connect_to(f.address);
  assert_true(accept_peer(f) >= 0);
  // More than both socket buffers hold, to a peer that reads nothing.
  const std::string big(64u << 20, 'x');
  const auto start = Clock::now();
  const aeroshim::Status s = c.write_all(big.data(), big.size(), start + milliseconds(150));
  assert_int_equal(s.code(), AEROSPIKE_ERR_TIMEOUT);
  assert_elapsed_near(start, milliseconds(150));
}

static void test_read_across_partial_writes(void** state) {
  Fixture& f = fixture(state);
  Connection c = connect_to(f.address);
  const int server = accept_peer(f);
  assert_true(server >= 0);
  // Each piece is sent only once the reader has taken the previous one, so
  // read_exactly must wait in between and join the pieces.
  const int reader_fd = c.fd();
  f.peer = std::thread([&f, server, reader_fd] {
    for (const char* piece : {"abc", "defg", "hij"}) {
      if (send(server, piece, strlen(piece), MSG_NOSIGNAL) < 0 || !await_drained(reader_fd)) f.peer_failed = true;
    }
  });
  char buffer[10];
  const aeroshim::Status s = c.read_exactly(buffer, sizeof buffer, Clock::now() + milliseconds(2000));
  f.peer.join();
  assert_true(s.is_ok());
  assert_false(f.peer_failed.load());
  assert_memory_equal(buffer, "abcdefghij", 10);
}

static void test_read_at_least(void** state) {
  Fixture& f = fixture(state);
  Connection c = connect_to(f.address);
  const int server = accept_peer(f);
  assert_true(server >= 0);
  char buffer[64];
  // A reply already complete: one read takes all of it, not just the minimum.
  assert_int_equal(send(server, "head+body!", 10, MSG_NOSIGNAL), 10);
  pollfd readable{c.fd(), POLLIN, 0};
  assert_int_equal(poll(&readable, 1, 2000), 1);
  size_t got = 0;
  assert_true(c.read_at_least(buffer, 4, sizeof buffer, got, Clock::now() + milliseconds(2000)).is_ok());
  assert_int_equal(got, 10);
  assert_memory_equal(buffer, "head+body!", 10);
  // Pieces that arrive one by one: it stops at the first read that reaches the minimum.
  const int reader_fd = c.fd();
  f.peer = std::thread([&f, server, reader_fd] {
    for (const char* piece : {"abc", "defg", "hij"}) {
      if (send(server, piece, strlen(piece), MSG_NOSIGNAL) < 0 || !await_drained(reader_fd)) f.peer_failed = true;
    }
  });
  assert_true(c.read_at_least(buffer, 5, sizeof buffer, got, Clock::now() + milliseconds(2000)).is_ok());
  assert_int_equal(got, 7);
  assert_memory_equal(buffer, "abcdefg", 7);
  // Never past the capacity, whatever the minimum says.
  assert_true(c.read_at_least(buffer, 8, 2, got, Clock::now() + milliseconds(2000)).is_ok());
  assert_int_equal(got, 2);
  assert_true(c.read_exactly(buffer + 2, 1, Clock::now() + milliseconds(2000)).is_ok());
  f.peer.join();
  assert_false(f.peer_failed.load());
  assert_memory_equal(buffer, "hij", 3);
  // An end of stream before the minimum.
  shutdown(server, SHUT_WR);
  const aeroshim::Status closed = c.read_at_least(buffer, 4, sizeof buffer, got, Clock::now() + milliseconds(2000));
  assert_int_equal(closed.code(), AEROSPIKE_ERR_CONNECTION);
  assert_true(contains(closed.message(), "after 0 of 4 bytes"));
  assert_int_equal(got, 0);
}

static void test_eof_mid_read(void** state) {
  Fixture& f = fixture(state);
  Connection c = connect_to(f.address);
  const int server = accept_peer(f);
  assert_true(server >= 0);
  assert_int_equal(send(server, "abc", 3, MSG_NOSIGNAL), 3);
  shutdown(server, SHUT_WR);
  char buffer[10];
  const aeroshim::Status s = c.read_exactly(buffer, sizeof buffer, Clock::now() + milliseconds(2000));
  assert_int_equal(s.code(), AEROSPIKE_ERR_CONNECTION);
  assert_true(contains(s.message(), aeroshim::address_to_string(f.address)));
  assert_true(contains(s.message(), "after 3 of 10 bytes"));
}

static void test_reset(void** state) {
  Fixture& f = fixture(state);
  Connection c = connect_to(f.address);
  const int server = accept_peer(f);
  assert_true(server >= 0);
  // Closing with a zero linger sends a reset instead of an end of stream.
  const linger abort_on_close{1, 0};
  assert_int_equal(setsockopt(server, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close), 0);
  close(server);
  f.fds.pop_back();
  char buffer[4];
  const aeroshim::Status s = c.read_exactly(buffer, sizeof buffer, Clock::now() + milliseconds(2000));
  assert_int_equal(s.code(), AEROSPIKE_ERR_CONNECTION);
  assert_true(contains(s.message(), strerror(ECONNRESET)));
  assert_true(contains(s.message(), aeroshim::address_to_string(f.address)));
}

static void test_socket_options(void** state) {
  Fixture& f = fixture(state);
  Connection c = connect_to(f.address);
  assert_true(fcntl(c.fd(), F_GETFD) & FD_CLOEXEC);
  // Connected, reads block under a receive timeout (writes pass MSG_DONTWAIT).
  assert_false(fcntl(c.fd(), F_GETFL) & O_NONBLOCK);
  timeval none{};
  socklen_t tv_len = sizeof none;
  assert_int_equal(getsockopt(c.fd(), SOL_SOCKET, SO_RCVTIMEO, &none, &tv_len), 0);
  assert_true(none.tv_sec == 0 && none.tv_usec == 0);
  // A read with a deadline leaves a timeout that ends by it; a second read
  // with a deadline as far away keeps it (no setsockopt per command).
  assert_true(accept_peer(f) >= 0);
  char buffer[1];
  assert_int_equal(c.read_exactly(buffer, 1, Clock::now() + milliseconds(30)).code(), AEROSPIKE_ERR_TIMEOUT);
  timeval first{};
  assert_int_equal(getsockopt(c.fd(), SOL_SOCKET, SO_RCVTIMEO, &first, &tv_len), 0);
  // The kernel keeps it in timer ticks (4 ms at HZ=250, 10 at HZ=100): rounded up by one at most.
  assert_true(first.tv_sec == 0 && first.tv_usec > 0 && first.tv_usec <= 40000);
  assert_int_equal(c.read_exactly(buffer, 1, Clock::now() + milliseconds(30)).code(), AEROSPIKE_ERR_TIMEOUT);
  timeval second{};
  assert_int_equal(getsockopt(c.fd(), SOL_SOCKET, SO_RCVTIMEO, &second, &tv_len), 0);
  assert_true(second.tv_sec == first.tv_sec && second.tv_usec == first.tv_usec);
  int nodelay = 0;
  socklen_t len = sizeof nodelay;
  assert_int_equal(getsockopt(c.fd(), IPPROTO_TCP, TCP_NODELAY, &nodelay, &len), 0);
  assert_int_not_equal(nodelay, 0);
}

static void test_above_fd_setsize(void** state) {
  Fixture& f = fixture(state);
  constexpr rlim_t kWanted = 2100;
  assert_int_equal(getrlimit(RLIMIT_NOFILE, &f.saved_files), 0);
  if (f.saved_files.rlim_cur < kWanted) {
    if (f.saved_files.rlim_max < kWanted) skip();
    rlimit raised = f.saved_files;
    raised.rlim_cur = kWanted;
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &raised), 0);
    f.files_raised = true;
  }
  for (int i = 0; i < 2000; ++i) {
    const int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    assert_true(fd >= 0);
    f.fds.push_back(fd);
  }
  Connection c = connect_to(f.address);
  assert_true(c.fd() >= FD_SETSIZE);
  const int server = accept_peer(f);
  assert_true(server >= 0);
  // A wait with nothing to read, then a read that arrives while waiting.
  char buffer[4];
  const auto start = Clock::now();
  assert_int_equal(c.read_exactly(buffer, sizeof buffer, start + milliseconds(50)).code(), AEROSPIKE_ERR_TIMEOUT);
  assert_elapsed_near(start, milliseconds(50));
  f.peer = std::thread([&f, server] {
    char request[4];
    if (recv(server, request, sizeof request, MSG_WAITALL) != 4 || memcmp(request, "ping", 4) != 0 ||
        send(server, "pong", 4, MSG_NOSIGNAL) != 4)
      f.peer_failed = true;
  });
  assert_true(c.write_all("ping", 4, Clock::now() + milliseconds(2000)).is_ok());
  assert_true(c.read_exactly(buffer, sizeof buffer, Clock::now() + milliseconds(2000)).is_ok());
  f.peer.join();
  assert_false(f.peer_failed.load());
  assert_memory_equal(buffer, "pong", 4);
}

static void test_is_reusable(void** state) {
  Fixture& f = fixture(state);
  Connection idle = connect_to(f.address);
  assert_true(accept_peer(f) >= 0);
  assert_true(idle.is_reusable());

  Connection pending = connect_to(f.address);
  const int talker = accept_peer(f);
  assert_true(talker >= 0);
  assert_int_equal(send(talker, "x", 1, MSG_NOSIGNAL), 1);
  pollfd readable{pending.fd(), POLLIN, 0};
  assert_int_equal(poll(&readable, 1, 2000), 1);
  assert_false(pending.is_reusable());

  Connection ended = connect_to(f.address);
  const int closer = accept_peer(f);
  assert_true(closer >= 0);
  shutdown(closer, SHUT_WR);
  pollfd at_end{ended.fd(), POLLIN, 0};
  assert_int_equal(poll(&at_end, 1, 2000), 1);
  assert_false(ended.is_reusable());

  Connection closed;
  assert_false(closed.is_reusable());
}

static void test_ipv6(void** state) {
  Fixture& f = fixture(state);
  close(f.listener);
  f.listener = listen_on(AF_INET6, f.address, 4);
  if (f.listener < 0) skip();  // no IPv6 loopback on this host
  Connection c = connect_to(f.address);
  const int server = accept_peer(f);
  assert_true(server >= 0);
  assert_int_equal(send(server, "six", 3, MSG_NOSIGNAL), 3);
  char buffer[3];
  assert_true(c.read_exactly(buffer, sizeof buffer, Clock::now() + milliseconds(2000)).is_ok());
  assert_memory_equal(buffer, "six", 3);
}

static void test_moves_and_close(void** state) {
  Fixture& f = fixture(state);
  Connection a = connect_to(f.address);
  const int fd = a.fd();
  Connection b(std::move(a));
  assert_false(a.is_open());
  assert_int_equal(b.fd(), fd);
  Connection c;
  c = std::move(b);
  assert_int_equal(c.fd(), fd);
  c.close();
  assert_false(c.is_open());
  assert_int_equal(fcntl(fd, F_GETFD), -1);  // the descriptor itself is gone
  const aeroshim::Status s = c.write_all("x", 1, Clock::now() + milliseconds(100));
  assert_int_equal(s.code(), AEROSPIKE_ERR_CONNECTION);
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_connect_refused, setup, teardown),
      cmocka_unit_test_setup_teardown(test_connect_timeout_is_bounded, setup, teardown),
      cmocka_unit_test_setup_teardown(test_read_timeout_is_bounded, setup, teardown),
      cmocka_unit_test_setup_teardown(test_write_timeout_is_bounded, setup, teardown),
      cmocka_unit_test_setup_teardown(test_read_across_partial_writes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_read_at_least, setup, teardown),
      cmocka_unit_test_setup_teardown(test_eof_mid_read, setup, teardown),
      cmocka_unit_test_setup_teardown(test_reset, setup, teardown),
      cmocka_unit_test_setup_teardown(test_socket_options, setup, teardown),
      cmocka_unit_test_setup_teardown(test_above_fd_setsize, setup, teardown),
      cmocka_unit_test_setup_teardown(test_is_reusable, setup, teardown),
      cmocka_unit_test_setup_teardown(test_ipv6, setup, teardown),
      cmocka_unit_test_setup_teardown(test_moves_and_close, setup, teardown),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
