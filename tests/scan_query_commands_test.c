/*
 * Scans and queries against a 3-node asim where the stock rules decide the
 * outcome: a node command that fails is not retried itself, its partitions
 * go to the next round on their other replica, so every record still
 * arrives exactly once; with no rounds left the call fails with the
 * sub-errors of every round, and a paginated scan's status shows what was
 * not read, so the next call reads exactly the rest; a callback that
 * answers false ends the scan successfully; bad arguments get stock's
 * errors. compat/key_twin_test.sh compares the ordinary calls with stock.
 * Against the real cluster AEROSPIKE_HOSTS names (test_cluster.h) the cases
 * that need asim's faults skip.
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/aerospike_query.h>
#include <aerospike/aerospike_scan.h>
#include <aerospike/as_partition_filter.h>
#include <aerospike/as_partition_tracker.h>
#include <aerospike/as_query.h>
#include <aerospike/as_scan.h>

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "asim_process.h"
#include "client_probe.h"
#include "test_cluster.h"

enum { kRecords = 300 };

static test_cluster g_cluster;
static aerospike g_as;
static const char* g_ns;
static char g_set[32];

typedef struct {
	uint32_t records;
	uint32_t ends;
	uint32_t stop_after;
	/* How many times each record (by its "i" bin) arrived. */
	uint8_t seen[kRecords];
} tally;

/* A concurrent scan calls back from one thread per node at once. */
static pthread_mutex_t g_count_lock = PTHREAD_MUTEX_INITIALIZER;

static bool count(const as_val* v, void* udata)
{
	tally* t = udata;
	pthread_mutex_lock(&g_count_lock);
	bool more = true;
	if (!v) {
		t->ends++;
	} else {
		int64_t i = as_record_get_int64((as_record*)v, "i", -1);
		if (i >= 0 && i < kRecords) {
			t->seen[i]++;
		}
		t->records++;
		more = t->stop_after == 0 || t->records < t->stop_after;
	}
	pthread_mutex_unlock(&g_count_lock);
	return more;
}

static uint32_t seen_once(const tally* t)
{
	uint32_t n = 0;
	for (int i = 0; i < kRecords; i++) {
		n += t->seen[i] == 1;
	}
	return n;
}

static void control(const char* request)
{
	char* answer = asim_info(g_cluster.asim.ports[0], request);
	assert_non_null(answer);
	assert_string_equal(answer, "ok");
	free(answer);
}

static void fault_all(const char* kind, int count_per_node)
{
	for (int i = 0; i < 3; i++) {
		char request[128];
		snprintf(request, sizeof request, "asim-fault:port=%u;kind=%s;count=%d", g_cluster.asim.ports[i],
			kind, count_per_node);
		control(request);
	}
}

static int group_setup(void** state)
{
	(void)state;
	if (!test_cluster_start(&g_cluster, "--nodes 3 --namespace test:2")) {
		return -1;
	}
	g_ns = test_namespace();
	test_unique_name(g_set, sizeof g_set, "sq");
	if (!test_cluster_connect(&g_cluster, &g_as)) {
		return -1;
	}
	for (int i = 0; i < kRecords; i++) {
		as_key k;
		as_key_init_int64(&k, g_ns, g_set, i);
		as_record rec;
		as_record_inita(&rec, 1);
		as_record_set_int64(&rec, "i", i);
		as_error err;
		if (aerospike_key_put(&g_as, &err, NULL, &k, &rec) != AEROSPIKE_OK) {
			return -1;
		}
	}
	return 0;
}

static int group_teardown(void** state)
{
	(void)state;
	bool dropped = test_cluster_drop_set(&g_as, g_set);
	as_error err;
	aerospike_close(&g_as, &err);
	aerospike_destroy(&g_as);
	test_cluster_stop(&g_cluster);
	return dropped ? 0 : -1;
}

static int clear(void** state)
{
	(void)state;
	if (!g_cluster.real) {
		free(asim_info(g_cluster.asim.ports[0], "asim-fault-clear"));
	}
	return 0;
}

static void test_every_record_once(void** state)
{
	(void)state;
	as_scan scan;
	as_scan_init(&scan, g_ns, g_set);
	tally* t = calloc(1, sizeof *t);
	as_error err;
	assert_int_equal(aerospike_scan_foreach(&g_as, &err, NULL, &scan, count, t), AEROSPIKE_OK);
	assert_int_equal(t->records, kRecords);
	assert_int_equal(seen_once(t), kRecords);
	assert_int_equal(t->ends, 1);
	as_scan_destroy(&scan);
	free(t);
}

/* Each node closes the first scan connection: the round fails everywhere,
 * and the next round (other replicas) reads everything once. */
static void test_failed_nodes_retry_next_round(void** state)
{
	(void)state;
	if (lacks_asim("connections closed by asim-fault")) {
		skip();
	}
	fault_all("close", 1);
	as_scan scan;
	as_scan_init(&scan, g_ns, g_set);
	as_scan_set_concurrent(&scan, true);
	tally* t = calloc(1, sizeof *t);
	as_error err;
	assert_int_equal(aerospike_scan_foreach(&g_as, &err, NULL, &scan, count, t), AEROSPIKE_OK);
	assert_int_equal(t->records, kRecords);
	assert_int_equal(seen_once(t), kRecords);
	as_scan_destroy(&scan);
	free(t);
}

/* No rounds left: the last failure's code, every failure listed. */
static void test_out_of_rounds(void** state)
{
	(void)state;
	if (lacks_asim("connections closed by asim-fault")) {
		skip();
	}
	fault_all("close", 0);
	as_policy_scan policy;
	as_policy_scan_init(&policy);
	policy.base.max_retries = 1;
	as_scan scan;
	as_scan_init(&scan, g_ns, g_set);
	tally* t = calloc(1, sizeof *t);
	as_error err;
	as_status st = aerospike_scan_foreach(&g_as, &err, &policy, &scan, count, t);
	assert_int_equal(st, AEROSPIKE_ERR_CONNECTION);
	assert_non_null(strstr(err.message, "sub-errors:"));
	assert_int_equal(t->ends, 0);
	as_scan_destroy(&scan);
	free(t);
}

/* A paginated scan that fails keeps what it read; the next call reads the
 * rest, and together they read every record once. */
static void test_resume_after_failure(void** state)
{
	(void)state;
	if (lacks_asim("a connection closed by asim-fault")) {
		skip();
	}
	as_policy_scan policy;
	as_policy_scan_init(&policy);
	policy.base.max_retries = 0;
	as_scan scan;
	as_scan_init(&scan, g_ns, g_set);
	as_scan_set_paginate(&scan, true);
	char request[128];
	snprintf(request, sizeof request, "asim-fault:port=%u;kind=close;count=1",
		g_cluster.asim.ports[1]);
	control(request);
	tally* t = calloc(1, sizeof *t);
	as_error err;
	assert_int_not_equal(aerospike_scan_foreach(&g_as, &err, &policy, &scan, count, t),
		AEROSPIKE_OK);
	assert_false(as_scan_is_done(&scan));
	uint32_t first = t->records;
	assert_true(first < kRecords);
	assert_int_equal(aerospike_scan_foreach(&g_as, &err, &policy, &scan, count, t), AEROSPIKE_OK);
	assert_true(as_scan_is_done(&scan));
	assert_int_equal(t->records, kRecords);
	assert_int_equal(seen_once(t), kRecords);
	as_scan_destroy(&scan);
	free(t);
}

static void test_callback_stops(void** state)
{
	(void)state;
	as_scan scan;
	as_scan_init(&scan, g_ns, g_set);
	tally* t = calloc(1, sizeof *t);
	t->stop_after = 10;
	as_error err;
	assert_int_equal(aerospike_scan_foreach(&g_as, &err, NULL, &scan, count, t), AEROSPIKE_OK);
	assert_int_equal(t->records, 10);
	as_scan_destroy(&scan);
	free(t);
}

static void test_partition_halves(void** state)
{
	(void)state;
	tally* t = calloc(1, sizeof *t);
	as_error err;
	for (int half = 0; half < 2; half++) {
		as_scan scan;
		as_scan_init(&scan, g_ns, g_set);
		as_partition_filter filter;
		as_partition_filter_set_range(&filter, (uint32_t)(half * 2048), 2048);
		assert_int_equal(
			aerospike_scan_partitions(&g_as, &err, NULL, &scan, &filter, count, t), AEROSPIKE_OK);
		as_scan_destroy(&scan);
	}
	assert_int_equal(seen_once(t), kRecords);
	free(t);
}

/* The exported tracker, as a program driving it sees it: every partition
 * assigned to the node that masters it, once. */
static void test_tracker_exports(void** state)
{
	(void)state;
	const int nodes = client_node_count(&g_as);
	assert_true(g_cluster.real || nodes == 3);
	as_policy_scan policy;
	as_policy_scan_init(&policy);
	as_partitions_status* resume = NULL;
	as_partition_tracker pt;
	as_error err;
	assert_int_equal(as_partition_tracker_init_nodes(&pt, g_as.cluster, &policy.base, 0,
						 AS_POLICY_REPLICA_MASTER, &resume, false, (uint32_t)nodes, &err),
		AEROSPIKE_OK);
	assert_int_equal(as_partition_tracker_assign(&pt, g_as.cluster, g_ns, &err), AEROSPIKE_OK);
	assert_int_equal(pt.node_parts.size, nodes);
	uint32_t parts = 0;
	for (uint32_t i = 0; i < pt.node_parts.size; i++) {
		as_node_partitions* np = as_vector_get(&pt.node_parts, i);
		parts += np->parts_full.size + np->parts_partial.size;
	}
	assert_int_equal(parts, 4096);
	assert_int_equal(as_partition_tracker_is_complete(&pt, g_as.cluster, &err), AEROSPIKE_OK);
	assert_true(pt.parts_all->done);
	as_partition_tracker_destroy(&pt);
	assert_int_equal(as_partition_tracker_assign(&pt, NULL, g_ns, &err) != AEROSPIKE_OK, 1);
}

static void test_bad_arguments(void** state)
{
	(void)state;
	as_error err;
	as_scan scan;
	as_scan_init(&scan, g_ns, g_set);
	assert_int_equal(aerospike_scan_foreach(&g_as, &err, NULL, NULL, count, NULL),
		AEROSPIKE_ERR_PARAM);
	as_policy_scan policy;
	as_policy_scan_init(&policy);
	policy.replica = AS_POLICY_REPLICA_RANDOM;
	assert_int_equal(aerospike_scan_foreach(&g_as, &err, &policy, &scan, count, NULL),
		AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "Invalid replica: AS_POLICY_REPLICA_RANDOM");
	as_partition_filter filter;
	as_partition_filter_set_range(&filter, 0, 0);
	assert_int_equal(aerospike_scan_partitions(&g_as, &err, NULL, &scan, &filter, count, NULL),
		AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "Invalid partition count 0");
	as_scan_destroy(&scan);

}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_every_record_once, clear),
		cmocka_unit_test_teardown(test_failed_nodes_retry_next_round, clear),
		cmocka_unit_test_teardown(test_out_of_rounds, clear),
		cmocka_unit_test_teardown(test_resume_after_failure, clear),
		cmocka_unit_test_teardown(test_callback_stops, clear),
		cmocka_unit_test_teardown(test_partition_halves, clear),
		cmocka_unit_test_teardown(test_tracker_exports, clear),
		cmocka_unit_test_teardown(test_bad_arguments, clear),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
