/* Operate: several operations on one record in one command, atomically:
 * write, increment, append and read together, then read and delete a bin
 * with a nil write, with the results of the reads coming back. */
#include "basic_common.h"

#include <aerospike/as_nil.h>
#include <aerospike/as_operations.h>

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	basic_start(&ctx, "operate", argc, argv);
	const char* count = basic_bin(&ctx, 0, "count");
	const char* note = basic_bin(&ctx, 1, "note");
	const char* temp = basic_bin(&ctx, 2, "temp");
	as_key key;
	basic_key(&ctx, &key);
	as_error err;
	as_operations ops;
	as_record* got = NULL;

	as_operations_inita(&ops, 7);
	as_operations_add_write_int64(&ops, count, 10);
	as_operations_add_incr(&ops, count, 5);
	as_operations_add_write_str(&ops, note, "to");
	as_operations_add_append_str(&ops, note, "gether");
	as_operations_add_write_int64(&ops, temp, 1);
	as_operations_add_read(&ops, count);
	as_operations_add_read(&ops, note);
	basic_expect(&ctx, "write, increment, append, read", aerospike_key_operate(&ctx.as, &err,
		NULL, &key, &ops, &got), AEROSPIKE_OK, &err);
	as_operations_destroy(&ops);
	basic_expect_int(&ctx, got, count, 15);
	basic_expect_str(&ctx, got, note, "together");
	if (as_record_get(got, temp)) {
		basic_fail(&ctx, "a bin that was not read came back", NULL);
	}
	as_record_destroy(got);
	got = NULL;

	as_operations_inita(&ops, 3);
	as_operations_add_read(&ops, temp);
	as_operations_add_write(&ops, temp, (as_bin_value*)&as_nil);
	as_operations_add_incr(&ops, count, -15);
	basic_expect(&ctx, "read and delete a bin", aerospike_key_operate(&ctx.as, &err, NULL, &key,
		&ops, &got), AEROSPIKE_OK, &err);
	as_operations_destroy(&ops);
	basic_expect_int(&ctx, got, temp, 1);
	as_record_destroy(got);
	got = NULL;

	basic_expect(&ctx, "get", aerospike_key_get(&ctx.as, &err, NULL, &key, &got), AEROSPIKE_OK,
		&err);
	if (as_record_get(got, temp)) {
		basic_fail(&ctx, "the nil write left the bin", NULL);
	}
	basic_expect_int(&ctx, got, count, 0);
	basic_expect_str(&ctx, got, note, "together");
	as_record_destroy(got);

	as_operations_inita(&ops, 1);
	basic_expect(&ctx, "operate without operations", aerospike_key_operate(&ctx.as, &err, NULL,
		&key, &ops, NULL), AEROSPIKE_ERR_PARAM, &err);
	as_operations_destroy(&ops);
	as_key_destroy(&key);
	return basic_finish(&ctx);
}
