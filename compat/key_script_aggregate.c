/*
 * The aggregation part of the key script: stream UDFs over this run's set
 * with an "a", from a module registered with the cluster and written to the
 * Lua user path main() set (the client runs the chain from its first reduce
 * on). Each call prints its status and then what came to the callback: the
 * count of values, of NULL ends, the sum of integer values and the last
 * value. A failure prints err->code as the status: 7.4.0 returns
 * QUERY_ABORTED or the UDF code depending on whether a node was still
 * streaming when the Lua failed, while err->code is the same either way,
 * except where the Lua fails on the nodes and on the client alike (a
 * missing module or function): whichever failure comes first sets it,
 * UDF (100) from the client's Lua or CLIENT (-1) from a node's FAILURE
 * bin, with the same message, so those calls print either as 100.
 * Paths in messages are cut to the module's file name.
 */
#include "key_script.h"

#include <aerospike/aerospike_key.h>
#include <aerospike/aerospike_query.h>
#include <aerospike/aerospike_udf.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_partition_filter.h>
#include <aerospike/as_query.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROWS 30
#define MODULE "ksagg"

static const char module_lua[] =
	"local function n(rec) return rec.n end\n"
	"local function one(rec) return 1 end\n"
	"local function add(a, b) return a + b end\n"
	"function count(s) return s : map(one) : reduce(add) end\n"
	"function sum_from(s, low)\n"
	"  return s : filter(function(rec) return rec.n >= low end) : map(n) : reduce(add)\n"
	"end\n"
	"function by_s(s)\n"
	"  local function tally(m, rec) m[rec.s] = (m[rec.s] or 0) + 1 return m end\n"
	"  return s : aggregate(map(), tally) : reduce(function(a, b) return map.merge(a, b, add) end)\n"
	"end\n"
	"function doubled(s) return s : map(n) : reduce(add) : map(function(x) return x * 2 end) end\n"
	"function each(s) return s : map(n) end\n"
	"function as_list(s)\n"
	"  return s : map(function(rec) return list{rec.n} end)\n"
	"    : reduce(function(a, b) return list.merge(a, b) end) : map(function(l) return list.size(l) end)\n"
	"end\n"
	"function client_boom(s)\n"
	"  return s : map(n) : reduce(add) : map(function(x) error('client side boom') end)\n"
	"end\n"
	"function node_boom(s) return s : map(function(rec) error('node side boom') end) end\n";

static char g_agg_set[40];

typedef struct {
	uint32_t values;
	uint32_t ends;
	int64_t sum;
	uint32_t stop_after;
	as_val* last;
} gathered;

static bool gather(const as_val* v, void* udata)
{
	gathered* g = udata;
	if (!v) {
		g->ends++;
		return true;
	}
	g->values++;
	if (v->type == AS_INTEGER) {
		g->sum += ((const as_integer*)v)->value;
	}
	if (g->last) {
		as_val_destroy(g->last);
	}
	g->last = as_val_reserve((as_val*)v);
	return g->stop_after == 0 || g->values < g->stop_after;
}

/* The message with any directory before the module's file name cut out. */
static void report_cut(const char* name, as_status st, const as_error* err)
{
	as_error shown = *err;
	char* file = strstr(shown.message, MODULE ".lua");
	if (file) {
		char* slash = file;
		while (slash > shown.message && slash[-1] != ' ') {
			slash--;
		}
		memmove(slash, file, strlen(file) + 1);
	}
	report(name, st, &shown, NULL, -1);
}

/* The status printed for a failed call; `both_sides`: the Lua fails on
 * every node and on the client, and the two codes race. */
static as_status shown_status(as_status code, bool both_sides)
{
	if (both_sides && code == AEROSPIKE_ERR_CLIENT) {
		return AEROSPIKE_ERR_UDF;
	}
	return code;
}

static void run_in(const char* name, const char* module, const char* function, as_list* args,
	uint32_t stop_after, bool both_sides)
{
	as_query query;
	as_query_init(&query, NS, g_agg_set);
	as_query_apply(&query, module, function, args);
	gathered g;
	memset(&g, 0, sizeof(g));
	g.stop_after = stop_after;
	as_error err;
	as_status st = aerospike_query_foreach(&g_as, &err, NULL, &query, gather, &g);
	report_cut(name, st == AEROSPIKE_OK ? st : shown_status(err.code, both_sides), &err);
	/* Which values a stopped stream had given depends on the nodes' timing. */
	printf("    values=%u ends=%u", g.values, g.ends);
	if (stop_after == 0) {
		printf(" sum=%lld", (long long)g.sum);
	}
	if (g.values == 1) {
		printf(" value=");
		print_val(g.last);
	}
	putchar('\n');
	if (g.last) {
		as_val_destroy(g.last);
	}
	as_query_destroy(&query);
}

static void run(const char* name, const char* function, as_list* args, uint32_t stop_after)
{
	run_in(name, MODULE, function, args, stop_after, false);
}

static void refused(void)
{
	as_query query;
	as_query_init(&query, NS, g_agg_set);
	as_query_apply(&query, MODULE, "count", NULL);
	as_partition_filter filter;
	as_partition_filter_set_all(&filter);
	as_error err;
	as_status st = aerospike_query_partitions(&g_as, &err, NULL, &query, &filter, gather, NULL);
	report("aggregate by partition", st, &err, NULL, -1);
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_read(&ops, "n");
	query.ops = &ops;
	st = aerospike_query_foreach(&g_as, &err, NULL, &query, gather, NULL);
	report("aggregate with operations", st, &err, NULL, -1);
	query.ops = NULL;
	as_operations_destroy(&ops);
	as_query_destroy(&query);
}

void script_aggregate(const char* user_path)
{
	snprintf(g_agg_set, sizeof(g_agg_set), "%sa", g_set);
	char path[512];
	snprintf(path, sizeof(path), "%s/%s.lua", user_path, MODULE);
	FILE* f = fopen(path, "w");
	if (!f || fputs(module_lua, f) < 0 || fclose(f) != 0) {
		fprintf(stderr, "cannot write %s\n", path);
		exit(1);
	}
	as_error err;
	as_bytes content;
	as_bytes_init_wrap(&content, (uint8_t*)module_lua, (uint32_t)strlen(module_lua), false);
	as_status st = aerospike_udf_put(&g_as, &err, NULL, MODULE ".lua", AS_UDF_TYPE_LUA, &content);
	report("aggregate module put", st, &err, NULL, -1);
	st = aerospike_udf_put_wait(&g_as, &err, NULL, MODULE ".lua", 20);
	report("aggregate module put wait", st, &err, NULL, -1);
	for (int64_t i = 0; i < ROWS; i++) {
		as_key k;
		as_key_init_int64(&k, NS, g_agg_set, i);
		as_record rec;
		as_record_inita(&rec, 2);
		as_record_set_int64(&rec, "n", i);
		as_record_set_str(&rec, "s", i % 3 == 0 ? "v0" : i % 3 == 1 ? "v1" : "v2");
		aerospike_key_put(&g_as, &err, NULL, &k, &rec);
		as_record_destroy(&rec);
	}

	run("aggregate count", "count", NULL, 0);
	as_arraylist args;
	as_arraylist_init(&args, 1, 0);
	as_arraylist_append_int64(&args, 20);
	run("aggregate sum_from 20", "sum_from", (as_list*)&args, 0);
	as_arraylist_destroy(&args);
	run("aggregate map merge", "by_s", NULL, 0);
	run("aggregate after the reduce", "doubled", NULL, 0);
	run("aggregate lists merged", "as_list", NULL, 0);
	run("aggregate pass-through", "each", NULL, 0);
	run("aggregate stopped", "each", NULL, 3);
	run_in("aggregate missing module", "nosuchmodule", "count", NULL, 0, true);
	run_in("aggregate missing function", MODULE, "nosuchfunction", NULL, 0, true);
	run("aggregate client error", "client_boom", NULL, 0);
	run("aggregate node error", "node_boom", NULL, 0);
	refused();

	for (int64_t i = 0; i < ROWS; i++) {
		as_key k;
		as_key_init_int64(&k, NS, g_agg_set, i);
		aerospike_key_remove(&g_as, &err, NULL, &k);
	}
	st = aerospike_udf_remove(&g_as, &err, NULL, MODULE ".lua");
	report("aggregate module remove", st, &err, NULL, -1);
	remove(path);
}
