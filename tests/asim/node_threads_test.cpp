// asim serves each node on its own thread: writes arriving on every node at
// once all land in the one shared store, a node stopped from another node is
// closed before the answer arrives, and two nodes stopping each other at the
// same moment both finish. Waits are bounded by socket receive timeouts.
#include "asim_process.h"
#include "loopback_socket.h"
#include "proto/frame.h"
#include "proto/message.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <utility>
#include <string>
#include <thread>
#include <vector>

// Last: cmocka's macros would clash with the standard headers.
#include "cmocka_cxx.h"

namespace proto = aeroshim::proto;

namespace {

asim_process g_asim;

// -1 when the connection is refused.
int connect_port(uint16_t port) { return connect_loopback(port, 5000); }

bool send_all(int fd, const std::string& bytes) {
  return send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
}


// One frame's body, or nullopt when the connection ends first.
std::optional<std::string> read_body(int fd) {
  const std::string head = read_some(fd, proto::kFrameHeaderSize);
  if (head.size() != proto::kFrameHeaderSize) return std::nullopt;
  const auto h = proto::decode_frame_header(reinterpret_cast<const uint8_t*>(head.data()));
  std::string body = read_some(fd, h.body_size);
  if (body.size() != h.body_size) return std::nullopt;
  return body;
}

std::string info_frame(const std::string& names) {
  std::string out(proto::kFrameHeaderSize, '\0');
  proto::encode_frame_header(proto::FrameType::kInfo, names.size(), reinterpret_cast<uint8_t*>(&out[0]));
  return out + names;
}

proto::Message keyed(const std::string& digest) {
  proto::Message m;
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kNamespace), "test"});
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kDigest), digest});
  return m;
}

std::string increment_frame(const std::string& digest) {
  proto::Message m = keyed(digest);
  m.info2 = proto::kInfo2Write;
  m.ops.push_back(proto::Op{5, 1, "n", proto::be_u64(1)});  // INCR, integer particle
  std::string out;
  proto::encode_message(m, out);
  return out;
}

std::string get_frame(const std::string& digest) {
  proto::Message m = keyed(digest);
  m.info1 = proto::kInfo1Read | proto::kInfo1GetAll;
  std::string out;
  proto::encode_message(m, out);
  return out;
}

uint16_t port(int node) { return g_asim.ports[node]; }

std::string stop_name(int node) { return "asim-stop-node:port=" + std::to_string(port(node)) + "\n"; }

void start_node(int node) {
  char* v = asim_info(port(2), ("asim-start-node:port=" + std::to_string(port(node))).c_str());
  assert_non_null(v);
  assert_string_equal(v, "ok");
  std::free(v);
}

// Six clients, two per node, each incrementing one shared record 300 times,
// one request outstanding each: every increment is applied exactly once.
static void test_concurrent_increments_on_every_node(void**) {
  const std::string digest = "node-threads-counter";
  constexpr int kClients = 6;
  constexpr int kEach = 300;
  std::vector<int> failures(kClients, 0);
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      const int fd = connect_port(port(i % 3));
      if (fd < 0) {
        failures[i] = kEach;
        return;
      }
      for (int k = 0; k < kEach; ++k) {
        auto body = send_all(fd, increment_frame(digest)) ? read_body(fd) : std::nullopt;
        auto m = body ? proto::parse_message(*body) : proto::parse_message("");
        if (!m.is_ok() || m->result_code != 0) ++failures[i];
      }
      close(fd);
    });
  }
  for (auto& t : clients) t.join();
  for (int f : failures) assert_int_equal(f, 0);

  const int fd = connect_port(port(1));
  assert_true(fd >= 0);
  assert_true(send_all(fd, get_frame(digest)));
  auto body = read_body(fd);
  close(fd);
  assert_true(body.has_value());
  auto m = proto::parse_message(*body);
  assert_true(m.is_ok());
  assert_int_equal(m->result_code, 0);
  assert_int_equal(m->ops.size(), 1);
  assert_int_equal(proto::read_be_u64(m->ops[0].value), kClients * kEach);
}

// Node 0 stops node 1: by the time node 0's answer arrives, node 1's
// listener is closed and the connection it had accepted has ended.
static void test_stop_of_another_node_is_done_before_the_answer(void**) {
  const int held = connect_port(port(1));
  assert_true(held >= 0);
  // The held connection is served (accepted) before the stop.
  assert_true(send_all(held, info_frame("node\n")));
  assert_true(read_body(held).has_value());

  const int asker = connect_port(port(0));
  assert_true(asker >= 0);
  assert_true(send_all(asker, info_frame(stop_name(1))));
  auto answer = read_body(asker);
  close(asker);
  assert_true(answer.has_value());
  assert_string_equal(answer->c_str(), (stop_name(1).substr(0, stop_name(1).size() - 1) + "\tok\n").c_str());

  assert_int_equal(connect_port(port(1)), -1);
  char byte = 0;
  assert_int_equal(recv(held, &byte, 1, 0), 0);  // closed, not timed out
  close(held);

  start_node(1);
  const int again = connect_port(port(1));
  assert_true(again >= 0);
  close(again);
}

// Nodes 0 and 1 asked at once to stop each other: neither thread waits for
// ever on the other. Each request is answered (and then the node it named
// is closed) or its connection ends unanswered (its own node was stopped
// first), within the receive timeout.
static void test_nodes_stopping_each_other_both_finish(void**) {
  for (int round = 0; round < 20; ++round) {
    const int a = connect_port(port(0));
    const int b = connect_port(port(1));
    assert_true(a >= 0 && b >= 0);
    std::thread ask_a([&] { send_all(a, info_frame(stop_name(1))); });
    send_all(b, info_frame(stop_name(0)));
    ask_a.join();
    const std::pair<int, int> asked[] = {{a, 1}, {b, 0}};
    for (auto [fd, target] : asked) {
      errno = 0;
      if (read_body(fd)) {
        assert_int_equal(connect_port(port(target)), -1);
      } else {
        assert_int_not_equal(errno, EAGAIN);  // ended, not timed out
      }
      close(fd);
    }
    start_node(0);
    start_node(1);
  }
}

int setup(void**) { return asim_start(&g_asim, "--nodes 3 --namespace test:2") ? 0 : -1; }
int teardown(void**) {
  asim_stop(&g_asim);
  return 0;
}

}  // namespace

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_concurrent_increments_on_every_node),
      cmocka_unit_test(test_stop_of_another_node_is_done_before_the_answer),
      cmocka_unit_test(test_nodes_stopping_each_other_both_finish),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
