/*
 * as_config from a C user's point of view: every default after
 * as_config_init, host-string parsing through as_config_add_hosts, and the
 * string, user and rack helpers, including their error paths.
 */
#include <aerospike/aerospike.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static void check_base(const as_policy_base* b, uint32_t socket, uint32_t total, uint32_t retries,
	uint32_t sleep)
{
	assert_int_equal(b->connect_timeout, 0);
	assert_int_equal(b->socket_timeout, socket);
	assert_int_equal(b->total_timeout, total);
	assert_int_equal(b->timeout_delay, 3000);
	assert_int_equal(b->max_retries, retries);
	assert_int_equal(b->sleep_between_retries, sleep);
	assert_null(b->filter_exp);
	assert_null(b->txn);
	assert_false(b->compress);
}

static void test_defaults(void** state)
{
	(void)state;
	as_config c;
	memset(&c, 0x5A, sizeof(c));
	assert_ptr_equal(as_config_init(&c), &c);
	assert_null(c.hosts);
	for (size_t i = 0; i < sizeof(c.user); i++) {
		assert_int_equal(c.user[i], 0);
		assert_int_equal(c.password[i], 0);
	}
	assert_null(c.cluster_name);
	assert_null(c.app_id);
	assert_null(c.event_callback);
	assert_null(c.event_callback_udata);
	assert_null(c.ip_map);
	assert_int_equal(c.ip_map_size, 0);
	assert_int_equal(c.min_conns_per_node, 0);
	assert_int_equal(c.max_conns_per_node, 100);
	assert_int_equal(c.async_min_conns_per_node, 0);
	assert_int_equal(c.async_max_conns_per_node, 100);
	assert_int_equal(c.pipe_max_conns_per_node, 64);
	assert_int_equal(c.conn_pools_per_node, 1);
	assert_int_equal(c.conn_timeout_ms, 1000);
	assert_int_equal(c.login_timeout_ms, 5000);
	assert_int_equal(c.max_socket_idle, 0);
	assert_int_equal(c.max_error_rate, 100);
	assert_int_equal(c.error_rate_window, 1);
	assert_int_equal(c.tender_interval, 1000);
	assert_int_equal(c.thread_pool_size, 16);
	assert_int_equal(c.tend_thread_cpu, -1);
	assert_null(c.config_provider.path);
	assert_int_equal(c.config_provider.interval, 5000);
	assert_false(c.lua.cache_enabled);
	assert_string_equal(c.lua.user_path, "/opt/aerospike/client/usr/udf/lua");
	assert_false(c.tls.enable);
	assert_null(c.tls.cafile);
	assert_null(c.tls.certstring);
	assert_false(c.tls.for_login_only);
	assert_int_equal(c.auth_mode, AS_AUTH_INTERNAL);
	assert_true(c.fail_if_not_connected);
	assert_false(c.use_services_alternate);
	assert_false(c.force_single_node);
	assert_false(c.rack_aware);
	assert_int_equal(c.rack_id, 0);
	assert_null(c.rack_ids);
	/* The seed's shared-memory defaults; shm_key is aeroshim's 0xA5000000. */
	assert_false(c.use_shm);
	assert_int_equal((unsigned)c.shm_key, 0xA5000000u);
	assert_int_equal(c.shm_max_nodes, 16);
	assert_int_equal(c.shm_max_namespaces, 8);
	assert_int_equal(c.shm_takeover_threshold_sec, 30);

	const as_policies* p = &c.policies;
	check_base(&p->read.base, 30000, 1000, 2, 0);
	assert_int_equal(p->read.replica, AS_POLICY_REPLICA_SEQUENCE);
	assert_true(p->read.deserialize);
	check_base(&p->write.base, 30000, 1000, 0, 0);
	assert_int_equal(p->write.exists, AS_POLICY_EXISTS_IGNORE);
	check_base(&p->operate.base, 30000, 1000, 0, 0);
	assert_true(p->operate.deserialize);
	check_base(&p->remove.base, 30000, 1000, 0, 0);
	check_base(&p->apply.base, 30000, 1000, 0, 0);
	check_base(&p->batch.base, 30000, 1000, 2, 0);
	assert_true(p->batch.allow_inline);
	assert_true(p->batch.respond_all_keys);
	assert_true(p->batch.send_set_name);
	check_base(&p->batch_parent_write.base, 30000, 1000, 0, 0);
	assert_null(p->batch_write.filter_exp);
	check_base(&p->scan.base, 30000, 0, 5, 0);
	check_base(&p->query.base, 30000, 0, 5, 0);
	assert_int_equal(p->query.info_timeout, 10000);
	assert_int_equal(p->info.timeout, 1000);
	assert_int_equal(p->info.timeout_delay, 3000);
	assert_true(p->info.send_as_is);
	assert_true(p->info.check_bounds);
	assert_int_equal(p->admin.timeout, 1000);
	check_base(&p->txn_verify.base, 3000, 10000, 5, 1000);
	assert_int_equal(p->txn_verify.replica, AS_POLICY_REPLICA_MASTER);
	assert_int_equal(p->txn_verify.read_mode_sc, AS_POLICY_READ_MODE_SC_LINEARIZE);
	check_base(&p->txn_roll.base, 3000, 10000, 5, 1000);
	assert_int_equal(p->txn_roll.read_mode_sc, AS_POLICY_READ_MODE_SC_SESSION);
	assert_null(p->metrics.labels);
	assert_string_equal(p->metrics.report_dir, ".");
	assert_int_equal(p->metrics.interval, 30);
	assert_int_equal(p->metrics.latency_columns, 7);
	assert_int_equal(p->metrics.latency_shift, 1);
	assert_false(p->metrics.enable);
	as_config_destroy(&c);
}

static const as_host* host_at(as_config* c, uint32_t i)
{
	return (const as_host*)as_vector_get(c->hosts, i);
}

static void test_add_hosts(void** state)
{
	(void)state;
	as_config c;
	as_config_init(&c);
	assert_true(as_config_add_hosts(&c, "a:3001,[::1]:3002,b:tls-b:4333,c", 3000));
	assert_int_equal(c.hosts->size, 4);
	assert_string_equal(host_at(&c, 0)->name, "a");
	assert_int_equal(host_at(&c, 0)->port, 3001);
	assert_null(host_at(&c, 0)->tls_name);
	assert_string_equal(host_at(&c, 1)->name, "::1");
	assert_int_equal(host_at(&c, 1)->port, 3002);
	assert_string_equal(host_at(&c, 2)->tls_name, "tls-b");
	assert_int_equal(host_at(&c, 2)->port, 4333);
	assert_string_equal(host_at(&c, 3)->name, "c");
	assert_int_equal(host_at(&c, 3)->port, 3000);

	/* A malformed list adds nothing at all, whatever its good prefix. */
	static const char* const bad[] = {"", "a:", "a:0", "a:70000", "a:x", "[::1", "[]:3000",
		"a,,b", ":3000", "a:tls:", "a::3000", "[::1]x"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_false(as_config_add_hosts(&c, bad[i], 3000));
		assert_int_equal(c.hosts->size, 4);
	}
	as_config_clear_hosts(&c);
	assert_int_equal(c.hosts->size, 0);
	as_config_add_host(&c, "127.0.0.1", 3000);
	as_config_tls_add_host(&c, "127.0.0.2", "name", 4000);
	assert_int_equal(c.hosts->size, 2);
	assert_string_equal(host_at(&c, 1)->tls_name, "name");
	as_config_destroy(&c);
}

static void test_strings_user_racks(void** state)
{
	(void)state;
	as_config c;
	as_config_init(&c);
	as_config_set_cluster_name(&c, "prod");
	assert_string_equal(c.cluster_name, "prod");
	as_config_set_cluster_name(&c, NULL);
	assert_null(c.cluster_name);
	assert_true(as_config_set_user(&c, "alice", "secret"));
	assert_string_equal(c.user, "alice");
	assert_false(as_config_set_user(&c, "", "x"));
	assert_false(as_config_set_user(&c, NULL, "x"));
	char long_name[100];
	memset(long_name, 'u', sizeof(long_name) - 1);
	long_name[99] = 0;
	assert_false(as_config_set_user(&c, long_name, "x"));
	as_config_add_rack_id(&c, 3);
	as_config_add_rack_id(&c, 7);
	assert_int_equal(c.rack_ids->size, 2);
	assert_int_equal(*(int*)as_vector_get(c.rack_ids, 1), 7);
	as_auth_mode mode = AS_AUTH_INTERNAL;
	assert_true(as_auth_mode_from_string(&mode, "pki"));
	assert_int_equal(mode, AS_AUTH_PKI);
	assert_false(as_auth_mode_from_string(&mode, "kerberos"));
	as_config_tls_set_cafile(&c, "/ca.pem");
	as_config_destroy(&c);
	/* NULL arguments are ignored, not dereferenced. */
	as_config_destroy(NULL);
	as_config_add_host(NULL, "x", 1);
	assert_false(as_config_add_hosts(NULL, "x", 1));
}

static int log_calls;
static char last_log[256];

static bool capture_log(as_log_level level, const char* func, const char* file, uint32_t line,
	const char* fmt, ...)
{
	(void)level; (void)func; (void)file; (void)line;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_log, sizeof(last_log), fmt, ap);
	va_end(ap);
	log_calls++;
	return true;
}

static void test_logging(void** state)
{
	(void)state;
	as_config c;
	as_config_init(&c);
	/* No callback: nothing is reported (as stock). */
	assert_false(as_config_add_hosts(&c, "a:0", 3000));
	assert_int_equal(log_calls, 0);
	as_log_set_callback(capture_log);
	as_log_set_level(AS_LOG_LEVEL_WARN);
	assert_false(as_config_add_hosts(&c, "a:0", 3000));
	assert_int_equal(log_calls, 1);
	assert_non_null(strstr(last_log, "'a:0'"));
	/* Below the level: not even formatted. */
	as_log_set_level(AS_LOG_LEVEL_ERROR);
	assert_false(as_config_add_hosts(&c, "b:0", 3000));
	assert_int_equal(log_calls, 1);
	g_as_log.callback = NULL;
	as_config_destroy(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_add_hosts),
		cmocka_unit_test(test_strings_user_racks),
		cmocka_unit_test(test_logging),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
