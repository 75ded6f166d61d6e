// Each node of a connected cluster has its pool before commands can find
// it: min_conns_per_node connections are open right after connect (split
// over conn_pools_per_node), commands reuse them rather than open more, and
// a node's circuit breaker limit starts at the configured max_error_rate.
#include "asim_process.h"
#include "cmocka_cxx.h"

#include "cluster/node_table.h"
#include "net/connection_pool.h"

#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_record.h>

namespace {

asim_process g_asim;

int group_setup(void**) { return asim_start(&g_asim, "--nodes 3 --namespace test:2") ? 0 : -1; }
int group_teardown(void**) {
  asim_stop(&g_asim);
  return 0;
}

void test_min_conns_opened_at_connect(void**) {
  as_config config;
  as_config_init(&config);
  as_config_add_host(&config, "127.0.0.1", g_asim.ports[0]);
  config.min_conns_per_node = 4;
  config.max_conns_per_node = 10;
  config.conn_pools_per_node = 2;
  config.max_error_rate = 7;
  aerospike as;
  aerospike_init(&as, &config);
  as_error err;
  assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_OK);
  as_nodes* nodes = as_nodes_reserve(as.cluster);
  assert_int_equal(nodes->size, 3);
  for (uint32_t i = 0; i < nodes->size; ++i) {
    aeroshim::ConnectionPool* pool = aeroshim::node_object(nodes->array[i])->pool;
    assert_non_null(pool);
    assert_int_equal(pool->pool_count(), 2);
    assert_int_equal(pool->open_count(), 4);
    assert_int_equal(pool->idle_count(), 4);
    assert_int_equal(nodes->array[i]->max_error_rate, 7);
  }
  // Commands take pooled connections instead of opening new ones.
  for (int k = 0; k < 50; ++k) {
    as_key key;
    as_key_init_int64(&key, "test", "pools", k);
    as_record rec;
    as_record_inita(&rec, 1);
    as_record_set_int64(&rec, "k", k);
    assert_int_equal(aerospike_key_put(&as, &err, nullptr, &key, &rec), AEROSPIKE_OK);
    as_record_destroy(&rec);
  }
  for (uint32_t i = 0; i < nodes->size; ++i)
    assert_int_equal(aeroshim::node_object(nodes->array[i])->pool->open_count(), 4);
  as_nodes_release(nodes);
  aerospike_close(&as, &err);
  aerospike_destroy(&as);
}

}  // namespace

int main() {
  const CMUnitTest tests[] = {cmocka_unit_test(test_min_conns_opened_at_connect)};
  return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
