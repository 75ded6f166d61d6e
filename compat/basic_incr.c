/* Increment: integers go up and down, a missing bin starts from zero, and a
 * string cannot be incremented. */
#include "basic_common.h"

#include <aerospike/as_operations.h>

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	basic_start(&ctx, "incr", argc, argv);
	const char* up = basic_bin(&ctx, 0, "up");
	const char* down = basic_bin(&ctx, 1, "down");
	const char* fresh = basic_bin(&ctx, 2, "fresh");
	const char* word = basic_bin(&ctx, 3, "word");
	as_key key;
	basic_key(&ctx, &key);
	as_error err;
	as_operations ops;

	/* start from known values (nil removes a bin left by an earlier run) */
	as_record rec;
	as_record_inita(&rec, 4);
	as_record_set_int64(&rec, up, 0);
	as_record_set_int64(&rec, down, 0);
	as_record_set_nil(&rec, fresh);
	as_record_set_str(&rec, word, "seven");
	basic_expect(&ctx, "put", aerospike_key_put(&ctx.as, &err, NULL, &key, &rec), AEROSPIKE_OK,
		&err);
	as_record_destroy(&rec);

	as_operations_inita(&ops, 2);
	as_operations_add_incr(&ops, up, 1001);
	as_operations_add_incr(&ops, down, 1002);
	basic_expect(&ctx, "first operate", aerospike_key_operate(&ctx.as, &err, NULL, &key, &ops,
		NULL), AEROSPIKE_OK, &err);
	as_operations_destroy(&ops);

	/* increments and a read of their results in one command */
	as_operations_inita(&ops, 6);
	as_operations_add_incr(&ops, up, 1);
	as_operations_add_incr(&ops, down, -2);
	as_operations_add_incr(&ops, fresh, 3);
	as_operations_add_read(&ops, up);
	as_operations_add_read(&ops, down);
	as_operations_add_read(&ops, fresh);
	as_record* got = NULL;
	basic_expect(&ctx, "second operate", aerospike_key_operate(&ctx.as, &err, NULL, &key, &ops,
		&got), AEROSPIKE_OK, &err);
	as_operations_destroy(&ops);
	basic_expect_int(&ctx, got, up, 1002);
	basic_expect_int(&ctx, got, down, 1000);
	basic_expect_int(&ctx, got, fresh, 3);
	as_record_destroy(got);

	as_operations_inita(&ops, 1);
	as_operations_add_incr(&ops, word, 1);
	basic_expect(&ctx, "increment of a string", aerospike_key_operate(&ctx.as, &err, NULL, &key,
		&ops, NULL), AEROSPIKE_ERR_BIN_INCOMPATIBLE_TYPE, &err);
	as_operations_destroy(&ops);
	as_key_destroy(&key);
	return basic_finish(&ctx);
}
