/* Background scans of one set: first write operations (add to a bin of
 * every record), then a record UDF registered for the run; each job is
 * waited for with aerospike_scan_wait and its status read with
 * aerospike_scan_info, and every record is read back: the set's records all
 * changed, the neighbouring set's record did not. */
#include "data_common.h"

#include <aerospike/aerospike_scan.h>
#include <aerospike/aerospike_udf.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_scan.h>

#include <stdio.h>
#include <string.h>

#define N_ROWS 20
#define POLL_MS 20

static const char bump_lua[] =
	"function bump(rec, by)\n"
	"  rec['t'] = rec['t'] + by\n"
	"  aerospike:update(rec)\n"
	"end\n";

static void write_row(basic_ctx* ctx, const char* set, int64_t i)
{
	as_key key;
	as_record rec;
	as_record_inita(&rec, 2);
	as_record_set_int64(&rec, "n", i);
	as_record_set_int64(&rec, "t", i * 10);
	data_put(ctx, data_key_in(set, &key, i), &rec);
	as_record_destroy(&rec);
}

static void expect_t(basic_ctx* ctx, const char* set, int64_t i, int64_t t)
{
	as_error err;
	as_key key;
	as_record* got = NULL;
	basic_expect(ctx, "get after the job",
		aerospike_key_get(&ctx->as, &err, NULL, data_key_in(set, &key, i), &got), AEROSPIKE_OK,
		&err);
	basic_expect_int(ctx, got, "n", i);
	basic_expect_int(ctx, got, "t", t);
	as_record_destroy(got);
}

static void run_job(basic_ctx* ctx, const char* what, as_scan* scan)
{
	as_error err;
	uint64_t id = 0;
	basic_expect(ctx, what, aerospike_scan_background(&ctx->as, &err, NULL, scan, &id),
		AEROSPIKE_OK, &err);
	if (id == 0) {
		basic_fail(ctx, "aerospike_scan_background left the job id 0", NULL);
	}
	basic_expect(ctx, "aerospike_scan_wait", aerospike_scan_wait(&ctx->as, &err, NULL, id, POLL_MS),
		AEROSPIKE_OK, &err);
	as_scan_info info;
	memset(&info, 0, sizeof(info));
	basic_expect(ctx, "aerospike_scan_info", aerospike_scan_info(&ctx->as, &err, NULL, id, &info),
		AEROSPIKE_OK, &err);
	if (info.status != AS_SCAN_STATUS_COMPLETED) {
		basic_fail(ctx, "aerospike_scan_info after the wait: status is not completed", NULL);
	}
}

static void ops_job(basic_ctx* ctx)
{
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_incr(&ops, "t", 1000);
	as_scan scan;
	as_scan_init(&scan, BASIC_NS, ctx->set);
	scan.ops = &ops;
	run_job(ctx, "background scan with write ops", &scan);
	/* as_scan_destroy would destroy ops too, but these are the caller's. */
	scan.ops = NULL;
	as_scan_destroy(&scan);
	as_operations_destroy(&ops);
}

static void udf_job(basic_ctx* ctx, const char* module)
{
	as_error err;
	char file[96];
	snprintf(file, sizeof(file), "%s.lua", module);
	as_bytes content;
	as_bytes_init_wrap(&content, (uint8_t*)bump_lua, (uint32_t)strlen(bump_lua), false);
	basic_expect(ctx, "udf put",
		aerospike_udf_put(&ctx->as, &err, NULL, file, AS_UDF_TYPE_LUA, &content), AEROSPIKE_OK,
		&err);
	basic_expect(ctx, "udf put wait", aerospike_udf_put_wait(&ctx->as, &err, NULL, file, POLL_MS),
		AEROSPIKE_OK, &err);
	as_arraylist* args = as_arraylist_new(1, 0);
	as_arraylist_append_int64(args, 5);
	as_scan scan;
	as_scan_init(&scan, BASIC_NS, ctx->set);
	as_scan_apply_each(&scan, module, "bump", (as_list*)args);
	run_job(ctx, "background scan with a record UDF", &scan);
	as_scan_destroy(&scan);
	basic_expect(ctx, "udf remove", aerospike_udf_remove(&ctx->as, &err, NULL, file),
		AEROSPIKE_OK, &err);
}

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	data_start(&ctx, "scan_background", argc, argv);
	const char* other = data_name(&ctx, 0, "other");
	for (int64_t i = 0; i < N_ROWS; i++) {
		write_row(&ctx, ctx.set, i);
	}
	write_row(&ctx, other, 7);

	ops_job(&ctx);
	for (int64_t i = 0; i < N_ROWS; i++) {
		expect_t(&ctx, ctx.set, i, i * 10 + 1000);
	}
	expect_t(&ctx, other, 7, 70);

	/* Module names are plain identifiers in Lua: the set's '-' will not do. */
	char module[64];
	snprintf(module, sizeof(module), "data_bg_%s", strrchr(ctx.set, '-') + 1);
	udf_job(&ctx, module);
	for (int64_t i = 0; i < N_ROWS; i++) {
		expect_t(&ctx, ctx.set, i, i * 10 + 1005);
	}
	expect_t(&ctx, other, 7, 70);

	as_key key;
	for (int64_t i = 0; i < N_ROWS; i++) {
		data_remove(&ctx, data_key(&ctx, &key, i));
	}
	data_remove(&ctx, data_key_in(other, &key, 7));
	return basic_finish(&ctx);
}
