// Partition ownership and the generations a tender watches: the simulator is
// only useful if its layout is one a real cluster could publish, and if every
// change a test provokes is visible through the generation numbers.
#include "cluster.h"

#include "cmocka_cxx.h"

#include <set>
#include <vector>

using asim::Cluster;
using asim::Options;

static Options options(int nodes, std::vector<asim::NamespaceSpec> namespaces) {
  Options o;
  o.nodes = nodes;
  o.port = 4000;
  o.namespaces = std::move(namespaces);
  return o;
}

static void start_all(Cluster& c) {
  for (size_t i = 0; i < c.nodes().size(); ++i) c.node_started(i);
}

// Every partition of every namespace has `rf` distinct owners, all running.
static void check_layout(const Cluster& c) {
  size_t running = 0;
  for (const auto& n : c.nodes()) running += n.running ? 1 : 0;
  for (size_t ns = 0; ns < c.namespaces().size(); ++ns) {
    const uint32_t rf = c.effective_replication(ns);
    assert_int_equal(rf, std::min<size_t>(c.namespaces()[ns].spec.replication_factor, running));
    for (uint32_t p = 0; p < Cluster::kPartitions; ++p) {
      std::set<size_t> owners;
      for (uint32_t r = 0; r < rf; ++r) {
        auto o = c.owner(ns, p, r);
        assert_true(o.has_value());
        assert_true(c.nodes()[*o].running);
        owners.insert(*o);
      }
      assert_int_equal(owners.size(), rf);
      assert_false(c.owner(ns, p, rf).has_value());
    }
  }
}

static void test_nodes_and_names(void**) {
  Cluster c(options(3, {{"test", 2, false}}));
  assert_int_equal(c.nodes().size(), 3);
  std::set<std::string> names;
  for (size_t i = 0; i < 3; ++i) {
    assert_int_equal(c.nodes()[i].port, 4000 + i);
    assert_false(c.nodes()[i].running);
    assert_int_equal(c.nodes()[i].name.size(), 16);
    names.insert(c.nodes()[i].name);
  }
  assert_int_equal(names.size(), 3);
  assert_int_equal(*c.node_by_port(4001), 1);
  assert_false(c.node_by_port(4003).has_value());
  assert_false(c.node_by_port(0).has_value());
  assert_int_equal(*c.namespace_index("test"), 0);
  assert_false(c.namespace_index("nope").has_value());
  // Nothing runs yet, so nothing is owned.
  assert_int_equal(c.effective_replication(0), 0);
  assert_false(c.owner(0, 0, 0).has_value());

  // Ephemeral nodes still get distinct names before and after their port.
  Cluster e(options(2, {{"test", 2, false}}));
  e.set_port(0, 0);
  e.set_port(1, 0);
  assert_string_not_equal(e.nodes()[0].name.c_str(), e.nodes()[1].name.c_str());
  e.set_port(1, 5555);
  assert_int_equal(*e.node_by_port(5555), 1);
  assert_string_equal(e.nodes()[1].name.c_str(), asim::node_name_for_port(5555, 1).c_str());
}

static void test_layout_every_size(void**) {
  Cluster c(options(5, {{"one", 1, false}, {"two", 2, false}, {"three", 3, true}}));
  for (size_t i = 0; i < c.nodes().size(); ++i) {
    c.node_started(i);
    check_layout(c);
  }
  for (int round = 0; round < 3; ++round) {
    c.rebalance();
    check_layout(c);
  }
  // Fewer running nodes than the replication factor caps it.
  Cluster small(options(2, {{"three", 3, false}}));
  start_all(small);
  assert_int_equal(small.effective_replication(0), 2);
  check_layout(small);
}

static void test_rebalance_moves_ownership(void**) {
  Cluster c(options(3, {{"test", 2, false}}));
  start_all(c);
  std::vector<size_t> before;
  for (uint32_t p = 0; p < Cluster::kPartitions; ++p) before.push_back(*c.owner(0, p, 0));
  c.rebalance();
  size_t moved = 0;
  for (uint32_t p = 0; p < Cluster::kPartitions; ++p) moved += *c.owner(0, p, 0) != before[p] ? 1 : 0;
  assert_int_equal(moved, Cluster::kPartitions);
  const std::string ownership = c.ownership_value(0);
  c.rebalance();
  assert_string_not_equal(ownership.c_str(), c.ownership_value(0).c_str());
}

static void test_stopped_node_owns_nothing(void**) {
  Cluster c(options(4, {{"test", 2, false}, {"sc", 3, true}}));
  start_all(c);
  c.node_stopped(2);
  check_layout(c);
  for (size_t ns = 0; ns < c.namespaces().size(); ++ns)
    for (uint32_t p = 0; p < Cluster::kPartitions; ++p)
      for (uint32_t r = 0; r < c.effective_replication(ns); ++r) assert_int_not_equal(*c.owner(ns, p, r), 2);
  assert_true(c.ownership_value(0).find(c.nodes()[2].name) == std::string::npos);
  // It also disappears from its former peers' lists.
  assert_true(c.peers_value(0, false).find(c.nodes()[2].name) == std::string::npos);
  assert_true(c.peers_value(0, false).find(c.nodes()[1].name) != std::string::npos);
}

static void test_generations(void**) {
  Cluster c(options(3, {{"ap", 2, false}, {"sc", 2, true}}));
  assert_int_equal(c.namespaces()[0].regime, 0);
  assert_int_equal(c.namespaces()[1].regime, 1);
  start_all(c);
  // Each start bumps peers, partition and rebalance generations of every
  // running node, the starting one included, and the SC regime.
  assert_int_equal(c.nodes()[0].peers_generation, 4);
  assert_int_equal(c.nodes()[1].peers_generation, 3);
  assert_int_equal(c.nodes()[2].peers_generation, 2);
  assert_int_equal(c.nodes()[0].partition_generation, 4);
  assert_int_equal(c.nodes()[2].partition_generation, 2);
  assert_int_equal(c.nodes()[2].rebalance_generation, 2);
  assert_int_equal(c.namespaces()[0].regime, 0);
  assert_int_equal(c.namespaces()[1].regime, 4);

  auto snapshot = [&](size_t i) { return c.nodes()[i]; };
  const auto n0 = snapshot(0), n1 = snapshot(1), n2 = snapshot(2);

  // A rebalance changes partitions, not membership.
  c.rebalance();
  assert_int_equal(c.nodes()[0].partition_generation, n0.partition_generation + 1);
  assert_int_equal(c.nodes()[0].rebalance_generation, n0.rebalance_generation + 1);
  assert_int_equal(c.nodes()[0].peers_generation, n0.peers_generation);
  assert_int_equal(c.namespaces()[1].regime, 5);

  // A stopped node's counters freeze; the survivors see both kinds of change.
  c.node_stopped(1);
  assert_int_equal(c.nodes()[1].partition_generation, n1.partition_generation + 1);
  assert_int_equal(c.nodes()[1].peers_generation, n1.peers_generation);
  assert_int_equal(c.nodes()[2].partition_generation, n2.partition_generation + 2);
  assert_int_equal(c.nodes()[2].peers_generation, n2.peers_generation + 1);
  c.rebalance();
  assert_int_equal(c.nodes()[1].partition_generation, n1.partition_generation + 1);

  // Targeted bumps touch one node and one counter.
  const auto before0 = snapshot(0), before2 = snapshot(2);
  c.bump_partition_generation(0);
  c.bump_peers_generation(2);
  c.set_rack(2, 7);
  assert_int_equal(c.nodes()[0].partition_generation, before0.partition_generation + 1);
  assert_int_equal(c.nodes()[0].peers_generation, before0.peers_generation);
  assert_int_equal(c.nodes()[2].partition_generation, before2.partition_generation);
  assert_int_equal(c.nodes()[2].peers_generation, before2.peers_generation + 1);
  assert_int_equal(c.nodes()[2].rebalance_generation, before2.rebalance_generation + 1);
  assert_int_equal(c.nodes()[2].rack_id, 7);
  assert_string_equal(c.rack_ids_value(2).c_str(), "ap:7;sc:7;");
}

static void test_stats_value(void**) {
  Cluster c(options(2, {{"test", 2, false}}));
  start_all(c);
  c.nodes()[1].stats.reads = 5;
  c.nodes()[1].stats.names["node"] = 2;
  const std::string stats = c.stats_value();
  assert_true(stats.find("4001:node=" + c.nodes()[1].name + ",running=1,info=0,reads=5") != std::string::npos);
  assert_true(stats.find(",info.node=2") != std::string::npos);
  c.reset_stats();
  assert_int_equal(c.nodes()[1].stats.reads, 0);
  assert_true(c.nodes()[1].stats.names.empty());
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_nodes_and_names),        cmocka_unit_test(test_layout_every_size),
      cmocka_unit_test(test_rebalance_moves_ownership), cmocka_unit_test(test_stopped_node_owns_nothing),
      cmocka_unit_test(test_generations),            cmocka_unit_test(test_stats_value),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
