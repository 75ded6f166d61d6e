// asim: an Aerospike cluster on 127.0.0.1 for tests, benchmarks and demos.
#include "options.h"
#include "server.h"

#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  auto options = asim::parse_options(std::vector<std::string>(argv + 1, argv + argc));
  if (!options) {
    std::fprintf(stderr, "asim: %s\n\n%s", options.status().message().c_str(), asim::usage().c_str());
    return 2;
  }
  if (options->help) {
    std::fputs(asim::usage().c_str(), stdout);
    return 0;
  }
  // Signals arrive through a descriptor so the loop stops between requests,
  // never inside one.
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGTERM);
  sigaddset(&mask, SIGINT);
  sigprocmask(SIG_BLOCK, &mask, nullptr);
  signal(SIGPIPE, SIG_IGN);
  const int signal_fd = signalfd(-1, &mask, SFD_CLOEXEC);

  asim::FrameRecorder recorder;
  if (!options->record_path.empty()) {
    if (auto opened = recorder.open(options->record_path); !opened) {
      std::fprintf(stderr, "asim: --record: %s\n", opened.message().c_str());
      return 1;
    }
  }
  asim::Cluster cluster(*options);
  asim::Server server(cluster, recorder.active() ? &recorder : nullptr);
  std::string ready = "asim ready ";
  for (size_t i = 0; i < cluster.nodes().size(); ++i) {
    auto port = server.start(i);
    if (!port) {
      std::fprintf(stderr, "asim: %s\n", port.status().message().c_str());
      return 1;
    }
    ready += (i ? ",127.0.0.1:" : "127.0.0.1:") + std::to_string(*port);
  }
  std::printf("%s\n", ready.c_str());
  std::fflush(stdout);
  const uint64_t deadline = options->duration_sec ? asim::monotonic_ms() + options->duration_sec * 1000ull : 0;
  server.run(signal_fd, deadline);
  close(signal_fd);
  return 0;
}
