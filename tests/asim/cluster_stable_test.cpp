// cluster-stable and bins as the server answers them: cluster-stable's
// checks and texts in thr_info.c's order (aerospike-server 8.1
// cmd_cluster_stable, the key with %lX), a cluster key that changes with
// every membership, ownership or rack change, and bins in the format of the
// servers that had it (before 7.0: as_namespace_get_bins_info), which a 7.0+
// build answers as an unknown name.
#include "cmocka_cxx.h"
#include "info_service.h"

#include <cstdlib>
#include <set>
#include <string>

using aeroshim::proto::Message;
using aeroshim::proto::Op;
namespace proto = aeroshim::proto;

namespace {

class NoControl : public asim::NodeControl {
 public:
  aeroshim::Result<uint16_t> start(size_t) override {
    return aeroshim::Status::error(AEROSPIKE_ERR_CLIENT, "not here");
  }
  void stop(size_t) override {}
};

asim::Options options() {
  asim::Options o;
  o.nodes = 3;
  o.port = 5000;
  o.namespaces = {{"test", 2, false}, {"other", 1, false}};
  return o;
}

struct Fixture {
  Fixture() : cluster(options()), info(cluster, control, &store) {
    for (size_t i = 0; i < cluster.nodes().size(); ++i) cluster.node_started(i);
  }
  std::string ask(size_t node, const std::string& command) {
    const std::string body = info.answer(node, command + "\n");
    const std::string head = command + "\t";
    assert_true(body.rfind(head, 0) == 0);
    assert_true(body.back() == '\n');
    return body.substr(head.size(), body.size() - head.size() - 1);
  }
  // The key node 0 answers, read as the 7.4.0 client reads it.
  uint64_t key() {
    const std::string value = ask(0, "cluster-stable:namespace=test");
    char* end = nullptr;
    const uint64_t k = std::strtoull(value.c_str(), &end, 16);
    assert_true(*end == '\0' && k != 0);
    return k;
  }
  void put(const std::string& ns, char which, const std::string& bin) {
    Message m;
    m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kNamespace), ns});
    m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kDigest), std::string(20, which)});
    m.info2 = proto::kInfo2Write;
    m.ops = {Op{static_cast<uint8_t>(proto::OpType::kWrite),
                static_cast<uint8_t>(proto::ParticleType::kString), bin, "v"}};
    assert_int_equal(store.execute(m, 1000).result_code, 0);
  }
  void remove(const std::string& ns, char which) {
    Message m;
    m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kNamespace), ns});
    m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kDigest), std::string(20, which)});
    m.info2 = proto::kInfo2Write | proto::kInfo2Delete;
    assert_int_equal(store.execute(m, 1000).result_code, 0);
  }
  asim::Cluster cluster;
  NoControl control;
  asim::RecordStore store;
  asim::InfoService info;
};

}  // namespace

static void test_key_is_hex_and_shared(void**) {
  Fixture f;
  const std::string value = f.ask(0, "cluster-stable:namespace=test");
  // %lX: uppercase, no leading zeros, no prefix.
  assert_true(value.find_first_not_of("0123456789ABCDEF") == std::string::npos);
  assert_true(value[0] != '0');
  assert_true(f.ask(1, "cluster-stable:namespace=test") == value);
  assert_true(f.ask(2, "cluster-stable") == value);
  assert_true(f.ask(2, "cluster-stable:namespace=other") == value);
  assert_true(f.ask(2, "cluster-stable:ignore-migrations=true") == value);
}

static void test_key_changes_with_the_cluster(void**) {
  Fixture f;
  std::set<uint64_t> seen{f.key()};
  const uint64_t before = f.key();
  f.cluster.bump_peers_generation(1);  // no new cluster: same key
  assert_true(f.key() == before);
  f.cluster.rebalance();
  seen.insert(f.key());
  f.cluster.node_stopped(2);
  seen.insert(f.key());
  f.cluster.node_started(2);
  seen.insert(f.key());
  f.cluster.node_started(f.cluster.add_node(5003));
  seen.insert(f.key());
  f.cluster.set_rack(0, 4);
  seen.insert(f.key());
  assert_int_equal(seen.size(), 6);
}

static void test_checks_in_server_order(void**) {
  Fixture f;
  const std::string key = f.ask(0, "cluster-stable");
  assert_string_equal(f.ask(0, "cluster-stable:namespace=nope").c_str(),
                      "ERROR:20:namespace not found on node");
  assert_string_equal(f.ask(0, "cluster-stable:namespace=").c_str(),
                      "ERROR:20:missing 'namespace' value");
  assert_string_equal(f.ask(0, "cluster-stable:namespace=" + std::string(32, 'n')).c_str(),
                      "ERROR:20:'namespace' value too long");
  // ignore-migrations=true skips the namespace entirely.
  assert_true(f.ask(0, "cluster-stable:ignore-migrations=true;namespace=nope") == key);
  assert_true(f.ask(0, "cluster-stable:ignore-migrations=false;namespace=test") == key);
  assert_string_equal(f.ask(0, "cluster-stable:ignore-migrations=yes").c_str(),
                      "ERROR:4:bad ignore migrations");
  assert_string_equal(f.ask(0, "cluster-stable:ignore-migrations=").c_str(),
                      "ERROR:4:missing 'ignore-migrations' value");
  assert_string_equal(f.ask(0, "cluster-stable:ignore-migrations=falsey").c_str(),
                      "ERROR:4:'ignore-migrations' value too long");
  // size: the running node count, read as cf_str_atoi_u32 reads it.
  assert_true(f.ask(0, "cluster-stable:size=3") == key);
  assert_string_equal(f.ask(0, "cluster-stable:size=4").c_str(),
                      "ERROR:7:cluster not specified size");
  assert_string_equal(f.ask(0, "cluster-stable:size=1k").c_str(),
                      "ERROR:7:cluster not specified size");
  assert_string_equal(f.ask(0, "cluster-stable:size=x").c_str(), "ERROR:4:bad size");
  assert_string_equal(f.ask(0, "cluster-stable:size=1000").c_str(),
                      "ERROR:4:'size' value too long");
  // size comes before the namespace.
  assert_string_equal(f.ask(0, "cluster-stable:size=x;namespace=nope").c_str(), "ERROR:4:bad size");
  f.cluster.node_stopped(2);
  assert_true(f.ask(0, "cluster-stable:size=2") != key);
}

static void test_migrations_left(void**) {
  Fixture f;
  const std::string key = f.ask(0, "cluster-stable");
  assert_string_equal(f.ask(0, "asim-migrations:ns=other;remaining=3").c_str(), "ok");
  assert_string_equal(f.ask(0, "cluster-stable:namespace=other").c_str(),
                      "ERROR:7:unstable cluster");
  // Without namespace= every namespace counts; another namespace is fine.
  assert_string_equal(f.ask(0, "cluster-stable").c_str(), "ERROR:7:unstable cluster");
  assert_true(f.ask(0, "cluster-stable:namespace=test") == key);
  assert_true(f.ask(0, "cluster-stable:ignore-migrations=true") == key);
  assert_string_equal(f.ask(0, "asim-migrations:ns=other;remaining=0").c_str(), "ok");
  assert_true(f.ask(0, "cluster-stable") == key);
  assert_string_equal(f.ask(0, "asim-migrations:ns=nope;remaining=1").c_str(),
                      "ERROR::no namespace ns=nope");
  assert_string_equal(f.ask(0, "asim-migrations:ns=test;remaining=-1").c_str(),
                      "ERROR::remaining must be 0 to 4096");
}

static void test_bins_by_build(void**) {
  Fixture f;
  f.put("test", 'a', "b1");
  f.put("test", 'b', "b2");
  f.put("test", 'a', "b1");
  f.put("other", 'c', "x");
  // The default build (8.1) has no bins command.
  assert_string_equal(f.ask(0, "bins").c_str(), "ERROR:4:unrecognized command");
  assert_string_equal(f.ask(0, "bins/test").c_str(), "ERROR:4:unrecognized command");
  f.cluster.nodes()[0].build = "6.4.0.2";
  assert_string_equal(f.ask(0, "bins/test").c_str(),
                      "bin_names=2,bin_names_quota=65535,b1,b2");
  assert_string_equal(
      f.ask(0, "bins").c_str(),
      "test:bin_names=2,bin_names_quota=65535,b1,b2;other:bin_names=1,bin_names_quota=65535,x;");
  assert_string_equal(f.ask(0, "bins/nope").c_str(), "ns_type=unknown");
  // Names stay after their records go, as the server's table kept them.
  f.remove("test", 'b');
  assert_string_equal(f.ask(0, "bins/test").c_str(),
                      "bin_names=2,bin_names_quota=65535,b1,b2");
  // Only the node whose build is older answers.
  assert_string_equal(f.ask(1, "bins/test").c_str(), "ERROR:4:unrecognized command");
}

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test(test_key_is_hex_and_shared), cmocka_unit_test(test_key_changes_with_the_cluster),
      cmocka_unit_test(test_checks_in_server_order), cmocka_unit_test(test_migrations_left),
      cmocka_unit_test(test_bins_by_build),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
