#include "client_child.h"

#include <aerospike/aerospike.h>

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

namespace {

[[noreturn]] void client_main(const ClientSpec& spec, int commands, int reports) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  as_config config;
  as_config_init(&config);
  as_config_add_host(&config, "127.0.0.1", spec.seed_port);
  config.tender_interval = spec.tend_ms;
  config.use_shm = true;
  config.shm_key = spec.shm_key;
  config.shm_takeover_threshold_sec = spec.threshold_sec;
  config.rack_aware = spec.rack_aware;
  for (int rack : spec.rack_ids) as_config_add_rack_id(&config, rack);
  aerospike as;
  aerospike_init(&as, &config);
  as_error err;
  if (aerospike_connect(&as, &err) != AEROSPIKE_OK) {
    const std::string text = "e" + std::string(err.message);
    (void)!write(reports, text.data(), text.size());
    aerospike_destroy(&as);
    _exit(1);
  }
  (void)!write(reports, "c", 1);
  char c;
  (void)!read(commands, &c, 1);  // 'q' or end of file
  aerospike_close(&as, &err);
  aerospike_destroy(&as);
  _exit(0);
}

}  // namespace

ClientChild start_client(const ClientSpec& spec) {
  int commands[2], reports[2];
  if (pipe(commands) != 0) return {};
  if (pipe(reports) != 0) {
    close(commands[0]);
    close(commands[1]);
    return {};
  }
  const pid_t pid = fork();
  if (pid == 0) {
    close(commands[1]);
    close(reports[0]);
    client_main(spec, commands[0], reports[1]);
  }
  close(commands[0]);
  close(reports[1]);
  if (pid < 0) {
    close(commands[1]);
    close(reports[0]);
    return {};
  }
  return ClientChild{pid, commands[1], reports[0]};
}

bool await_connected(const ClientChild& child, int timeout_ms, std::string* error) {
  pollfd fd{child.reports, POLLIN, 0};
  if (child.pid <= 0 || poll(&fd, 1, timeout_ms) != 1) {
    *error = "no report within the deadline";
    return false;
  }
  char buffer[1024] = {};
  const ssize_t n = read(child.reports, buffer, sizeof(buffer) - 1);
  if (n == 1 && buffer[0] == 'c') return true;
  *error = n > 1 ? std::string(buffer + 1) : "the client exited";
  return false;
}

void finish_client(ClientChild& child, int timeout_ms) {
  if (child.pid <= 0) return;
  (void)!write(child.commands, "q", 1);
  close(child.commands);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  int status = 0;
  while (waitpid(child.pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(child.pid, SIGKILL);
      waitpid(child.pid, &status, 0);
      break;
    }
    usleep(2000);
  }
  close(child.reports);
  child = ClientChild{};
}
