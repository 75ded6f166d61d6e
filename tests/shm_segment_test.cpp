// Segment creation and attachment against the real kernel: visible under its
// key with the stock size, attached rather than re-created, a different
// geometry refused with the remedy, removed when the last user detaches.
// Keys derive from the pid so parallel runs never collide.
//
// A failing assertion longjmps out of the test, past every destructor on its
// stack, so whatever a test attaches lives in its Fixture: the teardown
// detaches it and removes the test's segment and lock file, and the group
// teardown fails the run if any key used here still has either.
#include "shm/owner_file.h"
#include "shm/segment.h"

#include "cmocka_cxx.h"

#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

#include <memory>
#include <string>

using namespace aeroshim;

namespace {

constexpr int kSalts = 3;  // one key per test

int test_key(int salt) { return 0x5E000000 | ((getpid() & 0xFFFF) << 4) | salt; }

bool segment_exists(int key) { return shmget(key, 0, 0) >= 0; }

struct Fixture {
  int key = 0;
  std::unique_ptr<Segment> first;
  std::unique_ptr<Segment> second;
};

// The attached segment, or a failed test.
std::unique_ptr<Segment> open_ok(int key, SegmentGeometry geometry) {
  auto opened = Segment::open(key, geometry);
  assert_true(opened.is_ok());
  return std::move(*opened);
}

// Why opening `key` with `geometry` was refused. A segment opened instead
// fails the test and is kept in `slot` for the teardown to remove.
Status refusal(int key, SegmentGeometry geometry, std::unique_ptr<Segment>& slot) {
  auto opened = Segment::open(key, geometry);
  if (opened.is_ok()) {
    slot = std::move(*opened);
    fail_msg("shm_key %s opened with a geometry that must be refused", key_text(key).c_str());
  }
  return opened.status();
}

int setup(void** state) {
  *state = new Fixture;
  return 0;
}

int teardown(void** state) {
  auto* f = static_cast<Fixture*>(*state);
  f->second.reset();
  f->first.reset();
  if (f->key != 0) {
    const int id = shmget(f->key, 0, 0);
    if (id >= 0) shmctl(id, IPC_RMID, nullptr);
    unlink(shm::OwnerFile::path_for(f->key).c_str());
  }
  delete f;
  return 0;
}

int nothing_left(void**) {
  int left = 0;
  for (int salt = 1; salt <= kSalts; salt++) {
    const int key = test_key(salt);
    if (segment_exists(key) || access(shm::OwnerFile::path_for(key).c_str(), F_OK) == 0) {
      print_error("key %s left a segment or lock file\n", key_text(key).c_str());
      left++;
    }
  }
  return left == 0 ? 0 : -1;
}

void test_create_attach_remove(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  f.key = test_key(1);
  assert_false(segment_exists(f.key));
  f.first = open_ok(f.key, SegmentGeometry{16, 8});
  assert_true(f.first->created());
  assert_int_equal(f.first->size(), 531448);
  shmid_ds info{};
  assert_int_equal(shmctl(shmget(f.key, 0, 0), IPC_STAT, &info), 0);
  assert_int_equal(info.shm_segsz, 531448);
  assert_int_equal(info.shm_perm.mode & 0777, 0666);

  f.second = open_ok(f.key, SegmentGeometry{16, 8});
  assert_false(f.second->created());
  assert_int_equal(attached_processes(f.first->id()), 2);
  // Fresh segments are zero-filled: a valid empty, unlocked state.
  auto* bytes = static_cast<const unsigned char*>(f.second->base());
  for (size_t i = 0; i < 56; i++) assert_int_equal(bytes[i], 0);
  f.second.reset();
  assert_true(segment_exists(f.key));  // one user is still attached
  f.first.reset();
  assert_false(segment_exists(f.key));  // the last one out removed it
}

void test_geometry_mismatch(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  f.key = test_key(2);
  f.first = open_ok(f.key, SegmentGeometry{16, 8});
  for (SegmentGeometry other : {SegmentGeometry{32, 8}, SegmentGeometry{16, 4}}) {
    const Status refused = refusal(f.key, other, f.second);
    const std::string& m = refused.message();
    assert_non_null(strstr(m.c_str(), "531448"));
    assert_non_null(strstr(m.c_str(), "ipcrm -M 0x"));
    assert_non_null(strstr(m.c_str(), "shm_max_nodes=16, shm_max_namespaces=8"));
    assert_non_null(strstr(m.c_str(), "new shm_key"));
  }
}

void test_kernel_limit(void** state) {
  Fixture& f = *static_cast<Fixture*>(*state);
  f.key = test_key(3);
  // Far above any kernel's shmmax: the message names the limits to raise.
  const Status refused = refusal(f.key, SegmentGeometry{4096, 1u << 20}, f.first);
  assert_non_null(strstr(refused.message().c_str(), "kernel.shmmax"));
  assert_false(segment_exists(f.key));
}

}  // namespace

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_create_attach_remove, setup, teardown),
      cmocka_unit_test_setup_teardown(test_geometry_mismatch, setup, teardown),
      cmocka_unit_test_setup_teardown(test_kernel_limit, setup, teardown),
  };
  return cmocka_run_group_tests(tests, nullptr, nothing_left);
}
