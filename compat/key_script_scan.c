/*
 * The scan part of the key script: foreground scans of this run's set,
 * whole and by partition range, paginated, per node, projected, with a
 * record limit, a filter expression and a callback that stops early, and
 * the errors of bad arguments. Scans stream records in node and partition
 * order, so each call prints what does not depend on the order: how many
 * records came, the sum of their "n" bins and how many bins they carried.
 * The scanned set is this run's set with an "s": only this part writes it.
 * Queries of the same set follow, on a numeric and a string index that are
 * removed again at the end.
 *
 * The callback must be thread safe: 7.4.0 runs a query on a cluster of
 * several nodes (and a concurrent scan) with one thread per node, each
 * calling it as its node's records arrive. Unguarded counters lose updates
 * when two calls overlap (a record seems missing about once in 20 runs).
 */
#include "key_script.h"

#include <aerospike/aerospike_index.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/aerospike_query.h>
#include <aerospike/aerospike_scan.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_exp.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_job.h>
#include <aerospike/as_partition.h>
#include <aerospike/as_scan.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The scanned keys: s0 .. s39. */
#define KEYS 40

static char g_scan_set[40];

typedef struct {
	uint32_t records;
	uint32_t ends; /* NULL calls */
	int64_t sum;
	uint32_t bins;
	uint32_t stop_after; /* 0: never stop */
} tally;

/* One lock for every tally: the script counts one call at a time. */
static pthread_mutex_t g_tally_lock = PTHREAD_MUTEX_INITIALIZER;

static bool count_record(const as_val* v, void* udata)
{
	tally* t = udata;
	pthread_mutex_lock(&g_tally_lock);
	bool more = true;
	if (!v) {
		t->ends++;
	}
	else {
		const as_record* rec = (const as_record*)v;
		t->records++;
		t->bins += rec->bins.size;
		t->sum += as_record_get_int64((as_record*)rec, "n", 0);
		more = t->stop_after == 0 || t->records < t->stop_after;
	}
	pthread_mutex_unlock(&g_tally_lock);
	return more;
}

static void report_tally(const char* name, as_status st, const as_error* err, const tally* t)
{
	report(name, st, err, NULL, -1);
	printf("    records=%u ends=%u sum=%lld bins=%u\n", t->records, t->ends, (long long)t->sum,
		t->bins);
}

static as_key* scan_key(as_key* k, int64_t n);

static void put_n(int64_t n)
{
	as_key k;
	scan_key(&k, n);
	as_record rec;
	as_record_inita(&rec, 2);
	as_record_set_int64(&rec, "n", n);
	as_record_set_str(&rec, "t", n % 2 ? "odd" : "even");
	as_error err;
	aerospike_key_put(&g_as, &err, NULL, &k, &rec);
	as_record_destroy(&rec);
	as_key_destroy(&k);
}

static const char name_stopped[] = "scan_foreach stopped";

static void scan_whole(void)
{
	as_error err;
	as_scan scan;
	as_scan_init(&scan, NS, g_scan_set);
	tally t = {0};
	as_status st = aerospike_scan_foreach(&g_as, &err, NULL, &scan, count_record, &t);
	report_tally("scan_foreach", st, &err, &t);

	as_scan_select_inita(&scan, 1);
	as_scan_select(&scan, "n");
	memset(&t, 0, sizeof t);
	st = aerospike_scan_foreach(&g_as, &err, NULL, &scan, count_record, &t);
	report_tally("scan_foreach select", st, &err, &t);
	as_scan_destroy(&scan);

	as_scan_init(&scan, NS, g_scan_set);
	as_scan_set_nobins(&scan, true);
	as_scan_set_concurrent(&scan, true);
	memset(&t, 0, sizeof t);
	st = aerospike_scan_foreach(&g_as, &err, NULL, &scan, count_record, &t);
	report_tally("scan_foreach nobins concurrent", st, &err, &t);
	as_scan_destroy(&scan);

	as_scan_init(&scan, NS, g_scan_set);
	memset(&t, 0, sizeof t);
	t.stop_after = 5;
	st = aerospike_scan_foreach(&g_as, &err, NULL, &scan, count_record, &t);
	/* Which five come first depends on where the keys landed. */
	report(name_stopped, st, &err, NULL, -1);
	printf("    records=%u ends=%u\n", t.records, t.ends);

	as_policy_scan policy;
	as_policy_scan_init(&policy);
	as_exp_build(odd, as_exp_cmp_eq(as_exp_bin_str("t"), as_exp_str("odd")));
	policy.base.filter_exp = odd;
	memset(&t, 0, sizeof t);
	st = aerospike_scan_foreach(&g_as, &err, &policy, &scan, count_record, &t);
	report_tally("scan_foreach filtered", st, &err, &t);
	as_exp_destroy(odd);
	as_scan_destroy(&scan);
}

static as_key* scan_key(as_key* k, int64_t n)
{
	char name[16];
	snprintf(name, sizeof name, "s%lld", (long long)n);
	return as_key_init_strp(k, NS, g_scan_set, strdup(name), true);
}

/* How many of the keys have their partition in [begin, begin + count). */
static uint32_t keys_in(uint32_t begin, uint32_t count)
{
	uint32_t n = 0;
	for (int64_t i = 0; i < KEYS; i++) {
		as_key k;
		scan_key(&k, i);
		uint32_t part = as_partition_getid(as_key_digest(&k)->value, 4096);
		if (part >= begin && part < begin + count) {
			n++;
		}
		as_key_destroy(&k);
	}
	return n;
}

static void scan_limited(void)
{
	as_error err;
	as_scan scan;
	as_scan_init(&scan, NS, g_scan_set);
	as_scan_set_paginate(&scan, true);
	as_policy_scan policy;
	as_policy_scan_init(&policy);
	policy.max_records = 7;
	tally t = {0};
	uint32_t pages = 0;
	as_status st = AEROSPIKE_OK;
	while (!as_scan_is_done(&scan) && pages < 20 && st == AEROSPIKE_OK) {
		st = aerospike_scan_foreach(&g_as, &err, &policy, &scan, count_record, &t);
		pages++;
	}
	/* How many pages it takes depends on how the keys spread over the
	 * nodes (a node that fills its share gets another page). */
	report("scan paginated", st, &err, NULL, -1);
	printf("    records=%u sum=%lld done=%d\n", t.records, (long long)t.sum,
		as_scan_is_done(&scan) ? 1 : 0);
	as_scan_destroy(&scan);

	as_scan_init(&scan, NS, g_scan_set);
	as_partition_filter filter;
	as_partition_filter_set_range(&filter, 1000, 2000);
	memset(&t, 0, sizeof t);
	st = aerospike_scan_partitions(&g_as, &err, NULL, &scan, &filter, count_record, &t);
	/* The keys' partitions depend on this run's set: the count is checked
	 * against the keys' own digests. */
	report("scan_partitions range", st, &err, NULL, -1);
	printf("    ends=%u as_expected=%d\n", t.ends, t.records == keys_in(1000, 2000) ? 1 : 0);
	as_scan_destroy(&scan);

	as_scan_init(&scan, NS, g_scan_set);
	as_partition_filter_set_range(&filter, 4000, 200);
	memset(&t, 0, sizeof t);
	st = aerospike_scan_partitions(&g_as, &err, NULL, &scan, &filter, count_record, &t);
	report_tally("scan_partitions bad range", st, &err, &t);
	as_scan_destroy(&scan);
}

static void scan_nodes(void)
{
	as_error err;
	char* names = NULL;
	int n = 0;
	as_cluster_get_node_names(g_as.cluster, &n, &names);
	tally t = {0};
	as_status worst = AEROSPIKE_OK;
	for (int i = 0; i < n; i++) {
		as_scan scan;
		as_scan_init(&scan, NS, g_scan_set);
		as_status st = aerospike_scan_node(&g_as, &err, NULL, &scan, names + i * AS_NODE_NAME_SIZE,
			count_record, &t);
		if (st != AEROSPIKE_OK) {
			worst = st;
		}
		as_scan_destroy(&scan);
	}
	free(names);
	report_tally("scan_node every node", worst, &err, &t);

	as_scan scan;
	as_scan_init(&scan, NS, g_scan_set);
	memset(&t, 0, sizeof t);
	as_status st = aerospike_scan_node(&g_as, &err, NULL, &scan, "BB9000000000000", count_record, &t);
	report_tally("scan_node unknown", st, &err, &t);
	as_scan_destroy(&scan);

	as_scan_init(&scan, "nosuch", g_scan_set);
	memset(&t, 0, sizeof t);
	st = aerospike_scan_foreach(&g_as, &err, NULL, &scan, count_record, &t);
	report_tally("scan_foreach unknown namespace", st, &err, &t);
	as_scan_destroy(&scan);
}

/* Prints how many records of the set carry `bin` and the sum of its values. */
static void count_bin(const char* bin)
{
	as_error err;
	as_scan scan;
	as_scan_init(&scan, NS, g_scan_set);
	tally t = {0};
	as_status st = aerospike_scan_foreach(&g_as, &err, NULL, &scan, count_record, &t);
	as_scan_destroy(&scan);
	(void)st;
	printf("    with %s: ", bin);
	/* count_record sums "n"; count the bin itself here. */
	as_scan_init(&scan, NS, g_scan_set);
	as_scan_select_inita(&scan, 1);
	as_scan_select(&scan, bin);
	memset(&t, 0, sizeof t);
	st = aerospike_scan_foreach(&g_as, &err, NULL, &scan, count_record, &t);
	printf("status=%d bins=%u\n", (int)st, t.bins);
	as_scan_destroy(&scan);
}

static void scan_background(void)
{
	as_error err;
	as_scan scan;
	as_scan_init(&scan, NS, g_scan_set);
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_write_int64(&ops, "bg", 2);
	scan.ops = &ops;
	uint64_t id = 0;
	as_status st = aerospike_scan_background(&g_as, &err, NULL, &scan, &id);
	report("scan_background", st, &err, NULL, -1);
	if (st == AEROSPIKE_OK) {
		st = aerospike_scan_wait(&g_as, &err, NULL, id, 20);
		report("scan_wait", st, &err, NULL, -1);
		as_scan_info info;
		st = aerospike_scan_info(&g_as, &err, NULL, id, &info);
		report("scan_info", st, &err, NULL, -1);
		printf("    status=%d records=%u\n", (int)info.status, info.records_scanned);
	}
	scan.ops = NULL;
	as_operations_destroy(&ops);
	as_scan_destroy(&scan);
	count_bin("bg");

	as_scan_init(&scan, NS, g_scan_set);
	st = aerospike_scan_background(&g_as, &err, NULL, &scan, &id);
	report("scan_background nothing to do", st, &err, NULL, -1);
	as_scan_destroy(&scan);

	as_job_info job;
	st = aerospike_job_info(&g_as, &err, NULL, "scan", 12345, false, &job);
	report("job_info unknown id", st, &err, NULL, -1);
	printf("    status=%d\n", (int)job.status);
}

#define QUERY_NUM "twin_query_num"
#define QUERY_STR "twin_query_str"

static void make_index(const char* index, const char* bin, as_index_datatype type)
{
	as_error err;
	as_index_task task;
	memset(&task, 0, sizeof task);
	as_status st = aerospike_index_create(&g_as, &err, &task, NULL, NS, g_scan_set, bin, index,
		type);
	if (st == AEROSPIKE_OK) {
		st = aerospike_index_create_wait(&err, &task, 10);
	}
	report("query index create", st, &err, NULL, -1);
}

static void run_query(const char* name, as_query* query, const as_policy_query* policy)
{
	as_error err;
	tally t = {0};
	as_status st = aerospike_query_foreach(&g_as, &err, policy, query, count_record, &t);
	report_tally(name, st, &err, &t);
}

static void queries(void)
{
	make_index(QUERY_NUM, "n", AS_INDEX_NUMERIC);
	make_index(QUERY_STR, "t", AS_INDEX_STRING);
	as_query query;
	as_query_init(&query, NS, g_scan_set);
	as_query_where_inita(&query, 1);
	as_query_where(&query, "n", as_integer_equals(7));
	run_query("query_foreach equals", &query, NULL);
	as_query_destroy(&query);

	as_query_init(&query, NS, g_scan_set);
	as_query_where_inita(&query, 1);
	as_query_where(&query, "n", as_integer_range(10, 19));
	as_query_select_inita(&query, 1);
	as_query_select(&query, "n");
	run_query("query_foreach range select", &query, NULL);
	as_query_destroy(&query);

	as_query_init(&query, NS, g_scan_set);
	as_query_where_inita(&query, 1);
	as_query_where(&query, "t", as_string_equals("odd"));
	as_policy_query policy;
	as_policy_query_init(&policy);
	as_exp_build(small, as_exp_cmp_lt(as_exp_bin_int("n"), as_exp_int(11)));
	policy.base.filter_exp = small;
	run_query("query_foreach string filtered", &query, &policy);
	as_exp_destroy(small);
	query.no_bins = true;
	run_query("query_foreach string nobins", &query, NULL);
	as_query_destroy(&query);

	as_query_init(&query, NS, g_scan_set);
	as_query_where_inita(&query, 1);
	as_query_where(&query, "n", as_integer_range(0, 100));
	as_query_set_paginate(&query, true);
	query.max_records = 9;
	tally t = {0};
	uint32_t pages = 0;
	as_error err;
	as_status st = AEROSPIKE_OK;
	while (!as_query_is_done(&query) && pages < 20 && st == AEROSPIKE_OK) {
		st = aerospike_query_foreach(&g_as, &err, NULL, &query, count_record, &t);
		pages++;
	}
	report("query paginated", st, &err, NULL, -1);
	printf("    records=%u sum=%lld done=%d\n", t.records, (long long)t.sum,
		as_query_is_done(&query) ? 1 : 0);
	as_query_destroy(&query);

	as_query_init(&query, NS, g_scan_set);
	as_query_where_inita(&query, 1);
	as_query_where(&query, "missing", as_integer_equals(1));
	run_query("query_foreach no index", &query, NULL);
	as_query_destroy(&query);

	as_query_init(&query, NS, g_scan_set);
	run_query("query_foreach no predicate", &query, NULL);
	as_query_destroy(&query);

	/* A background query on the numeric index: every record with n in
	 * [0, 9] gets q = 1. */
	as_query_init(&query, NS, g_scan_set);
	as_query_where_inita(&query, 1);
	as_query_where(&query, "n", as_integer_range(0, 9));
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_write_int64(&ops, "q", 1);
	query.ops = &ops;
	uint64_t id = 0;
	st = aerospike_query_background(&g_as, &err, NULL, &query, &id);
	report("query_background", st, &err, NULL, -1);
	if (st == AEROSPIKE_OK) {
		st = aerospike_job_wait(&g_as, &err, NULL, "query", id, 20);
		report("job_wait query", st, &err, NULL, -1);
	}
	as_operations_destroy(&ops);
	query.ops = NULL;
	as_query_destroy(&query);
	count_bin("q");

	st = aerospike_index_remove(&g_as, &err, NULL, NS, QUERY_NUM);
	report("query index remove", st, &err, NULL, -1);
	st = aerospike_index_remove(&g_as, &err, NULL, NS, QUERY_STR);
	report("query index remove", st, &err, NULL, -1);
}

void script_scan(void)
{
	snprintf(g_scan_set, sizeof g_scan_set, "%ss", g_set);
	for (int64_t i = 0; i < KEYS; i++) {
		put_n(i);
	}
	scan_whole();
	scan_limited();
	scan_nodes();
	scan_background();
	queries();
}
