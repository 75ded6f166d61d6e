/*
 * aerospike_init/new/connect/close/destroy error paths: NULL arguments and
 * every bad configuration value get AEROSPIKE_ERR_PARAM and a message that
 * names the field and the value; nothing crashes or hangs.
 *
 * A configuration wrongly accepted would connect: to port 1, where nothing
 * listens, and with use_shm on a pid-derived key instead of the shared
 * default. The client under test lives in the fixture, so when an assertion
 * fails the teardown still closes it and removes the key's segment and lock
 * file; the group teardown fails the run if either is left.
 */
#include <aerospike/aerospike.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <unistd.h>

#include <cmocka.h>

static int test_key(void)
{
	return (int)(0x54000000u | ((unsigned)getpid() & 0xFFFFFFu));
}

/* src/shm/owner_file.cpp names it. */
static void lock_path(int key, char* out, size_t size)
{
	snprintf(out, size, "/dev/shm/aeroshim-%08X.owner", (unsigned)key);
}

typedef struct {
	aerospike as;         /* valid while `live` */
	bool live;
	aerospike* allocated; /* from aerospike_new, NULL when none */
} fixture;

static int setup(void** state)
{
	fixture* f = calloc(1, sizeof(*f));
	*state = f;
	return f ? 0 : -1;
}

static int teardown(void** state)
{
	fixture* f = *state;
	if (f->live) {
		if (f->as.cluster) {
			aerospike_close(&f->as, NULL);
		}
		aerospike_destroy(&f->as);
	}
	aerospike_destroy(f->allocated);
	int id = shmget(test_key(), 0, 0);
	if (id >= 0) {
		shmctl(id, IPC_RMID, NULL);
	}
	char path[64];
	lock_path(test_key(), path, sizeof(path));
	unlink(path);
	free(f);
	return 0;
}

static int nothing_left(void** state)
{
	(void)state;
	char path[64];
	lock_path(test_key(), path, sizeof(path));
	if (shmget(test_key(), 0, 0) >= 0 || access(path, F_OK) == 0) {
		print_error("key 0x%08X left a segment or lock file\n", (unsigned)test_key());
		return -1;
	}
	return 0;
}

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
	fixture* f = *state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		as_config config;
		as_config_init(&config);
		as_config_add_host(&config, "127.0.0.1", 1);
		config.shm_key = test_key();
		cases[i].mutate(&config);
		aerospike_init(&f->as, &config);
		f->live = true;
		as_error err;
		as_status status = aerospike_connect(&f->as, &err);
		printf("case %zu: %d %s\n", i, status, err.message);
		assert_int_equal(status, AEROSPIKE_ERR_PARAM);
		assert_int_equal(err.code, status);
		assert_non_null(strstr(err.message, cases[i].expect1));
		assert_non_null(strstr(err.message, cases[i].expect2));
		assert_null(f->as.cluster);
		aerospike_destroy(&f->as);
		f->live = false;
	}
}

static void test_null_arguments(void** state)
{
	fixture* f = *state;
	as_error err;
	assert_int_equal(aerospike_connect(NULL, &err), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "NULL"));
	assert_int_equal(aerospike_close(NULL, &err), AEROSPIKE_ERR_PARAM);
	assert_null(aerospike_init(NULL, NULL));
	assert_false(aerospike_cluster_is_connected(NULL));
	aerospike_destroy(NULL);

	/* A NULL err is allowed: the status is still returned. */
	aerospike_init(&f->as, NULL);
	f->live = true;
	assert_int_equal(aerospike_connect(&f->as, NULL), AEROSPIKE_ERR_PARAM);
	assert_false(aerospike_cluster_is_connected(&f->as));
	assert_int_equal(aerospike_close(&f->as, NULL), AEROSPIKE_OK);
	aerospike_destroy(&f->as);
	f->live = false;
}

static void test_init_destroy_cycles(void** state)
{
	fixture* f = *state;
	for (int i = 0; i < 200; i++) {
		as_config config;
		as_config_init(&config);
		as_config_add_hosts(&config, "a:1,b:2,c:tls:3", 3000);
		as_config_set_cluster_name(&config, "x");
		as_config_add_rack_id(&config, i);
		as_metrics_policy_add_label(&config.policies.metrics, "k", "v");
		f->allocated = aerospike_new(&config);
		assert_non_null(f->allocated);
		assert_int_equal(f->allocated->config.hosts->size, 3);
		aerospike_destroy(f->allocated);
		f->allocated = NULL;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_bad_configurations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_null_arguments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_init_destroy_cycles, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, nothing_left);
}
