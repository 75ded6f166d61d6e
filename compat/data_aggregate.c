/* Stream UDF aggregations, the stock query aggregate example's subjects:
 * rows with a number bin and a text bin of numbers, a numeric index on the
 * number bin, and one query over the index's range per aggregation: a map
 * then a reduce (the sum), an aggregate then a reduce (the sum again), a
 * filter before the aggregate (the sum of the even ones), and an aggregate
 * into a map merged by the reduce (how often each number occurs in the text
 * bins). The module is registered with the cluster and written to a Lua
 * user path of this run's own, set with aerospike_init_lua before the
 * connect, because the client runs the reduce itself. Each aggregation
 * gives one value, then the NULL end. */
#include "data_common.h"

#include <aerospike/aerospike_index.h>
#include <aerospike/aerospike_query.h>
#include <aerospike/aerospike_udf.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_map.h>
#include <aerospike/as_query.h>
#include <aerospike/as_string.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define N_ROWS 60
#define POLL_MS 20

static const char module_lua[] =
	"local function number(rec) return rec['nbin'] end\n"
	"local function add(a, b) return a + b end\n"
	"local function add_number(total, rec) return total + rec['nbin'] end\n"
	"local function even(rec) return rec['nbin'] % 2 == 0 end\n"
	"\n"
	"function sum_map_reduce(s) return s : map(number) : reduce(add) end\n"
	"function sum_aggregate(s) return s : aggregate(0, add_number) : reduce(add) end\n"
	"function sum_even(s) return s : filter(even) : aggregate(0, add_number) : reduce(add) end\n"
	"\n"
	"local function tally_numbers(m, rec)\n"
	"  local text = rec['tbin']\n"
	"  if text ~= nil then\n"
	"    for n in string.gmatch(text, '%d+') do m[n] = (m[n] or 0) + 1 end\n"
	"  end\n"
	"  return m\n"
	"end\n"
	"function count_numbers(s)\n"
	"  return s : aggregate(map(), tally_numbers) : reduce(function(a, b) return map.merge(a, b, add) end)\n"
	"end\n";

typedef struct {
	basic_ctx* ctx;
	uint32_t values;
	uint32_t ends;
	as_val* value;
} outcome;

static bool on_value(const as_val* val, void* udata)
{
	outcome* o = udata;
	if (!val) {
		o->ends++;
		return true;
	}
	o->values++;
	if (o->value) {
		as_val_destroy(o->value);
	}
	o->value = as_val_reserve((as_val*)val);
	return true;
}

/* Runs function over the index range and returns its one value. */
static as_val* aggregate(basic_ctx* ctx, const char* module, const char* function)
{
	as_error err;
	as_query query;
	as_query_init(&query, BASIC_NS, ctx->set);
	as_query_where_inita(&query, 1);
	as_query_where(&query, "nbin", as_integer_range(0, N_ROWS - 1));
	as_query_apply(&query, module, function, NULL);
	outcome o;
	memset(&o, 0, sizeof(o));
	o.ctx = ctx;
	basic_expect(ctx, function, aerospike_query_foreach(&ctx->as, &err, NULL, &query, on_value, &o),
		AEROSPIKE_OK, &err);
	as_query_destroy(&query);
	if (o.values != 1 || o.ends != 1) {
		char msg[128];
		snprintf(msg, sizeof(msg), "%s: %u values and %u ends, expected one of each", function,
			o.values, o.ends);
		basic_fail(ctx, msg, NULL);
	}
	return o.value;
}

static void expect_integer(basic_ctx* ctx, const char* what, as_val* v, int64_t expected)
{
	as_integer* i = as_integer_fromval(v);
	if (!i || as_integer_get(i) != expected) {
		char msg[128];
		snprintf(msg, sizeof(msg), "%s: expected %lld", what, (long long)expected);
		basic_fail(ctx, msg, NULL);
	}
	as_val_destroy(v);
}

/* Row i's text names i % 10 and i % 7: each number 0..9 occurs as often as
 * the rows that name it. */
static void expect_counts(basic_ctx* ctx, as_val* v)
{
	as_map* m = as_map_fromval(v);
	if (!m) {
		basic_fail(ctx, "count_numbers did not answer a map", NULL);
	}
	int64_t want[10] = {0};
	for (int i = 0; i < N_ROWS; i++) {
		want[i % 10]++;
		want[i % 7]++;
	}
	for (int n = 0; n < 10; n++) {
		char key[12];
		snprintf(key, sizeof(key), "%d", n);
		as_string k;
		as_string_init(&k, key, false);
		as_integer* got = as_integer_fromval(as_map_get(m, (as_val*)&k));
		if (!got || as_integer_get(got) != want[n]) {
			char msg[128];
			snprintf(msg, sizeof(msg), "count_numbers: %d occurs %lld times, got another count", n,
				(long long)want[n]);
			basic_fail(ctx, msg, NULL);
		}
	}
	as_val_destroy(v);
}

static void write_rows(basic_ctx* ctx)
{
	as_key key;
	as_record rec;
	for (int64_t i = 0; i < N_ROWS; i++) {
		char text[32];
		snprintf(text, sizeof(text), "n%lld m%lld", (long long)(i % 10), (long long)(i % 7));
		as_record_inita(&rec, 2);
		as_record_set_int64(&rec, "nbin", i);
		as_record_set_str(&rec, "tbin", text);
		data_put(ctx, data_key(ctx, &key, i), &rec);
		as_record_destroy(&rec);
	}
}

static void put_module(basic_ctx* ctx, const char* dir, const char* file)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	FILE* f = fopen(path, "w");
	if (!f || fputs(module_lua, f) < 0 || fclose(f) != 0) {
		basic_fail(ctx, "cannot write the module into the Lua user path", NULL);
	}
	as_error err;
	as_bytes content;
	as_bytes_init_wrap(&content, (uint8_t*)module_lua, (uint32_t)strlen(module_lua), false);
	basic_expect(ctx, "udf put",
		aerospike_udf_put(&ctx->as, &err, NULL, file, AS_UDF_TYPE_LUA, &content), AEROSPIKE_OK,
		&err);
	basic_expect(ctx, "udf put wait", aerospike_udf_put_wait(&ctx->as, &err, NULL, file, POLL_MS),
		AEROSPIKE_OK, &err);
}

int main(int argc, char* argv[])
{
	/* The user path is process-wide and taken at the first connect unless
	 * set before it. */
	char dir[64];
	snprintf(dir, sizeof(dir), "/tmp/data_aggregate-%ld-XXXXXX", (long)getpid());
	if (!mkdtemp(dir)) {
		fprintf(stderr, "data_aggregate: FAIL mkdtemp\n");
		return 1;
	}
	as_config_lua lua;
	memset(&lua, 0, sizeof(lua));
	snprintf(lua.user_path, sizeof(lua.user_path), "%s", dir);
	aerospike_init_lua(&lua);

	basic_ctx ctx;
	data_start(&ctx, "aggregate", argc, argv);
	as_error err;
	char module[64];
	char file[80];
	snprintf(module, sizeof(module), "data_aggregate_%s", strrchr(ctx.set, '-') + 1);
	snprintf(file, sizeof(file), "%s.lua", module);
	put_module(&ctx, dir, file);
	write_rows(&ctx);

	const char* index = data_name(&ctx, 0, "nbin-idx");
	as_index_task task;
	basic_expect(&ctx, "index create",
		aerospike_index_create(&ctx.as, &err, &task, NULL, BASIC_NS, ctx.set, "nbin", index,
			AS_INDEX_NUMERIC),
		AEROSPIKE_OK, &err);
	basic_expect(&ctx, "index create wait", aerospike_index_create_wait(&err, &task, POLL_MS),
		AEROSPIKE_OK, &err);

	const int64_t sum = (int64_t)N_ROWS * (N_ROWS - 1) / 2;
	expect_integer(&ctx, "sum_map_reduce", aggregate(&ctx, module, "sum_map_reduce"), sum);
	expect_integer(&ctx, "sum_aggregate", aggregate(&ctx, module, "sum_aggregate"), sum);
	int64_t even = 0;
	for (int64_t i = 0; i < N_ROWS; i += 2) {
		even += i;
	}
	expect_integer(&ctx, "sum_even", aggregate(&ctx, module, "sum_even"), even);
	expect_counts(&ctx, aggregate(&ctx, module, "count_numbers"));

	basic_expect(&ctx, "index remove",
		aerospike_index_remove(&ctx.as, &err, NULL, BASIC_NS, index), AEROSPIKE_OK, &err);
	basic_expect(&ctx, "udf remove", aerospike_udf_remove(&ctx.as, &err, NULL, file),
		AEROSPIKE_OK, &err);
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	unlink(path);
	rmdir(dir);
	as_key key;
	for (int64_t i = 0; i < N_ROWS; i++) {
		data_remove(&ctx, data_key(&ctx, &key, i));
	}
	return basic_finish(&ctx);
}
