#include "client_pair.h"

#include "segment_peek.h"

#include <signal.h>
#include <unistd.h>

#include <chrono>

int client_pair_setup(void** state, int key_prefix) {
  auto* pair = new ClientPair();
  pair->key = key_prefix | ((getpid() & 0xFFFF) << 8) | 1;
  remove_segment(pair->key);  // a previous run with the same low pid bits
  if (!asim_start(&pair->asim, "--nodes 3 --namespace test:2")) {
    delete pair;
    return -1;
  }
  *state = pair;
  return 0;
}

int client_pair_teardown(void** state) {
  auto* pair = static_cast<ClientPair*>(*state);
  for (ClientChild* c : {&pair->follower, &pair->owner}) {
    if (c->pid > 0) kill(c->pid, SIGCONT);  // a stopped client cannot close
    finish_client(*c, 5000);
  }
  asim_stop(&pair->asim);
  remove_segment(pair->key);
  delete pair;
  return 0;
}

long steady_ms() {
  using namespace std::chrono;
  return static_cast<long>(
      duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count());
}
