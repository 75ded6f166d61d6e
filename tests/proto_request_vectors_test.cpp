// Our request encoder against the stock client's bytes: every put, get,
// exists, select and remove the stock client (C 7.4.0 in npm
// aerospike@6.7.1) sent in the keys and values groups is taken apart, its
// key, header and bins rebuilt as C values (bin values decoded by our answer
// parser, since a request op has the layout of an answer op), and encoded
// again with proto::encode: the frame must come out byte for byte the same.
// This checks the layout (header, field order, the user key, op headers,
// every particle encoding, lists and maps included); which header bits a
// policy sets is checked live in key_vectors_test.
#include "cmocka_cxx.h"
#include "vectors.h"

#include "proto/reply.h"
#include "proto/request.h"

#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_key.h>
#include <aerospike/as_record.h>
#include <aerospike/as_string.h>

#include <string>
#include <vector>

namespace v = aeroshim::vectors;
namespace proto = aeroshim::proto;

namespace {

const uint8_t* bytes_of(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

// The user key of a KEY field (particle byte, then the value), or false.
bool set_user_key(as_key& key, const std::string& field) {
  const uint8_t type = static_cast<uint8_t>(field[0]);
  const std::string value = field.substr(1);
  switch (type) {
    case AS_BYTES_INTEGER: {
      uint64_t n = 0;
      for (char c : value) n = (n << 8) | static_cast<uint8_t>(c);
      as_integer_init(reinterpret_cast<as_integer*>(&key.value), static_cast<int64_t>(n));
      break;
    }
    case AS_BYTES_STRING:
      as_string_init_wlen(reinterpret_cast<as_string*>(&key.value), strdup(value.c_str()),
                          value.size(), true);
      break;
    case AS_BYTES_BLOB: {
      auto* copy = static_cast<uint8_t*>(malloc(value.size() + 1));
      memcpy(copy, value.data(), value.size());
      as_bytes_init_wrap(reinterpret_cast<as_bytes*>(&key.value), copy,
                         static_cast<uint32_t>(value.size()), true);
      break;
    }
    default: return false;
  }
  key.valuep = &key.value;
  return true;
}

// Rebuilds `frame` through our encoder; the empty string when it cannot.
std::string reencode(const v::Request& stock, const std::string& frame, as_record** rec) {
  const proto::Message& m = stock.message;
  as_key key;
  const std::string digest = *stock.field(v::kFieldDigest);
  as_key_init_digest(&key, stock.field(v::kFieldNamespace)->c_str(),
                     stock.field(v::kFieldSet).value_or("").c_str(), bytes_of(digest));
  proto::Request request;
  request.key = &key;
  if (auto user = stock.field(v::kFieldKey)) request.send_key = set_user_key(key, *user);
  request.header = proto::RequestHeader{m.info1, m.info2, m.info3, m.info4, m.generation,
                                        m.record_ttl, m.transaction_ttl};
  std::vector<const char*> names;
  std::vector<std::string> name_storage;
  const bool writes = !m.ops.empty() && m.ops[0].op == 2;
  if (writes) {
    // A request body has the layout of an answer body: decode its bins.
    auto reply = proto::parse_reply(bytes_of(frame) + 8, frame.size() - 8);
    assert_true(reply.is_ok());
    assert_true(proto::fill_record(*reply, rec, true).is_ok());
    request.bins = &(*rec)->bins;
  } else if (!m.ops.empty()) {
    for (const auto& op : m.ops) name_storage.push_back(op.name);
    for (const auto& n : name_storage) names.push_back(n.c_str());
    request.names = names.data();
    request.name_count = static_cast<uint32_t>(names.size());
  }
  proto::WireBuffer out;
  auto size = proto::encode(request, out);
  as_key_destroy(&key);
  if (!size) return "";
  return std::string(reinterpret_cast<const char*>(out.data()), *size);
}

void check_group(const char* group, size_t at_least) {
  auto all = v::load_vectors(group);
  assert_true(all.is_ok());
  size_t checked = 0;
  for (const v::Vector& vec : *all) {
    auto stock = v::decode_request(vec.frame);
    assert_true(stock.is_ok());
    as_record* rec = nullptr;
    const std::string ours = reencode(*stock, vec.frame, &rec);
    if (rec) as_record_destroy(rec);
    if (ours != vec.frame)
      fail_msg("%s/%s: stock sent\n  %s\nwe encode\n  %s", group, vec.name.c_str(),
               v::to_hex(vec.frame).c_str(), v::to_hex(ours).c_str());
    ++checked;
  }
  if (checked < at_least) fail_msg("%s: only %zu vectors", group, checked);
}

void test_keys_group(void**) { check_group("keys", 59); }
void test_values_group(void**) { check_group("values", 55); }

}  // namespace

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test(test_keys_group),
      cmocka_unit_test(test_values_group),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
