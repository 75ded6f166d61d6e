// RIPEMD-160 and the key digest against OpenSSL as an independent oracle:
// every length across several blocks, fed whole and in random pieces; then
// key_set_digest for random sets and keys of every key type, against
// OpenSSL's digest of the bytes DATAPATH 2.1 says are hashed.
#include "cmocka_cxx.h"
#include "record/key.h"
#include "record/ripemd160.h"

#include <aerospike/as_double.h>

#include <openssl/evp.h>

#include <array>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

std::array<uint8_t, 20> openssl_ripemd160(const std::vector<uint8_t>& data) {
  std::array<uint8_t, 20> out{};
  unsigned int size = 0;
  int ok = EVP_Digest(data.data(), data.size(), out.data(), &size, EVP_ripemd160(), nullptr);
  assert_int_equal(ok, 1);
  assert_int_equal(size, 20);
  return out;
}

std::vector<uint8_t> random_bytes(std::mt19937& rng, std::size_t n) {
  std::vector<uint8_t> bytes(n);
  for (auto& b : bytes) b = static_cast<uint8_t>(rng());
  return bytes;
}

void test_every_length(void**) {
  std::mt19937 rng(7);
  for (std::size_t n = 0; n < 300; n++) {
    std::vector<uint8_t> data = random_bytes(rng, n);
    std::array<uint8_t, 20> expected = openssl_ripemd160(data);
    std::array<uint8_t, 20> whole{};
    aeroshim::ripemd160(data.data(), n, whole.data());
    assert_memory_equal(whole.data(), expected.data(), 20);

    cf_RIPEMD160_CTX ctx;
    aeroshim::ripemd160_init(&ctx);
    for (std::size_t done = 0; done < n;) {
      std::size_t piece = std::min<std::size_t>(rng() % 80, n - done);
      aeroshim::ripemd160_update(&ctx, data.data() + done, piece);
      done += piece;
    }
    // The context counts the bytes fed, as 7.4.0's does.
    assert_int_equal(ctx.total[0], n);
    assert_int_equal(ctx.total[1], 0);
    std::array<uint8_t, 20> pieces{};
    aeroshim::ripemd160_final(&ctx, pieces.data());
    assert_memory_equal(pieces.data(), expected.data(), 20);
  }
}

void append_be64(std::vector<uint8_t>& out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
}

void check_key(as_key* key, const std::string& set, const std::vector<uint8_t>& tail) {
  std::vector<uint8_t> input(set.begin(), set.end());
  input.insert(input.end(), tail.begin(), tail.end());
  std::array<uint8_t, 20> expected = openssl_ripemd160(input);
  aeroshim::Status status = aeroshim::key_set_digest(key);
  assert_true(status.is_ok());
  assert_true(key->digest.init);
  assert_memory_equal(key->digest.value, expected.data(), 20);
  aeroshim::key_destroy(key);
}

void test_key_digests(void**) {
  std::mt19937_64 rng(11);
  const uint8_t blob_types[] = {AS_BYTES_BLOB, AS_BYTES_JAVA, AS_BYTES_CSHARP, AS_BYTES_PYTHON,
                                AS_BYTES_RUBY, AS_BYTES_PHP,  AS_BYTES_ERLANG};
  for (int round = 0; round < 200; round++) {
    std::string set(rng() % 64, 'x');
    for (char& c : set) c = static_cast<char>('a' + rng() % 26);
    as_key key;

    auto i = static_cast<int64_t>(rng());
    aeroshim::key_init_int64(&key, "test", set.c_str(), i);
    std::vector<uint8_t> tail = {AS_BYTES_INTEGER};
    append_be64(tail, static_cast<uint64_t>(i));
    check_key(&key, set, tail);

    double d = static_cast<double>(static_cast<int64_t>(rng())) / 3.0;
    as_key_value value;
    as_double_init(reinterpret_cast<as_double*>(&value), d);
    aeroshim::key_init_ref(&key, "test", set.c_str(), &value, nullptr);
    uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof(bits));
    tail = {AS_BYTES_DOUBLE};
    append_be64(tail, bits);
    check_key(&key, set, tail);

    std::string text(rng() % 200, 'k');
    aeroshim::key_init_str(&key, "test", set.c_str(), text.c_str(), false);
    tail = {AS_BYTES_STRING};
    tail.insert(tail.end(), text.begin(), text.end());
    check_key(&key, set, tail);

    std::mt19937 bytes_rng(static_cast<unsigned>(round));
    std::vector<uint8_t> blob = random_bytes(bytes_rng, rng() % 200);
    aeroshim::key_init_raw(&key, "test", set.c_str(), blob.data(),
                           static_cast<uint32_t>(blob.size()), false);
    uint8_t type = blob_types[round % 7];
    key.value.bytes.type = static_cast<as_bytes_type>(type);
    tail = {type};
    tail.insert(tail.end(), blob.begin(), blob.end());
    check_key(&key, set, tail);
  }
}

}  // namespace

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test(test_every_length),
      cmocka_unit_test(test_key_digests),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
