// ConnectionRecovery against a loopback listener: a socket handed over
// after a client timeout goes back to its pool once the late answer (header
// and body, in pieces) has been read off it, and is closed when the answer
// does not come by the deadline, when the peer closes, or when what comes
// is not an answer frame; the node's recovered/aborted counts say which.
#include "net/connection_recovery.h"

#include "cmocka_cxx.h"
#include "loopback_listener.h"

#include <aerospike/as_node.h>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

using aeroshim::ConnectionPool;
using aeroshim::ConnectionRecovery;
using aeroshim::PooledConnection;
using aeroshim::PoolSettings;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

struct Fixture {
  int listener = -1;
  sockaddr_storage address{};
  int server = -1;
  as_node node{};
};

int setup(void** state) {
  auto* f = new Fixture;
  f->listener = loopback_listen(AF_INET, &f->address, 8);
  f->node.ref_count = 1;  // the test's own reference: the recovery's comes and goes
  *state = f;
  return f->listener < 0 ? -1 : 0;
}

int teardown(void** state) {
  auto* f = static_cast<Fixture*>(*state);
  if (f->server >= 0) close(f->server);
  close(f->listener);
  delete f;
  return 0;
}

// A pool with one connection checked out, its server side accepted.
PooledConnection open_one(Fixture& f, ConnectionPool& pool) {
  auto c = pool.checkout(Clock::now() + milliseconds(2000));
  assert_true(c.is_ok());
  pollfd p{f.listener, POLLIN, 0};
  assert_int_equal(poll(&p, 1, 2000), 1);
  f.server = accept(f.listener, nullptr, nullptr);
  assert_true(f.server >= 0);
  return std::move(*c);
}

PoolSettings settings(const Fixture& f) {
  PoolSettings s;
  s.address = f.address;
  s.node_name = "n";
  s.max_conns_per_node = 4;
  return s;
}

// Drains until the recovery is empty or `limit` passes.
void drain_until_empty(ConnectionRecovery& r, milliseconds limit) {
  const auto end = Clock::now() + limit;
  while (r.size() > 0 && Clock::now() < end) {
    r.drain();
    pollfd none{-1, 0, 0};
    poll(&none, 0, 5);  // the tend thread's pace, shortened
  }
}

void send_text(int fd, const std::string& s) {
  assert_int_equal(send(fd, s.data(), s.size(), MSG_NOSIGNAL), static_cast<ssize_t>(s.size()));
}

void test_late_answer_read_off_and_pooled(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  ConnectionPool pool(settings(f));
  ConnectionRecovery recovery;
  recovery.add(open_one(f, pool), &f.node, Clock::now() + milliseconds(5000));
  assert_int_equal(f.node.ref_count, 2);
  recovery.drain();  // nothing yet
  assert_int_equal(recovery.size(), 1);
  // A 30-byte answer: the header in two pieces, then the body.
  send_text(f.server, std::string("\x02\x03\x00\x00", 4));
  recovery.drain();
  send_text(f.server, std::string("\x00\x00\x00\x16", 4) + std::string(22, 'x'));
  drain_until_empty(recovery, milliseconds(2000));
  assert_int_equal(recovery.size(), 0);
  assert_int_equal(f.node.sync_conns_recovered, 1);
  assert_int_equal(f.node.sync_conns_aborted, 0);
  assert_int_equal(f.node.ref_count, 1);
  assert_int_equal(pool.idle_count(), 1);
  assert_int_equal(pool.open_count(), 1);
}

void test_deadline_closes(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  ConnectionPool pool(settings(f));
  ConnectionRecovery recovery;
  recovery.add(open_one(f, pool), &f.node, Clock::now() - milliseconds(1));
  recovery.drain();
  assert_int_equal(recovery.size(), 0);
  assert_int_equal(f.node.sync_conns_aborted, 1);
  assert_int_equal(pool.open_count(), 0);
  assert_int_equal(f.node.ref_count, 1);
}

void test_peer_close_and_garbage_close(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  ConnectionPool pool(settings(f));
  ConnectionRecovery recovery;
  recovery.add(open_one(f, pool), &f.node, Clock::now() + milliseconds(5000));
  shutdown(f.server, SHUT_WR);
  drain_until_empty(recovery, milliseconds(2000));
  close(f.server);
  f.server = -1;
  recovery.add(open_one(f, pool), &f.node, Clock::now() + milliseconds(5000));
  send_text(f.server, std::string("\x09\x09\x09\x09\x09\x09\x09\x09", 8));  // not version 2
  drain_until_empty(recovery, milliseconds(2000));
  assert_int_equal(recovery.size(), 0);
  assert_int_equal(f.node.sync_conns_aborted, 2);
  assert_int_equal(f.node.sync_conns_recovered, 0);
  assert_int_equal(pool.open_count(), 0);
}

void test_clear_closes_everything(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  ConnectionPool pool(settings(f));
  {
    ConnectionRecovery recovery;
    recovery.add(open_one(f, pool), &f.node, Clock::now() + milliseconds(5000));
  }
  assert_int_equal(f.node.sync_conns_aborted, 1);
  assert_int_equal(f.node.ref_count, 1);
  assert_int_equal(pool.open_count(), 0);
}

}  // namespace

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_late_answer_read_off_and_pooled, setup, teardown),
      cmocka_unit_test_setup_teardown(test_deadline_closes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_peer_close_and_garbage_close, setup, teardown),
      cmocka_unit_test_setup_teardown(test_clear_closes_everything, setup, teardown),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
