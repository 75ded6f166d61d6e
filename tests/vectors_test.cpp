// The stock-client vectors (tests/vectors/*.txt) are sound test data: every
// file loads and every frame splits into header, fields and operations, and
// the keys group's digests are RIPEMD-160 over set name, key particle type and
// key bytes (DATAPATH.md 2.1) as computed here by OpenSSL, independently of
// our own digest code.
#include "vectors.h"

#include "cmocka_cxx.h"

#include <openssl/evp.h>

#include <set>
#include <string>

namespace v = aeroshim::vectors;

namespace {

const char* const kGroups[] = {"keys", "values", "operations", "expressions"};

std::string ripemd160(const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), out, &size, EVP_ripemd160(), nullptr) != 1 || size != 20)
    fail_msg("OpenSSL has no RIPEMD-160 here");
  return std::string(reinterpret_cast<const char*>(out), size);
}

std::vector<v::Vector> load(const char* group) {
  auto loaded = v::load_vectors(group);
  if (!loaded) fail_msg("%s", loaded.status().message().c_str());
  return std::move(*loaded);
}

v::Request decode(const v::Vector& vec) {
  auto request = v::decode_request(vec.frame);
  if (!request) fail_msg("%s: %s", vec.name.c_str(), request.status().message().c_str());
  return std::move(*request);
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

static void test_openssl_ripemd160_known_answer(void**) {
  // RIPEMD-160("abc") from the algorithm's published test vectors.
  assert_string_equal(v::to_hex(ripemd160("abc")).c_str(),
                      "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
}

static void test_every_file_parses(void**) {
  for (const char* group : kGroups) {
    const auto all = load(group);
    if (all.size() < 10) fail_msg("%s has only %zu vectors", group, all.size());
    std::set<std::string> names;
    for (const auto& vec : all) {
      if (!names.insert(vec.name).second) fail_msg("%s: %s twice", group, vec.name.c_str());
      const v::Request r = decode(vec);
      assert_int_equal(r.frame_type, 3);
      assert_string_equal(r.field(v::kFieldNamespace).value_or("").c_str(), "test");
      if (r.field(v::kFieldDigest).value_or("").size() != 20)
        fail_msg("%s: no 20-byte digest", vec.name.c_str());
      // Every command is a read, a write or both; stock never sends neither.
      if (!(r.message.info1 & 1) && !(r.message.info2 & 1))
        fail_msg("%s: neither read nor write", vec.name.c_str());
    }
  }
}

static void test_hex_and_frame_errors(void**) {
  assert_false(v::from_hex("abc").is_ok());
  assert_false(v::from_hex("0G").is_ok());
  assert_false(v::from_hex("AB").is_ok());
  assert_string_equal(v::to_hex(*v::from_hex("00ff7f")).c_str(), "00ff7f");
  const auto all = load("keys");
  std::string frame = all[0].frame;
  assert_true(v::decode_request(frame).is_ok());
  assert_false(v::decode_request(frame.substr(0, frame.size() - 1)).is_ok());
  assert_false(v::decode_request(frame + "x").is_ok());
  frame[1] = 4;  // compressed
  assert_false(v::decode_request(frame).is_ok());
  assert_false(v::vector_frame("keys", "no_such_vector").is_ok());
  assert_false(v::load_vectors("no_such_group").is_ok());
}

// Digest = RIPEMD-160(set name bytes, then the key field: particle type byte
// and the key's bytes, integers as 8 big-endian bytes).
static void test_key_digests_are_ripemd160(void**) {
  const auto all = load("keys");
  size_t checked = 0;
  for (const auto& vec : all) {
    const v::Request r = decode(vec);
    const auto key = r.field(v::kFieldKey);
    const std::string digest = *r.field(v::kFieldDigest);
    // Nothing to hash when the program gave only a digest, key: SEND or not.
    if (vec.name.rfind("key_digest_only", 0) == 0) {
      assert_false(key.has_value());
      continue;
    }
    if (ends_with(vec.name, "_sendkey") != key.has_value())
      fail_msg("%s: key field %s", vec.name.c_str(), key ? "sent without key: SEND" : "missing");
    if (!key) continue;
    const std::string set = r.field(v::kFieldSet).value_or("");
    if (ripemd160(set + *key) != digest)
      fail_msg("%s: digest %s is not RIPEMD-160 of set and key", vec.name.c_str(),
               v::to_hex(digest).c_str());
    ++checked;
  }
  if (checked < 20) fail_msg("only %zu keys group vectors carry a key", checked);
}

// A digest-only vector `X` must hash to the same digest as `X_sendkey`.
static void test_digest_only_twins_match(void**) {
  const auto all = load("keys");
  size_t paired = 0;
  for (const auto& vec : all) {
    if (ends_with(vec.name, "_sendkey") || vec.name.rfind("key_digest_only", 0) == 0) continue;
    auto twin = v::vector_frame("keys", vec.name + "_sendkey");
    if (!twin) continue;
    if (*decode(vec).field(v::kFieldDigest) !=
        *decode(v::Vector{vec.name, *twin}).field(v::kFieldDigest))
      fail_msg("%s: digest differs from its _sendkey twin", vec.name.c_str());
    ++paired;
  }
  if (paired < 20) fail_msg("only %zu digest-only vectors have a _sendkey twin", paired);
}

// A key given by digest alone is sent as that digest (record.js passes bytes 0..19).
static void test_digest_only_key(void**) {
  std::string expected;
  for (int i = 0; i < 20; ++i) expected.push_back(static_cast<char>(i));
  for (const char* name : {"key_digest_only_get", "key_digest_only_get_sendkey"}) {
    auto request = v::vector_request("keys", name);
    if (!request) fail_msg("%s", request.status().message().c_str());
    assert_true(request->field(v::kFieldDigest) == expected);
  }
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_openssl_ripemd160_known_answer),
      cmocka_unit_test(test_every_file_parses),
      cmocka_unit_test(test_hex_and_frame_errors),
      cmocka_unit_test(test_key_digests_are_ripemd160),
      cmocka_unit_test(test_digest_only_twins_match),
      cmocka_unit_test(test_digest_only_key),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
