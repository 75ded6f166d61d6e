// A client process for the shm_client drivers that fork rather than exec:
// a child connects through the public API only, says whether it connected,
// and closes gracefully (aerospike_close) when told to or when the driver's
// end of its command pipe closes. Fork before the driver starts any thread.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

struct ClientSpec {
  uint16_t seed_port = 0;
  int shm_key = 0;
  uint32_t tend_ms = 1000;
  uint32_t threshold_sec = 30;
  bool rack_aware = false;
  std::vector<int> rack_ids;
};

struct ClientChild {
  pid_t pid = -1;
  int commands = -1;  // the driver writes 'q' (or closes it) to close the client
  int reports = -1;   // the child writes "c" once connected, "e<message>" on failure
};

// Forks the client; -1 pid when fork failed.
ClientChild start_client(const ClientSpec& spec);
// Waits up to `timeout_ms` for the connect report; on failure `error` says why.
bool await_connected(const ClientChild& child, int timeout_ms, std::string* error);
// Graceful close, then reaps; SIGKILL when the child overstays `timeout_ms`
// (or is stopped). Safe to call twice.
void finish_client(ClientChild& child, int timeout_ms);
