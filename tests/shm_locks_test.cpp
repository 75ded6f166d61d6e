// The stock lock words with our time bounds, the private map, and the
// whole-segment check on corrupted bytes (a small deterministic fuzz).
#include "map/private_map.h"
#include "map/segment_check.h"
#include "shm/swlock.h"

#include "cmocka_cxx.h"

#include <aerospike/as_shm_cluster.h>

#include <random>
#include <vector>

using namespace aeroshim;

static void test_swlock_protocol_bits(void**) {
  as_swlock lock = AS_SWLOCK_INIT;
  {
    shm::ReadGuard a(&lock), b(&lock);
    assert_true(a.held() && b.held());
    assert_int_equal(lock.u32, 2);
  }
  assert_int_equal(lock.u32, 0);
  {
    shm::WriteGuard w(&lock);
    assert_true(w.drained());
    assert_int_equal(lock.u32, AS_SWLOCK_WRITER_BIT);
  }
  assert_int_equal(lock.u32, 0);
}

static void test_swlock_bounds(void**) {
  // A writer that died holding the word: readers give up after the bound
  // instead of hanging, and the next owner's repair clears it.
  as_swlock lock{AS_SWLOCK_WRITER_BIT};
  {
    shm::ReadGuard r(&lock, 5'000'000);
    assert_false(r.held());
  }
  assert_int_equal(lock.u32, AS_SWLOCK_WRITER_BIT);  // the word is never corrupted
  shm::clear_abandoned_writer(&lock);
  assert_int_equal(lock.u32, 0);
  // A reader that died inside: the writer proceeds, the count is left alone.
  lock.u32 = 1;
  {
    shm::WriteGuard w(&lock, 5'000'000);
    assert_false(w.drained());
  }
  assert_int_equal(lock.u32, 1);
}

static void test_spinlock_bound(void**) {
  as_spinlock lock{1};  // held by a dead process
  {
    shm::SpinGuard g(&lock, 5'000'000);
    assert_false(g.acquired());
  }
  assert_int_equal(lock.u32, 0);  // released, which also frees stock spinners
  {
    shm::SpinGuard g(&lock);
    assert_true(g.acquired());
    assert_int_equal(lock.u32, 1);
  }
}

static void test_private_map(void**) {
  auto made = PrivateMap::create();
  assert_true(made.is_ok());
  ClusterMap& map = (*made)->map();
  assert_true(map.validate().is_ok());
  // No cap a real cluster can reach: every node of a 256-node cluster fits.
  for (uint32_t i = 0; i < 256; ++i) {
    MapNode n;
    n.name = fmt::format("BB9{:04X}", i);
    n.active = true;
    assert_int_equal(map.upsert_node(n).value(), i);
  }
  assert_int_equal(map.nodes().size(), 256);
}

static void test_geometry_for_size(void**) {
  auto g = geometry_for_size(531448);
  assert_true(g.has_value());
  assert_int_equal(g->max_nodes, 16);
  assert_int_equal(g->max_namespaces, 8);
  assert_false(geometry_for_size(531449).has_value());
  assert_false(geometry_for_size(12).has_value());
}

static void test_corrupted_segments_never_escape(void**) {
  // Random values in every header field and random node indexes in the
  // tables: the check may refuse, but must never read outside the bytes
  // (run under SANITIZE=address to make an escape fatal).
  const SegmentLayout layout(SegmentGeometry{2, 1});
  std::mt19937 random(1234);
  for (int round = 0; round < 200; round++) {
    std::vector<unsigned char> bytes(layout.total_size(), 0);
    auto* words = reinterpret_cast<uint32_t*>(bytes.data());
    for (int i = 0; i < 14; i++) {
      if (random() % 2) words[i] = random() % 4 == 0 ? 0xFFFFFFFFu : random() % 8;
    }
    for (int i = 0; i < 64; i++) {
      size_t at = layout.tables_offset() + 40 + (random() % (4096 * 4)) * 4;
      std::memcpy(&bytes[at], &words[random() % 14], 4);
    }
    (void)check_segment_bytes(bytes.data(), bytes.size());
  }
  assert_false(check_segment_bytes(nullptr, 10).is_ok());
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_swlock_protocol_bits),
      cmocka_unit_test(test_swlock_bounds),
      cmocka_unit_test(test_spinlock_bound),
      cmocka_unit_test(test_private_map),
      cmocka_unit_test(test_geometry_for_size),
      cmocka_unit_test(test_corrupted_segments_never_escape),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
