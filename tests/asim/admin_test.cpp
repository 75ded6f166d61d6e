// The admin info commands as the server answers them (aerospike-server 8.1
// thr_info.c, truncate.c, sindex_manager.c, sindex.c, namespace.c): truncate
// and its cut in milliseconds since 2010, the index catalog every node
// shares, and the namespace and set lines. Expected texts are the server's.
#include "cmocka_cxx.h"
#include "info_service.h"

#include <fmt/format.h>

#include <string>

using aeroshim::proto::Message;
using aeroshim::proto::Op;
namespace proto = aeroshim::proto;

namespace {

constexpr uint32_t kNow = 1000;
constexpr uint64_t kEpoch2010Ns = uint64_t{1262304000} * 1000000000;

class NoControl : public asim::NodeControl {
 public:
  aeroshim::Result<uint16_t> start(size_t) override {
    return aeroshim::Status::error(AEROSPIKE_ERR_CLIENT, "not here");
  }
  void stop(size_t) override {}
};

asim::Options options() {
  asim::Options o;
  o.nodes = 2;
  o.port = 5000;
  o.namespaces = {{"test", 2, false}, {"other", 1, false}};
  return o;
}

struct Fixture {
  Fixture() : cluster(options()), info(cluster, control, &store) {
    for (size_t i = 0; i < cluster.nodes().size(); ++i) cluster.node_started(i);
    store.set_clock_ms([this] { return clock_ms; });
  }
  std::string ask(size_t node, const std::string& command) {
    const std::string body = info.answer(node, command + "\n");
    const std::string head = command + "\t";
    assert_true(body.rfind(head, 0) == 0);
    assert_true(body.back() == '\n');
    return body.substr(head.size(), body.size() - head.size() - 1);
  }
  Message keyed(char which, const std::string& set, const std::string& ns = "test") {
    Message m;
    m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kNamespace), ns});
    if (!set.empty()) m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kSet), set});
    m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kDigest), std::string(20, which)});
    return m;
  }
  Message put(char which, const std::string& set, const std::string& ns = "test") {
    Message m = keyed(which, set, ns);
    m.info2 = proto::kInfo2Write;
    m.ops = {Op{static_cast<uint8_t>(proto::OpType::kWrite),
                static_cast<uint8_t>(proto::ParticleType::kString), "b", "v"}};
    return store.execute(m, kNow);
  }
  uint8_t get(char which, const std::string& set, const std::string& ns = "test") {
    Message m = keyed(which, set, ns);
    m.info1 = proto::kInfo1Read | proto::kInfo1GetAll;
    return store.execute(m, kNow).result_code;
  }
  asim::Cluster cluster;
  NoControl control;
  asim::RecordStore store;
  asim::InfoService info;
  uint64_t clock_ms = 1000;
};

std::string lut_at(uint64_t ms) { return std::to_string(kEpoch2010Ns + ms * 1000000); }

constexpr uint8_t kNotFound = 2;

}  // namespace

static void test_truncate_set(void**) {
  Fixture f;
  f.put('a', "a");
  f.put('b', "a");
  f.put('c', "b");
  f.put('d', "");
  f.clock_ms = 2000;
  assert_string_equal(f.ask(0, "truncate:namespace=test;set=a").c_str(), "ok");
  assert_int_equal(f.get('a', "a"), kNotFound);
  assert_int_equal(f.get('b', "a"), kNotFound);
  assert_int_equal(f.get('c', "b"), 0);
  assert_int_equal(f.get('d', ""), 0);
  // Every node sees the cut; a new write of a truncated key starts again.
  assert_int_equal(f.put('a', "a").generation, 1);
  assert_int_equal(f.ask(1, "sets/test/a").rfind("objects=1:tombstones=0:truncate_lut=2000:", 0),
                   0);
  // A record written at the cut's millisecond is kept (the server cuts
  // last-update times strictly before it).
  assert_string_equal(f.ask(1, "truncate:namespace=test;set=a").c_str(), "ok");
  assert_int_equal(f.get('a', "a"), 0);
  assert_string_equal(f.ask(0, "truncate-undo:namespace=test;set=a").c_str(), "ok");
  assert_int_equal(f.ask(1, "sets/test/a").rfind("objects=1:tombstones=0:truncate_lut=0:", 0), 0);
}

static void test_truncate_namespace_lut(void**) {
  Fixture f;
  f.put('a', "a");
  f.put('o', "", "other");
  f.clock_ms = 4000;
  f.put('b', "b");
  f.clock_ms = 5000;
  // lut is nanoseconds since 1970; the cut falls between the two writes.
  assert_string_equal(f.ask(0, "truncate-namespace:namespace=test;lut=" + lut_at(3000)).c_str(),
                      "ok");
  assert_int_equal(f.get('a', "a"), kNotFound);
  assert_int_equal(f.get('b', "b"), 0);
  assert_int_equal(f.get('o', "", "other"), 0);
  // strtoul with base 0: hexadecimal is read too.
  const std::string hex = fmt::format("0x{:x}", kEpoch2010Ns + uint64_t{4500} * 1000000);
  assert_string_equal(f.ask(0, "truncate-namespace:namespace=test;lut=" + hex).c_str(), "ok");
  assert_int_equal(f.get('b', "b"), kNotFound);
  // Without lut the cut is now.
  f.put('c', "");
  f.clock_ms = 5001;
  assert_string_equal(f.ask(1, "truncate-namespace:namespace=test").c_str(), "ok");
  assert_int_equal(f.get('c', ""), kNotFound);
  assert_string_equal(f.ask(1, "truncate-namespace-undo:namespace=test").c_str(), "ok");
}

static void test_truncate_errors(void**) {
  Fixture f;
  f.clock_ms = 5000;
  const std::pair<const char*, const char*> cases[] = {
      {"truncate:namespace=test", "ERROR:4:missing 'set'"},
      {"truncate:set=a", "ERROR:20:missing 'namespace'"},
      {"truncate:namespace=;set=a", "ERROR:20:missing 'namespace' value"},
      {"truncate:namespace=test;set=", "ERROR:4:missing 'set' value"},
      {"truncate:namespace=0123456789012345678901234567890123;set=a",
       "ERROR:20:'namespace' value too long"},
      {"truncate:namespace=test;set=a;lut=", "ERROR:4:missing 'lut' value"},
      {"truncate:namespace=test;set=a;lut=1", "ERROR:4:would truncate to 0"},
      {"truncate:namespace=test;set=a;lut=123456789012345678901234",
       "ERROR:4:'lut' value too long"},
      {"truncate-namespace:namespace=test;set=a", "ERROR:4:unexpected set name"},
      {"truncate-namespace:namespace=test;set=", "ERROR:4:unexpected set name"},
      {"truncate-namespace-undo:namespace=test;set=a", "ERROR:4:unexpected set name"},
      {"truncate-undo:namespace=test", "ERROR:4:missing 'set'"},
      {"truncate-namespace", "ERROR:20:missing 'namespace'"},
      // The server distributes a cut for a namespace it lacks and answers ok.
      {"truncate-namespace:namespace=nope", "ok"},
  };
  for (auto [command, expected] : cases) assert_string_equal(f.ask(0, command).c_str(), expected);
  assert_string_equal(f.ask(0, "truncate:namespace=test;set=a;lut=" + lut_at(5001)).c_str(),
                      "ERROR:4:would truncate in the future");
}

static void test_sindex_lifecycle(void**) {
  Fixture f;
  // The 7.4.0 client's form for an 8.1 server, then the older indexdata form.
  assert_string_equal(
      f.ask(0, "sindex-create:namespace=test;set=demo;indexname=idx_n;bin=n;type=NUMERIC").c_str(),
      "ok");
  assert_string_equal(
      f.ask(1, "sindex-create:ns=test;indexname=idx_s;indextype=LIST;indexdata=s,string").c_str(),
      "ok");
  // Same name and definition again: ok; same name, other definition: 200.
  assert_string_equal(
      f.ask(1, "sindex-create:namespace=test;set=demo;indexname=idx_n;bin=n;type=numeric").c_str(),
      "ok");
  assert_string_equal(
      f.ask(0, "sindex-create:namespace=test;indexname=idx_n;bin=m;type=numeric").c_str(),
      "ERROR:200:'indexname' already exists with different definition");
  assert_string_equal(f.ask(1, "sindex-stat:namespace=test;indexname=idx_n").c_str(),
                      "load_pct=100");
  assert_string_equal(f.ask(0, "sindex/test/idx_s").c_str(), "load_pct=100");
  assert_string_equal(f.ask(0, "sindex-exists:ns=test;indexname=idx_s").c_str(), "true");
  assert_string_equal(
      f.ask(1, "sindex-list:ns=test").c_str(),
      "ns=test:indexname=idx_n:set=demo:bin=n:type=numeric:indextype=default:context=null:"
      "exp=null:state=RW;ns=test:indexname=idx_s:set=null:bin=s:type=string:indextype=list:"
      "context=null:exp=null:state=RW");
  assert_string_equal(f.ask(1, "sindex-list:ns=other").c_str(), "");
  // A definition created again under a new name renames the index.
  assert_string_equal(
      f.ask(0, "sindex-create:namespace=test;set=demo;indexname=idx_r;bin=n;type=numeric").c_str(),
      "ok");
  assert_string_equal(f.ask(0, "sindex-exists:ns=test;indexname=idx_n").c_str(), "false");
  assert_string_equal(f.ask(0, "sindex-delete:namespace=test;indexname=idx_r").c_str(), "ok");
  assert_string_equal(f.ask(0, "sindex-stat:namespace=test;indexname=idx_r").c_str(),
                      "ERROR:201:no index");
  // Deleting what is not there is ok on an 8.1 server.
  assert_string_equal(f.ask(1, "sindex-delete:namespace=test;indexname=idx_r").c_str(), "ok");
  // A freed slot is taken first, so the next index lists before idx_s.
  f.ask(0, "sindex-create:namespace=test;indexname=idx_g;bin=g;type=geo2dsphere");
  assert_int_equal(f.ask(0, "sindex-list").rfind("ns=test:indexname=idx_g:set=null:bin=g:", 0), 0);
}

static void test_set_index(void**) {
  Fixture f;
  f.put('a', "people");
  assert_string_equal(
      f.ask(0, "sindex-create:namespace=test;set=people;indexname=si;indextype=set").c_str(), "ok");
  assert_string_equal(f.ask(0, "sindex-stat:namespace=test;indexname=si").c_str(),
                      "entries=1;load_pct=100");
  assert_string_equal(f.ask(0, "sindex-list").c_str(),
                      ";ns=test:indexname=si:set=people:indextype=set");
  assert_string_equal(f.ask(0, "sindex-create:namespace=test;indexname=si;indextype=set").c_str(),
                      "ERROR:4:missing 'set'");
  assert_string_equal(
      f.ask(0, "sindex-create:namespace=test;set=p;indexname=s2;indextype=set;bin=x").c_str(),
      "ERROR:4:bin parameter is not supported for set index");
  assert_string_equal(
      f.ask(0, "sindex-create:namespace=nope;set=p;indexname=s2;indextype=set").c_str(),
      "ERROR:4:namespace not found");
  assert_true(f.ask(0, "sets/test/people").find(":enable-index=true:") != std::string::npos);
}

static void test_sindex_errors(void**) {
  Fixture f;
  const std::pair<const char*, const char*> cases[] = {
      {"sindex-create:namespace=test;bin=b;type=numeric", "ERROR:4:missing 'indexname'"},
      {"sindex-create:indexname=i;bin=b;type=numeric", "ERROR:20:missing 'namespace'"},
      {"sindex-create:namespace=test;indexname=i",
       "ERROR:4:both 'indexdata' and 'type' are missing"},
      {"sindex-create:namespace=test;indexname=i;indexdata=b,string;type=string",
       "ERROR:4:both 'indexdata' and 'type' are specified"},
      {"sindex-create:namespace=test;indexname=i;type=numeric",
       "ERROR:4:both 'bin' and 'exp' are missing"},
      {"sindex-create:namespace=test;indexname=i;bin=b;type=INTEGER",
       "ERROR:4:bad 'type' - must be one of 'numeric', 'string', 'blob', 'geo2dsphere'"},
      {"sindex-create:namespace=test;indexname=i;indexdata=b",
       "ERROR:4:'indexdata' missing bin type"},
      {"sindex-create:namespace=test;indexname=i;indexdata=,string",
       "ERROR:4:'indexdata' missing bin name"},
      {"sindex-create:namespace=test;indexname=i;indexdata=b,double",
       "ERROR:4:bad 'indexdata' bin type - must be one of 'numeric', 'string', 'blob', "
       "'geo2dsphere'"},
      {"sindex-create:namespace=test;indexname=i;indextype=bag;bin=b;type=string",
       "ERROR:4:bad 'indextype' - must be one of 'default', 'list', 'mapkeys', 'mapvalues'"},
      {"sindex-create:namespace=test;indexname=i;indextype=mapkeys;bin=b;type=geo2dsphere",
       "ERROR:4:bad 'indexdata' bin type for 'indextype' 'mapkeys' - must be one of 'numeric', "
       "'string', 'blob'"},
      {"sindex-create:namespace=test;indexname=i;bin=01234567890123456;type=string",
       "ERROR:4:'bin' value too long"},
      {"sindex-create:namespace=test;indexname=i;context=%%%;bin=b;type=string",
       "ERROR:4:'context' invalid base64"},
      {"sindex-create:namespace=test;indexname=i;context=kQE=;exp=kQE=;type=string",
       "ERROR:4:both 'context' and 'exp' are specified"},
      {"sindex-stat:namespace=nope;indexname=i", "ERROR:20:namespace not found on node"},
      {"sindex-stat:namespace=test;indexname=i", "ERROR:201:no index"},
      {"sindex-delete:indexname=i", "ERROR:20:missing 'namespace'"},
      {"sindex-list:ns=nope",
       "ERROR:20:namespace not found on node;ERROR:20:namespace not found on node"},
      {"sindex-list:b64=yes", "ERROR:4:bad b64"},
      {"sindex/nope", "ns_type=unknown"},
  };
  for (auto [command, expected] : cases) assert_string_equal(f.ask(0, command).c_str(), expected);
}

static void test_namespace_and_sets(void**) {
  Fixture f;
  f.put('a', "people");
  f.put('b', "people");
  f.put('c', "");
  f.put('d', "cars", "other");
  f.ask(0, "sindex-create:namespace=test;set=people;indexname=i;bin=b;type=string");
  const std::string people =
      "objects=2:tombstones=0:truncate_lut=0:sindexes=1:index_populating=false:truncating=false:"
      "default-read-touch-ttl-pct=0:default-ttl=0:disable-eviction=false:enable-index=false:"
      "stop-writes-count=0:stop-writes-size=0;";
  assert_string_equal(f.ask(0, "sets/test/people").c_str(), people.c_str());
  assert_string_equal(f.ask(0, "sets/test").c_str(), ("ns=test:set=people:" + people).c_str());
  assert_int_equal(f.ask(0, "sets").find("ns=other:set=cars:objects=1:"), 19 + people.size());
  assert_string_equal(f.ask(0, "sets/test/nothing").c_str(), "");
  assert_string_equal(f.ask(0, "sets/nope").c_str(), "ns_type=unknown");
  // An emptied set stays listed, with no objects.
  f.ask(0, "truncate:namespace=test;set=people");
  f.clock_ms = 1001;
  f.ask(0, "truncate:namespace=test;set=people");
  assert_int_equal(f.ask(0, "sets/test/people").rfind("objects=0:", 0), 0);
  assert_string_equal(
      f.ask(1, "namespace/test").c_str(),
      "ns_cluster_size=2;effective_replication_factor=2;objects=1;tombstones=0;"
      "default-ttl=0;nsup-period=120;replication-factor=2;strong-consistency=false");
  assert_string_equal(f.ask(1, "namespace/nope").c_str(), "type=unknown");
  assert_string_equal(f.ask(1, "namespaces").c_str(), "test;other");
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_truncate_set),       cmocka_unit_test(test_truncate_namespace_lut),
      cmocka_unit_test(test_truncate_errors),    cmocka_unit_test(test_sindex_lifecycle),
      cmocka_unit_test(test_set_index),          cmocka_unit_test(test_sindex_errors),
      cmocka_unit_test(test_namespace_and_sets),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
