// lookup_bench: how fast a follower finds the node for a partition, the
// lookup every data command of a shared-memory follower starts with. It
// connects as a follower of an existing segment through the public API, finds
// the namespace's table once, then times replica_node (master) over
// pseudo-random partitions, TRIALS times LOOKUPS each.
//
// usage: lookup_bench HOST PORT SHM_KEY NAMESPACE TRIALS LOOKUPS
// prints: "ns_per_lookup X" once per trial
#include "client/client.h"
#include "cluster/cluster.h"

#include <aerospike/aerospike.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

[[noreturn]] void die(const std::string& why) {
  std::fprintf(stderr, "lookup_bench: %s\n", why.c_str());
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) die("usage: lookup_bench HOST PORT SHM_KEY NAMESPACE TRIALS LOOKUPS");
  const std::string ns = argv[4];
  const long trials = std::atol(argv[5]);
  const long lookups = std::atol(argv[6]);

  as_config config;
  as_config_init(&config);
  as_config_add_host(&config, argv[1], static_cast<uint16_t>(std::atoi(argv[2])));
  config.use_shm = true;
  config.shm_key = static_cast<int>(std::strtoul(argv[3], nullptr, 0));
  config.shm_max_nodes = 16;
  config.shm_max_namespaces = 8;
  aerospike as;
  aerospike_init(&as, &config);
  as_error err;
  if (aerospike_connect(&as, &err) != AEROSPIKE_OK) die(std::string("connect: ") + err.message);

  aeroshim::Cluster* cluster = aeroshim::find_cluster(as.cluster);
  if (cluster == nullptr) die("no cluster behind the connected object");
  if (cluster->tends()) die("this process owns the segment: start an owner first");
  const aeroshim::ClusterMap& map = cluster->map();
  std::optional<uint32_t> table_index = map.find_namespace(ns);
  if (!table_index) die("namespace " + ns + " is not in the map");
  std::optional<aeroshim::PartitionTable> table = map.partition_table(*table_index);
  if (!table) die("namespace " + ns + " has no partition table");

  // xorshift32: a few cycles per draw, the same generator stock_lookup.c uses,
  // so neither side pays more for its random partitions.
  uint32_t state = 2463534242u;
  uint64_t sink = 0;
  for (long t = 0; t < trials; t++) {
    long missing = 0;
    auto start = std::chrono::steady_clock::now();
    for (long i = 0; i < lookups; i++) {
      state ^= state << 13;
      state ^= state >> 17;
      state ^= state << 5;
      std::optional<uint32_t> node = table->replica_node(state & 4095u, 0);
      if (node) sink += *node;
      else missing++;
    }
    double ns_total = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count();
    if (missing) die(std::to_string(missing) + " partitions without a master");
    std::printf("ns_per_lookup %.3f\n", ns_total / static_cast<double>(lookups));
  }
  std::fprintf(stderr, "lookup_bench: checksum %llu\n", static_cast<unsigned long long>(sink));
  aerospike_close(&as, &err);
  aerospike_destroy(&as);
  return 0;
}
