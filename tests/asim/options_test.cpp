// asim's command line: every flag's accepted range and, for each refusal, a
// message that names the flag and the value so a mistyped script is obvious.
#include "options.h"

#include "cmocka_cxx.h"

#include <string>
#include <vector>

using asim::Options;
using asim::parse_namespace;
using asim::parse_options;

static bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

static void expect_refused(std::vector<std::string> args, const std::string& flag, const std::string& value) {
  auto o = parse_options(args);
  assert_false(o.is_ok());
  assert_int_equal(o.status().code(), AEROSPIKE_ERR_PARAM);
  if (!contains(o.status().message(), flag) || !contains(o.status().message(), value))
    fail_msg("message '%s' does not name %s %s", o.status().message().c_str(), flag.c_str(), value.c_str());
}

static void test_defaults(void**) {
  auto o = parse_options({});
  assert_true(o.is_ok());
  assert_int_equal(o->nodes, 3);
  assert_int_equal(o->port, 3000);
  assert_int_equal(o->namespaces.size(), 1);
  assert_string_equal(o->namespaces[0].name.c_str(), "test");
  assert_int_equal(o->namespaces[0].replication_factor, 2);
  assert_false(o->namespaces[0].strong_consistency);
  assert_string_equal(o->cluster_name.c_str(), "asim");
  assert_string_equal(o->build.c_str(), "8.1.0.1");
  assert_int_equal(o->duration_sec, 0);
  assert_true(o->record_path.empty());
  assert_false(o->help);
}

static void test_every_flag(void**) {
  auto o = parse_options({"--nodes", "64", "--port", "0", "--namespace", "a", "--namespace", "b:3",
                          "--namespace", "c:1:sc", "--cluster-name", "blue", "--build", "7.2.0.4",
                          "--duration", "604800", "--record", "/tmp/frames.hex"});
  assert_true(o.is_ok());
  assert_int_equal(o->nodes, 64);
  assert_int_equal(o->port, 0);
  assert_int_equal(o->namespaces.size(), 3);
  assert_string_equal(o->namespaces[0].name.c_str(), "a");
  assert_int_equal(o->namespaces[0].replication_factor, 2);
  assert_string_equal(o->namespaces[1].name.c_str(), "b");
  assert_int_equal(o->namespaces[1].replication_factor, 3);
  assert_false(o->namespaces[1].strong_consistency);
  assert_int_equal(o->namespaces[2].replication_factor, 1);
  assert_true(o->namespaces[2].strong_consistency);
  assert_string_equal(o->cluster_name.c_str(), "blue");
  assert_string_equal(o->build.c_str(), "7.2.0.4");
  assert_int_equal(o->duration_sec, 604800);
  assert_string_equal(o->record_path.c_str(), "/tmp/frames.hex");

  auto low = parse_options({"--nodes", "1", "--port", "65535", "--duration", "1"});
  assert_true(low.is_ok());
  assert_int_equal(low->nodes, 1);
  assert_int_equal(low->port, 65535);
  assert_int_equal(low->duration_sec, 1);

  for (const char* h : {"--help", "-h"}) {
    auto help = parse_options({h});
    assert_true(help.is_ok());
    assert_true(help->help);
  }
}

static void test_bad_values(void**) {
  for (const char* v : {"0", "65", "-1", "x", "", "3x", " 3"}) expect_refused({"--nodes", v}, "--nodes", v);
  for (const char* v : {"-1", "65536", "port", "30 00"}) expect_refused({"--port", v}, "--port", v);
  for (const char* v : {"0", "604801", "-5", "1s"}) expect_refused({"--duration", v}, "--duration", v);
  const std::string long_name(65, 'n');
  for (const std::string& v : {std::string(), long_name, std::string("a;b"), std::string("a\tb")})
    expect_refused({"--cluster-name", v}, "--cluster-name", v);
  const std::string long_build(33, '8');
  for (const std::string& v : {std::string(), long_build, std::string("8.1\n")})
    expect_refused({"--build", v}, "--build", v);
  const std::string ns32(32, 'n');
  for (const std::string& v : {std::string(), std::string(":2"), ns32, std::string("a b"), std::string("a;b"),
                               std::string("a,b"), std::string("x:0"), std::string("x:4"), std::string("x:"),
                               std::string("x:2:ap"), std::string("x:2:sc:1")})
    expect_refused({"--namespace", v}, "--namespace", v);
  expect_refused({"--namespace", "t", "--namespace", "t:3"}, "--namespace", "t:3");
  expect_refused({"--record", ""}, "--record", "");
}

static void test_structural_errors(void**) {
  auto unknown = parse_options({"--bogus", "1"});
  assert_false(unknown.is_ok());
  assert_true(contains(unknown.status().message(), "unknown flag --bogus"));
  // A trailing unknown flag is still unknown, not a flag missing its value.
  auto trailing = parse_options({"--nodes", "2", "--bogus"});
  assert_true(contains(trailing.status().message(), "unknown flag --bogus"));

  auto missing = parse_options({"--nodes"});
  assert_false(missing.is_ok());
  assert_true(contains(missing.status().message(), "--nodes"));
  auto no_file = parse_options({"--record"});
  assert_false(no_file.is_ok());
  assert_true(contains(no_file.status().message(), "--record"));

  // Node ports are consecutive, so the last node must still have one.
  auto past = parse_options({"--port", "65534", "--nodes", "3"});
  assert_false(past.is_ok());
  assert_true(contains(past.status().message(), "65534"));
  assert_true(parse_options({"--port", "65533", "--nodes", "3"}).is_ok());

  std::vector<std::string> many;
  for (int i = 0; i < 33; ++i) {
    many.push_back("--namespace");
    many.push_back("n" + std::to_string(i));
  }
  auto too_many = parse_options(many);
  assert_false(too_many.is_ok());
  assert_true(contains(too_many.status().message(), "n32"));
}

static void test_parse_namespace(void**) {
  auto ns = parse_namespace(std::string(31, 'z') + ":1:sc");
  assert_true(ns.is_ok());
  assert_int_equal(ns->name.size(), 31);
  assert_int_equal(ns->replication_factor, 1);
  assert_true(ns->strong_consistency);
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_defaults),         cmocka_unit_test(test_every_flag),
      cmocka_unit_test(test_bad_values),       cmocka_unit_test(test_structural_errors),
      cmocka_unit_test(test_parse_namespace),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
