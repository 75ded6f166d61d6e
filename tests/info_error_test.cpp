// find_info_error against what 7.4.0's as_info_validate makes of the same
// answers (read from its source: the code and text each case yields).
#include "cmocka_cxx.h"
#include "info/info_error.h"

using namespace aeroshim;

static void assert_error(std::string_view answer, as_status code, const char* message) {
  auto e = find_info_error(answer);
  assert_true(e.has_value());
  assert_int_equal(e->code, code);
  assert_string_equal(e->message.c_str(), message);
}

static void test_clean_answers(void**) {
  assert_false(find_info_error("sets\tns=test:set=demo\n").has_value());
  assert_false(find_info_error("").has_value());
  // Only "FAIL:" with its colon counts, and ERROR only at the start of a value.
  assert_false(find_info_error("x\tFAIL\n").has_value());
  assert_false(find_info_error("x\tsome ERROR:1:x\n").has_value());
}

static void test_coded_errors(void**) {
  assert_error("truncate\tERROR:4:bad namespace\n", AEROSPIKE_ERR_REQUEST_INVALID, "bad namespace");
  assert_error("x\tERROR:22:forbidden\n", AEROSPIKE_ERR_FAIL_FORBIDDEN, "forbidden");
  // No code, or a code that reads as 0: the server's generic failure.
  assert_error("x\tERROR::unrecognized command\n", AEROSPIKE_ERR_SERVER, "unrecognized command");
  assert_error("x\tERROR:abc:text\n", AEROSPIKE_ERR_SERVER, "text");
  assert_error("x\tERROR:no colon here\n", AEROSPIKE_ERR_SERVER, "no colon here");
  assert_error("x\tFAIL:201:no index\n", AEROSPIKE_ERR_INDEX_NOT_FOUND, "no index");
  // At the very start (a server that does not echo the request). The text
  // ends at the next tab anywhere after it, else at the next newline, so a
  // later value's name can come along, as with stock.
  assert_error("ERROR:2:gone\tmore", AEROSPIKE_ERR_RECORD_NOT_FOUND, "gone");
  assert_error("b\tERROR:9:slow\n", AEROSPIKE_ERR_TIMEOUT, "slow");
  assert_error("a\tok\nb\tERROR:9:slow\nc\tok\n", AEROSPIKE_ERR_TIMEOUT, "slow\nc");
}

static void test_udf_put_failure(void**) {
  // "message=" carries base64: "bad thing" is YmFkIHRoaW5n.
  assert_error("udf-put:filename=x.lua\terror=compile_error\tfile=x.lua\tline=3\tmessage=YmFkIHRoaW5n\n",
               AEROSPIKE_ERR_UDF, "error=compile_error\tfile=x.lua\tline=3\tmessage=bad thing");
  // Not base64: shown as it came, newline and all.
  assert_error("u\terror=x\tmessage=%%%\n", AEROSPIKE_ERR_UDF, "error=x\tmessage=%%%\n");
  // The coded form decodes its message part too.
  assert_error("u\tERROR:100:message=YmFkIHRoaW5n", AEROSPIKE_ERR_UDF, "message=bad thing");
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_clean_answers),
      cmocka_unit_test(test_coded_errors),
      cmocka_unit_test(test_udf_put_failure),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
