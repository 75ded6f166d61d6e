/*
 * aerospike_init/new/connect/close/destroy error paths: NULL arguments and
 * every bad configuration value get AEROSPIKE_ERR_PARAM and a message that
 * names the field and the value; nothing crashes or hangs.
 */
#include <aerospike/aerospike.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

typedef void (*mutate_fn)(as_config* c);

static void no_hosts(as_config* c) { as_config_clear_hosts(c); }
static void port_zero(as_config* c) { ((as_host*)as_vector_get(c->hosts, 0))->port = 0; }
static void empty_name(as_config* c) { ((as_host*)as_vector_get(c->hosts, 0))->name[0] = 0; }
static void fast_tend(as_config* c) { c->tender_interval = 100; }
static void zero_conn_timeout(as_config* c) { c->conn_timeout_ms = 0; }
static void shm_zero_nodes(as_config* c) { c->use_shm = true; c->shm_max_nodes = 0; }
static void shm_zero_ns(as_config* c) { c->use_shm = true; c->shm_max_namespaces = 0; }
static void shm_huge_nodes(as_config* c) { c->use_shm = true; c->shm_max_nodes = 100000000; }
static void shm_zero_threshold(as_config* c) { c->use_shm = true; c->shm_takeover_threshold_sec = 0; }
static void shm_threshold_vs_tend(as_config* c)
{
	c->use_shm = true;
	c->shm_takeover_threshold_sec = 1;
	c->tender_interval = 1000;
}
static void with_user(as_config* c) { as_config_set_user(c, "alice", "pw"); }
static void with_tls(as_config* c) { c->tls.enable = true; }
static void ip_map_null(as_config* c) { c->ip_map_size = 2; }
static as_addr_map half_entry[1] = {{"10.0.0.1", NULL}};
static void ip_map_null_alt(as_config* c)
{
	c->ip_map = half_entry;
	c->ip_map_size = 1;
}
static void hosts_null(as_config* c)
{
	as_config_clear_hosts(c);
	as_vector_destroy(c->hosts);
	c->hosts = NULL;
}
static void host_name_null(as_config* c)
{
	as_host* host = as_vector_get(c->hosts, 0);
	free(host->name);
	host->name = NULL;
}
static void shm_key_private(as_config* c) { c->use_shm = true; c->shm_key = 0; }
static void shm_huge_ns(as_config* c) { c->use_shm = true; c->shm_max_namespaces = 4000000000u; }
static void shm_huge_tend(as_config* c) { c->use_shm = true; c->tender_interval = 4000000000u; }

static const struct {
	mutate_fn mutate;
	const char* expect1;
	const char* expect2;
} cases[] = {
	{no_hosts, "hosts", "empty"},
	{port_zero, "hosts[0]", "port 0"},
	{empty_name, "hosts[0].name", "empty"},
	{fast_tend, "tender_interval", "100"},
	{zero_conn_timeout, "conn_timeout_ms", "0"},
	{shm_zero_nodes, "shm_max_nodes", "= 0"},
	{shm_zero_ns, "shm_max_namespaces", "= 0"},
	{shm_huge_nodes, "shm_max_nodes", "100000000"},
	{shm_zero_threshold, "shm_takeover_threshold_sec", "0"},
	{shm_threshold_vs_tend, "shm_takeover_threshold_sec", "1000"},
	{with_user, "user", "alice"},
	{with_tls, "tls.enable", "not supported"},
	{ip_map_null, "ip_map", "2"},
	{ip_map_null_alt, "ip_map[0].alt", "NULL"},
	{hosts_null, "hosts", "empty"},
	{host_name_null, "hosts[0].name", "empty"},
	{shm_key_private, "shm_key = 0", "IPC_PRIVATE"},
	{shm_huge_ns, "shm_max_namespaces", "4000000000"},
	{shm_huge_tend, "shm_takeover_threshold_sec", "4000000000"},
};

static void test_bad_configurations(void** state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		as_config config;
		as_config_init(&config);
		as_config_add_host(&config, "127.0.0.1", 3000);
		cases[i].mutate(&config);
		aerospike as;
		aerospike_init(&as, &config);
		as_error err;
		as_status status = aerospike_connect(&as, &err);
		printf("case %zu: %d %s\n", i, status, err.message);
		assert_int_equal(status, AEROSPIKE_ERR_PARAM);
		assert_int_equal(err.code, status);
		assert_non_null(strstr(err.message, cases[i].expect1));
		assert_non_null(strstr(err.message, cases[i].expect2));
		assert_null(as.cluster);
		aerospike_destroy(&as);
	}
}

static void test_null_arguments(void** state)
{
	(void)state;
	as_error err;
	assert_int_equal(aerospike_connect(NULL, &err), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "NULL"));
	assert_int_equal(aerospike_close(NULL, &err), AEROSPIKE_ERR_PARAM);
	assert_null(aerospike_init(NULL, NULL));
	assert_false(aerospike_cluster_is_connected(NULL));
	aerospike_destroy(NULL);

	/* A NULL err is allowed: the status is still returned. */
	aerospike as;
	aerospike_init(&as, NULL);
	assert_int_equal(aerospike_connect(&as, NULL), AEROSPIKE_ERR_PARAM);
	assert_false(aerospike_cluster_is_connected(&as));
	assert_int_equal(aerospike_close(&as, NULL), AEROSPIKE_OK);
	aerospike_destroy(&as);
}

static void test_init_destroy_cycles(void** state)
{
	(void)state;
	for (int i = 0; i < 200; i++) {
		as_config config;
		as_config_init(&config);
		as_config_add_hosts(&config, "a:1,b:2,c:tls:3", 3000);
		as_config_set_cluster_name(&config, "x");
		as_config_add_rack_id(&config, i);
		as_metrics_policy_add_label(&config.policies.metrics, "k", "v");
		aerospike* as = aerospike_new(&config);
		assert_non_null(as);
		assert_int_equal(as->config.hosts->size, 3);
		aerospike_destroy(as);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_configurations),
		cmocka_unit_test(test_null_arguments),
		cmocka_unit_test(test_init_destroy_cycles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
