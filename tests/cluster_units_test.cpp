// Pure pieces of the tender: server versions and the features stock derives
// from them, the public node views, and as_info_parse_single_response.
#include "client/info_commands.h"
#include "info/info_text.h"
#include "cluster/node_view.h"
#include "info/server_version.h"
#include "net/address.h"

#include "cmocka_cxx.h"

#include <cstring>

using namespace aeroshim;

static void test_versions(void**) {
  auto v = parse_server_version("8.1.0.1");
  assert_true(v.is_ok());
  assert_int_equal(v->major, 8);
  assert_int_equal(v->minor, 1);
  assert_int_equal(v->build, 1);
  auto suffixed = parse_server_version("7.2.0.4-rc1");
  assert_true(suffixed.is_ok());
  assert_int_equal(suffixed->build, 4);
  assert_true(parse_server_version("8.0").is_ok());
  for (const char* bad : {"", "8", "x.1", "70000.1.0.0", "ERROR::no"}) assert_false(parse_server_version(bad).is_ok());
  assert_true((ServerVersion{4, 9, 0, 2} < kMinimumServer));
  assert_false((ServerVersion{4, 9, 0, 3} < kMinimumServer));
}

static void test_features_follow_the_build(void**) {
  assert_int_equal(features_for({4, 9, 0, 3}), AS_FEATURES_PARTITION_SCAN);
  assert_int_equal(features_for({5, 7, 0, 7}), AS_FEATURES_PARTITION_SCAN | AS_FEATURES_QUERY_SHOW);
  assert_int_equal(features_for({6, 0, 0, 0}), AS_FEATURES_PARTITION_SCAN | AS_FEATURES_QUERY_SHOW |
                                                   AS_FEATURES_PARTITION_QUERY | AS_FEATURES_BATCH_ANY);
  assert_true(features_for({8, 1, 2, 0}) & AS_FEATURES_HAS_QUERY_OPS_PROJECTION_EXT);
  assert_false(features_for({8, 1, 1, 9}) & AS_FEATURES_HAS_QUERY_OPS_PROJECTION_EXT);
  assert_false(accepts_user_agent({8, 0, 9, 9}));
  assert_true(accepts_user_agent({8, 1, 0, 0}));
}

static void test_node_view(void**) {
  auto addresses = resolve_host("127.0.0.1", 3000);
  assert_true(addresses.is_ok());
  as_node* node = create_node_view("BB9000000000001", addresses->front(), {8, 1, 0, 1}, 15, nullptr, 7);
  assert_non_null(node);
  assert_string_equal(node->name, "BB9000000000001");
  assert_string_equal(as_node_get_address_string(node), "127.0.0.1:3000");
  assert_int_equal(node->ref_count, 1);
  assert_int_equal(node->version.major, 8);
  assert_int_equal(node->features, 15);
  assert_int_equal(node->index, 7);
  assert_int_equal(node->active, 1);
  // The inline reserve/release of the public header reach our destroy.
  as_node_reserve(node);
  as_node_release(node);
  assert_int_equal(node->ref_count, 1);
  // An array holds a reference per entry, so a node outlives its tender's
  // reference while an array lists it.
  as_nodes* nodes = create_nodes_view({node, node});
  assert_int_equal(nodes->size, 2);
  assert_ptr_equal(nodes->array[1], node);
  assert_int_equal(node->ref_count, 3);
  release_node_view(node);
  assert_int_equal(node->ref_count, 2);
  assert_string_equal(nodes->array[0]->name, "BB9000000000001");
  destroy_nodes_view(nodes);  // drops the last two: ASan would report a leak otherwise

  auto v6 = resolve_host("::1", 3100);
  if (v6.is_ok()) {
    as_node* six = create_node_view("n6", v6->front(), {}, 0, nullptr, 0);
    assert_string_equal(as_node_get_address_string(six), "[::1]:3100");
    assert_int_equal(six->address6_size, 1);
    destroy_node_view(six);
  }
}

static void test_parse_single_response(void**) {
  char good[] = "build\t8.1.0.1\n";
  char* value = nullptr;
  assert_int_equal(split_single_response(good, &value), AEROSPIKE_OK);
  assert_string_equal(value, "8.1.0.1");
  char no_tab[] = "build";
  assert_int_equal(split_single_response(no_tab, &value), AEROSPIKE_ERR_CLIENT);
  char no_newline[] = "build\t8";
  assert_int_equal(split_single_response(no_newline, &value), AEROSPIKE_ERR_CLIENT);
  char empty[] = "";
  assert_int_equal(split_single_response(empty, &value), AEROSPIKE_ERR_CLIENT);
}

static void test_resolve(void**) {
  auto bad = resolve_host("no-such-host.invalid", 3000);
  assert_false(bad.is_ok());
  assert_int_equal(bad.status().code(), AEROSPIKE_ERR_INVALID_HOST);
  assert_non_null(std::strstr(bad.status().message().c_str(), "no-such-host.invalid"));
  auto local = resolve_host("localhost", 3000);
  assert_true(local.is_ok());
  assert_int_equal(address_port(local->front()), 3000);
}

int main() {
  const CMUnitTest tests[] = {
      cmocka_unit_test(test_versions),         cmocka_unit_test(test_features_follow_the_build),
      cmocka_unit_test(test_node_view),        cmocka_unit_test(test_parse_single_response),
      cmocka_unit_test(test_resolve),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
