/*
 * Query aggregations (as_query_apply through aerospike_query_foreach)
 * against a 3-node asim or the real cluster AEROSPIKE_HOSTS names
 * (test_cluster.h; the module is named for the run, as the set is): the
 * nodes run the chain up to its first reduce, this client runs the reduce
 * again over what all nodes sent and whatever follows it, and the callback
 * gets the results, then NULL. The module is registered with the cluster and
 * written to the Lua user path set by aerospike_init_lua. Failures as 7.4.0
 * reports them: a module the client cannot load, a missing function, a Lua
 * error on the client, one on the nodes, a cluster that changes under a
 * watched query, and the combinations 7.4.0 refuses. compat/data_aggregate.c
 * runs the stock example's aggregations on both clients.
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/aerospike_query.h>
#include <aerospike/aerospike_udf.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_log.h>
#include <aerospike/as_map.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_partition_filter.h>
#include <aerospike/as_query.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "asim_process.h"
#include "test_cluster.h"

enum { kRecords = 300 };

static test_cluster g_cluster;
static aerospike g_as;
static const char* g_ns;
static char g_set[32];
static char g_dir[64];
/* The module: registered with the cluster as g_module.lua, and written to
 * g_dir for the client's part. */
static char g_module[32];
static char g_module_file[128];

static const char module_lua[] =
	"local function i(rec) return rec.i end\n"
	"local function add(a, b) return a + b end\n"
	"function sum(s) return s : map(i) : reduce(add) end\n"
	"function sum_from(s, low)\n"
	"  return s : filter(function(rec) return rec.i >= low end) : map(i) : reduce(add)\n"
	"end\n"
	"function by_three(s)\n"
	"  local function tally(m, rec) m[rec.i % 3] = (m[rec.i % 3] or 0) + 1 return m end\n"
	"  return s : aggregate(map(), tally) : reduce(function(a, b) return map.merge(a, b, add) end)\n"
	"end\n"
	"function doubled(s)\n"
	"  return s : map(i) : reduce(add) : map(function(x) info('doubling %d', x) return x * 2 end)\n"
	"end\n"
	"function each(s) return s : map(i) end\n"
	"function client_boom(s)\n"
	"  return s : map(i) : reduce(add) : map(function(x) error('client side boom') end)\n"
	"end\n"
	"function node_boom(s) return s : map(function(rec) error('node side boom') end) end\n";

typedef struct {
	uint32_t values;
	uint32_t ends;
	uint32_t stop_after;
	int64_t sum;
	as_val* last; /* a copy of the last value: what reduces answer */
	uint8_t seen[kRecords];
} results;

static bool collect(const as_val* v, void* udata)
{
	results* r = udata;
	if (!v) {
		r->ends++;
		return true;
	}
	r->values++;
	if (v->type == AS_INTEGER) {
		int64_t n = ((const as_integer*)v)->value;
		r->sum += n;
		if (n >= 0 && n < kRecords) {
			r->seen[n]++;
		}
	}
	if (r->last) {
		as_val_destroy(r->last);
	}
	r->last = as_val_reserve((as_val*)v);
	return r->stop_after == 0 || r->values < r->stop_after;
}

static void results_clear(results* r)
{
	if (r->last) {
		as_val_destroy(r->last);
	}
	memset(r, 0, sizeof *r);
}

static as_status aggregate(const char* module, const char* function, as_list* args, results* r,
	as_error* err)
{
	as_query query;
	as_query_init(&query, g_ns, g_set);
	as_query_apply(&query, module, function, args);
	as_status st = aerospike_query_foreach(&g_as, err, NULL, &query, collect, r);
	as_query_destroy(&query);
	return st;
}

static int group_setup(void** state)
{
	(void)state;
	snprintf(g_dir, sizeof g_dir, "/tmp/aggregate-test-%ld-XXXXXX", (long)getpid());
	if (!mkdtemp(g_dir)) {
		return -1;
	}
	test_unique_name(g_module, sizeof g_module, "aggmod");
	snprintf(g_module_file, sizeof g_module_file, "%s/%s.lua", g_dir, g_module);
	FILE* f = fopen(g_module_file, "w");
	if (!f || fputs(module_lua, f) < 0 || fclose(f) != 0) {
		return -1;
	}
	as_config_lua lua;
	memset(&lua, 0, sizeof lua);
	strcpy(lua.user_path, g_dir);
	aerospike_init_lua(&lua);
	if (!test_cluster_start(&g_cluster, "--nodes 3 --namespace test:2")) {
		return -1;
	}
	g_ns = test_namespace();
	test_unique_name(g_set, sizeof g_set, "ag");
	if (!test_cluster_connect(&g_cluster, &g_as)) {
		return -1;
	}
	as_error err;
	as_bytes content;
	as_bytes_init_wrap(&content, (uint8_t*)module_lua, (uint32_t)strlen(module_lua), false);
	char registered[40];
	snprintf(registered, sizeof registered, "%s.lua", g_module);
	if (aerospike_udf_put(&g_as, &err, NULL, registered, AS_UDF_TYPE_LUA, &content) ||
		aerospike_udf_put_wait(&g_as, &err, NULL, registered, 10)) {
		return -1;
	}
	for (int i = 0; i < kRecords; i++) {
		as_key k;
		as_key_init_int64(&k, g_ns, g_set, i);
		as_record rec;
		as_record_inita(&rec, 1);
		as_record_set_int64(&rec, "i", i);
		if (aerospike_key_put(&g_as, &err, NULL, &k, &rec) != AEROSPIKE_OK) {
			return -1;
		}
	}
	return 0;
}

static int group_teardown(void** state)
{
	(void)state;
	as_error err;
	char registered[40];
	snprintf(registered, sizeof registered, "%s.lua", g_module);
	bool removed = aerospike_udf_remove(&g_as, &err, NULL, registered) == AEROSPIKE_OK;
	bool dropped = test_cluster_drop_set(&g_as, g_set);
	aerospike_close(&g_as, &err);
	aerospike_destroy(&g_as);
	test_cluster_stop(&g_cluster);
	unlink(g_module_file);
	rmdir(g_dir);
	return removed && dropped ? 0 : -1;
}

static void test_reduce_runs_again_on_the_client(void** state)
{
	(void)state;
	results r = {0};
	as_error err;
	assert_int_equal(aggregate(g_module, "sum", NULL, &r, &err), AEROSPIKE_OK);
	/* Three nodes each reduce their part; one value comes out here. */
	assert_int_equal(r.values, 1);
	assert_int_equal(r.ends, 1);
	assert_int_equal(r.sum, kRecords * (kRecords - 1) / 2);
	results_clear(&r);
}

static void test_arguments_reach_the_function(void** state)
{
	(void)state;
	results r = {0};
	as_error err;
	as_arraylist args;
	as_arraylist_init(&args, 1, 0);
	as_arraylist_append_int64(&args, 250);
	assert_int_equal(aggregate(g_module, "sum_from", (as_list*)&args, &r, &err), AEROSPIKE_OK);
	assert_int_equal(r.values, 1);
	assert_int_equal(r.sum, (250 + kRecords - 1) * (kRecords - 250) / 2);
	results_clear(&r);
}

static void test_maps_merge(void** state)
{
	(void)state;
	results r = {0};
	as_error err;
	assert_int_equal(aggregate(g_module, "by_three", NULL, &r, &err), AEROSPIKE_OK);
	assert_int_equal(r.values, 1);
	assert_non_null(r.last);
	assert_int_equal(r.last->type, AS_MAP);
	as_map* m = (as_map*)r.last;
	assert_int_equal(as_map_size(m), 3);
	for (int64_t k = 0; k < 3; k++) {
		as_integer key;
		as_integer_init(&key, k);
		as_val* v = as_map_get(m, (as_val*)&key);
		assert_non_null(v);
		assert_int_equal(((as_integer*)v)->value, kRecords / 3);
	}
	results_clear(&r);
}

/* What follows the reduce runs only here (asim runs a chain up to its first
 * reduce), and info() reaches the application's log callback. */
static char g_logged[256];

static bool log_line(as_log_level level, const char* func, const char* file, uint32_t line,
	const char* fmt, ...)
{
	(void)level;
	(void)func;
	(void)file;
	(void)line;
	va_list ap;
	va_start(ap, fmt);
	char text[256];
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (strstr(text, "doubling")) {
		snprintf(g_logged, sizeof g_logged, "%s", text);
	}
	return true;
}

static void test_chain_after_reduce(void** state)
{
	(void)state;
	as_log_set_level(AS_LOG_LEVEL_INFO);
	as_log_set_callback(log_line);
	results r = {0};
	as_error err;
	assert_int_equal(aggregate(g_module, "doubled", NULL, &r, &err), AEROSPIKE_OK);
	as_log_set_callback(NULL);
	assert_int_equal(r.values, 1);
	assert_int_equal(r.sum, kRecords * (kRecords - 1));
	char expected[64];
	snprintf(expected, sizeof expected, "%s.lua:12 - doubling %d", g_module,
		kRecords * (kRecords - 1) / 2);
	assert_non_null(strstr(g_logged, expected));
	results_clear(&r);
}

static void test_values_pass_through(void** state)
{
	(void)state;
	results r = {0};
	as_error err;
	assert_int_equal(aggregate(g_module, "each", NULL, &r, &err), AEROSPIKE_OK);
	assert_int_equal(r.values, kRecords);
	assert_int_equal(r.ends, 1);
	for (int i = 0; i < kRecords; i++) {
		assert_int_equal(r.seen[i], 1);
	}
	results_clear(&r);
}

static void test_callback_stops(void** state)
{
	(void)state;
	results r = {0};
	r.stop_after = 5;
	as_error err;
	assert_int_equal(aggregate(g_module, "each", NULL, &r, &err), AEROSPIKE_OK);
	assert_int_equal(r.values, 5);
	assert_int_equal(r.ends, 1);
	results_clear(&r);
}

static void test_lua_failures(void** state)
{
	(void)state;
	results r = {0};
	as_error err;
	assert_int_equal(aggregate("nosuchmodule", "sum", NULL, &r, &err), AEROSPIKE_ERR_UDF);
	assert_string_equal(err.message, "UDF: Execution Error 1");
	assert_int_equal(r.ends, 0);

	assert_int_equal(aggregate(g_module, "nosuchfunction", NULL, &r, &err), AEROSPIKE_ERR_UDF);
	assert_string_equal(err.message, "UDF: Execution Error 2 : function not found");

	assert_int_equal(aggregate(g_module, "client_boom", NULL, &r, &err), AEROSPIKE_ERR_UDF);
	assert_non_null(strstr(err.message, "UDF: Execution Error 2 : "));
	char boom[64];
	snprintf(boom, sizeof boom, "%s.lua:16: client side boom", g_module);
	assert_non_null(strstr(err.message, boom));
	assert_int_equal(r.ends, 0);

	/* A module the client finds but cannot compile: as one it cannot find. */
	char broken[160];
	snprintf(broken, sizeof broken, "%s/broken.lua", g_dir);
	FILE* f = fopen(broken, "w");
	assert_non_null(f);
	fputs("function sum(s) return s : map( end\n", f);
	fclose(f);
	assert_int_equal(aggregate("broken", "sum", NULL, &r, &err), AEROSPIKE_ERR_UDF);
	assert_string_equal(err.message, "UDF: Execution Error 1");
	unlink(broken);

	/* A node's Lua error comes in bin FAILURE: the client's own error. */
	assert_int_equal(aggregate(g_module, "node_boom", NULL, &r, &err), AEROSPIKE_ERR_CLIENT);
	assert_non_null(strstr(err.message, "node side boom"));
	results_clear(&r);
}

static void control(const char* request)
{
	char* answer = asim_info(g_cluster.asim.ports[0], request);
	assert_non_null(answer);
	assert_string_equal(answer, "ok");
	free(answer);
}

/* fail_on_cluster_change: the nodes are asked for the cluster key before
 * and after their parts (7.4.0's cluster-stable check); a stable cluster
 * answers as without the check. */
static void test_cluster_watched(void** state)
{
	(void)state;
	as_policy_query policy;
	as_policy_query_init(&policy);
	policy.fail_on_cluster_change = true;
	as_query query;
	as_query_init(&query, g_ns, g_set);
	as_query_apply(&query, g_module, "sum", NULL);
	results r = {0};
	as_error err;
	assert_int_equal(aerospike_query_foreach(&g_as, &err, &policy, &query, collect, &r),
		AEROSPIKE_OK);
	assert_int_equal(r.sum, kRecords * (kRecords - 1) / 2);
	results_clear(&r);
	as_query_destroy(&query);
}

/* A cluster with migrations left refuses the watched query, which fails
 * before any node runs it. */
static void test_cluster_watched_refuses_migrations(void** state)
{
	(void)state;
	if (lacks_asim("migrations set by asim-migrations")) {
		skip();
	}
	as_policy_query policy;
	as_policy_query_init(&policy);
	policy.fail_on_cluster_change = true;
	as_query query;
	as_query_init(&query, g_ns, g_set);
	as_query_apply(&query, g_module, "sum", NULL);
	results r = {0};
	as_error err;
	control("asim-migrations:ns=test;remaining=5");
	assert_int_equal(aerospike_query_foreach(&g_as, &err, &policy, &query, collect, &r),
		AEROSPIKE_ERR_CLUSTER_CHANGE);
	assert_non_null(strstr(err.message, "unstable cluster from 127.0.0.1:"));
	assert_int_equal(r.values + r.ends, 0);
	control("asim-migrations:ns=test;remaining=0");
	as_query_destroy(&query);
}

static void test_refused_combinations(void** state)
{
	(void)state;
	as_error err;
	as_query query;
	as_query_init(&query, g_ns, g_set);
	as_query_apply(&query, g_module, "sum", NULL);
	as_partition_filter filter;
	as_partition_filter_set_all(&filter);
	assert_int_equal(
		aerospike_query_partitions(&g_as, &err, NULL, &query, &filter, collect, NULL),
		AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "Aggregation or background queries cannot query by partition");
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_read(&ops, "i");
	query.ops = &ops;
	assert_int_equal(aerospike_query_foreach(&g_as, &err, NULL, &query, collect, NULL),
		AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "Cannot combine query operations with aggregation");
	query.ops = NULL;
	as_operations_destroy(&ops);
	as_query_destroy(&query);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reduce_runs_again_on_the_client),
		cmocka_unit_test(test_arguments_reach_the_function),
		cmocka_unit_test(test_maps_merge),
		cmocka_unit_test(test_chain_after_reduce),
		cmocka_unit_test(test_values_pass_through),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_lua_failures),
		cmocka_unit_test(test_cluster_watched),
		cmocka_unit_test(test_cluster_watched_refuses_migrations),
		cmocka_unit_test(test_refused_combinations),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
