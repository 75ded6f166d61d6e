// Batch-index requests encoded by hand with the layout the 7.4.0 client
// writes (aerospike_batch.c) and answered as the server's batch.c answers:
// one message per row with the row's index in transaction_ttl, then LAST;
// PARAMETER for a batch with no rows or rows the bytes cannot hold; the
// first error ending the stream unless every key must be answered.
#include "batch.h"

#include "compression.h"
#include "filter_exp.h"
#include "proto/frame.h"
#include "stream_answer.h"

#include <string>
#include <vector>

// Last: cmocka's macros would clash with the standard headers.
#include "cmocka_cxx.h"

namespace proto = aeroshim::proto;
using proto::Field;
using proto::Message;
using proto::Op;

namespace {

constexpr uint32_t kNow = 100000;
// The row kinds of the client: a read row, a write row, and repeat.
constexpr uint8_t kReadKind = 0x2 | 0x8;
constexpr uint8_t kWriteKind = 0x2 | 0x4 | 0x8;
constexpr uint8_t kRepeat = 0x1;
// The batch flags 7.4.0 sends by default (inline, error row), and with
// respond_all_keys.
constexpr uint8_t kFlags = 0x1 | 0x8;
constexpr uint8_t kAllKeys = kFlags | 0x4;

uint8_t code(proto::ResultCode c) { return static_cast<uint8_t>(c); }
uint8_t type(proto::FieldType t) { return static_cast<uint8_t>(t); }

std::string be32(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}
std::string be16(uint16_t v) { return {static_cast<char>(v >> 8), static_cast<char>(v)}; }

std::string field_bytes(const Field& f) {
  return be32(static_cast<uint32_t>(f.data.size() + 1)) + static_cast<char>(f.type) + f.data;
}
std::string op_bytes(const Op& op) {
  return be32(static_cast<uint32_t>(4 + op.name.size() + op.value.size())) +
         static_cast<char>(op.op) + static_cast<char>(op.particle_type) + '\0' +
         static_cast<char>(op.name.size()) + op.name + op.value;
}

std::string digest(uint32_t n) {
  // Low byte first: the partition comes from the first two bytes.
  std::string d(20, 'd');
  for (size_t i = 0; i < 4; ++i) d[i] = static_cast<char>(n >> (8 * i));
  return d;
}

// A full row as the client writes it: kind, attribute bytes, then the
// namespace and set fields, the others, and the ops.
struct Shape {
  uint8_t kind = kReadKind;
  uint8_t info1 = proto::kInfo1Read | proto::kInfo1GetAll;
  uint8_t info2 = 0;
  uint8_t info3 = 0;
  uint16_t gen = 0;
  uint32_t ttl = 0;
  std::string ns = "test";
  std::string set;
  std::vector<Field> fields;
  std::vector<Op> ops;
};

std::string row(uint32_t index, const std::string& d, const Shape& s) {
  std::string out = be32(index) + d + static_cast<char>(s.kind) + static_cast<char>(s.info1) +
                    static_cast<char>(s.info2) + static_cast<char>(s.info3);
  if (s.kind & 0x4) out += be16(s.gen);
  out += be32(s.ttl);
  out +=
      be16(static_cast<uint16_t>(2 + s.fields.size())) + be16(static_cast<uint16_t>(s.ops.size()));
  out += field_bytes({type(proto::FieldType::kNamespace), s.ns});
  out += field_bytes({type(proto::FieldType::kSet), s.set});
  for (const auto& f : s.fields) out += field_bytes(f);
  for (const auto& op : s.ops) out += op_bytes(op);
  return out;
}
std::string repeat(uint32_t index, const std::string& d) {
  return be32(index) + d + static_cast<char>(kRepeat);
}

// A batch message body (no frame header) carrying `rows` as its rows field.
std::string body(const std::string& rows, uint32_t count, uint8_t flags = kFlags,
                 uint8_t info1 = proto::kInfo1BatchIndex, std::vector<Field> extra = {}) {
  Message parent;
  parent.info1 = info1;
  parent.transaction_ttl = 1000;
  parent.fields = std::move(extra);
  parent.fields.push_back(
      {type(proto::FieldType::kBatchIndex), be32(count) + static_cast<char>(flags) + rows});
  std::string out;
  proto::encode_message(parent, out);
  return out.substr(proto::kFrameHeaderSize);
}

uint32_t get32(const std::string& s, size_t at) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(s[at + i]);
  return v;
}

// The messages of an answer, frames inflated first; fails the test on
// anything that is not whole frames of whole messages.
std::vector<Message> messages(const std::string& frames, size_t* compressed = nullptr) {
  std::vector<Message> out;
  size_t at = 0;
  while (at < frames.size()) {
    assert_true(frames.size() - at >= proto::kFrameHeaderSize);
    const auto h = proto::decode_frame_header(reinterpret_cast<const uint8_t*>(&frames[at]));
    std::string frame = frames.substr(at, proto::kFrameHeaderSize + h.body_size);
    assert_int_equal(frame.size(), proto::kFrameHeaderSize + h.body_size);
    at += frame.size();
    if (h.type == static_cast<uint8_t>(proto::FrameType::kCompressed)) {
      auto inflated = asim::inflate_frame(frame.substr(proto::kFrameHeaderSize));
      assert_true(inflated.has_value());
      frame = *inflated;
      if (compressed) ++*compressed;
    }
    const std::string b = frame.substr(proto::kFrameHeaderSize);
    size_t p = 0;
    while (p < b.size()) {
      assert_true(b.size() - p >= proto::kMessageHeaderSize);
      const uint16_t n_fields = static_cast<uint16_t>((static_cast<uint8_t>(b[p + 18]) << 8) |
                                                      static_cast<uint8_t>(b[p + 19]));
      const uint16_t n_ops = static_cast<uint16_t>((static_cast<uint8_t>(b[p + 20]) << 8) |
                                                   static_cast<uint8_t>(b[p + 21]));
      size_t end = p + proto::kMessageHeaderSize;
      for (uint32_t i = 0; i < uint32_t{n_fields} + n_ops; ++i) {
        assert_true(end + 4 <= b.size());
        end += 4 + get32(b, end);
      }
      assert_true(end <= b.size());
      auto m = proto::parse_message(std::string_view(b).substr(p, end - p));
      assert_true(static_cast<bool>(m));
      out.push_back(std::move(*m));
      p = end;
    }
  }
  return out;
}

struct Fixture {
  asim::Cluster cluster{[] {
    asim::Options o;
    o.nodes = 3;
    o.port = 4000;
    o.namespaces = {{"test", 2, false}};
    return o;
  }()};
  asim::RecordStore store;

  Fixture() {
    for (size_t i = 0; i < cluster.nodes().size(); ++i) cluster.node_started(i);
  }
  std::string serve(const std::string& b, size_t node = 0) {
    return asim::batch::serve(cluster, store, node, b, kNow);
  }
  // Writes record `n` with bins a=<n> (integer) and s="v<n>".
  void put(uint32_t n, const std::string& set = "") {
    Message w;
    w.info2 = proto::kInfo2Write;
    w.fields = {{type(proto::FieldType::kNamespace), "test"},
                {type(proto::FieldType::kSet), set},
                {type(proto::FieldType::kDigest), digest(n)}};
    w.ops = {Op{2, 1, "a", proto::be_u64(n)}, Op{2, 3, "s", "v" + std::to_string(n)}};
    assert_int_equal(store.execute(w, kNow).result_code, 0);
  }
};

const Op* bin(const Message& m, const std::string& name) {
  for (const auto& o : m.ops)
    if (o.name == name) return &o;
  return nullptr;
}

void assert_last(const Message& m, uint8_t result) {
  assert_int_equal(m.info3 & proto::kInfo3Last, proto::kInfo3Last);
  assert_int_equal(m.result_code, result);
  assert_int_equal(m.ops.size(), 0);
}

Op read_op(const std::string& name) { return Op{1, 0, name, ""}; }

}  // namespace

// Every read form: all bins, named bins, header only, read ops, a repeat of
// the previous row, a missing key, a set the record is not in.
static void test_read_rows(void**) {
  Fixture f;
  f.put(1);
  f.put(2);
  f.put(3, "other");
  Shape all;
  Shape named;
  named.info1 = proto::kInfo1Read;
  named.ops = {read_op("s")};
  Shape header;
  header.info1 = proto::kInfo1Read | proto::kInfo1NoBinData;
  Shape in_set = all;
  in_set.set = "other";
  const std::string rows = row(0, digest(1), all) + repeat(1, digest(2)) +
                           row(2, digest(1), named) + row(3, digest(2), header) +
                           row(4, digest(9), all) + row(5, digest(3), in_set) +
                           row(6, digest(3), all);
  const auto m = messages(f.serve(body(rows, 7)));
  assert_int_equal(m.size(), 8);
  for (uint32_t i = 0; i < 7; ++i) {
    assert_int_equal(m[i].transaction_ttl, i);
    assert_int_equal(m[i].info3, 0);
    assert_int_equal(m[i].fields.size(), 0);  // no key, no digest: the server sends none
  }
  assert_int_equal(m[0].result_code, 0);
  assert_int_equal(m[0].generation, 1);
  assert_int_equal(m[0].ops.size(), 2);
  assert_int_equal(proto::read_be_u64(bin(m[0], "a")->value), 1);
  assert_int_equal(m[1].ops.size(), 2);
  assert_int_equal(proto::read_be_u64(bin(m[1], "a")->value), 2);
  assert_int_equal(m[2].ops.size(), 1);
  assert_string_equal(bin(m[2], "s")->value.c_str(), "v1");
  assert_int_equal(m[3].result_code, 0);
  assert_int_equal(m[3].generation, 1);
  assert_int_equal(m[3].ops.size(), 0);
  assert_int_equal(m[4].result_code, code(proto::ResultCode::kNotFound));
  assert_int_equal(m[4].ops.size(), 0);
  assert_int_equal(m[5].result_code, 0);
  // No set sent: a read finds the record whatever its set.
  assert_int_equal(m[6].result_code, 0);
  assert_last(m[7], 0);
}

// The oldest row form (kind 0: info1 alone, no TTL), as clients without
// "batch-any" write it, here with a field count of 0, which still means the
// namespace field.
static void test_old_rows(void**) {
  Fixture f;
  f.put(1);
  const std::string old_row = be32(0) + digest(1) + '\0' +
                              static_cast<char>(proto::kInfo1Read | proto::kInfo1GetAll) + be16(0) +
                              be16(0) + field_bytes({0, "test"});
  const std::string named = be32(1) + digest(1) + '\0' + static_cast<char>(proto::kInfo1Read) +
                            be16(2) + be16(1) + field_bytes({0, "test"}) + field_bytes({1, ""}) +
                            op_bytes(read_op("s"));
  const auto m = messages(f.serve(body(old_row + named + repeat(2, digest(7)), 3, 0x1)));
  assert_int_equal(m.size(), 4);
  assert_int_equal(m[0].ops.size(), 2);
  assert_int_equal(m[1].ops.size(), 1);
  assert_int_equal(m[2].result_code, code(proto::ResultCode::kNotFound));
  assert_last(m[3], 0);

  // The older rows field id, 42, is read the same way.
  Message parent;
  parent.info1 = proto::kInfo1BatchIndex;
  parent.fields = {{42, be32(1) + '\x01' + old_row}};
  std::string encoded;
  proto::encode_message(parent, encoded);
  const auto again = messages(f.serve(encoded.substr(proto::kFrameHeaderSize)));
  assert_int_equal(again.size(), 2);
  assert_int_equal(again[0].ops.size(), 2);
}

// Write, operate, delete and UDF rows, each as the single-record command
// would do it; a generation mismatch answered per row with respond_all_keys.
static void test_write_rows(void**) {
  Fixture f;
  f.put(1);
  f.put(2);
  f.store.udf_modules().files["m.lua"] = "function echo(rec, v) return v end\n";
  f.store.udf_modules().order.push_back("m.lua");
  Shape write;
  write.kind = kWriteKind;
  write.info1 = 0;
  write.info2 = proto::kInfo2Write | proto::kInfo2RespondAllOps;
  write.ops = {Op{2, 1, "w", proto::be_u64(7)}};
  Shape operate = write;
  operate.info1 = proto::kInfo1Read;
  operate.ops = {Op{5, 1, "a", proto::be_u64(10)}, read_op("a")};
  Shape remove;
  remove.kind = kWriteKind;
  remove.info1 = 0;
  remove.info2 = proto::kInfo2Write | proto::kInfo2RespondAllOps | proto::kInfo2Delete;
  Shape stale = write;
  stale.info2 |= proto::kInfo2Generation;
  stale.gen = 5;
  Shape udf;
  udf.kind = kWriteKind;
  udf.info1 = 0;
  udf.info2 = proto::kInfo2Write;
  udf.fields = {{type(proto::FieldType::kUdfPackageName), "m"},
                {type(proto::FieldType::kUdfFunction), "echo"},
                {type(proto::FieldType::kUdfArglist), "\x91\x05"}};
  const std::string rows = row(0, digest(5), write) + row(1, digest(1), operate) +
                           row(2, digest(2), remove) + row(3, digest(1), stale) +
                           row(4, digest(1), udf) + row(5, digest(8), remove);
  const auto m = messages(f.serve(body(rows, 6, kAllKeys)));
  assert_int_equal(m.size(), 7);
  assert_int_equal(m[0].result_code, 0);
  assert_int_equal(m[0].generation, 1);
  assert_int_equal(m[1].result_code, 0);
  assert_int_equal(m[1].generation, 2);
  assert_int_equal(m[1].ops.size(), 2);  // respond-all-ops: one answer per op
  assert_int_equal(proto::read_be_u64(m[1].ops[1].value), 11);
  assert_int_equal(m[2].result_code, 0);
  assert_int_equal(m[2].generation, 0);  // a delete's acknowledgement has no metadata
  assert_int_equal(m[3].result_code, code(proto::ResultCode::kGeneration));
  assert_int_equal(m[4].result_code, 0);
  assert_string_equal(m[4].ops.at(0).name.c_str(), "SUCCESS");
  assert_int_equal(proto::read_be_u64(m[4].ops[0].value), 5);
  assert_int_equal(m[5].result_code, code(proto::ResultCode::kNotFound));
  assert_last(m[6], 0);
  assert_null(f.store.find("test", digest(2), kNow));
  assert_non_null(f.store.find("test", digest(5), kNow));
}

// Without respond_all_keys the first error ends the stream: the buffer
// holding it still goes out (the client's error-row flag), the LAST
// message carries the error; without that flag the buffer is held back.
// Every row runs either way.
static void test_stop_at_error(void**) {
  Shape stale;
  stale.kind = kWriteKind;
  stale.info1 = 0;
  stale.info2 = proto::kInfo2Write | proto::kInfo2Generation;
  stale.gen = 9;
  stale.ops = {Op{2, 1, "w", proto::be_u64(1)}};
  Shape fresh = stale;
  fresh.info2 = proto::kInfo2Write;
  const std::string rows = row(0, digest(1), Shape{}) + row(1, digest(9), Shape{}) +
                           row(2, digest(1), stale) + row(3, digest(4), fresh);
  {
    Fixture f;
    f.put(1);
    const auto m = messages(f.serve(body(rows, 4, kFlags)));
    assert_int_equal(m.size(), 5);
    assert_int_equal(m[1].result_code, code(proto::ResultCode::kNotFound));
    assert_int_equal(m[2].result_code, code(proto::ResultCode::kGeneration));
    assert_last(m[4], code(proto::ResultCode::kGeneration));
    assert_non_null(f.store.find("test", digest(4), kNow));
  }
  {
    Fixture f;
    f.put(1);
    const auto m = messages(f.serve(body(rows, 4, 0x1)));
    assert_int_equal(m.size(), 1);
    assert_last(m[0], code(proto::ResultCode::kGeneration));
    assert_non_null(f.store.find("test", digest(4), kNow));
  }
  {
    Fixture f;
    f.put(1);
    const auto m = messages(f.serve(body(rows, 4, kAllKeys)));
    assert_int_equal(m.size(), 5);
    assert_last(m[4], 0);
  }
  // Over many response buffers: the one holding the error goes out whole,
  // the later ones do not.
  Fixture f;
  f.put(1);
  std::string many = row(0, digest(100), Shape{});
  for (uint32_t i = 1; i < 10; ++i) many += repeat(i, digest(100 + i));
  many += row(10, digest(1), stale) + row(11, digest(111), Shape{});
  for (uint32_t i = 12; i < 10000; ++i) many += repeat(i, digest(100 + i));
  const auto m = messages(f.serve(body(many, 10000, kFlags)));
  assert_true(m.size() > 12 && m.size() < 10000);
  for (uint32_t i = 0; i + 1 < m.size(); ++i) assert_int_equal(m[i].transaction_ttl, i);
  assert_int_equal(m[10].result_code, code(proto::ResultCode::kGeneration));
  assert_last(m.back(), code(proto::ResultCode::kGeneration));
}

// A filter expression, the row's or the batch's, decides for a record that
// exists; a missing record is not filtered.
static void test_filters(void**) {
  Fixture f;
  f.put(1);
  const std::string expression = "\x93\x01\x01\x01";  // an [EQ, 1, 1] the evaluator judges
  const uint8_t verdict =
      asim::filter::evaluate(expression, *f.store.find("test", digest(1), kNow), digest(1), kNow);
  Shape filtered;
  filtered.fields = {{type(proto::FieldType::kFilterExpression), expression}};
  const std::string rows = row(0, digest(1), filtered) + row(1, digest(7), filtered);
  auto m = messages(f.serve(body(rows, 2, kAllKeys)));
  assert_int_equal(m.size(), 3);
  assert_int_equal(m[0].result_code, verdict);
  assert_int_equal(m[1].result_code, code(proto::ResultCode::kNotFound));

  const std::string plain = row(0, digest(1), Shape{}) + row(1, digest(7), Shape{});
  m = messages(f.serve(body(plain, 2, kAllKeys, proto::kInfo1BatchIndex,
                            {{type(proto::FieldType::kFilterExpression), expression}})));
  if (asim::filter::evaluate(expression, asim::Record{}, std::string(20, '\0'), kNow) ==
      code(proto::ResultCode::kParameter)) {
    assert_int_equal(m.size(), 1);
    assert_last(m[0], code(proto::ResultCode::kParameter));
  } else {
    assert_int_equal(m.size(), 3);
    assert_int_equal(m[0].result_code, verdict);
    assert_int_equal(m[1].result_code, code(proto::ResultCode::kNotFound));
  }
}

// No rows, a rows field the bytes cannot hold, a repeat with nothing to
// repeat, a repeat of a keyed row, an unknown namespace, a transaction: the
// server's answers, never a crash or a read past the bytes.
static void test_refusals(void**) {
  Fixture f;
  f.put(1);
  auto m = messages(f.serve(body("", 0)));
  assert_int_equal(m.size(), 1);
  assert_last(m[0], code(proto::ResultCode::kParameter));

  m = messages(f.serve(body(repeat(0, digest(1)), 1)));
  assert_int_equal(m.size(), 1);
  assert_last(m[0], code(proto::ResultCode::kParameter));

  Shape keyed;
  keyed.fields = {{type(proto::FieldType::kKey), std::string("\x03k", 2)}};
  m = messages(f.serve(body(row(0, digest(1), keyed) + repeat(1, digest(1)), 2, kAllKeys)));
  assert_last(m.back(), code(proto::ResultCode::kParameter));

  Shape elsewhere;
  elsewhere.ns = "nowhere";
  Shape write;
  write.kind = kWriteKind;
  write.info1 = 0;
  write.info2 = proto::kInfo2Write;
  write.ops = {Op{2, 1, "w", proto::be_u64(1)}};
  m = messages(f.serve(body(row(0, digest(6), write) + row(1, digest(1), elsewhere), 2)));
  assert_last(m.back(), code(proto::ResultCode::kParameter));
  assert_non_null(f.store.find("test", digest(6), kNow));  // the rows before it ran

  Shape txn;
  txn.fields = {{5, std::string(8, '\x01')}};
  m = messages(f.serve(body(row(0, digest(1), txn), 1, kAllKeys)));
  assert_int_equal(m.size(), 2);
  assert_int_equal(m[0].result_code, 25);  // ENTERPRISE_ONLY on a community server

  // A huge declared count with few bytes reserves nothing for it.
  m = messages(f.serve(body(row(0, digest(1), Shape{}), 0xFFFFFFFF)));
  assert_last(m.back(), code(proto::ResultCode::kParameter));

  // Not a message at all, and no rows field.
  m = messages(f.serve(std::string("\x16\x08garbage", 9)));
  assert_last(m.back(), code(proto::ResultCode::kParameter));
  Message no_rows;
  no_rows.info1 = proto::kInfo1BatchIndex;
  std::string encoded;
  proto::encode_message(no_rows, encoded);
  m = messages(f.serve(encoded.substr(proto::kFrameHeaderSize)));
  assert_last(m.back(), code(proto::ResultCode::kParameter));
}

// Every cut of a valid rows field, and every byte of it flipped: each is
// answered with whole messages ending in LAST, a cut one with PARAMETER.
static void test_truncated_and_garbled(void**) {
  Fixture f;
  f.put(1);
  Shape named;
  named.info1 = proto::kInfo1Read;
  named.ops = {read_op("s"), read_op("a")};
  // A write row with the info4 byte, which follows info3.
  const Op text{2, 3, "t", "text"};
  const std::string info4_row = be32(2) + digest(3) + static_cast<char>(kWriteKind | 0x10) + '\0' +
                                static_cast<char>(proto::kInfo2Write) + '\0' + '\0' + be16(0) +
                                be32(0) + be16(2) + be16(1) + field_bytes({0, "test"}) +
                                field_bytes({1, ""}) + op_bytes(text);
  const std::string full = row(0, digest(1), named) + repeat(1, digest(2)) + info4_row;
  auto m = messages(f.serve(body(full, 3, kAllKeys)));
  assert_int_equal(m.size(), 4);
  assert_int_equal(m[2].result_code, 0);
  assert_last(m[3], 0);
  for (size_t cut = 0; cut < full.size(); ++cut) {
    m = messages(f.serve(body(full.substr(0, cut), 3, kAllKeys)));
    assert_last(m.back(), code(proto::ResultCode::kParameter));
  }
  for (size_t at = 0; at < full.size(); ++at) {
    for (char flip : {'\xff', '\x80', '\x01'}) {
      std::string bad = full;
      bad[at] = static_cast<char>(bad[at] ^ flip);
      m = messages(f.serve(body(bad, 3, kAllKeys)));
      assert_int_equal(m.back().info3 & proto::kInfo3Last, proto::kInfo3Last);
    }
  }
  // Random rows fields (a fixed linear congruential sequence): never a
  // crash, always whole messages ending in LAST.
  uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  for (int round = 0; round < 2000; ++round) {
    std::string junk(next() % 160, '\0');
    for (char& c : junk) c = static_cast<char>(next() >> 16);
    m = messages(f.serve(body(junk, 1 + next() % 4, static_cast<uint8_t>(next() >> 8))));
    assert_int_equal(m.back().info3 & proto::kInfo3Last, proto::kInfo3Last);
  }
}

// 10,000 rows over many frames, answered in order; compressed frames when
// asked; rows for partitions another node masters counted as proxied.
static void test_many_rows(void**) {
  Fixture f;
  constexpr uint32_t kRows = 10000;
  for (uint32_t i = 0; i < kRows; i += 2) f.put(i);
  std::string rows = row(0, digest(0), Shape{});
  for (uint32_t i = 1; i < kRows; ++i) rows += repeat(i, digest(i));
  const std::string answer = f.serve(body(rows, kRows));
  const auto m = messages(answer);
  assert_int_equal(m.size(), kRows + 1);
  for (uint32_t i = 0; i < kRows; ++i) {
    assert_int_equal(m[i].transaction_ttl, i);
    assert_int_equal(m[i].result_code, i % 2 ? code(proto::ResultCode::kNotFound) : 0);
  }
  assert_last(m[kRows], 0);
  assert_true(answer.size() > asim::StreamAnswer::kFrameBodyTarget);

  uint64_t proxied = 0;
  for (uint32_t i = 0; i < kRows; ++i)
    proxied += *f.cluster.owner(0, proto::partition_of(digest(i)), 0) != 0;
  assert_int_equal(f.cluster.nodes()[0].stats.proxied, proxied);
  assert_true(proxied > 0 && proxied < kRows);

  size_t compressed = 0;
  const std::string packed =
      f.serve(body(rows, kRows, kFlags, proto::kInfo1BatchIndex | proto::kInfo1CompressResponse));
  const auto again = messages(packed, &compressed);
  assert_int_equal(again.size(), kRows + 1);
  assert_true(compressed > 0);
  assert_true(packed.size() < answer.size());
  assert_int_equal(proto::read_be_u64(bin(again[2], "a")->value), 2);
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_read_rows),
      cmocka_unit_test(test_old_rows),
      cmocka_unit_test(test_write_rows),
      cmocka_unit_test(test_stop_at_error),
      cmocka_unit_test(test_filters),
      cmocka_unit_test(test_refusals),
      cmocka_unit_test(test_truncated_and_garbled),
      cmocka_unit_test(test_many_rows),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
