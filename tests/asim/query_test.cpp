// Secondary-index and background queries as a server 8 answers them: the
// INDEX_RANGE predicate (equality and ranges, list/map collection types, a
// CDT context, GeoJSON within/contains) against the catalog's definitions,
// INDEX_NOTFOUND for a missing index or a predicate of the wrong type, the
// bval each record carries and resumes from, and background jobs that apply
// write ops or a record UDF to what a node masters, reported by query-show.
#include "cmocka_cxx.h"
#include "query_wire.h"

#include <cstring>
#include <set>

using namespace qtest;
using asim::Cluster;
using asim::RecordStore;
using asim::query::Service;

namespace {

constexpr uint8_t kParameter = 4;
constexpr uint8_t kIndexNotFound = 201;

struct Fixture {
  Cluster cluster{options(3)};
  RecordStore store;
  Service service{cluster, store};
  Fixture() {
    for (size_t i = 0; i < cluster.nodes().size(); ++i) cluster.node_started(i);
  }
  // Every node's records for `m` (all partitions), in node then stream order.
  std::vector<proto::Message> all(proto::Message m, uint8_t* rc = nullptr) {
    std::vector<proto::Message> out;
    for (size_t node = 0; node < 3; ++node) {
      for (auto& msg : messages(service.serve(node, m, 1000))) {
        if ((msg.info3 & proto::kInfo3Last) && rc) *rc = msg.result_code;
        if (msg.field(proto::FieldType::kDigest)) out.push_back(msg);
        if (!(msg.info3 & (proto::kInfo3Last | proto::kInfo3PartitionDone)) &&
            msg.result_code != 0 && rc)
          *rc = msg.result_code;
      }
    }
    return out;
  }
  void index(const std::string& name, const std::string& set, const std::string& bin,
             const std::string& itype, const std::string& ktype, const std::string& ctx = "") {
    asim::sindex::Definition d;
    d.ns = "test";
    d.name = name;
    d.set = set;
    d.bin = bin;
    d.itype = itype;
    d.ktype = ktype;
    d.context = ctx;
    store.sindexes().put(d);
  }
};

std::string range_int(const std::string& bin, int64_t a, int64_t b) {
  return std::string("\x01", 1) + static_cast<char>(bin.size()) + bin + "\x01" + be32(8) +
         be64(static_cast<uint64_t>(a)) + be32(8) + be64(static_cast<uint64_t>(b));
}
std::string range_text(const std::string& bin, char type, const std::string& v) {
  return std::string("\x01", 1) + static_cast<char>(bin.size()) + bin + type +
         be32(static_cast<uint32_t>(v.size())) + v + be32(static_cast<uint32_t>(v.size())) + v;
}

proto::Message query(const std::string& set, const std::string& range, uint8_t itype = 0) {
  proto::Message m = scan_request("test", set, all_partitions());
  if (itype)
    m.fields.push_back(
        {ft(proto::FieldType::kIndexType), std::string(1, static_cast<char>(itype))});
  m.fields.push_back({ft(proto::FieldType::kIndexRange), range});
  return m;
}

std::string geo(const std::string& json) { return std::string(3, '\0') + json; }

// 20 records in set "s" (digest tag i): n = i, name = "n<i%4>", tags = [i, i+100],
// m = {"k<i%3>": i}, loc = a point at (i, i).
void seed(Fixture& f) {
  for (uint8_t i = 0; i < 20; ++i) {
    const std::string list =
        std::string("\x92", 1) + static_cast<char>(i) + static_cast<char>(i + 100);
    const std::string map =
        std::string("\x81\xa3\x03k", 4) + static_cast<char>('0' + i % 3) + static_cast<char>(i);
    const std::string point = "{\"type\":\"Point\",\"coordinates\":[" + std::to_string(i) + "," +
                              std::to_string(i) + "]}";
    write(f.store, digest_in(static_cast<uint16_t>(i * 200), static_cast<char>(0x50), i), "s",
          {put_int("n", i), put(3, "name", "n" + std::to_string(i % 4)), put(20, "tags", list),
           put(19, "m", map), put(23, "loc", geo(point))});
  }
}

std::set<int64_t> values_of(const std::vector<proto::Message>& msgs, const std::string& bin) {
  std::set<int64_t> out;
  for (const auto& m : msgs)
    for (const auto& o : m.ops)
      if (o.name == bin) out.insert(static_cast<int64_t>(proto::read_be_u64(o.value)));
  return out;
}

void test_numeric_and_string(void**) {
  Fixture f;
  seed(f);
  f.index("n_idx", "s", "n", "default", "numeric");
  f.index("name_idx", "s", "name", "default", "string");
  auto eq = f.all(query("s", range_int("n", 7, 7)));
  assert_int_equal(eq.size(), 1);
  const auto* bval = eq[0].field(proto::FieldType::kBvalArray);
  assert_non_null(bval);
  assert_true(bval->data == le64(7));
  assert_true(values_of(f.all(query("s", range_int("n", 3, 6))), "n") ==
              (std::set<int64_t>{3, 4, 5, 6}));
  assert_int_equal(f.all(query("s", range_text("name", 3, "n1"))).size(), 5);
  // By name: the bin name is left empty.
  proto::Message named = query("s", range_int("", 10, 19));
  named.fields.push_back({ft(proto::FieldType::kIndexName), "n_idx"});
  assert_int_equal(f.all(named).size(), 10);
}

void test_index_not_found(void**) {
  Fixture f;
  seed(f);
  f.index("n_idx", "s", "n", "default", "numeric");
  uint8_t rc = 0;
  f.all(query("s", range_text("n", 3, "x")), &rc);  // a string predicate on a numeric index
  assert_int_equal(rc, kIndexNotFound);
  rc = 0;
  f.all(query("", range_int("n", 1, 2)), &rc);  // the index is on set "s"
  assert_int_equal(rc, kIndexNotFound);
  rc = 0;
  f.all(query("s", range_int("x", 1, 2)), &rc);
  assert_int_equal(rc, kIndexNotFound);
  proto::Message named = query("s", range_int("", 1, 2));
  named.fields.push_back({ft(proto::FieldType::kIndexName), "nope"});
  rc = 0;
  f.all(named, &rc);
  assert_int_equal(rc, kIndexNotFound);
}

void test_collections_and_context(void**) {
  Fixture f;
  seed(f);
  f.index("tags_idx", "s", "tags", "list", "numeric");
  f.index("mk_idx", "s", "m", "mapkeys", "string");
  f.index("mv_idx", "s", "m", "mapvalues", "numeric");
  f.index("ctx_idx", "s", "m", "default", "numeric", "kiKjA2sx");  // [map_key, "k1"]
  assert_int_equal(f.all(query("s", range_int("tags", 105, 105), 1)).size(), 1);
  assert_int_equal(f.all(query("s", range_int("tags", 0, 200), 1)).size(), 20);  // once each
  assert_int_equal(f.all(query("s", range_text("m", 3, "k0"), 2)).size(), 7);
  assert_int_equal(f.all(query("s", range_int("m", 0, 4), 3)).size(), 5);
  proto::Message ctx = query("s", range_int("m", 0, 100));
  ctx.fields.push_back({ft(proto::FieldType::kIndexContext), std::string("\x92\x22\xa3\x03k1", 6)});
  auto with_ctx = f.all(ctx);
  assert_true(values_of(with_ctx, "n") == (std::set<int64_t>{1, 4, 7, 10, 13, 16, 19}));
}

void test_geo(void**) {
  Fixture f;
  seed(f);
  f.index("loc_idx", "s", "loc", "default", "geo2dsphere");
  const std::string square =
      "{\"type\":\"Polygon\",\"coordinates\":[[[2.5,2.5],[6.5,2.5],[6.5,6.5],[2.5,6.5],[2.5,2.5]]]"
      "}";
  assert_true(values_of(f.all(query("s", range_text("loc", 23, square))), "n") ==
              (std::set<int64_t>{3, 4, 5, 6}));
  // By haversine, (10, 10) is 55.6 km from (10, 10.5), (11, 11) 122.6 km
  // and (9, 9) 199 km: a 130 km circle holds the first two.
  const std::string circle = "{\"type\":\"AeroCircle\",\"coordinates\":[[10,10.5],130000]}";
  assert_true(values_of(f.all(query("s", range_text("loc", 23, circle))), "n") ==
              (std::set<int64_t>{10, 11}));
  // Regions containing a point.
  write(f.store, digest_in(7, 0x30, 1), "s", {put_int("n", 100), put(23, "loc", geo(square))});
  const std::string point = "{\"type\":\"Point\",\"coordinates\":[3,4]}";
  assert_true(values_of(f.all(query("s", range_text("loc", 23, point))), "n") ==
              (std::set<int64_t>{100}));
  uint8_t rc = 0;
  f.all(query("s", range_text("loc", 23, "{\"type\":\"Blob\"}")), &rc);
  assert_int_equal(rc, kParameter);
}

void test_bval_resume_and_garbage(void**) {
  Fixture f;
  seed(f);
  f.index("tags_idx", "s", "tags", "list", "numeric");
  // Record tag 5 sits in partition 1000: resume it after its own entry.
  const uint16_t pid = 1000;
  const size_t node = *f.cluster.owner(0, pid, 0);
  proto::Message m = query("s", range_int("tags", 0, 200), 1);
  for (auto& fl : m.fields)
    if (fl.type == ft(proto::FieldType::kPartitionIdArray)) fl.data = le16(999);
  m.fields.push_back({ft(proto::FieldType::kDigestArray), digest_in(pid, 0x50, 5)});
  m.fields.push_back({ft(proto::FieldType::kBvalArray), le64(4)});
  size_t records = 0;
  for (const auto& msg : messages(f.service.serve(node, m, 0)))
    records += msg.field(proto::FieldType::kDigest) ? 1 : 0;
  assert_int_equal(records, 1);  // (5, d) > (4, d)
  m.fields.back().data = le64(5);
  records = 0;
  for (const auto& msg : messages(f.service.serve(node, m, 0)))
    records += msg.field(proto::FieldType::kDigest) ? 1 : 0;
  assert_int_equal(records, 0);
  m.fields.back().data = le64(5) + le64(6);  // two bvals, one digest
  assert_int_equal(messages(f.service.serve(node, m, 0))[0].result_code, kParameter);
  for (const std::string& bad : {std::string(), std::string("\x02"), range_int("tags", 5, 1),
                                 std::string("\x01\x04tags\x01", 7), range_text("tags", 9, "x"),
                                 std::string("\x01\x00\x01", 3)}) {
    proto::Message g = query("s", bad, 1);
    assert_int_equal(messages(f.service.serve(0, g, 0))[0].result_code, kParameter);
  }
}

void test_background_ops(void**) {
  Fixture f;
  seed(f);
  proto::Message m = scan_request("test", "s", {}, 4242);
  m.info1 = 0;
  m.info2 = proto::kInfo2Write;
  m.info3 = 0;
  m.ops.push_back(put_int("c", 9));
  m.fields.push_back({ft(proto::FieldType::kRecordsPerSecond), be32(100)});
  const size_t node = *f.cluster.owner(0, 0, 0);
  const auto fin = messages(f.service.serve(node, m, 0));
  // At 100 records per second the second write is due at 10 ms.
  assert_non_null(strstr(f.service.info_command(node, "query-show", "id=4242", 1)->c_str(),
                         "status=active(ok)"));
  assert_true(f.service.tick(1) > 0);
  assert_int_equal(f.service.tick(100000), -1);
  assert_int_equal(fin.size(), 1);
  assert_int_equal(fin[0].info3 & proto::kInfo3Last, proto::kInfo3Last);
  assert_int_equal(fin[0].result_code, 0);
  size_t written = 0;
  size_t owned = 0;
  for (const auto& [digest, r] : f.store.live_records("test", asim::server_now())) {
    const bool mine = *f.cluster.owner(0, proto::partition_of(digest), 0) == node;
    owned += mine ? 1 : 0;
    for (const auto& b : r->bins) written += b.name == "c" ? 1 : 0;
    for (const auto& b : r->bins)
      if (b.name == "c") assert_true(mine);
  }
  assert_int_equal(written, owned);
  const auto line = *f.service.info_command(node, "query-show", "id=4242", 100000);
  assert_non_null(strstr(line.c_str(), ":status=done(ok):"));
  assert_non_null(strstr(line.c_str(), (":recs-succeeded=" + std::to_string(owned) + ":").c_str()));
  assert_non_null(strstr(line.c_str(), ":job-type=background-ops:"));
  // A set the namespace never held, a read op, or rps above the namespace bound.
  proto::Message unknown = m;
  unknown.fields[1].data = "nope";
  unknown.fields[3].data = be64(1);
  assert_int_equal(messages(f.service.serve(node, unknown, 0))[0].result_code, 2);
  proto::Message reads = m;
  reads.fields[3].data = be64(2);
  reads.ops.push_back(proto::Op{1, 0, "n", ""});
  assert_int_equal(messages(f.service.serve(node, reads, 0))[0].result_code, kParameter);
  proto::Message fast = m;
  fast.fields[3].data = be64(3);
  fast.fields.back().data = be32(20000);
  assert_int_equal(messages(f.service.serve(node, fast, 0))[0].result_code, kParameter);
}

void test_background_udf(void**) {
  Fixture f;
  seed(f);
  f.store.udf_modules().files["bg.lua"] =
      "function mark(rec, v)\n rec['u'] = v\n aerospike:update(rec)\nend\n";
  f.store.udf_modules().order.push_back("bg.lua");
  f.index("n_idx", "s", "n", "default", "numeric");
  proto::Message m = query("s", range_int("n", 0, 9));
  m.info1 = 0;
  m.info2 = proto::kInfo2Write;
  m.info3 = 0;
  m.fields.push_back({ft(proto::FieldType::kUdfOp), std::string("\x02", 1)});
  m.fields.push_back({ft(proto::FieldType::kUdfPackageName), "bg"});
  m.fields.push_back({ft(proto::FieldType::kUdfFunction), "mark"});
  m.fields.push_back({ft(proto::FieldType::kUdfArglist), std::string("\x91\x2a", 2)});
  for (size_t node = 0; node < 3; ++node) {
    m.fields[3].data = be64(100 + node);
    assert_int_equal(messages(f.service.serve(node, m, 0))[0].result_code, 0);
  }
  f.service.tick(100000);
  std::set<int64_t> marked;
  for (const auto& [digest, r] : f.store.live_records("test", asim::server_now())) {
    int64_t n = -1;
    bool has_u = false;
    for (const auto& b : r->bins) {
      if (b.name == "n") n = static_cast<int64_t>(proto::read_be_u64(b.value));
      if (b.name == "u") has_u = proto::read_be_u64(b.value) == 42;
    }
    if (has_u) marked.insert(n);
  }
  assert_true(marked == (std::set<int64_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
}

void test_field_combinations(void**) {
  Fixture f;
  seed(f);
  asim::sindex::Definition d;
  d.ns = "test";
  d.name = "exp_idx";
  d.set = "s";
  d.exp = "kwEC";  // any expression: asim finds it by its base64 text
  d.itype = "default";
  d.ktype = "numeric";
  f.store.sindexes().put(d);
  auto first_code = [&](const proto::Message& m) {
    return messages(f.service.serve(0, m, 0))[0].result_code;
  };
  proto::Message by_exp = query("s", range_int("", 1, 2));
  by_exp.fields.push_back({ft(proto::FieldType::kIndexExpression), std::string("\x93\x01\x02", 3)});
  // Found, but asim cannot compute an expression's values.
  assert_int_equal(first_code(by_exp), 16);
  proto::Message both = by_exp;
  both.fields.push_back({ft(proto::FieldType::kIndexName), "exp_idx"});
  assert_int_equal(first_code(both), kParameter);
  proto::Message exp_and_bin = query("s", range_int("n", 1, 2));
  exp_and_bin.fields.push_back(
      {ft(proto::FieldType::kIndexExpression), std::string("\x93\x01\x02", 3)});
  assert_int_equal(first_code(exp_and_bin), kParameter);
  proto::Message ctx_and_name = query("s", range_int("", 1, 2));
  ctx_and_name.fields.push_back({ft(proto::FieldType::kIndexName), "exp_idx"});
  ctx_and_name.fields.push_back(
      {ft(proto::FieldType::kIndexContext), std::string("\x92\x22\xa3\x03k1", 6)});
  assert_int_equal(first_code(ctx_and_name), kParameter);
  proto::Message empty_type = query("s", range_int("n", 1, 2));
  empty_type.fields.push_back({ft(proto::FieldType::kIndexType), ""});
  assert_int_equal(first_code(empty_type), kParameter);
  proto::Message bad_ctx = query("s", range_int("m", 1, 2));
  // [1]: not a context (no item type and value pair); refused before any lookup.
  bad_ctx.fields.push_back({ft(proto::FieldType::kIndexContext), std::string("\x91\x01", 2)});
  assert_int_equal(first_code(bad_ctx), kParameter);
}

// Random INDEX_RANGE, INDEX_CONTEXT and arglist bytes (a fixed generator):
// every answer is a code the server gives, never a crash.
void test_random_fields_never_crash(void**) {
  Fixture f;
  seed(f);
  f.index("n_idx", "s", "n", "default", "numeric");
  f.index("tags_idx", "s", "tags", "list", "numeric");
  uint64_t x = 88172645463325252ull;
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  auto bytes = [&](size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += static_cast<char>(next() & 0xFF);
    return out;
  };
  const std::set<uint8_t> allowed{0, 2, 4, 16, 20, 201};
  for (int round = 0; round < 600; ++round) {
    std::string range = round % 3 == 0 ? bytes(next() % 40) : range_int("n", 0, 9);
    if (round % 3 == 1) range[next() % range.size()] = static_cast<char>(next());
    proto::Message m = query("s", range, static_cast<uint8_t>(round % 5 == 0 ? 1 : 0));
    if (round % 4 == 0)
      m.fields.push_back({ft(proto::FieldType::kIndexContext), bytes(1 + next() % 12)});
    for (const auto& msg : messages(f.service.serve(static_cast<size_t>(round % 3), m, 0)))
      if (!(msg.info3 & proto::kInfo3PartitionDone))
        assert_true(allowed.count(msg.result_code) == 1);
  }
}

proto::Message aggregate_request(const std::string& function,
                                 const std::string& args = std::string("\x90", 1)) {
  proto::Message m;
  m.info1 = proto::kInfo1Read;
  m.fields.push_back({ft(proto::FieldType::kNamespace), "test"});
  m.fields.push_back({ft(proto::FieldType::kSet), "s"});
  m.fields.push_back({ft(proto::FieldType::kUdfOp), std::string("\x01", 1)});
  m.fields.push_back({ft(proto::FieldType::kUdfPackageName), "agg"});
  m.fields.push_back({ft(proto::FieldType::kUdfFunction), function});
  m.fields.push_back({ft(proto::FieldType::kUdfArglist), args});
  return m;
}

void test_aggregation(void**) {
  Fixture f;
  seed(f);
  f.store.udf_modules().files["agg.lua"] =
      "local function add(a, b) return a + b end\n"
      "function total(stream, low)\n"
      "  local function big(r) return r.n >= low end\n"
      "  local function n(r) return r.n end\n"
      "  return stream : filter(big) : map(n) : reduce(add)\n"
      "end\n"
      "function tally(stream)\n"
      "  local function t(m, r) m[r.name] = (m[r.name] or 0) + 1 return m end\n"
      "  return stream : aggregate(map(), t)\n"
      "end\n"
      "function boom(stream) return stream : map(function(r) error('no') end) end\n";
  f.store.udf_modules().order.push_back("agg.lua");
  // One SUCCESS value per partition with records (each record is alone in
  // its partition here), from the node that masters it.
  int64_t sum = 0;
  size_t values = 0;
  for (size_t node = 0; node < 3; ++node) {
    for (const auto& m : messages(
             f.service.serve(node, aggregate_request("total", std::string("\x91\x0a", 2)), 0))) {
      if (m.info3 & proto::kInfo3Last) {
        assert_int_equal(m.result_code, 0);
        continue;
      }
      assert_int_equal(m.ops.size(), 1);
      assert_string_equal(m.ops[0].name.c_str(), "SUCCESS");
      sum += static_cast<int64_t>(proto::read_be_u64(m.ops[0].value));
      ++values;
    }
  }
  assert_int_equal(values, 10);
  assert_int_equal(sum, 145);  // 10 + 11 + ... + 19
  size_t maps = 0;
  for (size_t node = 0; node < 3; ++node)
    for (const auto& m : messages(f.service.serve(node, aggregate_request("tally"), 0)))
      maps += (!m.ops.empty() && m.ops[0].particle_type == 19) ? 1 : 0;
  assert_int_equal(maps, 20);
  bool failed = false;
  for (size_t node = 0; node < 3; ++node) {
    const auto msgs = messages(f.service.serve(node, aggregate_request("boom"), 0));
    if (msgs.size() == 2) {
      assert_string_equal(msgs[0].ops[0].name.c_str(), "FAILURE");
      assert_non_null(strstr(msgs[0].ops[0].value.c_str(), "no"));
      assert_int_equal(msgs[1].result_code, 1);
      failed = true;
    }
  }
  assert_true(failed);
  proto::Message filtered = aggregate_request("total");
  filtered.fields.push_back(
      {ft(proto::FieldType::kFilterExpression), std::string("\x93\x01\x02", 3)});
  assert_int_equal(messages(f.service.serve(0, filtered, 0))[0].result_code, 16);
  proto::Message paced = aggregate_request("total");
  paced.fields.push_back({ft(proto::FieldType::kRecordsPerSecond), be32(10)});
  assert_int_equal(messages(f.service.serve(0, paced, 0))[0].result_code, 16);
  proto::Message short_query = aggregate_request("total");
  short_query.info1 |= proto::kInfo1ShortQuery;
  assert_int_equal(messages(f.service.serve(0, short_query, 0))[0].result_code, kParameter);
}

}  // namespace

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test(test_numeric_and_string),
      cmocka_unit_test(test_index_not_found),
      cmocka_unit_test(test_collections_and_context),
      cmocka_unit_test(test_geo),
      cmocka_unit_test(test_bval_resume_and_garbage),
      cmocka_unit_test(test_background_ops),
      cmocka_unit_test(test_background_udf),
      cmocka_unit_test(test_aggregation),
      cmocka_unit_test(test_field_combinations),
      cmocka_unit_test(test_random_fields_never_crash),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
