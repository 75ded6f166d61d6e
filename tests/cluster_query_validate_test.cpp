// query_validate_begin / query_validate against a node whose pooled
// connection leads to a peer this test plays: the exact request 7.4.0 sends
// ("cluster-stable:namespace=NS\n" in one info frame), the key read as
// strtoull(value, NULL, 16) reads it, and every answer 7.4.0 refuses with
// its own text (as_query_validate.c: "Failed to parse cluster-stable
// results: %s" quoting the answer up to the value's newline; "Cluster is
// in migration: %llu, %llu"; the node's in-band error plus " from
// <address>").
#include "cluster/node_table.h"
#include "cluster/node_view.h"
#include "cluster/query_validate.h"
#include "net/address.h"
#include "net/connection_pool.h"
#include "proto/frame.h"

#include "cmocka_cxx.h"
#include "loopback_listener.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace proto = aeroshim::proto;

namespace {

struct Fixture {
  int listener = -1;
  int server = -1;
  sockaddr_storage address{};
  as_node* node = nullptr;
};

Fixture& fixture(void** state) { return *static_cast<Fixture*>(*state); }

// The node gets one pooled connection, accepted here, which it trusts
// without a peek however long it idles: the answer can then be queued
// before the request, and the test needs no second thread.
int setup(void** state) {
  auto* f = new Fixture;
  *state = f;
  f->listener = loopback_listen(AF_INET, &f->address, 4);
  if (f->listener < 0) return -1;
  f->node = aeroshim::create_node_view("BB9000000000001", f->address, aeroshim::ServerVersion{8, 1},
                                       0, nullptr, 0);
  aeroshim::PoolSettings settings;
  settings.address = f->address;
  settings.node_name = "BB9000000000001";
  settings.max_conns_per_node = 1;
  settings.trusted_idle = std::chrono::hours(1);
  auto* pool = new aeroshim::ConnectionPool(settings);
  aeroshim::node_object(f->node)->pool = pool;
  const auto soon = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  if (pool->balance(1, std::chrono::hours(1), soon) != 1) return -1;
  pollfd p{f->listener, POLLIN, 0};
  if (poll(&p, 1, 2000) != 1) return -1;
  f->server = accept4(f->listener, nullptr, nullptr, SOCK_CLOEXEC);
  const timeval limit{2, 0};
  setsockopt(f->server, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  return f->server < 0 ? -1 : 0;
}

int teardown(void** state) {
  auto* f = static_cast<Fixture*>(*state);
  aeroshim::destroy_node_view(f->node);
  if (f->server >= 0) close(f->server);
  if (f->listener >= 0) close(f->listener);
  delete f;
  return 0;
}

std::string frame(const std::string& body) {
  std::string out(proto::kFrameHeaderSize, '\0');
  proto::encode_frame_header(proto::FrameType::kInfo, body.size(),
                             reinterpret_cast<uint8_t*>(out.data()));
  return out + body;
}

// Queues `answer`, runs query_validate_begin for `ns`, and checks the
// request that reached the peer.
aeroshim::Result<uint64_t> begin_with(Fixture& f, const std::string& answer,
                                      const std::string& ns = "test") {
  const std::string bytes = frame(answer);
  assert_int_equal(send(f.server, bytes.data(), bytes.size(), MSG_NOSIGNAL), bytes.size());
  auto key = aeroshim::query_validate_begin(f.node, ns, 2000);
  const std::string expected = frame("cluster-stable:namespace=" + ns + "\n");
  std::string sent(expected.size(), '\0');
  assert_int_equal(recv(f.server, sent.data(), sent.size(), MSG_WAITALL), sent.size());
  assert_true(sent == expected);
  return key;
}

void assert_parse_failure(Fixture& f, const std::string& answer, const std::string& quoted) {
  auto key = begin_with(f, answer);
  assert_false(key.is_ok());
  assert_int_equal(key.status().code(), AEROSPIKE_ERR_CLIENT);
  assert_string_equal(key.status().message().c_str(),
                      ("Failed to parse cluster-stable results: " + quoted).c_str());
}

}  // namespace

static void test_keys(void** state) {
  Fixture& f = fixture(state);
  auto key = begin_with(f, "cluster-stable:namespace=test\t1A2B3C4D5E6F7081\n");
  assert_true(key.is_ok());
  assert_true(*key == 0x1A2B3C4D5E6F7081ULL);
  // strtoull base 16 takes lowercase, a 0x prefix, leading blanks, and
  // stops at the first other character.
  key = begin_with(f, "cluster-stable:namespace=test\t 0xabc;rest\n");
  assert_true(key.is_ok() && *key == 0xABC);
  key = begin_with(f, "cluster-stable:namespace=other\tFFFFFFFFFFFFFFFE\n", "other");
  assert_true(key.is_ok() && *key == 0xFFFFFFFFFFFFFFFEULL);
}

static void test_unparsable_answers(void** state) {
  Fixture& f = fixture(state);
  const std::string head = "cluster-stable:namespace=test\t";
  assert_parse_failure(f, head + "zz\n", head + "zz");
  assert_parse_failure(f, head + "0\n", head + "0");
  assert_parse_failure(f, head + "\n", head);
  // Out of range: ULLONG_MAX with ERANGE.
  assert_parse_failure(f, head + "1FFFFFFFFFFFFFFFF\n", head + "1FFFFFFFFFFFFFFFF");
  // No tab, or no newline after it: quoted whole.
  assert_parse_failure(f, "no tab\n", "no tab\n");
  assert_parse_failure(f, head + "1A", head + "1A");
  assert_parse_failure(f, "", "");
}

static void test_changed_and_refused(void** state) {
  Fixture& f = fixture(state);
  const std::string head = "cluster-stable:namespace=test\t";
  const std::string from = " from " + aeroshim::address_to_string(f.address);
  std::string bytes = frame(head + "6\n");
  assert_int_equal(send(f.server, bytes.data(), bytes.size(), MSG_NOSIGNAL), bytes.size());
  aeroshim::Status status = aeroshim::query_validate(f.node, "test", 2000, 5);
  assert_int_equal(status.code(), AEROSPIKE_ERR_CLUSTER_CHANGE);
  assert_string_equal(status.message().c_str(), "Cluster is in migration: 5, 6");
  char drain[64];
  assert_true(recv(f.server, drain, sizeof drain, 0) > 0);

  // Expected key 0: nothing is asked.
  assert_true(aeroshim::query_validate(f.node, "test", 2000, 0).is_ok());

  auto key = begin_with(f, head + "ERROR:7:unstable cluster\n");
  assert_int_equal(key.status().code(), AEROSPIKE_ERR_CLUSTER_CHANGE);
  assert_string_equal(key.status().message().c_str(), ("unstable cluster" + from).c_str());
  key = begin_with(f, head + "ERROR::odd\n");
  assert_int_equal(key.status().code(), AEROSPIKE_ERR_SERVER);
  assert_string_equal(key.status().message().c_str(), ("odd" + from).c_str());
}

// The peer going away is a network failure naming the node, and the
// connection is not pooled again.
static void test_peer_gone(void** state) {
  Fixture& f = fixture(state);
  close(f.server);
  f.server = -1;
  auto key = aeroshim::query_validate_begin(f.node, "test", 2000);
  assert_false(key.is_ok());
  const std::string from = " from " + aeroshim::address_to_string(f.address);
  const std::string& message = key.status().message();
  assert_true(message.size() > from.size() &&
              message.compare(message.size() - from.size(), from.size(), from) == 0);
  assert_int_equal(aeroshim::node_object(f.node)->pool->idle_count(), 0);
}

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_keys, setup, teardown),
      cmocka_unit_test_setup_teardown(test_unparsable_answers, setup, teardown),
      cmocka_unit_test_setup_teardown(test_changed_and_refused, setup, teardown),
      cmocka_unit_test_setup_teardown(test_peer_gone, setup, teardown),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
