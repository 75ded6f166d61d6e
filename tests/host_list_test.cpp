// The host-list parser as a pure function: every accepted shape and every
// malformed one, with the message naming the offending entry.
#include "config/host_list.h"

#include "cmocka_cxx.h"

using aeroshim::HostSpec;
using aeroshim::parse_host_list;

static void test_good(void**) {
  auto hosts = parse_host_list("h1, 10.0.0.1:4000 ,[fe80::1]:5000,h2:tls2:6000,[::1]", 3000);
  assert_true(hosts.is_ok());
  assert_int_equal(hosts->size(), 5);
  assert_true((*hosts)[0] == (HostSpec{"h1", "", 3000}));
  assert_true((*hosts)[1] == (HostSpec{"10.0.0.1", "", 4000}));
  assert_true((*hosts)[2] == (HostSpec{"fe80::1", "", 5000}));
  assert_true((*hosts)[3] == (HostSpec{"h2", "tls2", 6000}));
  assert_true((*hosts)[4] == (HostSpec{"::1", "", 3000}));
}

static void test_bad(void**) {
  const char* bad[] = {"", ",", "h:", "h:65536", "h:-1", "h:1x", "[::1", "[::1]5", "h::1",
                       "h,", "h:0"};
  for (const char* text : bad) {
    auto hosts = parse_host_list(text, 3000);
    assert_false(hosts.is_ok());
    assert_int_equal(hosts.status().code(), AEROSPIKE_ERR_PARAM);
    assert_false(hosts.status().message().empty());
  }
  auto no_default = parse_host_list("h", 0);
  assert_false(no_default.is_ok());
  assert_non_null(strstr(no_default.status().message().c_str(), "'h'"));
}

int main() {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_good), cmocka_unit_test(test_bad)};
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
