/*
 * What a command does when a node misbehaves, driven by asim's fault
 * injection (asim-fault): a node that never answers (client timeout, then a
 * retry on the other replica for a read; the final message names socket,
 * total, iterations and the last node), closes the connection (CONNECTION,
 * a write in doubt), answers garbage or declares a 2^40-byte body (CLIENT
 * errors naming what was wrong, not retried), or sends half an answer and
 * stops (a timeout, never a hang past the total timeout); and the circuit
 * breaker, which refuses a node past max_error_rate errors in its window.
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_partition.h>
#include <aerospike/as_record.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "asim_process.h"
#include "client_probe.h"

static asim_process g_asim;
static aerospike g_as;
static as_key g_key;
static uint16_t g_master;   /* port of the key's master */
static uint16_t g_replica;  /* port of its other replica */

static void fault(uint16_t port, const char* kind, int count)
{
	char request[128];
	snprintf(request, sizeof request, "asim-fault:port=%u;kind=%s;count=%d", port, kind, count);
	char* answer = asim_info(g_asim.ports[0], request);
	assert_non_null(answer);
	assert_string_equal(answer, "ok");
	free(answer);
}

static void clear_faults(void)
{
	char* answer = asim_info(g_asim.ports[0], "asim-fault-clear");
	assert_non_null(answer);
	free(answer);
}

/* The port of the node named `name`, from asim-stats. */
static uint16_t port_of(const char* name)
{
	char* stats = asim_info(g_asim.ports[0], "asim-stats");
	assert_non_null(stats);
	char* at = strstr(stats, name);
	assert_non_null(at);
	while (at > stats && at[-1] != ';') {
		at--;
	}
	uint16_t port = (uint16_t)atoi(at);
	free(stats);
	return port;
}

static int group_setup(void** state)
{
	(void)state;
	if (!asim_start(&g_asim, "--nodes 3 --namespace test:2")) {
		return -1;
	}
	if (!client_connect_local(&g_as, g_asim.ports[0])) {
		return -1;
	}
	as_error err;
	char set[32];
	snprintf(set, sizeof set, "faults%d", (int)getpid());
	as_key_init_str(&g_key, "test", set, "k");
	as_key_set_digest(&err, &g_key);
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "v", 1);
	if (aerospike_key_put(&g_as, &err, NULL, &g_key, &rec) != AEROSPIKE_OK) {
		return -1;
	}
	/* The key's replicas, master first, from asim's own table. */
	char* owners = asim_info(g_asim.ports[0], "asim-ownership:ns=test");
	uint32_t partition = as_partition_getid(g_key.digest.value, 4096);
	char* entry = owners;
	for (uint32_t p = 0; p < partition; p++) {
		entry = strchr(entry, ';') + 1;
	}
	char master[32] = {0}, replica[32] = {0};
	sscanf(entry, "%31[^,],%31[^;]", master, replica);
	free(owners);
	g_master = port_of(master);
	g_replica = port_of(replica);
	return 0;
}

static int group_teardown(void** state)
{
	(void)state;
	client_close_local(&g_as);
	asim_stop(&g_asim);
	return 0;
}

static int teardown(void** state)
{
	(void)state;
	clear_faults();
	return 0;
}

static as_policy_read read_policy(uint32_t socket, uint32_t total, uint32_t retries)
{
	as_policy_read p;
	as_policy_read_init(&p);
	p.base.socket_timeout = socket;
	p.base.total_timeout = total;
	p.base.max_retries = retries;
	p.base.timeout_delay = 0;
	return p;
}

static uint64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static as_status get(const as_policy_read* p, as_error* err)
{
	as_record* rec = NULL;
	as_status status = aerospike_key_get(&g_as, err, p, &g_key, &rec);
	as_record_destroy(rec);
	return status;
}

static void test_silent_master_read_retried_on_replica(void** state)
{
	(void)state;
	fault(g_master, "drop", 1);
	long before = asim_stat(g_asim.ports[0], g_replica, "reads");
	as_policy_read p = read_policy(150, 2000, 2);
	as_error err;
	assert_int_equal(get(&p, &err), AEROSPIKE_OK);
	assert_int_equal(asim_stat(g_asim.ports[0], g_replica, "reads"), before + 1);
}

static void test_final_client_timeout_message(void** state)
{
	(void)state;
	fault(g_master, "drop", 0);
	fault(g_replica, "drop", 0);
	as_policy_read p = read_policy(100, 300, 2);
	as_error err;
	uint64_t start = now_ms();
	assert_int_equal(get(&p, &err), AEROSPIKE_ERR_TIMEOUT);
	uint64_t took = now_ms() - start;
	assert_true(took >= 290 && took < 2000); /* bounded by the total timeout */
	assert_non_null(strstr(err.message, "Client timeout: socket=100 total=300 iterations="));
	assert_non_null(strstr(err.message, "lastNode=127.0.0.1:"));
	assert_false(err.in_doubt); /* a read */
}

static void test_closed_connection_puts_a_write_in_doubt(void** state)
{
	(void)state;
	fault(g_master, "close-mid", 1);
	as_policy_write p;
	as_policy_write_init(&p);
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "v", 2);
	as_error err;
	assert_int_equal(aerospike_key_put(&g_as, &err, &p, &g_key, &rec), AEROSPIKE_ERR_CONNECTION);
	assert_true(err.in_doubt);
	as_record_destroy(&rec);
}

static void test_garbage_and_huge_length_are_client_errors(void** state)
{
	(void)state;
	as_policy_read p = read_policy(0, 1000, 2);
	as_error err;
	fault(g_master, "garbage", 1);
	assert_int_equal(get(&p, &err), AEROSPIKE_ERR_CLIENT);
	assert_string_equal(err.message, "Invalid proto version: 222 Expected: 2");
	fault(g_master, "huge-length", 1);
	assert_int_equal(get(&p, &err), AEROSPIKE_ERR_CLIENT);
	assert_string_equal(err.message, "Invalid proto size: 1099511627776");
	/* Both sockets were closed, and the node still answers on a new one. */
	assert_int_equal(get(&p, &err), AEROSPIKE_OK);
}

static void test_truncated_answer_times_out(void** state)
{
	(void)state;
	fault(g_master, "truncate", 1);
	as_policy_read p = read_policy(0, 200, 0);
	as_error err;
	uint64_t start = now_ms();
	assert_int_equal(get(&p, &err), AEROSPIKE_ERR_TIMEOUT);
	assert_true(now_ms() - start < 2000);
	assert_int_equal(get(&p, &err), AEROSPIKE_OK);
}

static void test_breaker_refuses_a_failing_node(void** state)
{
	(void)state;
	/* A client of its own: the breaker counts per client and node, and the
	 * other tests' errors must not count here. */
	as_config config;
	as_config_init(&config);
	as_config_add_host(&config, "127.0.0.1", g_asim.ports[0]);
	config.max_error_rate = 3;
	config.error_rate_window = 100; /* 100 tends: the window outlasts the test */
	aerospike as;
	aerospike_init(&as, &config);
	as_error err;
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_OK);
	fault(g_master, "drop", 0);
	as_policy_write p;
	as_policy_write_init(&p);
	p.base.total_timeout = 50;
	p.base.timeout_delay = 0;
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "v", 3);
	/* max_error_rate 3: the fourth timeout in the window trips it. */
	for (int i = 0; i < 4; i++) {
		assert_int_equal(aerospike_key_put(&as, &err, &p, &g_key, &rec), AEROSPIKE_ERR_TIMEOUT);
	}
	assert_int_equal(aerospike_key_put(&as, &err, &p, &g_key, &rec), AEROSPIKE_MAX_ERROR_RATE);
	assert_string_equal(err.message, "Max error rate exceeded");
	assert_false(err.in_doubt); /* never sent */
	/* Another client's breaker is its own: the node serves it. */
	clear_faults();
	assert_int_equal(aerospike_key_put(&g_as, &err, NULL, &g_key, &rec), AEROSPIKE_OK);
	as_record_destroy(&rec);
	aerospike_close(&as, &err);
	aerospike_destroy(&as);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_silent_master_read_retried_on_replica, teardown),
		cmocka_unit_test_teardown(test_final_client_timeout_message, teardown),
		cmocka_unit_test_teardown(test_closed_connection_puts_a_write_in_doubt, teardown),
		cmocka_unit_test_teardown(test_garbage_and_huge_length_are_client_errors, teardown),
		cmocka_unit_test_teardown(test_truncated_answer_times_out, teardown),
		cmocka_unit_test_teardown(test_breaker_refuses_a_failing_node, teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
