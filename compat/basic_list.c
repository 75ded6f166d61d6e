/* Lists: ten appends, a pop from the tail, an insert at the head, the size,
 * then the whole list read back. */
#include "basic_common.h"

#include <aerospike/as_integer.h>
#include <aerospike/as_list.h>
#include <aerospike/as_list_operations.h>
#include <aerospike/as_operations.h>

#include <stdio.h>

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	basic_start(&ctx, "list", argc, argv);
	const char* bin = basic_bin(&ctx, 0, "l");
	as_key key;
	basic_key(&ctx, &key);
	as_error err;
	as_operations ops;
	as_record* got = NULL;

	/* a list left by an earlier run goes first */
	as_record rec;
	as_record_inita(&rec, 2);
	as_record_set_nil(&rec, bin);
	as_record_set_int64(&rec, basic_bin(&ctx, 1, "keep"), 1);
	basic_expect(&ctx, "put", aerospike_key_put(&ctx.as, &err, NULL, &key, &rec), AEROSPIKE_OK,
		&err);
	as_record_destroy(&rec);

	for (int64_t i = 0; i < 10; i++) {
		as_operations_inita(&ops, 1);
		as_operations_add_list_append_int64(&ops, bin, i * 10);
		basic_expect(&ctx, "append", aerospike_key_operate(&ctx.as, &err, NULL, &key, &ops, NULL),
			AEROSPIKE_OK, &err);
		as_operations_destroy(&ops);
	}

	as_operations_inita(&ops, 1);
	as_operations_add_list_pop(&ops, bin, -1);
	basic_expect(&ctx, "pop", aerospike_key_operate(&ctx.as, &err, NULL, &key, &ops, &got),
		AEROSPIKE_OK, &err);
	as_operations_destroy(&ops);
	basic_expect_int(&ctx, got, bin, 90);
	as_record_destroy(got);
	got = NULL;

	as_operations_inita(&ops, 2);
	as_operations_add_list_insert(&ops, bin, 0, (as_val*)as_integer_new(90));
	as_operations_add_list_size(&ops, bin);
	basic_expect(&ctx, "insert and size", aerospike_key_operate(&ctx.as, &err, NULL, &key, &ops,
		&got), AEROSPIKE_OK, &err);
	as_operations_destroy(&ops);
	basic_expect_int(&ctx, got, bin, 10);
	as_record_destroy(got);
	got = NULL;

	basic_expect(&ctx, "get", aerospike_key_get(&ctx.as, &err, NULL, &key, &got), AEROSPIKE_OK,
		&err);
	as_list* list = as_record_get_list(got, bin);
	if (!list || as_list_size(list) != 10) {
		basic_fail(&ctx, "the list does not hold 10 values", NULL);
	}
	/* 90 first, then 0, 10, ..., 80 */
	for (uint32_t i = 0; i < 10; i++) {
		int64_t want = i == 0 ? 90 : (int64_t)(i - 1) * 10;
		if (as_list_get_int64(list, i) != want) {
			char msg[64];
			snprintf(msg, sizeof(msg), "list[%u] is not %d", i, (int)want);
			basic_fail(&ctx, msg, NULL);
		}
	}
	as_record_destroy(got);
	as_key_destroy(&key);
	return basic_finish(&ctx);
}
