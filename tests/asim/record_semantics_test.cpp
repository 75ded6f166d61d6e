// What an Aerospike 8 server does with single-record messages beyond plain
// puts and gets, as asim reproduces it: which particles a bin takes and how
// they come back, stored keys, the TTL rules, generation wrap, the answers
// of operate (respond-all-ops), read-touch, and the metadata a refusal
// carries. Expected values are the server source's rules, not asim's output.
#include "cmocka_cxx.h"
#include "record_store.h"

#include <string>

using aeroshim::proto::Message;
using aeroshim::proto::Op;
using asim::RecordStore;
namespace proto = aeroshim::proto;

namespace {

constexpr uint32_t kNow = 5000;

uint8_t code(proto::ResultCode c) { return static_cast<uint8_t>(c); }
uint8_t op(proto::OpType t) { return static_cast<uint8_t>(t); }

Message keyed(char which = 'k') {
  Message m;
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kNamespace), "test"});
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kDigest), std::string(20, which)});
  return m;
}

Message write(std::initializer_list<Op> ops, char which = 'k') {
  Message m = keyed(which);
  m.info2 = proto::kInfo2Write;
  m.ops = ops;
  return m;
}

Message read_all(char which = 'k') {
  Message m = keyed(which);
  m.info1 = proto::kInfo1Read | proto::kInfo1GetAll;
  return m;
}

Op put(const std::string& name, uint8_t type, const std::string& value) {
  return Op{op(proto::OpType::kWrite), type, name, value};
}

uint8_t put_code(uint8_t type, const std::string& value) {
  RecordStore store;
  return store.execute(write({put("b", type, value)}), kNow).result_code;
}

std::string hll(uint8_t index_bits, uint8_t minhash_bits) {
  const size_t registers = ((6u + minhash_bits) * (size_t{1} << index_bits) + 7) / 8;
  std::string v(11 + registers, '\0');
  v[1] = static_cast<char>(index_bits);
  v[2] = static_cast<char>(minhash_bits);
  return v;
}

}  // namespace

static void test_particle_sizes(void**) {
  const uint8_t param = code(proto::ResultCode::kParameter);
  // Integers take 1, 2, 4 or 8 bytes; doubles exactly 8; bools one byte 0/1.
  for (size_t n : {1, 2, 4, 8}) assert_int_equal(put_code(1, std::string(n, '\1')), 0);
  for (size_t n : {0, 3, 5, 9}) assert_int_equal(put_code(1, std::string(n, '\1')), param);
  assert_int_equal(put_code(2, std::string(8, '\0')), 0);
  assert_int_equal(put_code(2, std::string(4, '\0')), param);
  assert_int_equal(put_code(17, std::string(1, '\1')), 0);
  assert_int_equal(put_code(17, std::string(1, '\2')), param);
  assert_int_equal(put_code(17, ""), param);
  // Strings, blobs, the language blobs 7..12: any bytes, even none.
  for (uint8_t t : {3, 4, 7, 8, 9, 10, 11, 12}) assert_int_equal(put_code(t, ""), 0);
  // Types the server does not know.
  for (uint8_t t : {5, 6, 13, 14, 15, 21, 22, 24, 200}) assert_int_equal(put_code(t, "x"), param);
  // HLL: flags 0, index bits 4..16, min-hash bits 0 or 4..51, size to match.
  assert_int_equal(put_code(18, hll(4, 0)), 0);
  assert_int_equal(put_code(18, hll(12, 20)), 0);
  assert_int_equal(put_code(18, hll(3, 0)), param);
  assert_int_equal(put_code(18, hll(4, 2)), param);
  assert_int_equal(put_code(18, hll(4, 0) + "x"), param);
  // Lists and maps must be one whole msgpack list / map: else the server's
  // AS_ERR_UNKNOWN (1).
  assert_int_equal(put_code(20, "\x92\x01\x02"), 0);
  assert_int_equal(put_code(19, "\x81\x01\x02"), 0);
  assert_int_equal(put_code(20, "\x81\x01\x02"), 1);
  assert_int_equal(put_code(20, "\x92\x01"), 1);
  assert_int_equal(put_code(20, "\x91\x01\x02"), 1);
  assert_int_equal(put_code(19, ""), 1);
  // GeoJSON: flags, cell count, cells, then a JSON object with a type.
  const std::string point = "{\"type\":\"Point\",\"coordinates\":[1.0,2.0]}";
  assert_int_equal(put_code(23, std::string(3, '\0') + point), 0);
  assert_int_equal(put_code(23, std::string("\0\0\1", 3) + std::string(8, 'c') + point), 0);
  assert_int_equal(put_code(23, std::string("\0\0\1", 3) + point.substr(0, 4)), 160);
  assert_int_equal(put_code(23, std::string(3, '\0') + "not json"), 160);
}

static void test_particles_come_back(void**) {
  RecordStore store;
  const std::string point = "{\"type\":\"Point\",\"coordinates\":[1.0,2.0]}";
  Message w = write({put("i", 1, std::string("\x01\x02", 2)), put("d", 2, std::string(8, '\x40')),
                     put("s", 3, "str"), put("j", 7, "java"), put("t", 17, std::string(1, '\1')),
                     put("h", 18, hll(4, 0)), put("m", 19, "\x81\x01\x02"), put("l", 20, "\x90"),
                     put("g", 23, std::string("\0\0\1", 3) + std::string(8, 'c') + point)});
  assert_int_equal(store.execute(w, kNow).result_code, 0);
  const Message r = store.execute(read_all(), kNow);
  assert_int_equal(r.ops.size(), 9);
  // A 2-byte integer is stored widened (without sign) to 8 bytes.
  assert_int_equal(r.ops[0].particle_type, 1);
  assert_int_equal(proto::read_be_u64(r.ops[0].value), 0x0102);
  assert_int_equal(r.ops[3].particle_type, 7);
  assert_string_equal(r.ops[3].value.c_str(), "java");
  assert_int_equal(r.ops[5].value.size(), hll(4, 0).size());
  assert_true(r.ops[6].value == "\x81\x01\x02");
  // GeoJSON comes back without the client's cells: asim computes none.
  assert_true(r.ops[8].value == std::string(3, '\0') + point);
  for (const auto& o : r.ops) assert_int_equal(o.op, op(proto::OpType::kRead));
}

static void test_stored_key(void**) {
  RecordStore store;
  const uint8_t key_field = static_cast<uint8_t>(proto::FieldType::kKey);
  Message w = write({put("b", 3, "v")});
  w.fields.push_back({key_field, std::string("\x03user1", 6)});
  assert_int_equal(store.execute(w, kNow).result_code, 0);
  // Single-record replies never carry the key field.
  Message r = read_all();
  assert_true(store.execute(r, kNow).fields.empty());
  // The same key passes; a different one is KEY_MISMATCH (with metadata).
  r.fields.push_back({key_field, std::string("\x03user1", 6)});
  assert_int_equal(store.execute(r, kNow).result_code, 0);
  r.fields.back().data = std::string("\x03user2", 6);
  const Message mismatch = store.execute(r, kNow);
  assert_int_equal(mismatch.result_code, code(proto::ResultCode::kKeyMismatch));
  assert_int_equal(mismatch.generation, 1);
  Message w2 = write({put("b", 3, "x")});
  w2.fields.push_back({key_field, std::string("\x03user2", 6)});
  assert_int_equal(store.execute(w2, kNow).result_code, code(proto::ResultCode::kKeyMismatch));
  Message del = keyed();
  del.info2 = proto::kInfo2Write | proto::kInfo2Delete;
  del.fields.push_back({key_field, std::string("\x03user2", 6)});
  assert_int_equal(store.execute(del, kNow).result_code, code(proto::ResultCode::kKeyMismatch));
  // Requests without a key are not checked.
  assert_int_equal(store.execute(write({put("b", 3, "y")}), kNow).result_code, 0);
  // A record written without a key takes the first key sent with a write.
  Message plain = write({put("b", 3, "v")}, 'p');
  assert_int_equal(store.execute(plain, kNow).result_code, 0);
  Message keyed_read = read_all('p');
  keyed_read.fields.push_back({key_field, std::string("\x03any", 4)});
  assert_int_equal(store.execute(keyed_read, kNow).result_code, 0);
  // An integer key must be the type byte and 8 bytes.
  Message bad = write({put("b", 3, "v")}, 'q');
  bad.fields.push_back({key_field, std::string("\x01\x05", 2)});
  assert_int_equal(store.execute(bad, kNow).result_code, code(proto::ResultCode::kParameter));
}

static void test_ttl_rules(void**) {
  RecordStore store;
  Message w = write({put("b", 3, "v")});
  // Ten years is the most; -1 never, -2 keep (a new record: the default).
  w.record_ttl = 315360000;
  assert_int_equal(store.execute(w, kNow).record_ttl, kNow + 315360000);
  w.record_ttl = 315360001;
  assert_int_equal(store.execute(w, kNow).result_code, code(proto::ResultCode::kParameter));
  w.record_ttl = 0xFFFFFFFD;  // client-only "use the policy default"
  assert_int_equal(store.execute(w, kNow).result_code, code(proto::ResultCode::kParameter));
  Message fresh = write({put("b", 3, "v")}, 'n');
  fresh.record_ttl = 0xFFFFFFFE;
  const Message created = store.execute(fresh, kNow);
  assert_int_equal(created.result_code, 0);
  assert_int_equal(created.record_ttl, 0);
  // A namespace default TTL applies to 0 and to "keep" on create.
  store.configure("test", asim::NamespaceConfig{120, 60});
  fresh.fields[1].data = std::string(20, 'o');
  assert_int_equal(store.execute(fresh, kNow).record_ttl, kNow + 60);
  // nsup-period 0: any write giving an expiry is FORBIDDEN, never-expire is not.
  store.configure("test", asim::NamespaceConfig{0, 0});
  w.record_ttl = 10;
  assert_int_equal(store.execute(w, kNow).result_code, code(proto::ResultCode::kForbidden));
  w.record_ttl = 0xFFFFFFFF;
  assert_int_equal(store.execute(w, kNow).result_code, 0);
  w.record_ttl = 0;
  assert_int_equal(store.execute(w, kNow).result_code, 0);
  store.configure("test", asim::NamespaceConfig{0, 60});
  assert_int_equal(store.execute(w, kNow).result_code, code(proto::ResultCode::kForbidden));
}

static void test_generation_wraps(void**) {
  RecordStore store;
  uint32_t gen = 0;
  for (int i = 0; i < 0x10000; ++i) gen = store.execute(write({put("b", 3, "v")}), kNow).generation;
  // 16 bits, and 0 is skipped: 0xFFFF is followed by 1.
  assert_int_equal(gen, 1);
  for (int i = 0; i < 0xFFFE; ++i) gen = store.execute(write({put("b", 3, "v")}), kNow).generation;
  assert_int_equal(gen, 0xFFFF);
}

static void test_refusals_carry_metadata(void**) {
  RecordStore store;
  Message w = write({put("b", 3, "v")});
  w.record_ttl = 100;
  store.execute(w, kNow);
  Message create = write({put("b", 3, "x")});
  create.info2 |= proto::kInfo2CreateOnly;
  const Message exists = store.execute(create, kNow);
  assert_int_equal(exists.result_code, code(proto::ResultCode::kExists));
  assert_int_equal(exists.generation, 1);
  assert_int_equal(exists.record_ttl, kNow + 100);
  Message gen = write({put("b", 3, "x")});
  gen.info2 |= proto::kInfo2Generation;
  gen.generation = 9;
  assert_int_equal(store.execute(gen, kNow).generation, 1);
  // A delete answers no metadata.
  Message del = keyed();
  del.info2 = proto::kInfo2Write | proto::kInfo2Delete | proto::kInfo2DurableDelete;
  del.info3 = proto::kInfo3CommitMaster;
  const Message gone = store.execute(del, kNow);
  assert_int_equal(gone.result_code, 0);
  assert_int_equal(gone.generation, 0);
  assert_int_equal(store.size(), 0);
}

static void test_operate_answers(void**) {
  RecordStore store;
  store.execute(write({put("a", 1, proto::be_u64(1)), put("b", 3, "x")}), kNow);
  const Op read_a{op(proto::OpType::kRead), 0, "a", ""};
  const Op read_missing{op(proto::OpType::kRead), 0, "zz", ""};
  Message m = write({put("c", 3, "new"), read_a, read_a, read_missing,
                     Op{op(proto::OpType::kIncrement), 1, "a", proto::be_u64(2)}, read_a});
  m.info1 = proto::kInfo1Read;
  // Without respond-all-ops: one answer per read that found its bin, in
  // order, each read seeing the ops before it.
  Message r = store.execute(m, kNow);
  assert_int_equal(r.result_code, 0);
  assert_int_equal(r.ops.size(), 3);
  assert_int_equal(proto::read_be_u64(r.ops[0].value), 1);
  assert_int_equal(proto::read_be_u64(r.ops[1].value), 1);
  assert_int_equal(proto::read_be_u64(r.ops[2].value), 3);
  // With it: one answer per op, writes and missing bins answered with nil,
  // each named and typed as its op.
  m.info2 |= proto::kInfo2RespondAllOps;
  r = store.execute(m, kNow);
  assert_int_equal(r.ops.size(), 6);
  assert_int_equal(r.ops[0].op, op(proto::OpType::kWrite));
  assert_string_equal(r.ops[0].name.c_str(), "c");
  assert_int_equal(r.ops[0].particle_type, 0);
  assert_true(r.ops[0].value.empty());
  assert_int_equal(r.ops[3].particle_type, 0);
  assert_int_equal(r.ops[4].op, op(proto::OpType::kIncrement));
  assert_int_equal(proto::read_be_u64(r.ops[5].value), 5);
  // A read-all op cannot go with respond-all-ops, nor with get-all missing.
  Message all = write({Op{op(proto::OpType::kRead), 0, "", ""}});
  all.info1 = proto::kInfo1Read | proto::kInfo1GetAll;
  assert_int_equal(store.execute(all, kNow).ops.size(), 3);
  all.info2 |= proto::kInfo2RespondAllOps;
  assert_int_equal(store.execute(all, kNow).result_code, code(proto::ResultCode::kParameter));
  // A plain read of the same bin twice answers it twice; a missing bin not at all.
  Message get = keyed();
  get.info1 = proto::kInfo1Read;
  get.ops = {read_a, read_missing, read_a};
  assert_int_equal(store.execute(get, kNow).ops.size(), 2);
  get.info2 = proto::kInfo2RespondAllOps;
  assert_int_equal(store.execute(get, kNow).ops.size(), 3);
}

static void test_write_becoming_delete(void**) {
  RecordStore store;
  // Deleting the only bin of a record that does not exist: NOT_FOUND.
  Message nil = write({put("a", 0, "")}, 'z');
  assert_int_equal(store.execute(nil, kNow).result_code, code(proto::ResultCode::kNotFound));
  // Replace policies forbid bin deletes and modify ops outright.
  store.execute(write({put("a", 3, "x")}), kNow);
  Message replace = write({put("a", 0, "")});
  replace.info3 = proto::kInfo3CreateOrReplace;
  assert_int_equal(store.execute(replace, kNow).result_code, code(proto::ResultCode::kParameter));
  Message touch = write({Op{op(proto::OpType::kTouch), 0, "", ""}});
  touch.info3 = proto::kInfo3ReplaceOnly;
  assert_int_equal(store.execute(touch, kNow).result_code, code(proto::ResultCode::kParameter));
  // Increment of a double bin by a double; by an integer it is incompatible.
  store.execute(write({put("d", 2, proto::be_u64(0x3ff8000000000000))}), kNow);  // 1.5
  Message incr =
      write({Op{op(proto::OpType::kIncrement), 2, "d", proto::be_u64(0x4004000000000000)}});  // 2.5
  assert_int_equal(store.execute(incr, kNow).result_code, 0);
  const Message r = store.execute(read_all(), kNow);
  assert_int_equal(proto::read_be_u64(r.ops[1].value), 0x4010000000000000);  // 4.0
  Message int_on_double = write({Op{op(proto::OpType::kIncrement), 1, "d", proto::be_u64(1)}});
  assert_int_equal(store.execute(int_on_double, kNow).result_code,
                   code(proto::ResultCode::kBinIncompatible));
}

static void test_read_touch(void**) {
  RecordStore store;
  Message w = write({put("a", 3, "x")});
  w.record_ttl = 100;
  store.execute(w, kNow);
  Message r = read_all();
  // Above 100 percent is a parameter error.
  r.record_ttl = 101;
  assert_int_equal(store.execute(r, kNow).result_code, code(proto::ResultCode::kParameter));
  // 80%: touch once under 80 of the 100 seconds remain. The read answers
  // the old metadata; the touch gives the record its 100 seconds again.
  r.record_ttl = 80;
  const Message early = store.execute(r, kNow + 19);
  assert_int_equal(early.generation, 1);
  assert_int_equal(store.execute(read_all(), kNow + 19).record_ttl, kNow + 100);
  const Message late = store.execute(r, kNow + 20);
  assert_int_equal(late.generation, 1);
  assert_int_equal(late.record_ttl, kNow + 100);
  const Message after = store.execute(read_all(), kNow + 20);
  assert_int_equal(after.generation, 2);
  assert_int_equal(after.record_ttl, kNow + 120);
  // 0 (namespace default, which is off) and 0xFFFFFFFF never touch.
  for (uint32_t pct : {0u, 0xFFFFFFFFu}) {
    r.record_ttl = pct;
    store.execute(r, kNow + 119);
    assert_int_equal(store.execute(read_all(), kNow + 119).generation, 2);
  }
}

static void test_set_names(void**) {
  RecordStore store;
  const uint8_t set_field = static_cast<uint8_t>(proto::FieldType::kSet);
  Message w = write({put("b", 3, "v")});
  w.fields.push_back({set_field, "users"});
  assert_int_equal(store.execute(w, kNow).result_code, 0);
  // Reads may leave the set out; a different one is a parameter error.
  assert_int_equal(store.execute(read_all(), kNow).result_code, 0);
  Message r = read_all();
  r.fields.push_back({set_field, "other"});
  assert_int_equal(store.execute(r, kNow).result_code, code(proto::ResultCode::kParameter));
  // An update must name the record's set.
  assert_int_equal(store.execute(write({put("b", 3, "x")}), kNow).result_code,
                   code(proto::ResultCode::kParameter));
  assert_int_equal(store.execute(w, kNow).result_code, 0);
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_particle_sizes),   cmocka_unit_test(test_particles_come_back),
      cmocka_unit_test(test_stored_key),       cmocka_unit_test(test_ttl_rules),
      cmocka_unit_test(test_generation_wraps), cmocka_unit_test(test_refusals_carry_metadata),
      cmocka_unit_test(test_operate_answers),  cmocka_unit_test(test_write_becoming_delete),
      cmocka_unit_test(test_read_touch),       cmocka_unit_test(test_set_names),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
