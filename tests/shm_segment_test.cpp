// Segment creation and attachment against the real kernel: visible under its
// key with the stock size, attached rather than re-created, a different
// geometry refused with the remedy, removed when the last user detaches.
// Keys derive from the pid so parallel runs never collide.
#include "shm/segment.h"

#include "cmocka_cxx.h"

#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

#include <string>

using namespace aeroshim;

static int test_key(int salt) { return 0x5E000000 | ((getpid() & 0xFFFF) << 4) | salt; }

static bool segment_exists(int key) { return shmget(key, 0, 0) >= 0; }

static void test_create_attach_remove(void**) {
  const int key = test_key(1);
  assert_false(segment_exists(key));
  {
    auto first = Segment::open(key, SegmentGeometry{16, 8});
    assert_true(first.is_ok());
    assert_true((*first)->created());
    assert_int_equal((*first)->size(), 531448);
    shmid_ds info{};
    assert_int_equal(shmctl(shmget(key, 0, 0), IPC_STAT, &info), 0);
    assert_int_equal(info.shm_segsz, 531448);
    assert_int_equal(info.shm_perm.mode & 0777, 0666);
    {
      auto second = Segment::open(key, SegmentGeometry{16, 8});
      assert_true(second.is_ok());
      assert_false((*second)->created());
      assert_int_equal(attached_processes((*first)->id()), 2);
      // Fresh segments are zero-filled: a valid empty, unlocked state.
      auto* bytes = static_cast<const unsigned char*>((*second)->base());
      for (size_t i = 0; i < 56; i++) assert_int_equal(bytes[i], 0);
    }
    assert_true(segment_exists(key));  // one user is still attached
  }
  assert_false(segment_exists(key));  // the last one out removed it
}

static void test_geometry_mismatch(void**) {
  const int key = test_key(2);
  auto owner = Segment::open(key, SegmentGeometry{16, 8});
  assert_true(owner.is_ok());
  for (SegmentGeometry other : {SegmentGeometry{32, 8}, SegmentGeometry{16, 4}}) {
    auto refused = Segment::open(key, other);
    assert_false(refused.is_ok());
    const std::string& m = refused.status().message();
    assert_non_null(strstr(m.c_str(), "531448"));
    assert_non_null(strstr(m.c_str(), "ipcrm -M 0x"));
    assert_non_null(strstr(m.c_str(), "shm_max_nodes=16, shm_max_namespaces=8"));
    assert_non_null(strstr(m.c_str(), "new shm_key"));
  }
}

static void test_kernel_limit(void**) {
  // Far above any kernel's shmmax: the message names the limits to raise.
  auto refused = Segment::open(test_key(3), SegmentGeometry{4096, 1u << 20});
  assert_false(refused.is_ok());
  assert_non_null(strstr(refused.status().message().c_str(), "kernel.shmmax"));
  assert_false(segment_exists(test_key(3)));
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_create_attach_remove),
      cmocka_unit_test(test_geometry_mismatch),
      cmocka_unit_test(test_kernel_limit),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
