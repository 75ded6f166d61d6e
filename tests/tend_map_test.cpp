// The cluster map the tender writes equals asim's ownership for every
// partition and replica: after connect, after a rebalance, after a node
// stops, for replication factors 1 to 3 and an SC namespace.
#include "cluster/cluster.h"

#include "asim_process.h"
#include "cmocka_cxx.h"

#include <aerospike/aerospike.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace aeroshim;

namespace {

constexpr int kTendMs = 250;

std::string info(uint16_t port, const std::string& request) {
  char* value = asim_info(port, request.c_str());
  std::string out = value ? value : "";
  std::free(value);
  return out;
}

// asim-ownership: partitions joined by ';', replicas of one joined by ','.
std::vector<std::vector<std::string>> ownership(uint16_t port, const std::string& ns) {
  std::vector<std::vector<std::string>> out;
  const std::string text = info(port, "asim-ownership:ns=" + ns);
  size_t start = 0;
  while (start <= text.size() && out.size() < 4096) {
    size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    std::vector<std::string> replicas;
    size_t r = start;
    while (r < end) {
      size_t comma = text.find(',', r);
      if (comma == std::string::npos || comma > end) comma = end;
      replicas.push_back(text.substr(r, comma - r));
      r = comma + 1;
    }
    out.push_back(replicas);
    start = end + 1;
  }
  return out;
}

// asim names a node BB9 + 07F000001 (127.0.0.1) + its port, in hex.
std::string asim_node_name(uint16_t port) {
  char name[32];
  std::snprintf(name, sizeof(name), "BB907F000001%04X", port);
  return name;
}

// How many (partition, replica) pairs differ between the map and asim.
int mismatches(const Cluster& cluster, uint16_t port, const std::string& ns) {
  const auto expected = ownership(port, ns);
  if (expected.size() != 4096) return 4096;
  int wrong = 0;
  for (uint32_t p = 0; p < 4096; ++p)
    for (uint32_t r = 0; r < expected[p].size(); ++r) {
      auto got = cluster.partition_node(ns, p, r);
      if (!got || *got != expected[p][r]) ++wrong;
    }
  return wrong;
}

// Owned through cmocka's state so that the teardown stops asim and frees the
// client even when an assert longjmps out of the test body.
struct Fixture {
  asim_process asim{};
  aerospike as{};
  bool initialised = false;
  std::unique_ptr<Cluster> cluster;

  bool start(const char* args, bool rack_aware = false) {
    if (!asim_start(&asim, args)) return false;
    as_config config;
    as_config_init(&config);
    as_config_add_host(&config, "127.0.0.1", asim.ports[0]);
    config.tender_interval = kTendMs;
    config.rack_aware = rack_aware;
    aerospike_init(&as, &config);
    initialised = true;
    auto connected = Cluster::connect(as.config);
    if (!connected) {
      std::fprintf(stderr, "%s\n", connected.status().message().c_str());
      return false;
    }
    cluster = std::move(*connected);
    return true;
  }
  ~Fixture() {
    cluster.reset();
    if (initialised) aerospike_destroy(&as);
    if (asim.pid > 0) asim_stop(&asim);
  }
  // Waits (bounded) until the map equals asim's ownership.
  long converge(const std::string& ns, int limit_ms) {
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
      const long ms = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::steady_clock::now() - start)
                                            .count());
      if (mismatches(*cluster, asim.ports[0], ns) == 0) return ms;
      if (ms > limit_ms) return -1;
      struct timespec pause = {0, 5000000};
      nanosleep(&pause, nullptr);
    }
  }
};

int make_fixture(void** state) {
  *state = new Fixture();
  return 0;
}

int drop_fixture(void** state) {
  delete static_cast<Fixture*>(*state);
  return 0;
}

Fixture& started(void** state, const char* args, bool rack_aware = false) {
  auto& f = *static_cast<Fixture*>(*state);
  assert_true(f.start(args, rack_aware));
  return f;
}

void test_map_after_connect(void** state) {
  Fixture& f = started(state, "--nodes 3 --namespace test:2 --namespace one:1 --namespace three:3 --namespace strong:2:sc");
  for (const char* ns : {"test", "one", "three", "strong"}) assert_int_equal(mismatches(*f.cluster, f.asim.ports[0], ns), 0);
  const auto table = f.cluster->map().find_namespace("strong");
  assert_true(table.has_value());
  assert_true(f.cluster->map().sc_mode(*table));
  assert_int_equal(f.cluster->map().replica_size(*f.cluster->map().find_namespace("three")), 3);
}

void test_map_after_rebalance(void** state) {
  Fixture& f = started(state, "--nodes 3 --namespace test:2 --namespace strong:3:sc");
  // The rebalance must move something, or converging would prove nothing;
  // asim's own answer shows that without racing the tender.
  const auto before = ownership(f.asim.ports[0], "test");
  assert_string_equal(info(f.asim.ports[0], "asim-rebalance").c_str(), "ok");
  assert_true(ownership(f.asim.ports[0], "test") != before);
  const long ms = f.converge("test", 2 * kTendMs + 200);
  std::printf("map equals asim's ownership %ld ms after a rebalance\n", ms);
  assert_true(ms >= 0);
  assert_true(f.converge("strong", 2 * kTendMs + 200) >= 0);
}

void test_map_after_node_stops(void** state) {
  Fixture& f = started(state, "--nodes 4 --namespace test:2");
  const auto before = ownership(f.asim.ports[0], "test");
  assert_string_equal(info(f.asim.ports[0], "asim-stop-node:port=" + std::to_string(f.asim.ports[2])).c_str(), "ok");
  assert_true(ownership(f.asim.ports[0], "test") != before);
  const long ms = f.converge("test", 2 * kTendMs + 200);
  std::printf("map equals asim's ownership %ld ms after a node stopped\n", ms);
  assert_true(ms >= 0);
}

// rack-ids answers land in the map's node entries: one rack for every
// namespace is stored as is.
void test_rack_ids_reach_the_map(void** state) {
  Fixture& f = started(state, "--nodes 3 --namespace test:2 --namespace bar:1", true);
  const std::string request = "asim-set-rack:port=" + std::to_string(f.asim.ports[1]) + ";rack=7";
  assert_string_equal(info(f.asim.ports[0], request).c_str(), "ok");
  const std::string moved = asim_node_name(f.asim.ports[1]);
  const auto start = std::chrono::steady_clock::now();
  auto rack_of_moved = [&] {
    for (const MapNode& node : f.cluster->map().nodes())
      if (node.name == moved) return node.rack_id;
    return -2;
  };
  while (rack_of_moved() != 7 && std::chrono::steady_clock::now() - start < std::chrono::milliseconds(4 * kTendMs)) {
    struct timespec pause = {0, 5000000};
    nanosleep(&pause, nullptr);
  }
  assert_int_equal(rack_of_moved(), 7);
  for (const MapNode& node : f.cluster->map().nodes())
    if (node.name != moved) assert_int_equal(node.rack_id, 0);
}

}  // namespace

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_map_after_connect, make_fixture, drop_fixture),
      cmocka_unit_test_setup_teardown(test_map_after_rebalance, make_fixture, drop_fixture),
      cmocka_unit_test_setup_teardown(test_map_after_node_stops, make_fixture, drop_fixture),
      cmocka_unit_test_setup_teardown(test_rack_ids_reach_the_map, make_fixture, drop_fixture),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
