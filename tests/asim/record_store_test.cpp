// Single-record semantics as the stock client relies on them: what each info
// bit means, which result code a refused command gets, and that a refused
// write leaves the record exactly as it was.
#include "record_store.h"

#include "cmocka_cxx.h"

#include <string>

using asim::RecordStore;
using aeroshim::proto::Message;
using aeroshim::proto::Op;
namespace proto = aeroshim::proto;

namespace {

constexpr uint32_t kNow = 1000;

uint8_t code(proto::ResultCode c) { return static_cast<uint8_t>(c); }
uint8_t op(proto::OpType t) { return static_cast<uint8_t>(t); }
uint8_t particle(proto::ParticleType t) { return static_cast<uint8_t>(t); }

Message keyed(char which = 'k', const std::string& ns = "test") {
  Message m;
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kNamespace), ns});
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kDigest), std::string(20, which)});
  return m;
}

Op put_string(const std::string& name, const std::string& value) {
  return Op{op(proto::OpType::kWrite), particle(proto::ParticleType::kString), name, value};
}
Op put_int(const std::string& name, int64_t value) {
  return Op{op(proto::OpType::kWrite), particle(proto::ParticleType::kInteger), name,
            proto::be_u64(static_cast<uint64_t>(value))};
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

const Op* bin(const Message& m, const std::string& name) {
  for (const auto& o : m.ops)
    if (o.name == name) return &o;
  return nullptr;
}

// A store holding one record 'k' with bins s="hello", n=5, at generation 1.
RecordStore seeded() {
  RecordStore store;
  const Message w = store.execute(write({put_string("s", "hello"), put_int("n", 5)}), kNow);
  assert_int_equal(w.result_code, 0);
  assert_int_equal(w.generation, 1);
  return store;
}

}  // namespace

static void test_write_read(void**) {
  RecordStore store = seeded();
  assert_int_equal(store.size(), 1);
  const Message all = store.execute(read_all(), kNow);
  assert_int_equal(all.result_code, 0);
  assert_int_equal(all.generation, 1);
  assert_int_equal(all.ops.size(), 2);
  assert_string_equal(bin(all, "s")->value.c_str(), "hello");
  assert_int_equal(bin(all, "s")->particle_type, particle(proto::ParticleType::kString));
  assert_int_equal(proto::read_be_u64(bin(all, "n")->value), 5);

  Message selected = keyed();
  selected.info1 = proto::kInfo1Read;
  selected.ops = {Op{op(proto::OpType::kRead), 0, "n", ""}, Op{op(proto::OpType::kRead), 0, "absent", ""}};
  const Message one = store.execute(selected, kNow);
  assert_int_equal(one.result_code, 0);
  assert_int_equal(one.ops.size(), 1);
  assert_string_equal(one.ops[0].name.c_str(), "n");

  Message exists = keyed();
  exists.info1 = proto::kInfo1Read | proto::kInfo1NoBinData;
  const Message header = store.execute(exists, kNow);
  assert_int_equal(header.result_code, 0);
  assert_int_equal(header.generation, 1);
  assert_true(header.ops.empty());

  assert_int_equal(store.execute(read_all('x'), kNow).result_code, code(proto::ResultCode::kNotFound));
  exists.fields[1].data = std::string(20, 'x');
  assert_int_equal(store.execute(exists, kNow).result_code, code(proto::ResultCode::kNotFound));
  // Namespaces are separate keyspaces.
  Message other_ns = read_all();
  other_ns.fields[0].data = "other";
  assert_int_equal(store.execute(other_ns, kNow).result_code, code(proto::ResultCode::kNotFound));

  // Overwriting a bin replaces it and bumps the generation.
  const Message w = store.execute(write({put_string("s", "bye")}), kNow);
  assert_int_equal(w.generation, 2);
  assert_string_equal(bin(store.execute(read_all(), kNow), "s")->value.c_str(), "bye");
  // Writing nil removes a bin; removing the last one removes the record.
  store.execute(write({Op{op(proto::OpType::kWrite), particle(proto::ParticleType::kNil), "s", ""}}), kNow);
  assert_null(bin(store.execute(read_all(), kNow), "s"));
  store.execute(write({Op{op(proto::OpType::kWrite), particle(proto::ParticleType::kNil), "n", ""}}), kNow);
  assert_int_equal(store.size(), 0);
}

static void test_bad_requests(void**) {
  RecordStore store = seeded();
  // Without a digest field the server looks up the all-zero digest.
  Message no_digest = read_all();
  no_digest.fields.pop_back();
  assert_int_equal(store.execute(no_digest, kNow).result_code, code(proto::ResultCode::kNotFound));
  Message short_digest = read_all();
  short_digest.fields[1].data.resize(19);
  assert_int_equal(store.execute(short_digest, kNow).result_code, code(proto::ResultCode::kParameter));
  // A message without a namespace field is answered as an unknown namespace.
  Message no_ns = read_all();
  no_ns.fields.erase(no_ns.fields.begin());
  assert_int_equal(store.execute(no_ns, kNow).result_code, code(proto::ResultCode::kNamespace));
  // Neither a read nor a write.
  Message neither = keyed();
  assert_int_equal(store.execute(neither, kNow).result_code, code(proto::ResultCode::kParameter));
  // A write op inside a read is refused, as is a malformed particle.
  Message mixed = keyed();
  mixed.info1 = proto::kInfo1Read;
  mixed.ops = {put_string("s", "x")};
  assert_int_equal(store.execute(mixed, kNow).result_code, code(proto::ResultCode::kParameter));
  Message bad_int = write({Op{op(proto::OpType::kWrite), particle(proto::ParticleType::kInteger), "n", "123"}});
  assert_int_equal(store.execute(bad_int, kNow).result_code, code(proto::ResultCode::kParameter));
  // The server's bin name rule: under 16 bytes, no NUL; an empty name passes.
  Message long_name = write({put_string("sixteen-bytes-xx", "x")});
  assert_int_equal(store.execute(long_name, kNow).result_code, code(proto::ResultCode::kBinName));
  Message nul_name = write({put_string(std::string("a\0b", 3), "x")});
  assert_int_equal(store.execute(nul_name, kNow).result_code, code(proto::ResultCode::kBinName));
  assert_int_equal(store.execute(write({put_string("fifteen-bytes-x", "x")}), kNow).result_code, 0);
  Message no_ops = write({});
  assert_int_equal(store.execute(no_ops, kNow).result_code, code(proto::ResultCode::kParameter));
}

static void test_delete(void**) {
  RecordStore store = seeded();
  Message del = keyed();
  del.info2 = proto::kInfo2Write | proto::kInfo2Delete;
  del.info2 |= proto::kInfo2Generation;
  del.generation = 7;
  assert_int_equal(store.execute(del, kNow).result_code, code(proto::ResultCode::kGeneration));
  del.generation = 1;
  assert_int_equal(store.execute(del, kNow).result_code, 0);
  assert_int_equal(store.size(), 0);
  assert_int_equal(store.execute(read_all(), kNow).result_code, code(proto::ResultCode::kNotFound));
  assert_int_equal(store.execute(del, kNow).result_code, code(proto::ResultCode::kNotFound));

  // The delete op inside an operate removes the record too.
  store = seeded();
  Message operate = write({Op{op(proto::OpType::kDelete), 0, "", ""}});
  assert_int_equal(store.execute(operate, kNow).result_code, 0);
  assert_int_equal(store.size(), 0);
}

static void test_touch(void**) {
  RecordStore store = seeded();
  Message touch = write({Op{op(proto::OpType::kTouch), 0, "", ""}});
  touch.record_ttl = 50;
  const Message t = store.execute(touch, kNow);
  assert_int_equal(t.result_code, 0);
  assert_int_equal(t.generation, 2);
  assert_int_equal(t.record_ttl, kNow + 50);
  assert_int_equal(store.execute(read_all(), kNow).ops.size(), 2);
  Message missing = write({Op{op(proto::OpType::kTouch), 0, "", ""}}, 'x');
  assert_int_equal(store.execute(missing, kNow).result_code, code(proto::ResultCode::kNotFound));
  assert_int_equal(store.size(), 1);
}

static void test_generation_check(void**) {
  RecordStore store = seeded();
  Message w = write({put_int("n", 6)});
  w.info2 |= proto::kInfo2Generation;
  w.generation = 2;
  assert_int_equal(store.execute(w, kNow).result_code, code(proto::ResultCode::kGeneration));
  // The refused write changed nothing.
  const Message after = store.execute(read_all(), kNow);
  assert_int_equal(after.generation, 1);
  assert_int_equal(proto::read_be_u64(bin(after, "n")->value), 5);
  w.generation = 1;
  const Message ok = store.execute(w, kNow);
  assert_int_equal(ok.result_code, 0);
  assert_int_equal(ok.generation, 2);

  Message greater = write({put_int("n", 7)});
  greater.info2 |= proto::kInfo2GenerationGreater;
  greater.generation = 2;
  assert_int_equal(store.execute(greater, kNow).result_code, code(proto::ResultCode::kGeneration));
  greater.generation = 3;
  assert_int_equal(store.execute(greater, kNow).result_code, 0);
}

static void test_create_and_update_only(void**) {
  RecordStore store = seeded();
  Message create = write({put_string("s", "again")});
  create.info2 |= proto::kInfo2CreateOnly;
  assert_int_equal(store.execute(create, kNow).result_code, code(proto::ResultCode::kExists));
  assert_string_equal(bin(store.execute(read_all(), kNow), "s")->value.c_str(), "hello");
  create.fields[1].data = std::string(20, 'c');
  assert_int_equal(store.execute(create, kNow).result_code, 0);

  Message update = write({put_string("s", "u")}, 'x');
  update.info3 = proto::kInfo3UpdateOnly;
  assert_int_equal(store.execute(update, kNow).result_code, code(proto::ResultCode::kNotFound));
  update.fields[1].data = std::string(20, 'k');
  assert_int_equal(store.execute(update, kNow).result_code, 0);
  // Update keeps the other bins; replace drops them.
  assert_non_null(bin(store.execute(read_all(), kNow), "n"));
  Message replace = write({put_string("s", "r")});
  replace.info3 = proto::kInfo3ReplaceOnly;
  assert_int_equal(store.execute(replace, kNow).result_code, 0);
  const Message replaced = store.execute(read_all(), kNow);
  assert_int_equal(replaced.ops.size(), 1);
  assert_string_equal(replaced.ops[0].value.c_str(), "r");
  replace.fields[1].data = std::string(20, 'y');
  assert_int_equal(store.execute(replace, kNow).result_code, code(proto::ResultCode::kNotFound));
}

static void test_increment_append(void**) {
  RecordStore store = seeded();
  Message inc = write({Op{op(proto::OpType::kIncrement), particle(proto::ParticleType::kInteger), "n",
                          proto::be_u64(static_cast<uint64_t>(-8))},
                       Op{op(proto::OpType::kRead), 0, "n", ""}});
  // A read op in a write needs the read bit, as the stock client sets it.
  assert_int_equal(store.execute(inc, kNow).result_code, code(proto::ResultCode::kParameter));
  inc.info1 = proto::kInfo1Read;
  const Message r = store.execute(inc, kNow);
  assert_int_equal(r.result_code, 0);
  assert_int_equal(r.ops.size(), 1);
  assert_int_equal(static_cast<int64_t>(proto::read_be_u64(r.ops[0].value)), -3);
  // Increment creates a missing bin with the operand.
  store.execute(write({Op{op(proto::OpType::kIncrement), particle(proto::ParticleType::kInteger), "m",
                          proto::be_u64(4)}}),
                kNow);
  assert_int_equal(proto::read_be_u64(bin(store.execute(read_all(), kNow), "m")->value), 4);

  Message on_string = write({Op{op(proto::OpType::kIncrement), particle(proto::ParticleType::kInteger), "s",
                                proto::be_u64(1)}});
  assert_int_equal(store.execute(on_string, kNow).result_code, code(proto::ResultCode::kBinIncompatible));
  Message not_int = write({Op{op(proto::OpType::kIncrement), particle(proto::ParticleType::kString), "n", "1"}});
  assert_int_equal(store.execute(not_int, kNow).result_code, code(proto::ResultCode::kBinIncompatible));

  store.execute(write({Op{op(proto::OpType::kAppend), particle(proto::ParticleType::kString), "s", "!"},
                       Op{op(proto::OpType::kPrepend), particle(proto::ParticleType::kString), "s", ">"}}),
                kNow);
  assert_string_equal(bin(store.execute(read_all(), kNow), "s")->value.c_str(), ">hello!");
  Message append_int = write({Op{op(proto::OpType::kAppend), particle(proto::ParticleType::kString), "n", "x"}});
  assert_int_equal(store.execute(append_int, kNow).result_code, code(proto::ResultCode::kBinIncompatible));
}

static void test_ttl(void**) {
  RecordStore store;
  Message w = write({put_string("s", "t")});
  w.record_ttl = 100;
  assert_int_equal(store.execute(w, kNow).record_ttl, kNow + 100);
  assert_int_equal(store.execute(read_all(), kNow + 99).result_code, 0);
  assert_int_equal(store.execute(read_all(), kNow + 99).record_ttl, kNow + 100);
  // Keep-TTL (0xFFFFFFFE) leaves the expiry alone on an update.
  Message keep = write({put_string("s", "u")});
  keep.record_ttl = 0xFFFFFFFE;
  assert_int_equal(store.execute(keep, kNow + 10).record_ttl, kNow + 100);
  assert_int_equal(store.execute(read_all(), kNow + 100).result_code, code(proto::ResultCode::kNotFound));
  assert_int_equal(store.size(), 0);
  // An expired record counts as absent for create-only.
  store.execute(w, kNow);
  Message create = write({put_string("s", "new")});
  create.info2 |= proto::kInfo2CreateOnly;
  assert_int_equal(store.execute(create, kNow + 200).result_code, 0);
  assert_int_equal(store.execute(create, kNow + 200).result_code, code(proto::ResultCode::kExists));
  // 0 and never-expire both mean no expiry in the simulator's namespaces.
  for (uint32_t ttl : {0u, 0xFFFFFFFFu}) {
    Message forever = write({put_string("s", "f")}, 'f');
    forever.record_ttl = ttl;
    assert_int_equal(store.execute(forever, kNow).record_ttl, 0);
    assert_int_equal(store.execute(read_all('f'), UINT32_MAX).result_code, 0);
  }
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_write_read),       cmocka_unit_test(test_bad_requests),
      cmocka_unit_test(test_delete),           cmocka_unit_test(test_touch),
      cmocka_unit_test(test_generation_check), cmocka_unit_test(test_create_and_update_only),
      cmocka_unit_test(test_increment_append), cmocka_unit_test(test_ttl),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
