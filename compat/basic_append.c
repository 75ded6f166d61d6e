/* Append and prepend: strings grow at either end, bytes at the end, and a
 * string cannot be appended to an integer. */
#include "basic_common.h"

#include <aerospike/as_operations.h>
#include <string.h>

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	basic_start(&ctx, "append", argc, argv);
	const char* tail = basic_bin(&ctx, 0, "tail");
	const char* head = basic_bin(&ctx, 1, "head");
	const char* raw = basic_bin(&ctx, 2, "raw");
	const char* num = basic_bin(&ctx, 3, "num");
	as_key key;
	basic_key(&ctx, &key);
	as_error err;
	as_operations ops;

	/* the bins may be left from an earlier run: start them afresh */
	as_record rec;
	as_record_inita(&rec, 4);
	as_record_set_str(&rec, tail, "Ada");
	as_record_set_str(&rec, head, "Lovelace");
	as_record_set_raw(&rec, raw, (const uint8_t*)"12", 2);
	as_record_set_int64(&rec, num, 5);
	basic_expect(&ctx, "put", aerospike_key_put(&ctx.as, &err, NULL, &key, &rec), AEROSPIKE_OK,
		&err);
	as_record_destroy(&rec);

	as_operations_inita(&ops, 3);
	as_operations_add_append_str(&ops, tail, " King");
	as_operations_add_prepend_str(&ops, head, "Countess ");
	as_operations_add_append_raw(&ops, raw, (const uint8_t*)"34", 2);
	basic_expect(&ctx, "first operate", aerospike_key_operate(&ctx.as, &err, NULL, &key, &ops,
		NULL), AEROSPIKE_OK, &err);
	as_operations_destroy(&ops);

	as_operations_inita(&ops, 2);
	as_operations_add_append_str(&ops, tail, "-Noel");
	as_operations_add_prepend_str(&ops, head, "The ");
	basic_expect(&ctx, "second operate", aerospike_key_operate(&ctx.as, &err, NULL, &key, &ops,
		NULL), AEROSPIKE_OK, &err);
	as_operations_destroy(&ops);

	as_record* got = NULL;
	basic_expect(&ctx, "get", aerospike_key_get(&ctx.as, &err, NULL, &key, &got), AEROSPIKE_OK,
		&err);
	basic_expect_str(&ctx, got, tail, "Ada King-Noel");
	basic_expect_str(&ctx, got, head, "The Countess Lovelace");
	as_bytes* b = as_record_get_bytes(got, raw);
	if (!b || as_bytes_size(b) != 4 || memcmp(as_bytes_get(b), "1234", 4) != 0) {
		basic_fail(&ctx, "the appended bytes are not 1234", NULL);
	}
	as_record_destroy(got);

	as_operations_inita(&ops, 1);
	as_operations_add_append_str(&ops, num, "x");
	basic_expect(&ctx, "append to an integer", aerospike_key_operate(&ctx.as, &err, NULL, &key,
		&ops, NULL), AEROSPIKE_ERR_BIN_INCOMPATIBLE_TYPE, &err);
	as_operations_destroy(&ops);
	as_key_destroy(&key);
	return basic_finish(&ctx);
}
