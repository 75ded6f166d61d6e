// A rack change on the server reaches the followers of a shared map: the
// rack-aware owner re-reads racks when a node's rebalance-generation moves,
// writes the node entry's rack_id and bumps the segment's rebalance_gen,
// which is what followers (stock ones included) watch to re-read racks.
//
// The public as_node carries no rack, so the follower's view is checked where
// every follower reads it: the segment.
#include "asim_process.h"
#include "client_pair.h"
#include "cmocka_cxx.h"
#include "segment_peek.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

// The rack_id of the active node entry listening on `port` in a segment
// copy, or -2 when there is none.
int entry_rack(const std::vector<unsigned char>& copy, uint16_t port) {
  for (uint32_t i = 0;; ++i) {
    const as_node_shm* node = segment_node(copy, i);
    if (!node) return -2;
    const auto* address = reinterpret_cast<const sockaddr_in*>(&node->addr);
    if (node->active && address->sin_family == AF_INET && ntohs(address->sin_port) == port)
      return node->rack_id;
  }
}

int setup(void** state) { return client_pair_setup(state, 0x59000000); }

void set_rack_reaches_segment(void** state) {
  ClientPair& f = *static_cast<ClientPair*>(*state);
  ClientSpec spec;
  spec.seed_port = f.asim.ports[0];
  spec.shm_key = f.key;
  spec.tend_ms = 250;
  spec.rack_aware = true;
  spec.rack_ids = {1};
  std::string error;
  f.owner = start_client(spec);
  if (!await_connected(f.owner, 10000, &error)) print_error("owner: %s\n", error.c_str());
  assert_int_equal(segment_header(copy_segment(f.key)).owner_pid, f.owner.pid);
  f.follower = start_client(spec);
  if (!await_connected(f.follower, 10000, &error)) print_error("follower: %s\n", error.c_str());

  const uint16_t port = f.asim.ports[1];
  const std::vector<unsigned char> before = copy_segment(f.key);
  const uint32_t gen_before = segment_header(before).rebalance_gen;
  const int rack_before = entry_rack(before, port);
  assert_true(rack_before >= -1);  // the node is in the map
  const int rack = rack_before == 7 ? 8 : 7;

  char request[64];
  std::snprintf(request, sizeof(request), "asim-set-rack:port=%u;rack=%d", port, rack);
  char* answer = asim_info(f.asim.ports[0], request);
  assert_non_null(answer);
  assert_string_equal(answer, "ok");
  std::free(answer);

  const long set_at = steady_ms();
  std::vector<unsigned char> after;
  // A few tend intervals (250 ms).
  while (steady_ms() < set_at + 3000) {
    after = copy_segment(f.key);
    if (segment_header(after).rebalance_gen != gen_before && entry_rack(after, port) == rack) break;
    usleep(5000);
  }
  print_message("rack %d -> %d: rebalance_gen %u -> %u after %ld ms\n", rack_before,
                entry_rack(after, port), gen_before, segment_header(after).rebalance_gen,
                steady_ms() - set_at);
  assert_int_equal(entry_rack(after, port), rack);
  assert_true(segment_header(after).rebalance_gen > gen_before);
  // The other nodes keep their racks.
  for (int i = 0; i < f.asim.n_ports; ++i) {
    const uint16_t other = f.asim.ports[i];
    if (other != port) assert_int_equal(entry_rack(after, other), entry_rack(before, other));
  }

  finish_client(f.follower, 5000);
  finish_client(f.owner, 5000);
  assert_true(shmget(f.key, 0, 0) < 0);  // the last client out removed the segment
}

}  // namespace

int main() {
  alarm(50);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(set_rack_reaches_segment, setup, client_pair_teardown),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
