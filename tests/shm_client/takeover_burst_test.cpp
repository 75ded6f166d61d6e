// A follower that takes over a stale owner inside its tend cycle sends one
// burst of tend requests, as stock does, not two: the takeover must not also
// wake its tend thread for a second full cycle right after the first.
//
// Owner A and follower B (public API, use_shm, tender_interval 1 s so that a
// second burst cannot be the next regular cycle); A is stopped; once B owns,
// asim's count of the per-cycle "node, peers-generation, partition-generation"
// request over the next 600 ms must be exactly one per node.
#include "asim_process.h"
#include "client_pair.h"
#include "cmocka_cxx.h"
#include "segment_peek.h"

#include <signal.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

uint32_t owner_pid(int key) { return segment_header(copy_segment(key)).owner_pid; }

char process_state(pid_t pid) {
  char path[64];
  std::snprintf(path, sizeof(path), "/proc/%d/stat", static_cast<int>(pid));
  FILE* f = std::fopen(path, "r");
  if (!f) return 0;
  char line[512] = {0};
  (void)!std::fgets(line, sizeof(line), f);
  std::fclose(f);
  const char* paren = std::strrchr(line, ')');
  return paren && paren[1] == ' ' ? paren[2] : 0;
}

int setup(void** state) { return client_pair_setup(state, 0x58000000); }

void one_burst_after_stale_takeover(void** state) {
  ClientPair& f = *static_cast<ClientPair*>(*state);
  ClientSpec spec;
  spec.seed_port = f.asim.ports[0];
  spec.shm_key = f.key;
  spec.tend_ms = 1000;
  spec.threshold_sec = 2;  // the library requires at least two tend intervals
  std::string error;
  f.owner = start_client(spec);
  if (!await_connected(f.owner, 10000, &error)) print_error("owner: %s\n", error.c_str());
  assert_int_equal(owner_pid(f.key), f.owner.pid);
  f.follower = start_client(spec);
  if (!await_connected(f.follower, 10000, &error)) print_error("follower: %s\n", error.c_str());
  assert_int_equal(owner_pid(f.key), f.owner.pid);

  assert_int_equal(kill(f.owner.pid, SIGSTOP), 0);
  const long stop_by = steady_ms() + 2000;
  while (process_state(f.owner.pid) != 'T' && steady_ms() < stop_by) usleep(1000);
  assert_int_equal(process_state(f.owner.pid), 'T');
  // From here on only the follower can talk to asim, and it does not until it owns.
  char* reset = asim_info(f.asim.ports[0], "asim-stats-reset");
  assert_non_null(reset);
  assert_string_equal(reset, "ok");
  std::free(reset);

  const long takeover_by = steady_ms() + 8000;
  while (owner_pid(f.key) != uint32_t(f.follower.pid) && steady_ms() < takeover_by) usleep(1000);
  assert_int_equal(owner_pid(f.key), f.follower.pid);
  const long took_over = steady_ms();
  // Far from the next regular cycle (1 s): any second burst in here is extra.
  while (steady_ms() < took_over + 600) usleep(10000);
  for (int i = 0; i < f.asim.n_ports; ++i) {
    const long bursts = asim_stat(f.asim.ports[0], f.asim.ports[i], "info.peers-generation");
    print_message("node %u: %ld tend request(s) in the 600 ms after the takeover\n",
                  f.asim.ports[i], bursts);
    assert_int_equal(bursts, 1);
  }
  assert_int_equal(owner_pid(f.key), f.follower.pid);

  assert_int_equal(kill(f.owner.pid, SIGCONT), 0);  // it steps down, then closes
  finish_client(f.owner, 5000);
  finish_client(f.follower, 5000);
  const int id = shmget(f.key, 0, 0);
  assert_true(id < 0);  // the last client out removed the segment
}

}  // namespace

int main() {
  alarm(50);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(one_burst_after_stale_takeover, setup, client_pair_teardown),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
