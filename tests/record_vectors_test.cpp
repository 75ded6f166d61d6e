// Our key digests against the stock client's: every keys-group vector (what
// the C client 7.4.0 inside npm aerospike@6.7.1 sent to asim) carries the
// digest field stock computed for its key; building the same key with our
// as_key functions (as tests/vectors/README.md spells each one), on the stack
// and on the heap, must give those 20 bytes.
#include "cmocka_cxx.h"
#include "vectors.h"

#include <aerospike/as_key.h>

#include <cstdint>
#include <string>
#include <vector>

namespace v = aeroshim::vectors;

namespace {

constexpr const char* kNamespace = "test";
constexpr const char* kSet = "vectors";

enum class Kind { str, integer, bytes, digest };

struct KeyCase {
  const char* vector;  // the _get vector of the key (digest-only key for `digest`)
  Kind kind;
  const char* set;
  std::string text;  // str
  int64_t integer;
  std::vector<uint8_t> bytes;  // bytes, digest
};

std::vector<uint8_t> counting(std::size_t n) {
  std::vector<uint8_t> out(n);
  for (std::size_t i = 0; i < n; i++) out[i] = static_cast<uint8_t>(i);
  return out;
}

std::vector<KeyCase> cases() {
  const std::string utf8 =
      "h\xc3\xa9llo w\xc3\xb6rld \xe2\x9c\x93 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x9a\x80";
  return {
      {"key_str_short_get", Kind::str, kSet, "k", 0, {}},
      {"key_str_1k_get", Kind::str, kSet, std::string(1024, 'x'), 0, {}},
      {"key_str_utf8_get", Kind::str, kSet, utf8, 0, {}},
      {"key_int_0_get", Kind::integer, kSet, "", 0, {}},
      {"key_int_1_get", Kind::integer, kSet, "", 1, {}},
      {"key_int_neg1_get", Kind::integer, kSet, "", -1, {}},
      {"key_int_2p31_get", Kind::integer, kSet, "", int64_t{1} << 31, {}},
      {"key_int_min_get", Kind::integer, kSet, "", INT64_MIN, {}},
      {"key_int_max_get", Kind::integer, kSet, "", INT64_MAX, {}},
      {"key_bytes_get", Kind::bytes, kSet, "", 0, {0, 1, 2, 0xfe, 0xff}},
      {"key_str_noset_get", Kind::str, "", "k", 0, {}},
      {"key_int_noset_get", Kind::integer, "", "", 7, {}},
      {"key_bytes_noset_get", Kind::bytes, "", "", 0, {0xde, 0xad, 0xbe, 0xef}},
      {"key_digest_only_get", Kind::digest, kSet, "", 0, counting(20)},
  };
}

void make_key(as_key* key, const KeyCase& c) {
  as_key* made = nullptr;
  switch (c.kind) {
    case Kind::str: made = as_key_init_str(key, kNamespace, c.set, c.text.c_str()); break;
    case Kind::integer: made = as_key_init_int64(key, kNamespace, c.set, c.integer); break;
    case Kind::bytes:
      made = as_key_init_raw(key, kNamespace, c.set, c.bytes.data(),
                             static_cast<uint32_t>(c.bytes.size()));
      break;
    case Kind::digest: made = as_key_init_digest(key, kNamespace, c.set, c.bytes.data()); break;
  }
  assert_ptr_equal(made, key);
}

std::string stock_digest(const char* vector) {
  auto request = v::vector_request("keys", vector);
  if (!request) fail_msg("%s: %s", vector, request.status().message().c_str());
  auto digest = request->field(v::kFieldDigest);
  assert_true(digest.has_value());
  assert_int_equal(digest->size(), AS_DIGEST_VALUE_SIZE);
  return *digest;
}

void test_digests_match_stock(void**) {
  for (const KeyCase& c : cases()) {
    as_key key;
    make_key(&key, c);
    as_digest* digest = as_key_digest(&key);
    assert_non_null(digest);
    std::string ours(reinterpret_cast<const char*>(digest->value), AS_DIGEST_VALUE_SIZE);
    std::string stock = stock_digest(c.vector);
    if (ours != stock) {
      fail_msg("%s: ours %s, stock %s", c.vector, v::to_hex(ours).c_str(),
               v::to_hex(stock).c_str());
    }
    as_key_destroy(&key);
  }
}

// The heap constructors hash the same way.
as_key* new_key(const KeyCase& c) {
  switch (c.kind) {
    case Kind::str: return as_key_new_str(kNamespace, c.set, c.text.c_str());
    case Kind::integer: return as_key_new_int64(kNamespace, c.set, c.integer);
    case Kind::bytes:
      return as_key_new_raw(kNamespace, c.set, c.bytes.data(),
                            static_cast<uint32_t>(c.bytes.size()));
    case Kind::digest: return as_key_new_digest(kNamespace, c.set, c.bytes.data());
  }
  return nullptr;
}

void test_heap_keys_match_stock(void**) {
  for (const KeyCase& c : cases()) {
    as_key* key = new_key(c);
    assert_non_null(key);
    as_error err;
    assert_int_equal(as_key_set_digest(&err, key), AEROSPIKE_OK);
    assert_memory_equal(key->digest.value, stock_digest(c.vector).data(), AS_DIGEST_VALUE_SIZE);
    as_key_destroy(key);
  }
}

}  // namespace

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test(test_digests_match_stock),
      cmocka_unit_test(test_heap_keys_match_stock),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
