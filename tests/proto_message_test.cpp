// The frame and message codec both sides of the wire share: encoding and
// parsing are exact inverses, and no byte string a peer can send makes the
// parser read past the body or allocate what the body cannot hold.
#include "proto/frame.h"
#include "proto/message.h"

#include "cmocka_cxx.h"

#include <string>

namespace proto = aeroshim::proto;
using proto::Message;

static Message sample() {
  Message m;
  m.info1 = proto::kInfo1Read;
  m.info2 = proto::kInfo2Write | proto::kInfo2Generation;
  m.info3 = proto::kInfo3UpdateOnly;
  m.info4 = 0x40;
  m.result_code = 5;
  m.generation = 0x01020304;
  m.record_ttl = 0xFFFFFFFE;
  m.transaction_ttl = 1000;
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kNamespace), "test"});
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kSet), ""});
  m.fields.push_back({static_cast<uint8_t>(proto::FieldType::kDigest), std::string(20, '\xAB')});
  m.ops.push_back({static_cast<uint8_t>(proto::OpType::kWrite), static_cast<uint8_t>(proto::ParticleType::kString),
                   "bin", std::string("va\0lue", 6)});
  m.ops.push_back({static_cast<uint8_t>(proto::OpType::kRead), 0, "", ""});
  m.ops.push_back({static_cast<uint8_t>(proto::OpType::kIncrement),
                   static_cast<uint8_t>(proto::ParticleType::kInteger), std::string(255, 'n'), proto::be_u64(7)});
  return m;
}

static void assert_same(const Message& a, const Message& b) {
  assert_int_equal(a.info1, b.info1);
  assert_int_equal(a.info2, b.info2);
  assert_int_equal(a.info3, b.info3);
  assert_int_equal(a.info4, b.info4);
  assert_int_equal(a.result_code, b.result_code);
  assert_int_equal(a.generation, b.generation);
  assert_int_equal(a.record_ttl, b.record_ttl);
  assert_int_equal(a.transaction_ttl, b.transaction_ttl);
  assert_int_equal(a.fields.size(), b.fields.size());
  for (size_t i = 0; i < a.fields.size(); ++i) {
    assert_int_equal(a.fields[i].type, b.fields[i].type);
    assert_true(a.fields[i].data == b.fields[i].data);
  }
  assert_int_equal(a.ops.size(), b.ops.size());
  for (size_t i = 0; i < a.ops.size(); ++i) {
    assert_int_equal(a.ops[i].op, b.ops[i].op);
    assert_int_equal(a.ops[i].particle_type, b.ops[i].particle_type);
    assert_true(a.ops[i].name == b.ops[i].name);
    assert_true(a.ops[i].value == b.ops[i].value);
  }
}

// The body of an encoded message, after checking its frame header.
static std::string body_of(const std::string& frame) {
  assert_true(frame.size() >= proto::kFrameHeaderSize);
  const auto h = proto::decode_frame_header(reinterpret_cast<const uint8_t*>(frame.data()));
  assert_false(proto::frame_header_problem(h).has_value());
  assert_int_equal(h.type, static_cast<uint8_t>(proto::FrameType::kMessage));
  assert_int_equal(h.body_size, frame.size() - proto::kFrameHeaderSize);
  return frame.substr(proto::kFrameHeaderSize);
}

static void put_be32(std::string& s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>(v >> (8 * (3 - i)));
}

static void test_round_trip(void**) {
  const Message m = sample();
  std::string frame = "prefix";
  proto::encode_message(m, frame);
  assert_int_equal(frame.rfind("prefix", 0), 0);
  const std::string body = body_of(frame.substr(6));
  auto parsed = proto::parse_message(body);
  assert_true(parsed.is_ok());
  assert_same(m, *parsed);
  assert_non_null(parsed->field(proto::FieldType::kDigest));
  assert_null(parsed->field(proto::FieldType::kKey));

  // Re-encoding what was parsed gives the same bytes.
  std::string again;
  proto::encode_message(*parsed, again);
  assert_true(again == frame.substr(6));

  // The empty message is the 22-byte header alone.
  std::string empty;
  proto::encode_message(Message{}, empty);
  assert_int_equal(empty.size(), proto::kFrameHeaderSize + proto::kMessageHeaderSize);
  assert_true(proto::parse_message(body_of(empty)).is_ok());
}

static void test_frame_header(void**) {
  uint8_t h[proto::kFrameHeaderSize];
  proto::encode_frame_header(proto::FrameType::kInfo, 0x0000A1B2C3D4E5F6ull, h);
  const uint8_t want[] = {2, 1, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6};
  assert_memory_equal(h, want, sizeof want);
  const auto d = proto::decode_frame_header(h);
  assert_int_equal(d.version, 2);
  assert_int_equal(d.type, 1);
  assert_int_equal(d.body_size, 0xA1B2C3D4E5F6ull);
  // Declared too large: refused before anything is allocated.
  assert_true(proto::frame_header_problem(d).has_value());

  proto::FrameHeader ok{2, 3, proto::kMaxBodySize};
  assert_false(proto::frame_header_problem(ok).has_value());
  for (uint8_t type : {1, 2, 3, 4}) {
    ok.type = type;
    assert_false(proto::frame_header_problem(ok).has_value());
  }
  for (proto::FrameHeader bad : {proto::FrameHeader{1, 3, 10}, proto::FrameHeader{3, 3, 10},
                                 proto::FrameHeader{2, 0, 10}, proto::FrameHeader{2, 5, 10},
                                 proto::FrameHeader{2, 3, proto::kMaxBodySize + 1}})
    assert_true(proto::frame_header_problem(bad).has_value());
}

static void test_truncated(void**) {
  std::string frame;
  proto::encode_message(sample(), frame);
  const std::string body = body_of(frame);
  // Every strict prefix is refused, wherever the cut falls.
  for (size_t n = 0; n < body.size(); ++n) {
    auto r = proto::parse_message(std::string_view(body.data(), n));
    if (r.is_ok()) fail_msg("prefix of %zu bytes of %zu parsed", n, body.size());
    assert_int_equal(r.status().code(), AEROSPIKE_ERR_CLIENT);
  }
  // So is anything after the last op.
  assert_false(proto::parse_message(body + "x").is_ok());
}

static void test_oversized_declarations(void**) {
  std::string frame;
  proto::encode_message(sample(), frame);
  const std::string body = body_of(frame);
  constexpr size_t kFirstField = proto::kMessageHeaderSize;

  std::string bad_header = body;
  bad_header[0] = 21;
  assert_false(proto::parse_message(bad_header).is_ok());

  // Counts that cannot fit in the bytes left are refused outright.
  std::string many_fields = body;
  many_fields[18] = '\xFF';
  many_fields[19] = '\xFF';
  auto r = proto::parse_message(many_fields);
  assert_false(r.is_ok());
  assert_non_null(strstr(r.status().message().c_str(), "65535 fields"));
  std::string many_ops = body;
  many_ops[20] = '\xFF';
  many_ops[21] = '\xFF';
  assert_false(proto::parse_message(many_ops).is_ok());

  // A field whose size runs past the end, or is zero.
  for (uint32_t size : {0u, 0xFFFFFFFFu, static_cast<uint32_t>(body.size())}) {
    std::string field = body;
    put_be32(field, kFirstField, size);
    assert_false(proto::parse_message(field).is_ok());
  }

  // An op whose size runs past the end, or is smaller than its name.
  size_t first_op = kFirstField;
  for (const auto& f : sample().fields) first_op += 5 + f.data.size();
  for (uint32_t size : {0xFFFFFFFFu, 3u, 4u + 2u}) {
    std::string bad_op = body;
    put_be32(bad_op, first_op, size);
    assert_false(proto::parse_message(bad_op).is_ok());
  }
}

static void test_helpers(void**) {
  assert_int_equal(proto::partition_of(std::string("\x34\x12", 2)), 0x234);
  assert_int_equal(proto::partition_of(std::string("\xFF\xFF", 2)), 4095);
  assert_int_equal(proto::partition_of("x"), 0);
  assert_int_equal(proto::read_be_u64(proto::be_u64(0x0102030405060708ull)), 0x0102030405060708ull);
  assert_memory_equal(proto::be_u64(0x0102030405060708ull).data(), "\x01\x02\x03\x04\x05\x06\x07\x08", 8);
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip),   cmocka_unit_test(test_frame_header),
      cmocka_unit_test(test_truncated),    cmocka_unit_test(test_oversized_declarations),
      cmocka_unit_test(test_helpers),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
