// Filter expressions as an Aerospike 8 server judges them: the builder
// macros' expressions (filter_exp_test_cases.c) against one record, each
// with the server's verdict; malformed bytes refused with PARAMETER and
// never a crash; and the single-record commands honouring the verdict
// (FILTERED_OUT leaves the record as it was; a missing record is not
// filtered).
#include "filter_exp.h"

#include "cmocka_cxx.h"
#include "filter_exp_test_cases.h"
#include "record_store.h"

#include <cstring>
#include <string>

using aeroshim::proto::Message;
using aeroshim::proto::Op;
using asim::Bin;
using asim::Record;
using asim::RecordStore;
namespace proto = aeroshim::proto;

namespace {

constexpr uint32_t kNow = 1000;
constexpr uint8_t kFilteredOut = 27;
constexpr uint8_t kParameter = 4;
constexpr uint8_t kNotFound = 2;
constexpr int kLastCaseLine = 400;

uint8_t particle(proto::ParticleType t) { return static_cast<uint8_t>(t); }

std::string be(uint64_t v) { return proto::be_u64(v); }

std::string the_digest() {
  std::string d(20, '\x55');
  d[16] = '\x01';
  d[17] = '\x02';
  d[18] = '\0';
  d[19] = '\0';
  return d;
}

// The record filter_exp_test_cases.c describes.
Record standard() {
  Record r;
  r.generation = 3;
  r.void_time = kNow + 100;
  r.last_update = 900;
  r.last_update_ms = 900500;
  r.key = std::string("\x03k1", 3);
  r.set = "s";
  double f = 2.5;
  uint64_t fbits = 0;
  std::memcpy(&fbits, &f, 8);
  r.bins = {
      Bin{"i", particle(proto::ParticleType::kInteger), be(7)},
      Bin{"f", particle(proto::ParticleType::kDouble), be(fbits)},
      Bin{"s", particle(proto::ParticleType::kString), "hello"},
      Bin{"b", particle(proto::ParticleType::kBlob), std::string("\x01\x02", 2)},
      Bin{"t", particle(proto::ParticleType::kBool), std::string(1, '\x01')},
      Bin{"l", particle(proto::ParticleType::kList), "\x93\x01\x02\x03"},
      Bin{"m", particle(proto::ParticleType::kMap),
          std::string("\x83\xc7\x00\x01\xc0\xa2\x03"
                      "a\x01\xa2\x03"
                      "b\x02",
                      13)},
      Bin{"u", particle(proto::ParticleType::kMap), std::string("\x81\xa2\x03x\x01", 5)},
      Bin{"n", particle(proto::ParticleType::kList), "\x91\x92\x05\x06"},
  };
  return r;
}

std::string packed(const as_exp* e) {
  return std::string(reinterpret_cast<const char*>(e->packed), e->packed_sz);
}

uint8_t verdict(const std::string& expression, const Record& r = standard()) {
  return asim::filter::evaluate(expression, r, the_digest(), kNow);
}

}  // namespace

static void test_builder_cases(void**) {
  const Record r = standard();
  int cases = 0;
  for (int line = 1; line <= kLastCaseLine; ++line) {
    int want = -1;
    as_exp* e = filter_case(line, &want);
    if (!e) continue;
    ++cases;
    const uint8_t got = verdict(packed(e), r);
    if (got != want)
      print_error("case at filter_exp_test_cases.c:%d: got %d, want %d\n", line, got, want);
    assert_int_equal(got, want);
    as_exp_destroy(e);
  }
  assert_true(cases > 120);
}

// Every prefix of a valid expression is incomplete, and a refusal.
static void test_truncated(void**) {
  for (int line = 1; line <= kLastCaseLine; ++line) {
    int want = 0;
    as_exp* e = filter_case(line, &want);
    if (!e) continue;
    const std::string whole = packed(e);
    as_exp_destroy(e);
    for (size_t n = 0; n < whole.size(); ++n)
      assert_int_equal(verdict(whole.substr(0, n)), kParameter);
    assert_int_equal(verdict(whole + '\xc0'), kParameter);  // trailing bytes
  }
}

// Garbled bytes get some verdict, never a crash (the sanitizer build
// checks reads stay inside the buffer).
static void test_garbled(void**) {
  uint32_t seed = 12345;
  for (int line = 1; line <= kLastCaseLine; ++line) {
    int want = 0;
    as_exp* e = filter_case(line, &want);
    if (!e) continue;
    const std::string whole = packed(e);
    as_exp_destroy(e);
    for (size_t at = 0; at < whole.size(); ++at) {
      for (int round = 0; round < 4; ++round) {
        std::string bad = whole;
        seed = seed * 1103515245u + 12345u;
        bad[at] = static_cast<char>(seed >> 16);
        const uint8_t v = verdict(bad);
        assert_true(v == 0 || v == kFilteredOut || v == kParameter || v == 16);
      }
    }
  }
}

static void test_malformed(void**) {
  assert_int_equal(verdict(""), kParameter);
  assert_int_equal(verdict("\x90"), kParameter);          // []
  assert_int_equal(verdict("\x91\x01"), kParameter);      // [eq] without operands
  assert_int_equal(verdict("\x92\x7f\xc0"), kParameter);  // call of nothing
  assert_int_equal(verdict("\x91\x2a"), kParameter);      // op 42 does not exist
  assert_int_equal(verdict("\x91\xcc\xc8"), kParameter);  // op 200
  assert_int_equal(verdict("\x91\xff"), kParameter);      // negative op
  assert_int_equal(verdict("\xc3"), 0);                   // true alone is a filter
  assert_int_equal(verdict("\xc2"), kFilteredOut);
  assert_int_equal(verdict("\x07"), kParameter);      // an int is no verdict
  assert_int_equal(verdict("\xa1\x07"), kParameter);  // str with a bad type byte
  assert_int_equal(verdict("\xa0"), kParameter);      // empty str
  assert_int_equal(verdict(std::string("\xc1", 1)), kParameter);
  // [eq, [bin, int, "i"], 7] with the name's length past the end.
  assert_int_equal(verdict(std::string("\x93\x01\x93\x51\x02\xa5i\x07", 8)), kParameter);
  // Nesting far deeper than any real expression: refused, not a stack overflow.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "\x92\x12";
  deep += "\xc3";
  assert_int_equal(verdict(deep), kParameter);
  std::string fine;
  for (int i = 0; i < 100; ++i) fine += "\x92\x12";
  fine += "\xc3";
  assert_int_equal(verdict(fine), 0);  // not(not(...true)) 100 times
}

namespace {

Message keyed() {
  Message m;
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kNamespace), "test"});
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kDigest), std::string(20, 'k')});
  return m;
}

Message with_filter(Message m, const std::string& expression) {
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kFilterExpression), expression});
  return m;
}

Message put_n(int64_t n) {
  Message m = keyed();
  m.info2 = proto::kInfo2Write;
  m.ops.push_back(Op{static_cast<uint8_t>(proto::OpType::kWrite),
                     particle(proto::ParticleType::kInteger), "i", be(static_cast<uint64_t>(n))});
  return m;
}

Message get_all() {
  Message m = keyed();
  m.info1 = proto::kInfo1Read | proto::kInfo1GetAll;
  return m;
}

int64_t stored_i(RecordStore& store) {
  const Message r = store.execute(get_all(), kNow);
  assert_int_equal(r.result_code, 0);
  assert_int_equal(r.ops.size(), 1);
  return static_cast<int64_t>(proto::read_be_u64(r.ops[0].value));
}

// The line numbers of two cases: i == 7 (passes on 7) and i == 8.
int line_of(const std::string& want_prefix) {
  for (int line = 1; line <= kLastCaseLine; ++line) {
    int want = 0;
    as_exp* e = filter_case(line, &want);
    if (!e) continue;
    const std::string bytes = packed(e);
    as_exp_destroy(e);
    if (bytes == want_prefix) return line;
  }
  return 0;
}

}  // namespace

static void test_store_hooks(void**) {
  // [eq, [bin, int, "i"], 7] and the same with 8, as the builder packs them.
  const std::string is7("\x93\x01\x93\x51\x02\xa1i\x07", 8);
  const std::string is8("\x93\x01\x93\x51\x02\xa1i\x08", 8);
  assert_true(line_of(is7) != 0);  // the hand-written bytes are the builder's
  const std::string garbage("\x91\x2a", 2);
  RecordStore store;
  // A write creating the record is not filtered, even by a malformed filter.
  assert_int_equal(store.execute(with_filter(put_n(7), garbage), kNow).result_code, 0);
  assert_int_equal(stored_i(store), 7);

  // Reads.
  assert_int_equal(store.execute(with_filter(get_all(), is7), kNow).result_code, 0);
  const Message filtered = store.execute(with_filter(get_all(), is8), kNow);
  assert_int_equal(filtered.result_code, kFilteredOut);
  assert_int_equal(filtered.ops.size(), 0);
  assert_int_equal(store.execute(with_filter(get_all(), garbage), kNow).result_code, kParameter);

  // Writes on the existing record.
  assert_int_equal(store.execute(with_filter(put_n(9), is8), kNow).result_code, kFilteredOut);
  assert_int_equal(stored_i(store), 7);
  assert_int_equal(store.execute(with_filter(put_n(9), garbage), kNow).result_code, kParameter);
  assert_int_equal(stored_i(store), 7);
  const Message touched = store.execute(get_all(), kNow);
  Message touch = keyed();
  touch.info2 = proto::kInfo2Write;
  touch.ops.push_back(Op{static_cast<uint8_t>(proto::OpType::kTouch), 0, "", ""});
  assert_int_equal(store.execute(with_filter(touch, is8), kNow).result_code, kFilteredOut);
  assert_int_equal(store.execute(get_all(), kNow).generation, touched.generation);
  assert_int_equal(store.execute(with_filter(put_n(9), is7), kNow).result_code, 0);
  assert_int_equal(stored_i(store), 9);

  // Deletes.
  Message del = keyed();
  del.info2 = proto::kInfo2Write | proto::kInfo2Delete;
  assert_int_equal(store.execute(with_filter(del, is7), kNow).result_code, kFilteredOut);
  assert_int_equal(store.size(), 1);
  assert_int_equal(store.execute(with_filter(del, garbage), kNow).result_code, kParameter);
  assert_int_equal(store.size(), 1);
  const std::string is9("\x93\x01\x93\x51\x02\xa1i\x09", 8);
  assert_int_equal(store.execute(with_filter(del, is9), kNow).result_code, 0);
  assert_int_equal(store.size(), 0);

  // A missing record: not found, the filter never looked at.
  assert_int_equal(store.execute(with_filter(get_all(), garbage), kNow).result_code, kNotFound);
  assert_int_equal(store.execute(with_filter(del, garbage), kNow).result_code, kNotFound);
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_builder_cases), cmocka_unit_test(test_truncated),
      cmocka_unit_test(test_garbled),       cmocka_unit_test(test_malformed),
      cmocka_unit_test(test_store_hooks),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
