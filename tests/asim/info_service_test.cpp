// The info answers a tender parses: each value must read back through the
// client's own parsers, unknown names must fail in-band, the per-node counts
// must match what was asked, and control names must reach the network side.
#include "info_service.h"

#include "info/decimal.h"
#include "info/info_text.h"
#include "info/peers.h"
#include "info/replicas.h"

#include "cmocka_cxx.h"

#include <vector>

using asim::Cluster;
using asim::InfoService;

namespace {

// Stands in for the server: starting a node gives it the next free port and
// tells the cluster, as Server::start does; stops are only recorded.
class FakeControl : public asim::NodeControl {
 public:
  explicit FakeControl(Cluster& cluster) : cluster_(cluster) {}
  aeroshim::Result<uint16_t> start(size_t node) override {
    started.push_back(node);
    if (fail_start) return aeroshim::Status::error(AEROSPIKE_ERR_CLIENT, "no ports left");
    if (cluster_.nodes()[node].port == 0) cluster_.set_port(node, next_port++);
    cluster_.node_started(node);
    return cluster_.nodes()[node].port;
  }
  void stop(size_t node) override {
    stopped.push_back(node);
    cluster_.node_stopped(node);
  }
  std::vector<size_t> started;
  std::vector<size_t> stopped;
  bool fail_start = false;
  uint16_t next_port = 6000;

 private:
  Cluster& cluster_;
};

struct Fixture {
  explicit Fixture(int nodes = 3) : cluster(make_options(nodes)), control(cluster), info(cluster, control) {
    for (size_t i = 0; i < cluster.nodes().size(); ++i) cluster.node_started(i);
  }
  static asim::Options make_options(int nodes) {
    asim::Options o;
    o.nodes = nodes;
    o.port = 5000;
    o.namespaces = {{"test", 2, false}, {"strong", 3, true}};
    return o;
  }
  // The value answered to a single name.
  std::string ask(size_t node, const std::string& name) {
    const auto response = aeroshim::parse_info_response(info.answer(node, name + "\n"));
    assert_int_equal(response.entries.size(), 1);
    assert_string_equal(response.entries[0].first.c_str(), name.c_str());
    return response.entries[0].second;
  }
  Cluster cluster;
  FakeControl control;
  InfoService info;
};

}  // namespace

static void test_node_and_generation(void**) {
  Fixture f;
  const std::string body = f.info.answer(1, "node\npartition-generation\n");
  assert_string_equal(body.c_str(), ("node\t" + f.cluster.nodes()[1].name + "\npartition-generation\t" +
                                     std::to_string(f.cluster.nodes()[1].partition_generation) + "\n")
                                        .c_str());
  auto gen = aeroshim::parse_decimal(f.ask(1, "partition-generation"), UINT32_MAX);
  assert_true(gen.has_value());
  assert_int_equal(*gen, f.cluster.nodes()[1].partition_generation);
  f.cluster.rebalance();
  assert_int_equal(*aeroshim::parse_decimal(f.ask(1, "partition-generation"), UINT32_MAX), *gen + 1);
  assert_string_equal(f.ask(0, "node-id").c_str(), f.cluster.nodes()[0].name.c_str());
  assert_string_equal(f.ask(2, "service-clear-std").c_str(), "127.0.0.1:5002");
  assert_string_equal(f.ask(0, "namespaces").c_str(), "test;strong");
  assert_string_equal(f.ask(0, "partitions").c_str(), "4096");
  assert_string_equal(f.ask(0, "cluster-name").c_str(), "asim");
  assert_true(f.ask(0, "statistics").find("cluster_size=3;") == 0);
}

static void test_peers_parse_back(void**) {
  Fixture f(4);
  f.control.stop(3);
  auto peers = aeroshim::parse_peers(f.ask(0, "peers-clear-std"));
  assert_true(peers.is_ok());
  assert_int_equal(peers->generation, f.cluster.nodes()[0].peers_generation);
  assert_int_equal(peers->default_port, 5000);
  assert_int_equal(peers->peers.size(), 2);
  for (size_t i = 0; i < 2; ++i) {
    const auto& node = f.cluster.nodes()[i + 1];
    assert_string_equal(peers->peers[i].name.c_str(), node.name.c_str());
    assert_int_equal(peers->peers[i].addresses.size(), 1);
    assert_true(peers->peers[i].addresses[0] == (aeroshim::HostPort{"127.0.0.1", node.port}));
  }
  // No TLS listener exists, so the TLS list is empty but well formed.
  auto tls = aeroshim::parse_peers(f.ask(0, "peers-tls-std"));
  assert_true(tls.is_ok());
  assert_true(tls->peers.empty());
}

static void test_replicas_parse_back(void**) {
  Fixture f;
  f.cluster.rebalance();
  for (size_t node = 0; node < 3; ++node) {
    auto replicas = aeroshim::parse_replicas(f.ask(node, "replicas"));
    assert_true(replicas.is_ok());
    assert_int_equal(replicas->size(), 2);
    for (size_t ns = 0; ns < 2; ++ns) {
      const auto& u = (*replicas)[ns];
      assert_string_equal(u.ns.c_str(), f.cluster.namespaces()[ns].spec.name.c_str());
      assert_int_equal(u.regime, f.cluster.namespaces()[ns].regime);
      assert_int_equal(u.replica_count, f.cluster.effective_replication(ns));
      for (uint32_t p = 0; p < Cluster::kPartitions; ++p)
        for (uint32_t r = 0; r < u.replica_count; ++r)
          assert_int_equal(aeroshim::bitmap_test(u.bitmaps[r], p), *f.cluster.owner(ns, p, r) == node);
    }
  }
  // The master-only form carries the same first bitmap.
  const std::string master = f.ask(0, "replicas-master");
  const std::string full = f.ask(0, "replicas");
  const std::string first_bitmap = full.substr(full.find(',', full.find(',') + 1) + 1, 684);
  assert_int_equal(master.find("test:" + first_bitmap), 0);
}

static void test_unknown_and_empty(void**) {
  Fixture f;
  const std::string value = f.ask(0, "no-such-name");
  assert_true(aeroshim::is_info_error(value));
  assert_int_equal(value.rfind("ERROR", 0), 0);
  assert_true(aeroshim::is_info_error(f.ask(0, "asim-no-such-control")));

  // An empty request asks for the node's identity.
  const auto identity = aeroshim::parse_info_response(f.info.answer(2, "\n"));
  assert_int_equal(identity.entries.size(), 4);
  assert_string_equal(identity.find("node")->c_str(), f.cluster.nodes()[2].name.c_str());
  assert_string_equal(identity.find("build")->c_str(), "8.1.0.1");
  assert_non_null(identity.find("edition"));
  assert_non_null(identity.find("version"));
}

static void test_stats_counts(void**) {
  Fixture f;
  f.info.answer(1, "node\npartition-generation\n");
  f.info.answer(1, "node\n");
  f.info.answer(1, "replicas:ns=test\n");
  // Control names are the test's own traffic and stay out of the counts.
  f.info.answer(1, "asim-stats\n");
  f.info.answer(1, "asim-rebalance\n");
  f.info.answer(0, "build\n");
  const auto& s1 = f.cluster.nodes()[1].stats;
  assert_int_equal(s1.info_requests, 3);
  assert_int_equal(s1.names.at("node"), 2);
  assert_int_equal(s1.names.at("partition-generation"), 1);
  assert_int_equal(s1.names.at("replicas"), 1);
  assert_int_equal(s1.names.count("asim-stats"), 0);
  assert_int_equal(f.cluster.nodes()[0].stats.info_requests, 1);

  const std::string stats = f.ask(2, "asim-stats");
  assert_true(stats.find("5001:node=" + f.cluster.nodes()[1].name + ",running=1,info=3,") != std::string::npos);
  assert_true(stats.find(",info.node=2") != std::string::npos);
  assert_true(stats.find("5000:node=" + f.cluster.nodes()[0].name + ",running=1,info=1,") != std::string::npos);
  assert_string_equal(f.ask(2, "asim-stats-reset").c_str(), "ok");
  assert_int_equal(f.cluster.nodes()[1].stats.info_requests, 0);
  assert_true(f.cluster.nodes()[1].stats.names.empty());
}

static void test_control(void**) {
  Fixture f;
  // add-node starts a fourth node through the network side and answers its port.
  assert_string_equal(f.ask(0, "asim-add-node").c_str(), "6000");
  assert_int_equal(f.cluster.nodes().size(), 4);
  assert_int_equal(f.control.started.back(), 3);
  assert_true(f.cluster.nodes()[3].running);
  f.control.fail_start = true;
  assert_string_equal(f.ask(0, "asim-add-node").c_str(), "ERROR::no ports left");
  f.control.fail_start = false;

  assert_string_equal(f.ask(0, "asim-stop-node:port=5001").c_str(), "ok");
  assert_int_equal(f.control.stopped.size(), 1);
  assert_int_equal(f.control.stopped[0], 1);
  // Stopping a stopped node is a no-op, starting a running one too.
  assert_string_equal(f.ask(0, "asim-stop-node:port=5001").c_str(), "ok");
  assert_int_equal(f.control.stopped.size(), 1);
  const size_t starts = f.control.started.size();
  assert_string_equal(f.ask(0, "asim-start-node:port=5000").c_str(), "ok");
  assert_int_equal(f.control.started.size(), starts);
  assert_string_equal(f.ask(0, "asim-start-node:port=5001").c_str(), "ok");
  assert_int_equal(f.control.started.back(), 1);
  for (const char* bad : {"asim-stop-node:port=5999", "asim-stop-node", "asim-start-node:port=x",
                          "asim-bump-partition-gen:port=0", "asim-set-rack:port=70000;rack=1"})
    assert_int_equal(f.ask(0, bad).rfind("ERROR::", 0), 0);

  const uint64_t pgen = f.cluster.nodes()[2].partition_generation;
  const uint64_t pgen0 = f.cluster.nodes()[0].partition_generation;
  assert_string_equal(f.ask(0, "asim-rebalance").c_str(), "ok");
  assert_int_equal(f.cluster.nodes()[2].partition_generation, pgen + 1);
  assert_string_equal(f.ask(0, "asim-bump-partition-gen:port=5002").c_str(), "ok");
  assert_int_equal(f.cluster.nodes()[2].partition_generation, pgen + 2);
  assert_int_equal(f.cluster.nodes()[0].partition_generation, pgen0 + 1);

  const uint64_t peers0 = f.cluster.nodes()[0].peers_generation;
  const uint64_t peers2 = f.cluster.nodes()[2].peers_generation;
  assert_string_equal(f.ask(0, "asim-bump-peers-gen:port=5002").c_str(), "ok");
  assert_int_equal(f.cluster.nodes()[2].peers_generation, peers2 + 1);
  assert_int_equal(f.cluster.nodes()[0].peers_generation, peers0);
  assert_string_equal(f.ask(0, "asim-bump-peers-gen").c_str(), "ok");
  assert_int_equal(f.cluster.nodes()[0].peers_generation, peers0 + 1);
  assert_int_equal(f.cluster.nodes()[2].peers_generation, peers2 + 2);

  const uint64_t rebalance2 = f.cluster.nodes()[2].rebalance_generation;
  assert_string_equal(f.ask(0, "asim-set-rack:port=5002;rack=4;ns=strong").c_str(), "ok");
  assert_string_equal(f.ask(2, "rack-ids").c_str(), "test:0;strong:4;");
  assert_int_equal(f.cluster.nodes()[2].rebalance_generation, rebalance2 + 1);
  assert_int_equal(f.ask(0, "asim-set-rack:port=5002;rack=4;ns=nope").rfind("ERROR::", 0), 0);
  // A rack for every namespace drops the per-namespace one.
  assert_string_equal(f.ask(0, "asim-set-rack:port=5002;rack=9").c_str(), "ok");
  assert_string_equal(f.ask(2, "rack-ids").c_str(), "test:9;strong:9;");
  assert_int_equal(f.ask(0, "asim-set-rack:port=5002;rack=-2").rfind("ERROR::", 0), 0);
  assert_int_equal(f.ask(0, "asim-set-rack:port=5002").rfind("ERROR::", 0), 0);

  assert_string_equal(f.ask(0, "asim-set-build:build=9.9.9.9;port=5001").c_str(), "ok");
  assert_string_equal(f.ask(1, "build").c_str(), "9.9.9.9");
  assert_string_equal(f.ask(0, "build").c_str(), "8.1.0.1");
  assert_string_equal(f.ask(0, "asim-set-build:build=7.0.0.0").c_str(), "ok");
  assert_string_equal(f.ask(2, "build").c_str(), "7.0.0.0");
  assert_int_equal(f.ask(0, "asim-set-build:port=5001").rfind("ERROR::", 0), 0);

  const std::string ownership = f.ask(0, "asim-ownership:ns=test");
  size_t entries = 1;
  for (char ch : ownership) entries += ch == ';' ? 1 : 0;
  assert_int_equal(entries, Cluster::kPartitions);
  assert_int_equal(ownership.find(f.cluster.nodes()[*f.cluster.owner(0, 0, 0)].name + "," +
                                  f.cluster.nodes()[*f.cluster.owner(0, 0, 1)].name + ";"),
                   0);
  assert_int_equal(f.ask(0, "asim-ownership:ns=nope").rfind("ERROR::", 0), 0);
}

static void test_param(void**) {
  assert_string_equal(asim::param("port=1;rack=2", "rack")->c_str(), "2");
  assert_string_equal(asim::param("port=1;rack=", "rack")->c_str(), "");
  assert_false(asim::param("port=1;racks=2", "rack").has_value());
  assert_false(asim::param("", "rack").has_value());
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_node_and_generation), cmocka_unit_test(test_peers_parse_back),
      cmocka_unit_test(test_replicas_parse_back), cmocka_unit_test(test_unknown_and_empty),
      cmocka_unit_test(test_stats_counts),        cmocka_unit_test(test_control),
      cmocka_unit_test(test_param),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
