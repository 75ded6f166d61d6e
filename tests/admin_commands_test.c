/*
 * Truncate and secondary-index management through the public API against
 * asim or the real cluster AEROSPIKE_HOSTS names (test_cluster.h; index
 * names carry the pid, as the set does, since a namespace's are shared):
 * what a truncate removes (records last updated before the cut) and keeps,
 * the index forms the key script does not cover (an expression index, a set
 * index with no bin), the wait's contract, and bad arguments (a clear
 * AEROSPIKE_ERR_PARAM naming the argument, never a crash).
 * compat/key_twin_test.sh compares the common cases with the stock client.
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_index.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_exp.h>
#include <aerospike/as_record.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "test_cluster.h"

static test_cluster g_cluster;
static aerospike g_as;
static const char* g_ns;
static char g_set[32];
static char g_by_exp[32];
static char g_by_set[32];
static char g_by_bin[32];

static int group_setup(void** state)
{
	(void)state;
	if (!test_cluster_start(&g_cluster, "--nodes 3 --namespace test:2")) {
		return -1;
	}
	g_ns = test_namespace();
	test_unique_name(g_set, sizeof g_set, "admin");
	test_unique_name(g_by_exp, sizeof g_by_exp, "by_exp");
	test_unique_name(g_by_set, sizeof g_by_set, "by_set");
	test_unique_name(g_by_bin, sizeof g_by_bin, "by_bin");
	return test_cluster_connect(&g_cluster, &g_as) ? 0 : -1;
}

/* The indexes are removed by their test unless it failed first: removed
 * again here for that case, whatever the answer. */
static int group_teardown(void** state)
{
	(void)state;
	as_error err;
	aerospike_index_remove(&g_as, &err, NULL, g_ns, g_by_exp);
	aerospike_index_remove(&g_as, &err, NULL, g_ns, g_by_set);
	aerospike_index_remove(&g_as, &err, NULL, g_ns, g_by_bin);
	bool dropped = test_cluster_drop_set(&g_as, g_set);
	aerospike_close(&g_as, &err);
	aerospike_destroy(&g_as);
	test_cluster_stop(&g_cluster);
	return dropped ? 0 : -1;
}

static void put(const char* key)
{
	as_key k;
	as_key_init_str(&k, g_ns, g_set, key);
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "v", 1);
	as_error err;
	assert_int_equal(aerospike_key_put(&g_as, &err, NULL, &k, &rec), AEROSPIKE_OK);
	as_record_destroy(&rec);
}

static as_status get(const char* key)
{
	as_key k;
	as_key_init_str(&k, g_ns, g_set, key);
	as_record* rec = NULL;
	as_error err;
	as_status st = aerospike_key_get(&g_as, &err, NULL, &k, &rec);
	as_record_destroy(rec);
	return st;
}

static uint64_t wall_ns(void)
{
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

/* Sleeps until the wall clock has moved `ms` past `since_ns`. */
static void await_wall_clock(uint64_t since_ns, uint64_t ms)
{
	const struct timespec nap = { 0, 250000 };
	while (wall_ns() < since_ns + ms * 1000000u) {
		nanosleep(&nap, NULL);
	}
}

static void test_truncate_by_time(void** state)
{
	(void)state;
	put("old");
	const uint64_t after_old = wall_ns();
	await_wall_clock(after_old, 2);
	const uint64_t cut = wall_ns();
	await_wall_clock(cut, 2);
	put("new");
	as_error err;
	/* The cut lies between the two writes: only the older goes. */
	assert_int_equal(aerospike_truncate(&g_as, &err, NULL, g_ns, g_set, cut), AEROSPIKE_OK);
	assert_int_equal(get("old"), AEROSPIKE_ERR_RECORD_NOT_FOUND);
	assert_int_equal(get("new"), AEROSPIKE_OK);
	/* A rewrite after the truncate is a new record. */
	put("old");
	assert_int_equal(get("old"), AEROSPIKE_OK);
}

static void test_expression_and_set_indexes(void** state)
{
	(void)state;
	as_exp_build(exp, as_exp_bin_int("v"));
	assert_non_null(exp);
	as_error err;
	as_index_task task;
	memset(&task, 0, sizeof task);
	assert_int_equal(aerospike_index_create_exp(&g_as, &err, &task, NULL, g_ns, g_set, g_by_exp,
		AS_INDEX_TYPE_DEFAULT, AS_INDEX_NUMERIC, exp), AEROSPIKE_OK);
	assert_string_equal(task.name, g_by_exp);
	assert_int_equal(task.total_timeout, 30000);
	assert_int_equal(aerospike_index_create_wait(&err, &task, 10), AEROSPIKE_OK);
	assert_true(task.done);
	/* Done is remembered: no request, no sleep. */
	assert_int_equal(aerospike_index_create_wait(&err, &task, 60000), AEROSPIKE_OK);
	as_exp_destroy(exp);
	assert_int_equal(aerospike_index_remove(&g_as, &err, NULL, g_ns, g_by_exp), AEROSPIKE_OK);

	assert_int_equal(aerospike_index_create_ctx(&g_as, &err, NULL, NULL, g_ns, g_set, NULL,
		g_by_set, AS_INDEX_TYPE_SET, AS_INDEX_STRING, NULL), AEROSPIKE_OK);
	assert_int_equal(aerospike_index_remove(&g_as, &err, NULL, g_ns, g_by_set), AEROSPIKE_OK);

	/* The header's inline wrappers reach the same functions. */
	assert_int_equal(aerospike_index_create(&g_as, &err, NULL, NULL, g_ns, g_set, "v", g_by_bin,
		AS_INDEX_NUMERIC), AEROSPIKE_OK);
	assert_int_equal(aerospike_index_remove(&g_as, &err, NULL, g_ns, g_by_bin), AEROSPIKE_OK);
}

static void test_bad_arguments(void** state)
{
	(void)state;
	as_error err;
	assert_int_equal(aerospike_truncate(&g_as, &err, NULL, NULL, g_set, 0), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "ns is NULL"));
	assert_int_equal(aerospike_index_create_ctx(&g_as, &err, NULL, NULL, g_ns, g_set, NULL, "x",
		AS_INDEX_TYPE_DEFAULT, AS_INDEX_NUMERIC, NULL), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "bin_name"));
	assert_int_equal(aerospike_index_create_ctx(&g_as, &err, NULL, NULL, g_ns, g_set, "v", NULL,
		AS_INDEX_TYPE_DEFAULT, AS_INDEX_NUMERIC, NULL), AEROSPIKE_ERR_PARAM);
	assert_int_equal(aerospike_index_remove(&g_as, &err, NULL, g_ns, NULL), AEROSPIKE_ERR_PARAM);
	assert_int_equal(aerospike_index_create_wait(&err, NULL, 10), AEROSPIKE_ERR_PARAM);
	as_index_task blank;
	memset(&blank, 0, sizeof blank);
	assert_int_equal(aerospike_index_create_wait(&err, &blank, 10), AEROSPIKE_ERR_PARAM);

	aerospike unconnected;
	as_config config;
	as_config_init(&config);
	aerospike_init(&unconnected, &config);
	assert_int_equal(aerospike_truncate(&unconnected, &err, NULL, g_ns, g_set, 0),
		AEROSPIKE_ERR_CLIENT);
	assert_int_equal(aerospike_index_remove(&unconnected, &err, NULL, g_ns, "x"),
		AEROSPIKE_ERR_CLIENT);
	aerospike_destroy(&unconnected);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_truncate_by_time),
		cmocka_unit_test(test_expression_and_set_indexes),
		cmocka_unit_test(test_bad_arguments),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
