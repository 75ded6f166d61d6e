// ClusterMap over plain memory: the stock layout figures, node entries,
// replicas application with the regime rule, lookups, and validation of
// headers that lie (a corrupted or foreign segment must never be trusted).
#include "map/cluster_map.h"

#include "cmocka_cxx.h"

#include <aerospike/as_shm_cluster.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <vector>

using namespace aeroshim;

namespace {

struct Memory {
  explicit Memory(SegmentGeometry g) : layout(g), bytes(layout.total_size() + 64, 0) {}
  SegmentLayout layout;
  std::vector<unsigned char> bytes;
  ClusterMap map() { return ClusterMap(bytes.data(), bytes.size(), layout); }
  as_cluster_shm* header() { return reinterpret_cast<as_cluster_shm*>(bytes.data()); }
};

MapNode node(const char* name, uint16_t port) {
  MapNode n;
  n.name = name;
  auto* in = reinterpret_cast<sockaddr_in*>(&n.address);
  in->sin_family = AF_INET;
  in->sin_port = htons(port);
  in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  n.features = 7;
  return n;
}

ReplicasUpdate replicas(const char* ns, uint32_t regime, uint8_t count,
                        std::vector<std::vector<uint32_t>> partitions) {
  ReplicasUpdate u;
  u.ns = ns;
  u.regime = regime;
  u.replica_count = count;
  for (size_t r = 0; r < partitions.size(); r++) {
    for (uint32_t p : partitions[r]) u.bitmaps[r][p >> 3] |= 0x80 >> (p & 7);
  }
  return u;
}

}  // namespace

static void test_layout_figures(void**) {
  SegmentLayout layout(SegmentGeometry{16, 8});
  assert_int_equal(SegmentLayout::kHeaderSize, 56);
  assert_int_equal(SegmentLayout::kNodeSize, 424);
  assert_int_equal(SegmentLayout::kTableHeaderSize, 40);
  assert_int_equal(SegmentLayout::kPartitionSize, 16);
  assert_int_equal(layout.tables_offset(), 6840);
  assert_int_equal(layout.total_size(), 531448);
  assert_int_equal(SegmentLayout(SegmentGeometry{1, 1}).total_size(), 56 + 424 + 65576);
}

static void test_nodes(void**) {
  Memory mem(SegmentGeometry{2, 1});
  ClusterMap map = mem.map();
  map.initialize_header();
  assert_true(map.upsert_node(node("A", 3000)).is_ok());
  auto b = map.upsert_node(node("B", 3001));
  assert_int_equal(*b, 1);
  assert_false(map.upsert_node(node("C", 3002)).is_ok());  // capacity 2
  map.deactivate_node(0);
  auto nodes = map.nodes();
  assert_int_equal(nodes.size(), 2);
  assert_false(nodes[0].active);
  assert_true(nodes[1].active);
  assert_string_equal(nodes[1].name.c_str(), "B");
  assert_int_equal(nodes[1].features, 7);
  // Re-adding a known name re-activates its entry in place.
  auto again = map.upsert_node(node("A", 3000));
  assert_int_equal(*again, 0);
  assert_true(map.nodes()[0].active);
  uint32_t gen = map.nodes_gen();
  map.bump_nodes_gen();
  assert_int_equal(map.nodes_gen(), gen + 1);
}

static void test_replicas_and_regime(void**) {
  Memory mem(SegmentGeometry{4, 2});
  ClusterMap map = mem.map();
  map.initialize_header();
  (void)map.upsert_node(node("A", 3000));
  (void)map.upsert_node(node("B", 3001));
  std::vector<uint32_t> displaced;
  assert_true(map.apply_replicas(0, replicas("test", 0, 2, {{0, 1, 4095}, {2}}), displaced).is_ok());
  assert_true(displaced.empty());
  auto t = map.find_namespace("test");
  assert_true(t.has_value());
  assert_int_equal(*map.replica_node(*t, 4095, 0), 0);
  assert_int_equal(*map.replica_node(*t, 2, 1), 0);
  assert_false(map.replica_node(*t, 3, 0).has_value());
  assert_int_equal(map.replica_size(*t), 2);
  // B takes partition 1: A is displaced.
  assert_true(map.apply_replicas(1, replicas("test", 0, 2, {{1}}), displaced).is_ok());
  assert_int_equal(displaced.size(), 1);
  assert_int_equal(displaced[0], 0);
  assert_int_equal(*map.replica_node(*t, 1, 0), 1);
  // SC: a higher regime wins, an older one is ignored.
  displaced.clear();
  assert_true(map.apply_replicas(0, replicas("sc", 5, 1, {{7}}), displaced).is_ok());
  assert_true(map.apply_replicas(1, replicas("sc", 4, 1, {{7}}), displaced).is_ok());
  auto sc = map.find_namespace("sc");
  assert_int_equal(*map.replica_node(*sc, 7, 0), 0);
  assert_true(map.sc_mode(*sc));
  assert_true(map.apply_replicas(1, replicas("sc", 6, 1, {{7}}), displaced).is_ok());
  assert_int_equal(*map.replica_node(*sc, 7, 0), 1);
  // A third namespace does not fit in 2 tables, and nothing else breaks.
  assert_false(map.apply_replicas(0, replicas("third", 0, 1, {{0}}), displaced).is_ok());
  assert_int_equal(map.namespace_count(), 2);
  // Out-of-range questions get no answer rather than a wild read.
  assert_false(map.replica_node(9, 0, 0).has_value());
  assert_false(map.replica_node(*t, 4096, 0).has_value());
  assert_false(map.replica_node(*t, 0, 3).has_value());
  assert_false(map.find_namespace(std::string(40, 'n')).has_value());
  assert_false(map.apply_replicas(9, replicas("test", 0, 1, {{0}}), displaced).is_ok());
}

// Found by tests/chaos: an owner stopped between reading the clock and
// stamping stored its old time after a takeover, so the map looked stale to
// every follower although the new owner had just tended it.
static void test_stamp_only_by_owner_and_forward(void**) {
  Memory m(SegmentGeometry{16, 8});
  ClusterMap map = m.map();
  assert_true(map.try_lock());
  map.stamp(1000, 41);
  assert_true(map.refresh_stamp(41, 1500));
  assert_int_equal(map.timestamp_ms(), 1500);
  assert_true(map.refresh_stamp(41, 1200));  // an older clock reading: kept, not rewound
  assert_int_equal(map.timestamp_ms(), 1500);
  map.stamp(4000, 42);  // pid 42 takes over while 41 is stopped
  assert_false(map.refresh_stamp(41, 1700));
  assert_int_equal(map.timestamp_ms(), 4000);
  assert_int_equal(map.owner_pid(), 42);
  assert_false(map.refresh_stamp(41, 9000));  // also with a newer clock
  assert_int_equal(map.timestamp_ms(), 4000);
  m.header()->lock = 0;  // released: even the recorded owner stamps no more
  assert_false(map.refresh_stamp(42, 5000));
  assert_int_equal(map.timestamp_ms(), 4000);
}

static void test_lying_header(void**) {
  Memory mem(SegmentGeometry{4, 2});
  ClusterMap map = mem.map();
  map.initialize_header();
  map.publish_ready();
  assert_true(map.validate().is_ok());
  as_cluster_shm* h = mem.header();

  h->nodes_size = 1000000;
  assert_false(map.validate().is_ok());
  assert_true(map.nodes().size() <= 4);  // clamped, never past the node array
  h->nodes_size = 0;

  h->partition_tables_size = 0xFFFFFFFF;
  Status s = map.validate();
  assert_false(s.is_ok());
  assert_non_null(strstr(s.message().c_str(), "partition_tables_size"));
  assert_false(map.find_namespace("x").has_value());
  h->partition_tables_size = 0;

  h->partition_tables_offset = 12;
  s = map.validate();
  assert_non_null(strstr(s.message().c_str(), "partition_tables_offset = 12"));
  h->partition_tables_offset = 56 + 424 * 4;

  h->nodes_capacity = 3;
  assert_false(map.validate().is_ok());
  h->nodes_capacity = 4;

  // A stored node index beyond nodes_size is not followed.
  (void)map.upsert_node(node("A", 3000));
  std::vector<uint32_t> displaced;
  assert_true(map.apply_replicas(0, replicas("test", 0, 1, {{0}}), displaced).is_ok());
  auto* table = reinterpret_cast<as_partition_table_shm*>(mem.bytes.data() + 56 + 424 * 4);
  table->partitions[0].nodes[0] = 77;
  assert_false(map.replica_node(0, 0, 0).has_value());
  // The resolved table a follower keeps checks the same on every lookup,
  // also against a nodes_size raised past the capacity.
  auto resolved = map.partition_table(0);
  assert_true(resolved.has_value());
  assert_false(resolved->replica_node(0, 0).has_value());
  table->partitions[0].nodes[0] = 1;
  assert_int_equal(*resolved->replica_node(0, 0), 0);
  h->nodes_size = 0xFFFFFFFF;
  table->partitions[0].nodes[0] = 5;
  assert_false(resolved->replica_node(0, 0).has_value());
  h->nodes_size = 1;
  assert_false(resolved->replica_node(4096, 0).has_value());
  assert_false(map.partition_table(1).has_value());
  assert_true(map.validate().is_ok());

  ClusterMap short_map(mem.bytes.data(), 100, mem.layout);
  assert_false(short_map.validate().is_ok());
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_layout_figures),
      cmocka_unit_test(test_nodes),
      cmocka_unit_test(test_replicas_and_regime),
      cmocka_unit_test(test_stamp_only_by_owner_and_forward),
      cmocka_unit_test(test_lying_header),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
