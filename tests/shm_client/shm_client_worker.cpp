// One client process of the shm_client test: connects through the public API
// with use_shm, then reports on stdout, one line per event, what the driver
// cannot see from outside: whether this process tends the map right now
// (Cluster::tends()) and how many nodes its public view holds. SIGTERM closes
// it through aerospike_close, which is the graceful handoff under test.
//
// usage: shm_client_worker host=H port=P key=K [tend=MS] [threshold=SEC]
//                          [max_nodes=N] [max_namespaces=N] [shm=0|1] [gate=FD]
// gate=FD: block until FD reaches end of file before connecting, so that many
// workers can be released at the same instant.
//
// Lines: "connected owner=0|1 nodes=N", "error code=C MESSAGE", "owner 0|1"
// when the role changes, "nodes N" when the view changes, "closed".
#include "client/client.h"
#include "cluster/cluster.h"

#include "client_probe.h"

#include <aerospike/aerospike.h>

#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

namespace {

struct Options {
  std::string host = "127.0.0.1";
  uint16_t port = 0;
  int key = 0;
  uint32_t tend_ms = 1000;
  uint32_t threshold_sec = 30;
  uint32_t max_nodes = 16;
  uint32_t max_namespaces = 8;
  bool shm = true;
  int gate = -1;
};

bool parse(int argc, char** argv, Options* o) {
  for (int i = 1; i < argc; ++i) {
    const char* eq = std::strchr(argv[i], '=');
    if (!eq) return false;
    const std::string name(argv[i], static_cast<size_t>(eq - argv[i]));
    const char* value = eq + 1;
    if (name == "host") o->host = value;
    else if (name == "port") o->port = static_cast<uint16_t>(std::strtoul(value, nullptr, 10));
    else if (name == "key") o->key = static_cast<int>(std::strtoul(value, nullptr, 0));
    else if (name == "tend") o->tend_ms = static_cast<uint32_t>(std::strtoul(value, nullptr, 10));
    else if (name == "threshold") o->threshold_sec = static_cast<uint32_t>(std::strtoul(value, nullptr, 10));
    else if (name == "max_nodes") o->max_nodes = static_cast<uint32_t>(std::strtoul(value, nullptr, 10));
    else if (name == "max_namespaces") o->max_namespaces = static_cast<uint32_t>(std::strtoul(value, nullptr, 10));
    else if (name == "shm") o->shm = std::strcmp(value, "0") != 0;
    else if (name == "gate") o->gate = static_cast<int>(std::strtol(value, nullptr, 10));
    else return false;
  }
  return o->port != 0 && (!o->shm || o->key != 0);
}

bool tends(aerospike* as) {
  aeroshim::Cluster* cluster = aeroshim::find_cluster(as->cluster);
  return cluster && cluster->tends();
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, &o)) {
    std::fprintf(stderr, "usage: %s host=H port=P key=K [tend=MS] [threshold=SEC] [max_nodes=N] [max_namespaces=N] [shm=0|1] [gate=FD]\n",
                 argv[0]);
    return 2;
  }
  // SIGTERM stays blocked in every thread (the library's threads inherit the
  // mask) and is taken only by sigtimedwait below, between two polls.
  sigset_t term;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  sigprocmask(SIG_BLOCK, &term, nullptr);

  if (o.gate >= 0) {
    char c;
    while (read(o.gate, &c, 1) > 0) {
    }
    close(o.gate);
  }

  as_config config;
  as_config_init(&config);
  as_config_add_host(&config, o.host.c_str(), o.port);
  config.tender_interval = o.tend_ms;
  config.use_shm = o.shm;
  config.shm_key = o.key;
  config.shm_max_nodes = o.max_nodes;
  config.shm_max_namespaces = o.max_namespaces;
  config.shm_takeover_threshold_sec = o.threshold_sec;

  aerospike as;
  aerospike_init(&as, &config);
  as_error err;
  if (aerospike_connect(&as, &err) != AEROSPIKE_OK) {
    // One line: the driver reads reports line by line.
    for (char* p = err.message; *p; ++p)
      if (*p == '\n') *p = ' ';
    dprintf(STDOUT_FILENO, "error code=%d %s\n", err.code, err.message);
    aerospike_destroy(&as);
    return 1;
  }
  bool owner = tends(&as);
  int nodes = client_node_count(&as);
  dprintf(STDOUT_FILENO, "connected owner=%d nodes=%d\n", owner ? 1 : 0, nodes);

  // The role changes on the tender thread; polling it every 5 ms bounds how
  // late the driver learns of a handoff, takeover or step-down.
  const timespec poll_interval{0, 5'000'000};
  while (sigtimedwait(&term, nullptr, &poll_interval) < 0) {
    const bool now_owner = tends(&as);
    if (now_owner != owner) dprintf(STDOUT_FILENO, "owner %d\n", now_owner ? 1 : 0);
    owner = now_owner;
    const int now_nodes = client_node_count(&as);
    if (now_nodes != nodes) dprintf(STDOUT_FILENO, "nodes %d\n", now_nodes);
    nodes = now_nodes;
  }
  aerospike_close(&as, &err);
  aerospike_destroy(&as);
  dprintf(STDOUT_FILENO, "closed\n");
  return 0;
}
