// Which node a read goes to, by replica policy, counted by asim: every key's
// replicas come from asim-ownership, every node's reads from asim-stats.
// MASTER and SEQUENCE read from the master; PREFER_RACK from the replica on
// the client's rack when the partition has one there, else the master (the
// first active replica off the rack); writes always go to the master. A
// node whose racks differ per namespace is found by its own racks.
#include "asim_process.h"
#include "cmocka_cxx.h"

#include "cluster/cluster.h"

#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_partition.h>
#include <aerospike/as_record.h>

#include <sys/shm.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr int kKeys = 200;

struct World {
  asim_process asim{};
  std::vector<std::vector<std::string>> owners;  // per partition, master first
  std::map<std::string, uint16_t> port_of;       // node name -> port
  std::string set;
};

World g;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);) out.push_back(part);
  return out;
}

std::string info(const std::string& request) {
  char* raw = asim_info(g.asim.ports[0], request.c_str());
  assert_non_null(raw);
  std::string text(raw);
  std::free(raw);
  return text;
}

int group_setup(void**) {
  if (!asim_start(&g.asim, "--nodes 3 --namespace test:2 --namespace bar:2")) return -1;
  g.set = "replica" + std::to_string(getpid());
  for (const auto& partition : split(info("asim-ownership:ns=test"), ';'))
    g.owners.push_back(split(partition, ','));
  for (const auto& entry : split(info("asim-stats"), ';')) {
    const auto colon = entry.find(':');
    const auto name_at = entry.find("node=") + 5;
    g.port_of[entry.substr(name_at, entry.find(',', name_at) - name_at)] =
        static_cast<uint16_t>(std::stoi(entry.substr(0, colon)));
  }
  return g.owners.size() == 4096 && g.port_of.size() == 3 ? 0 : -1;
}

int shm_key() { return static_cast<int>(0x5C000000u | (static_cast<unsigned>(getpid()) & 0xFFFFFFu)); }

// The shared-memory test's segment and lock file go here, not at the end of
// the test: a failed assertion there leaves the test before its own closes.
int group_teardown(void**) {
  asim_stop(&g.asim);
  const int id = shmget(shm_key(), 0, 0);
  if (id >= 0) shmctl(id, IPC_RMID, nullptr);
  char lock[64];
  std::snprintf(lock, sizeof lock, "/dev/shm/aeroshim-%08X.owner", static_cast<unsigned>(shm_key()));
  unlink(lock);
  return 0;
}

void connect(aerospike& as, bool rack_aware, int rack_id, bool use_shm = false) {
  as_config config;
  as_config_init(&config);
  as_config_add_host(&config, "127.0.0.1", g.asim.ports[0]);
  config.rack_aware = rack_aware;
  config.rack_id = rack_id;
  config.use_shm = use_shm;
  config.shm_key = shm_key();
  config.tender_interval = 250;
  aerospike_init(&as, &config);
  as_error err;
  if (aerospike_connect(&as, &err) != AEROSPIKE_OK) fail_msg("connect: %s", err.message);
}

void make_key(as_key* key, int i) { as_key_init_int64(key, "test", g.set.c_str(), i); }

const std::vector<std::string>& replicas_of(as_key* key) {
  as_error err;
  as_key_set_digest(&err, key);
  return g.owners[as_partition_getid(key->digest.value, 4096)];
}

std::map<uint16_t, long> reads_now() {
  std::map<uint16_t, long> reads;
  for (const auto& [name, port] : g.port_of) reads[port] = asim_stat(g.asim.ports[0], port, "reads");
  return reads;
}

// Reads every key under `replica` and compares each node's count with the
// node the policy must pick, by `expected_node(replicas)`.
template <typename Pick>
void expect_reads(aerospike& as, as_policy_replica replica, Pick expected_node) {
  as_policy_read policy;
  as_policy_read_init(&policy);
  policy.replica = replica;
  std::map<uint16_t, long> expected;
  const auto before = reads_now();
  for (int i = 0; i < kKeys; ++i) {
    as_key key;
    make_key(&key, i);
    expected[g.port_of[expected_node(replicas_of(&key))]]++;
    as_record* rec = nullptr;
    as_error err;
    assert_int_equal(aerospike_key_get(&as, &err, &policy, &key, &rec), AEROSPIKE_OK);
    as_record_destroy(rec);
  }
  const auto after = reads_now();
  for (const auto& [name, port] : g.port_of) {
    const long got = after.at(port) - before.at(port);
    if (got != expected[port])
      fail_msg("replica policy %d: node %s served %ld reads, expected %ld", replica, name.c_str(), got,
               expected[port]);
  }
}

void put_all(aerospike& as) {
  for (int i = 0; i < kKeys; ++i) {
    as_key key;
    make_key(&key, i);
    as_record rec;
    as_record_inita(&rec, 1);
    as_record_set_int64(&rec, "i", i);
    as_error err;
    assert_int_equal(aerospike_key_put(&as, &err, nullptr, &key, &rec), AEROSPIKE_OK);
    as_record_destroy(&rec);
  }
}

void test_master_and_sequence(void**) {
  aerospike as;
  connect(as, false, 0);
  put_all(as);
  auto master = [](const std::vector<std::string>& r) { return r[0]; };
  expect_reads(as, AS_POLICY_REPLICA_MASTER, master);
  expect_reads(as, AS_POLICY_REPLICA_SEQUENCE, master);
  as_error err;
  aerospike_close(&as, &err);
  aerospike_destroy(&as);
}

struct RackSeen {
  aeroshim::Cluster* cluster;
};

// The tender learns racks from rack-ids after rebalance-generation moves.
bool some_node_on_rack_1(void* arg) {
  auto* seen = static_cast<RackSeen*>(arg);
  for (uint32_t i = 0; i < 3; ++i) {
    auto rack = seen->cluster->map().node_rack(i);
    if (rack && *rack == 1) return true;
  }
  return false;
}

void test_prefer_rack(void**) {
  const std::string on_rack = g.owners[0][1];  // a node, rack 1; the others stay on 0
  assert_true(info("asim-set-rack:port=" + std::to_string(g.port_of[on_rack]) + ";rack=1") == "ok");
  aerospike as;
  connect(as, true, 1);
  RackSeen seen{aeroshim::Cluster::of(as.cluster)};
  assert_true(await_condition(some_node_on_rack_1, &seen, 5000));
  expect_reads(as, AS_POLICY_REPLICA_PREFER_RACK, [&](const std::vector<std::string>& r) {
    for (const auto& n : r)
      if (n == on_rack) return n;
    return r[0];
  });
  as_error err;
  aerospike_close(&as, &err);
  aerospike_destroy(&as);
}

// A node on rack 1 in namespace test and rack 2 in bar: the map holds -1
// for it, and PREFER_RACK must still find it for test's keys, through the
// node's own racks, as a client that tends (private map) and as a
// shared-memory follower that only reads the map.
struct NodeOnRack {
  aerospike* as;
  std::string name;
};

bool node_on_rack_1_in_test(void* arg) {
  auto* want = static_cast<NodeOnRack*>(arg);
  as_nodes* nodes = as_nodes_reserve(want->as->cluster);
  bool found = false;
  for (uint32_t i = 0; i < nodes->size; ++i)
    if (want->name == nodes->array[i]->name)
      found = as_node_has_rack(nodes->array[i], "test", 1) &&
              !as_node_has_rack(nodes->array[i], "bar", 1);
  as_nodes_release(nodes);
  return found;
}

void expect_prefer_rack_reads(aerospike& as, const std::string& on_rack) {
  NodeOnRack want{&as, on_rack};
  assert_true(await_condition(node_on_rack_1_in_test, &want, 5000));
  expect_reads(as, AS_POLICY_REPLICA_PREFER_RACK, [&](const std::vector<std::string>& r) {
    for (const auto& n : r)
      if (n == on_rack) return n;
    return r[0];
  });
}

void test_prefer_rack_per_namespace(void**) {
  const std::string on_rack = g.owners[1][1];
  for (const auto& [name, node_port] : g.port_of)
    assert_true(info("asim-set-rack:port=" + std::to_string(node_port) + ";rack=0") == "ok");
  const std::string port = std::to_string(g.port_of[on_rack]);
  assert_true(info("asim-set-rack:port=" + port + ";rack=1;ns=test") == "ok");
  assert_true(info("asim-set-rack:port=" + port + ";rack=2;ns=bar") == "ok");
  aerospike as;
  connect(as, true, 1);
  expect_prefer_rack_reads(as, on_rack);

  aerospike owner;
  aerospike follower;
  connect(owner, true, 1, true);
  connect(follower, true, 1, true);
  assert_true(aeroshim::Cluster::of(owner.cluster)->tends());
  assert_false(aeroshim::Cluster::of(follower.cluster)->tends());
  expect_prefer_rack_reads(follower, on_rack);
  for (aerospike* client : {&as, &follower, &owner}) {
    as_error err;
    aerospike_close(client, &err);
    aerospike_destroy(client);
  }
}

}  // namespace

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test(test_master_and_sequence),
      cmocka_unit_test(test_prefer_rack),
      cmocka_unit_test(test_prefer_rack_per_namespace),
  };
  return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
