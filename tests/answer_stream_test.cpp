// Answers a node may send that the fuzzers (tests/fuzz/reply_fuzz,
// scan_fuzz) found the readers mishandling. Each case is the smallest
// answer that showed it, laid out so that the old behaviour is visible
// without a sanitizer: the bytes past the answer, or before the tracker's
// table, are inside this test's own buffer and are checked.
#include "cmocka_cxx.h"

#include "command/scan_stream.h"
#include "proto/reply.h"

#include <aerospike/as_key.h>
#include <aerospike/as_node.h>
#include <aerospike/as_partition.h>
#include <aerospike/as_record.h>
#include <aerospike/as_vector.h>

#include <atomic>
#include <cstring>
#include <string>
#include <vector>

namespace proto = aeroshim::proto;

namespace {

void put_be32(std::string& s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>(v >> (24 - 8 * i)));
}

// A message header (22 bytes) with these counts, then `rest`.
std::string message(uint16_t n_fields, uint16_t n_ops, const std::string& rest,
                    uint8_t info3 = 0) {
  std::string m(22, '\0');
  m[0] = 22;
  m[3] = static_cast<char>(info3);
  m[18] = static_cast<char>(n_fields >> 8);
  m[19] = static_cast<char>(n_fields);
  m[20] = static_cast<char>(n_ops >> 8);
  m[21] = static_cast<char>(n_ops);
  return m + rest;
}

std::string field(uint8_t type, const std::string& data) {
  std::string f;
  put_be32(f, static_cast<uint32_t>(data.size() + 1));
  f.push_back(static_cast<char>(type));
  return f + data;
}

// A field of size 0 has no type byte: the answer ends with one, and the
// byte after it (not part of the answer) would name a digest field. The
// key reader used to take that byte as the field's type.
void test_empty_last_field_has_no_type(void**) {
  std::string body = message(1, 0, std::string(4, '\0'));
  const size_t size = body.size();
  body.push_back(4);  // past the answer: a digest field type
  auto reply = proto::parse_reply(reinterpret_cast<const uint8_t*>(body.data()), size);
  assert_true(reply.is_ok());
  as_key key;
  std::memset(&key, 0, sizeof key);
  assert_true(proto::read_record_key(*reply, &key, nullptr).is_ok());
  assert_false(key.digest.init);
  assert_null(key.valuep);
}

// The tracker of a scan over partitions 10..11 (a partition filter), its
// table preceded by slack of this test's own, so that a write before the
// table lands where the test sees it.
struct FilteredTracker {
  std::vector<uint8_t> storage;
  as_partition_tracker pt{};
  as_node_partitions np{};
  as_address address{};
  as_node node{};
  static constexpr size_t kSlack = 32 * sizeof(as_partition_status);

  FilteredTracker()
      : storage(kSlack + sizeof(as_partitions_status) + 2 * sizeof(as_partition_status), 0xAB) {
    pt.parts_all = reinterpret_cast<as_partitions_status*>(storage.data() + kSlack);
    std::memset(pt.parts_all, 0, storage.size() - kSlack);
    pt.parts_all->ref_count = 1;
    pt.parts_all->part_begin = 10;
    pt.parts_all->part_count = 2;
    for (uint16_t i = 0; i < 2; ++i) pt.parts_all->parts[i].part_id = static_cast<uint16_t>(10 + i);
    std::strcpy(address.name, "127.0.0.1:3000");
    node.ref_count = 1;
    node.addresses = &address;
    np.node = &node;
    pthread_mutex_init(&pt.lock, nullptr);
  }
  ~FilteredTracker() {
    if (pt.errors) as_vector_destroy(pt.errors);
    pthread_mutex_destroy(&pt.lock);
  }
  bool slack_untouched() const {
    for (size_t i = 0; i < kSlack; ++i)
      if (storage[i] != 0xAB) return false;
    return true;
  }
};

bool count_record(const as_val*, void* udata) {
  ++*static_cast<int*>(udata);
  return true;
}

// A record whose digest is in partition 0, which this command never asked
// for: its resume point has no slot in the tracker. It used to be written
// ten slots before the table; the answer is refused instead.
void test_record_of_unrequested_partition(void**) {
  FilteredTracker t;
  std::string digest(20, '\x11');
  digest[0] = 0;
  digest[1] = 0;
  assert_int_equal(as_partition_getid(reinterpret_cast<const uint8_t*>(digest.data()), 4096), 0);
  const std::string body = message(1, 0, field(4, digest)) + message(0, 0, "", 1);
  int delivered = 0;
  std::atomic<bool> failed{false};
  aeroshim::ScanStream s{t.pt, t.np, true, false, count_record, &delivered, failed};
  bool last = false;
  aeroshim::Status st = aeroshim::parse_scan_frame(
      s, reinterpret_cast<const uint8_t*>(body.data()), body.size(), last);
  assert_int_equal(st.code(), AEROSPIKE_ERR_CLIENT);
  assert_int_equal(delivered, 0);
  assert_int_equal(t.np.record_count, 0);
  assert_true(t.slack_untouched());
}

// A record of a requested partition still sets its resume point.
void test_record_of_requested_partition(void**) {
  FilteredTracker t;
  std::string digest(20, '\x22');
  digest[0] = 11;
  digest[1] = 0;
  const std::string body = message(1, 0, field(4, digest)) + message(0, 0, "", 1);
  int delivered = 0;
  std::atomic<bool> failed{false};
  aeroshim::ScanStream s{t.pt, t.np, true, false, count_record, &delivered, failed};
  bool last = false;
  aeroshim::Status st = aeroshim::parse_scan_frame(
      s, reinterpret_cast<const uint8_t*>(body.data()), body.size(), last);
  assert_true(st.is_ok());
  assert_true(last);
  assert_int_equal(delivered, 1);
  assert_int_equal(t.np.record_count, 1);
  assert_true(t.pt.parts_all->parts[1].digest.init);
  assert_memory_equal(t.pt.parts_all->parts[1].digest.value, digest.data(), 20);
  assert_false(t.pt.parts_all->parts[0].digest.init);
  assert_true(t.slack_untouched());
}

}  // namespace

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test(test_empty_last_field_has_no_type),
      cmocka_unit_test(test_record_of_unrequested_partition),
      cmocka_unit_test(test_record_of_requested_partition),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
