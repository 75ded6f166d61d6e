// The tender's small answer values: every bad one is an error that names the
// field and shows what came, so a garbage answer is logged, never taken.
#include "cmocka_cxx.h"
#include "info/tend_answers.h"

#include <cstring>
#include <string>

using namespace aeroshim;

static bool mentions(const Status& status, const char* text) {
  return std::strstr(status.message().c_str(), text) != nullptr;
}

static void test_generation(void**) {
  InfoResponse answer =
      parse_info_response("partition-generation\t12\npeers-generation\t12abc\nbig\t4294967296\n");
  auto good = parse_generation(answer, "partition-generation");
  assert_true(good.is_ok());
  assert_int_equal(*good, 12);
  auto letters = parse_generation(answer, "peers-generation");
  assert_false(letters.is_ok());
  assert_int_equal(letters.status().code(), AEROSPIKE_ERR_CLIENT);
  assert_true(mentions(letters.status(), "peers-generation is not a 32-bit number: '12abc'"));
  assert_false(parse_generation(answer, "big").is_ok());
  auto missing = parse_generation(answer, "rebalance-generation");
  assert_false(missing.is_ok());
  assert_true(mentions(missing.status(), "rebalance-generation missing"));
}

static void test_node_name(void**) {
  assert_string_equal(parse_node_name(parse_info_response("node\tBB9020011AC4202\n"))->c_str(),
                      "BB9020011AC4202");
  assert_false(parse_node_name(parse_info_response("node\t\n")).is_ok());
  assert_false(parse_node_name(parse_info_response("node\tAAAAAAAAAAAAAAAAAAAAAAAA\n"))
                   .is_ok());  // 24 >= 20
  assert_false(parse_node_name(parse_info_response("node\tERROR::unknown\n")).is_ok());
  assert_false(parse_node_name(parse_info_response("build\t8.1.0.0\n")).is_ok());
}

static void test_rack_ids(void**) {
  assert_int_equal(*parse_rack_ids("test:2;bar:2;"), 2);
  assert_int_equal(*parse_rack_ids("test:2;bar:3"),
                   -1);  // differ per namespace: stored as -1, as stock
  assert_int_equal(*parse_rack_ids(""), 0);
  auto bad = parse_rack_ids("test:two;");
  assert_false(bad.is_ok());
  assert_true(mentions(bad.status(), "rack-ids entry is not ns:rack: 'test:two'"));
  assert_false(parse_rack_ids("norack;").is_ok());
}

static void test_namespace_racks(void**) {
  auto racks = parse_namespace_racks("test:1;bar:2;\n");
  assert_true(racks.is_ok());
  assert_int_equal(racks->size(), 2);
  assert_string_equal((*racks)[0].ns.c_str(), "test");
  assert_int_equal((*racks)[0].rack_id, 1);
  assert_string_equal((*racks)[1].ns.c_str(), "bar");
  assert_int_equal((*racks)[1].rack_id, 2);
  assert_true(parse_namespace_racks("")->empty());
  // A namespace name is 1 to 31 characters, as stock requires of it.
  assert_false(parse_namespace_racks(":1;").is_ok());
  assert_false(parse_namespace_racks(std::string(32, 'n') + ":1;").is_ok());
  assert_true(parse_namespace_racks(std::string(31, 'n') + ":1;").is_ok());
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_generation),
      cmocka_unit_test(test_node_name),
      cmocka_unit_test(test_rack_ids),
      cmocka_unit_test(test_namespace_racks),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
