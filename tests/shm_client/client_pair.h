// The fixture of the drivers that watch one owner and one follower: a
// three-node asim and two client processes on one pid-derived key. The
// teardown resumes a stopped client before closing it, stops asim and
// removes the key's segment and lock file, so a failed assertion leaves
// nothing behind.
#pragma once

#include "asim_process.h"
#include "client_child.h"

struct ClientPair {
  asim_process asim{};
  int key = 0;
  ClientChild owner;
  ClientChild follower;
};

// cmocka setup body: a ClientPair in *state, its key `prefix | pid bits | 1`.
int client_pair_setup(void** state, int key_prefix);
int client_pair_teardown(void** state);

// Steady-clock milliseconds, for the drivers' bounded waits.
long steady_ms();
