// InfoConnection over Connection, against an info peer this test plays on
// a loopback ephemeral port: the request frame on the wire, answers read
// back, and every broken answer closing the connection with its code.
#include "net/info_connection.h"

#include "proto/frame.h"

#include "cmocka_cxx.h"
#include "loopback_listener.h"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <chrono>
#include <string>
#include <type_traits>

using aeroshim::InfoConnection;
using std::chrono::milliseconds;
namespace proto = aeroshim::proto;

// The tender keeps these in its nodes and moves them; it never copies one.
static_assert(!std::is_copy_constructible_v<InfoConnection>);
static_assert(!std::is_copy_assignable_v<InfoConnection>);
static_assert(std::is_nothrow_move_constructible_v<InfoConnection>);
static_assert(std::is_nothrow_move_assignable_v<InfoConnection>);

namespace {

struct Fixture {
  int listener = -1;
  int server = -1;
  sockaddr_storage address{};
};

Fixture& fixture(void** state) { return *static_cast<Fixture*>(*state); }

int setup(void** state) {
  auto* f = new Fixture;
  *state = f;
  f->listener = loopback_listen(AF_INET, &f->address, 4);
  return f->listener < 0 ? -1 : 0;
}

int teardown(void** state) {
  auto* f = static_cast<Fixture*>(*state);
  if (f->server >= 0) close(f->server);
  if (f->listener >= 0) close(f->listener);
  delete f;
  return 0;
}

InfoConnection open_and_accept(Fixture& f) {
  auto c = InfoConnection::open(f.address, milliseconds(2000));
  if (!c) fail_msg("open: %s", c.status().message().c_str());
  pollfd p{f.listener, POLLIN, 0};
  assert_int_equal(poll(&p, 1, 2000), 1);
  f.server = accept4(f.listener, nullptr, nullptr, SOCK_CLOEXEC);
  assert_true(f.server >= 0);
  // Reading a request that never comes fails instead of hanging.
  const timeval limit{2, 0};
  setsockopt(f.server, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  return std::move(*c);
}

std::string frame(uint8_t version, uint8_t type, uint64_t declared, const std::string& body) {
  std::string out(proto::kFrameHeaderSize, '\0');
  proto::encode_frame_header(static_cast<proto::FrameType>(type), declared, reinterpret_cast<uint8_t*>(out.data()));
  out[0] = static_cast<char>(version);
  return out + body;
}

void send_all(int fd, const std::string& bytes) {
  assert_int_equal(send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL), static_cast<ssize_t>(bytes.size()));
}

// Answers are queued before the request is sent, so the client reads them
// without the test needing a second thread.
void assert_request_fails(Fixture& f, const std::string& answer, as_status code) {
  InfoConnection c = open_and_accept(f);
  if (!answer.empty()) send_all(f.server, answer);
  shutdown(f.server, SHUT_WR);
  auto r = c.request("node\n", milliseconds(2000));
  assert_false(r.is_ok());
  assert_int_equal(r.status().code(), code);
  assert_false(c.is_open());
}

}  // namespace

static void test_round_trips(void** state) {
  Fixture& f = fixture(state);
  InfoConnection c = open_and_accept(f);
  assert_true(c.is_open());
  for (const std::string& answer : {std::string("node\tBB9\n"), std::string(30000, 'r')}) {
    send_all(f.server, frame(2, 1, answer.size(), answer));
    auto r = c.request("node\n", milliseconds(2000));
    if (!r) fail_msg("request: %s", r.status().message().c_str());
    assert_true(*r == answer);
    const std::string expected = frame(2, 1, 5, "node\n");
    std::string sent(expected.size(), '\0');
    assert_int_equal(recv(f.server, sent.data(), sent.size(), MSG_WAITALL), static_cast<ssize_t>(sent.size()));
    assert_true(sent == expected);
  }
  InfoConnection moved(std::move(c));
  assert_true(moved.is_open());
  moved.close();
  assert_false(moved.is_open());
}

static void test_broken_answers_close(void** state) {
  Fixture& f = fixture(state);
  assert_request_fails(f, frame(1, 1, 2, "ok"), AEROSPIKE_ERR_CLIENT);
  close(f.server);
  assert_request_fails(f, frame(2, 3, 2, "ok"), AEROSPIKE_ERR_CLIENT);
  close(f.server);
  assert_request_fails(f, frame(2, 1, aeroshim::kMaxInfoAnswer + 1, ""), AEROSPIKE_ERR_CLIENT);
  close(f.server);
  assert_request_fails(f, frame(2, 1, 10, "short"), AEROSPIKE_ERR_CONNECTION);
  close(f.server);
  assert_request_fails(f, "", AEROSPIKE_ERR_CONNECTION);
}

static void test_timeout_closes(void** state) {
  Fixture& f = fixture(state);
  InfoConnection c = open_and_accept(f);
  const auto start = std::chrono::steady_clock::now();
  auto r = c.request("node\n", milliseconds(100));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  assert_int_equal(r.status().code(), AEROSPIKE_ERR_TIMEOUT);
  assert_true(elapsed >= milliseconds(100) && elapsed < milliseconds(500));
  assert_false(c.is_open());
  auto again = c.request("node\n", milliseconds(100));
  assert_int_equal(again.status().code(), AEROSPIKE_ERR_CONNECTION);
}

static void test_refused(void** state) {
  Fixture& f = fixture(state);
  close(f.listener);
  f.listener = -1;
  auto c = InfoConnection::open(f.address, milliseconds(2000));
  assert_int_equal(c.status().code(), AEROSPIKE_ERR_CONNECTION);
  InfoConnection never_opened;
  assert_false(never_opened.is_open());
  assert_int_equal(never_opened.request("node\n", milliseconds(100)).status().code(), AEROSPIKE_ERR_CONNECTION);
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_round_trips, setup, teardown),
      cmocka_unit_test_setup_teardown(test_broken_answers_close, setup, teardown),
      cmocka_unit_test_setup_teardown(test_timeout_closes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
