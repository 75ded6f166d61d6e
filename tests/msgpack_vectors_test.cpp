// The msgpack readers against what the stock client (7.4.0) really sends:
// every list and map bin value of the recorded puts, every CDT, bit, HLL and
// expression operation payload and every filter expression is one msgpack
// element that skipping measures to its exact length and that compares
// equal to itself; decoded with as_unpack_val, a put's list or map bin
// encodes back with as_pack_val to the very bytes stock sent.
#include "vectors.h"

#include "cmocka_cxx.h"

#include <aerospike/as_msgpack.h>
#include <aerospike/as_val.h>

#include <string>

namespace v = aeroshim::vectors;

namespace {

constexpr uint8_t kParticleMap = 19;
constexpr uint8_t kParticleList = 20;

// Wire operation codes whose value is a msgpack payload.
bool msgpack_op(uint8_t op) {
  switch (op) {
    case 3:   // CDT read (lists and maps)
    case 4:   // CDT modify
    case 7:   // expression read
    case 8:   // expression modify
    case 12:  // bit read
    case 13:  // bit modify
    case 15:  // HLL read
    case 16:  // HLL modify
      return true;
    default: return false;
  }
}

as_unpacker over(const std::string& bytes) {
  return as_unpacker{reinterpret_cast<const unsigned char*>(bytes.data()), 0,
                     static_cast<uint32_t>(bytes.size())};
}

// One element, exactly as long as the bytes, equal to itself.
void check_element(const std::string& name, const std::string& bytes) {
  as_unpacker pk = over(bytes);
  if (as_unpack_size(&pk) != static_cast<int64_t>(bytes.size()) || pk.offset != bytes.size())
    fail_msg("%s: not one msgpack element of %zu bytes", name.c_str(), bytes.size());
  as_unpacker a = over(bytes);
  as_unpacker b = over(bytes);
  if (as_unpack_compare(&a, &b) != MSGPACK_COMPARE_EQUAL)
    fail_msg("%s: does not compare equal to itself", name.c_str());
}

// Decodes a put's list or map value and encodes it again: stock's bytes.
void check_round_trip(const std::string& name, const std::string& bytes) {
  as_unpacker pk = over(bytes);
  as_val* value = nullptr;
  if (as_unpack_val(&pk, &value) != 0 || value == nullptr)
    fail_msg("%s: as_unpack_val failed", name.c_str());
  std::string out(bytes.size() + 16, '\0');
  as_packer packer{nullptr, nullptr, reinterpret_cast<unsigned char*>(out.data()), 0,
                   static_cast<uint32_t>(out.size())};
  int rc = as_pack_val(&packer, value);
  as_val_destroy(value);
  if (rc != 0 || packer.head != nullptr) fail_msg("%s: as_pack_val failed", name.c_str());
  out.resize(packer.offset);
  if (out != bytes) fail_msg("%s: re-encoded as %s", name.c_str(), v::to_hex(out).c_str());
}

size_t check_group(const char* group, bool round_trip) {
  auto loaded = v::load_vectors(group);
  if (!loaded) fail_msg("%s", loaded.status().message().c_str());
  size_t checked = 0;
  for (const v::Vector& vec : *loaded) {
    auto request = v::decode_request(vec.frame);
    if (!request) fail_msg("%s: %s", vec.name.c_str(), request.status().message().c_str());
    if (auto filter = request->field(v::kFieldFilterExp)) {
      check_element(vec.name + " filter", *filter);
      checked++;
    }
    for (const auto& op : request->message.ops) {
      bool collection = op.particle_type == kParticleList || op.particle_type == kParticleMap;
      if (!collection && !msgpack_op(op.op)) continue;
      check_element(vec.name + " bin " + op.name, op.value);
      if (round_trip && collection) check_round_trip(vec.name, op.value);
      checked++;
    }
  }
  return checked;
}

}  // namespace

static void test_values_group(void**) { assert_true(check_group("values", true) >= 10); }

static void test_operations_group(void**) { assert_true(check_group("operations", false) >= 100); }

static void test_expressions_group(void**) { assert_true(check_group("expressions", false) >= 10); }

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_values_group),
      cmocka_unit_test(test_operations_group),
      cmocka_unit_test(test_expressions_group),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
