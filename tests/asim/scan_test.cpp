// Partition scans as a server 8 answers the 7.4.0 client's requests: every
// node serves only what it masters and marks the rest unavailable (result
// 11, partition id in the generation), records come in descending digest
// order within a partition so a digest resumes, max-records bounds a node,
// RPS paces the stream, and a garbled request gets PARAMETER.
#include "cmocka_cxx.h"
#include "query_wire.h"

#include <cstring>
#include <map>
#include <set>

using namespace qtest;
using asim::Cluster;
using asim::RecordStore;
using asim::query::Service;

namespace {

constexpr uint8_t kParameter = 4;
constexpr uint8_t kUnsupported = 16;

struct Fixture {
  Cluster cluster{options(3)};
  RecordStore store;
  Service service{cluster, store};
  Fixture() {
    for (size_t i = 0; i < cluster.nodes().size(); ++i) cluster.node_started(i);
  }
  std::vector<proto::Message> ask(size_t node, const proto::Message& m) {
    return messages(service.serve(node, m, 1000));
  }
};

// 40 records: 4 in each of partitions 0..9, set "s" for even partitions,
// bins a (integer) and b (string), keys stored for the first of each.
void seed(Fixture& f) {
  for (uint16_t pid = 0; pid < 10; ++pid)
    for (uint8_t i = 0; i < 4; ++i)
      write(f.store, digest_in(pid, static_cast<char>(0x10 * (i + 1)), i), pid % 2 == 0 ? "s" : "",
            {put_int("a", pid * 10 + i), put(3, "b", "v" + std::to_string(i))},
            i == 0 ? std::string("\x03key", 4) : "");
}

size_t master_of(Fixture& f, uint32_t pid) { return *f.cluster.owner(0, pid, 0); }

void test_each_node_serves_what_it_masters(void**) {
  Fixture f;
  seed(f);
  std::set<std::string> seen;
  size_t markers = 0;
  for (size_t node = 0; node < 3; ++node) {
    const auto msgs = f.ask(node, scan_request("test", "", all_partitions()));
    assert_true(!msgs.empty());
    const auto& last = msgs.back();
    assert_int_equal(last.info3 & proto::kInfo3Last, proto::kInfo3Last);
    assert_int_equal(last.result_code, 0);
    for (size_t i = 0; i + 1 < msgs.size(); ++i) {
      const auto& m = msgs[i];
      if (m.info3 & proto::kInfo3PartitionDone) {
        assert_int_equal(m.result_code, 11);
        assert_true(master_of(f, m.generation) != node);
        ++markers;
        continue;
      }
      const auto* d = m.field(proto::FieldType::kDigest);
      assert_non_null(d);
      assert_int_equal(master_of(f, proto::partition_of(d->data)), node);
      assert_string_equal(m.field(proto::FieldType::kNamespace)->data.c_str(), "test");
      assert_int_equal(m.ops.size(), 2);
      assert_true(seen.insert(d->data).second);
    }
  }
  assert_int_equal(seen.size(), 40);
  // Every partition is unavailable on the two nodes that do not master it.
  assert_int_equal(markers, 2 * 4096);
}

void test_fields_order_and_resume(void**) {
  Fixture f;
  seed(f);
  const size_t node = master_of(f, 2);
  auto msgs = f.ask(node, scan_request("test", "", {2}));
  assert_int_equal(msgs.size(), 5);
  // Descending digest order, as the server's index tree yields records.
  for (size_t i = 0; i + 2 < msgs.size(); ++i)
    assert_true(msgs[i].field(proto::FieldType::kDigest)->data >
                msgs[i + 1].field(proto::FieldType::kDigest)->data);
  // Set and stored key travel with the record: partition 2 is in set "s";
  // tag 0 (fill 0x10, the smallest digest) has the key.
  assert_string_equal(msgs[0].field(proto::FieldType::kSet)->data.c_str(), "s");
  assert_non_null(msgs[3].field(proto::FieldType::kKey));
  assert_null(msgs[0].field(proto::FieldType::kKey));
  // Resume after the second record: the last two follow.
  proto::Message resume = scan_request("test", "", {});
  resume.fields.push_back(
      {ft(proto::FieldType::kDigestArray), msgs[1].field(proto::FieldType::kDigest)->data});
  auto rest = f.ask(node, resume);
  assert_int_equal(rest.size(), 3);
  assert_true(rest[0].field(proto::FieldType::kDigest)->data ==
              msgs[2].field(proto::FieldType::kDigest)->data);
  assert_true(rest[1].field(proto::FieldType::kDigest)->data ==
              msgs[3].field(proto::FieldType::kDigest)->data);
}

void test_set_max_records_nobins_projection(void**) {
  Fixture f;
  seed(f);
  const size_t node = master_of(f, 4);
  size_t in_set = 0;
  for (const auto& m : f.ask(node, scan_request("test", "s", {3, 4})))
    in_set += m.field(proto::FieldType::kDigest) ? 1 : 0;
  // Partition 3 holds no record of set "s".
  assert_int_equal(in_set, 4);
  auto unknown = f.ask(node, scan_request("test", "nope", {4}));
  assert_int_equal(unknown.size(), 1);
  assert_int_equal(unknown[0].result_code, 0);

  proto::Message limited = scan_request("test", "", {4, 6});
  if (master_of(f, 6) != node) limited = scan_request("test", "", {4});
  limited.fields.push_back({ft(proto::FieldType::kMaxRecords), be64(3)});
  size_t records = 0;
  for (const auto& m : f.ask(node, limited)) records += m.field(proto::FieldType::kDigest) ? 1 : 0;
  assert_int_equal(records, 3);

  proto::Message nobins = scan_request("test", "", {4});
  nobins.info1 |= proto::kInfo1NoBinData;
  auto meta = f.ask(node, nobins);
  assert_int_equal(meta.size(), 5);
  assert_int_equal(meta[0].ops.size(), 0);
  assert_int_equal(meta[0].info1 & proto::kInfo1NoBinData, proto::kInfo1NoBinData);

  proto::Message select = scan_request("test", "", {4});
  select.ops.push_back(proto::Op{1, 0, "b", ""});
  select.ops.push_back(proto::Op{1, 0, "zz", ""});
  auto proj = f.ask(node, select);
  assert_int_equal(proj.size(), 5);
  assert_int_equal(proj[0].ops.size(), 1);
  assert_string_equal(proj[0].ops[0].name.c_str(), "b");
  // The deprecated bin list: count, then length-prefixed names.
  proto::Message listed = scan_request("test", "", {4});
  listed.fields.push_back({ft(proto::FieldType::kQueryBins), std::string("\x02\x01"
                                                                         "a\x02zz",
                                                                         6)});
  auto by_list = f.ask(node, listed);
  assert_int_equal(by_list.size(), 5);
  assert_int_equal(by_list[0].ops.size(), 1);
  assert_string_equal(by_list[0].ops[0].name.c_str(), "a");
  // A write op is no projection.
  select.ops.push_back(put_int("a", 1));
  assert_int_equal(f.ask(node, select)[0].result_code, kParameter);
}

void expect_code(Fixture& f, const proto::Message& m, uint8_t rc) {
  const auto msgs = f.ask(0, m);
  assert_int_equal(msgs.size(), 1);
  assert_int_equal(msgs[0].result_code, rc);
}

void test_refusals(void**) {
  Fixture f;
  seed(f);
  proto::Message m = scan_request("test", "", {1});
  m.info3 = 0;
  expect_code(f, m, kUnsupported);                             // no partition-done bit
  expect_code(f, scan_request("test", "", {}), kUnsupported);  // an old scan: no partitions

  auto with = [](proto::FieldType t, std::string data) {
    proto::Message r = scan_request("test", "", {1});
    for (auto& fl : r.fields)
      if (fl.type == ft(t)) {
        fl.data = data;
        return r;
      }
    r.fields.push_back({ft(t), std::move(data)});
    return r;
  };
  expect_code(f, with(proto::FieldType::kPartitionIdArray, ""), kParameter);
  expect_code(f, with(proto::FieldType::kPartitionIdArray, le16(4096)), kParameter);
  expect_code(f, with(proto::FieldType::kPartitionIdArray, le16(7) + le16(7)), kParameter);
  expect_code(f, with(proto::FieldType::kDigestArray, digest_in(1, 0, 0)),
              kParameter);  // pid 1 twice
  expect_code(f, with(proto::FieldType::kDigestArray, "short"), kParameter);
  expect_code(f, with(proto::FieldType::kBvalArray, le64(1)), kParameter);  // bvals, no digests
  expect_code(f, with(proto::FieldType::kRecordsPerSecond, "abc"), kParameter);
  expect_code(f, with(proto::FieldType::kTaskId, "1234"), kParameter);
  expect_code(f, with(proto::FieldType::kSocketTimeout, "12"), kParameter);
  expect_code(f, with(proto::FieldType::kMaxRecords, "1234"), kParameter);
  expect_code(f, with(proto::FieldType::kSet, std::string(64, 's')), kParameter);
  expect_code(f,
              with(proto::FieldType::kQueryBins, std::string("\x02\x05"
                                                             "ab",
                                                             4)),
              kParameter);
  expect_code(f, with(proto::FieldType::kUdfPackageName, "m"), kParameter);  // no udf op
  proto::Message short_rps = with(proto::FieldType::kRecordsPerSecond, be32(10));
  short_rps.info1 |= proto::kInfo1ShortQuery;
  expect_code(f, short_rps, kParameter);
  // An expression no record could be judged by fails the whole scan.
  proto::Message filtered =
      with(proto::FieldType::kFilterExpression, std::string("\x93\x01\x02", 3));
  const auto msgs = f.ask(master_of(f, 1), filtered);
  assert_int_equal(msgs.size(), 1);
  assert_true(msgs[0].result_code == kUnsupported || msgs[0].result_code == kParameter);
}

void test_rps_paces_the_stream(void**) {
  Fixture f;
  seed(f);
  const size_t node = master_of(f, 0);
  proto::Message m = scan_request("test", "", {0});
  m.fields.push_back({ft(proto::FieldType::kRecordsPerSecond), be32(20)});
  const auto pieces = f.service.serve(node, m, 1000);
  // Four records at 20 per second: the k-th no earlier than k * 50 ms.
  assert_int_equal(pieces.size(), 4);
  assert_int_equal(pieces[0].delay_ms, 0);
  for (size_t i = 1; i < pieces.size(); ++i) assert_true(pieces[i].delay_ms >= i * 50);
  assert_int_equal(messages(pieces).size(), 5);
  // The job is active until its last part is due.
  const auto line = *f.service.info_command(node, "query-show", "", 1010);
  assert_non_null(strstr(line.c_str(), "status=active(ok)"));
  const auto later = *f.service.info_command(node, "query-show", "", 1200);
  assert_non_null(strstr(later.c_str(), "status=done(ok)"));
  assert_non_null(strstr(later.c_str(), "recs-succeeded=4"));
}

void test_jobs_in_query_show(void**) {
  Fixture f;
  seed(f);
  const size_t node = master_of(f, 0);
  f.ask(node, scan_request("test", "s", {0}, 777));
  const auto one = *f.service.info_command(node, "query-show", "id=777", 2000);
  assert_non_null(
      strstr(one.c_str(), "trid=777:ns=test:set=s:n-pids-requested=1:n-keyds-requested=0"));
  assert_non_null(strstr(one.c_str(), ":status=done(ok):job-progress=100.00:"));
  assert_non_null(strstr(one.c_str(), ":recs-succeeded=4:"));
  assert_non_null(strstr(one.c_str(), ":job-type=basic:"));
  assert_string_equal(f.service.info_command(node, "query-show", "trid=778", 2000)->c_str(),
                      "ERROR:2:job not found");
  assert_string_equal(f.service.info_command(node, "query-show", "id=x", 2000)->c_str(),
                      "ERROR:4:bad id");
  // A remembered trid is refused.
  const auto again = f.ask(node, scan_request("test", "s", {0}, 777));
  assert_int_equal(again.size(), 1);
  assert_int_equal(again[0].result_code, kParameter);
  assert_false(f.service.info_command(node, "scan-show", "", 0).has_value());
}

void test_garbled_bodies_never_crash(void**) {
  Fixture f;
  seed(f);
  const proto::Message base = scan_request("test", "", {1, 2, 3});
  for (size_t i = 0; i < base.fields.size(); ++i) {
    for (size_t cut = 0; cut <= base.fields[i].data.size(); ++cut) {
      proto::Message m = base;
      m.fields[i].data.resize(cut);
      m.fields[i].data += std::string(cut % 3, '\xff');
      const auto msgs = f.ask(0, m);
      assert_true(!msgs.empty());
      assert_true(msgs.back().result_code == 0 || msgs.back().result_code == kParameter ||
                  msgs.back().result_code == kUnsupported || msgs.back().result_code == 20);
    }
  }
}

}  // namespace

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test(test_each_node_serves_what_it_masters),
      cmocka_unit_test(test_fields_order_and_resume),
      cmocka_unit_test(test_set_max_records_nobins_projection),
      cmocka_unit_test(test_refusals),
      cmocka_unit_test(test_rps_paces_the_stream),
      cmocka_unit_test(test_jobs_in_query_show),
      cmocka_unit_test(test_garbled_bodies_never_crash),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
