/* Put: write bins, overwrite one and add another, delete one with a nil
 * value, then see a create-only put refused on the existing record. */
#include "basic_common.h"

#include <aerospike/as_policy.h>

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	basic_start(&ctx, "put", argc, argv);
	const char* num = basic_bin(&ctx, 0, "num");
	const char* text = basic_bin(&ctx, 1, "text");
	const char* extra = basic_bin(&ctx, 2, "extra");
	as_key key;
	basic_key(&ctx, &key);
	as_error err;

	as_record rec;
	as_record_inita(&rec, 3);
	as_record_set_int64(&rec, num, 1234);
	as_record_set_str(&rec, text, "first text");
	basic_expect(&ctx, "first put", aerospike_key_put(&ctx.as, &err, NULL, &key, &rec),
		AEROSPIKE_OK, &err);

	as_record_set_int64(&rec, text, 2222);
	as_record_set_str(&rec, extra, "more");
	basic_expect(&ctx, "second put", aerospike_key_put(&ctx.as, &err, NULL, &key, &rec),
		AEROSPIKE_OK, &err);

	as_record* got = NULL;
	basic_expect(&ctx, "get", aerospike_key_get(&ctx.as, &err, NULL, &key, &got), AEROSPIKE_OK,
		&err);
	basic_expect_int(&ctx, got, num, 1234);
	basic_expect_int(&ctx, got, text, 2222);
	basic_expect_str(&ctx, got, extra, "more");
	as_record_destroy(got);
	got = NULL;

	/* Only the nil bin goes: the record keeps the others. */
	as_record_destroy(&rec);
	as_record_inita(&rec, 1);
	as_record_set_nil(&rec, extra);
	basic_expect(&ctx, "nil put", aerospike_key_put(&ctx.as, &err, NULL, &key, &rec),
		AEROSPIKE_OK, &err);
	basic_expect(&ctx, "get after nil", aerospike_key_get(&ctx.as, &err, NULL, &key, &got),
		AEROSPIKE_OK, &err);
	if (as_record_get(got, extra)) {
		basic_fail(&ctx, "the nil-valued bin is still there", NULL);
	}
	basic_expect_int(&ctx, got, num, 1234);
	as_record_destroy(got);
	as_record_destroy(&rec);

	as_policy_write create;
	as_policy_write_init(&create);
	create.exists = AS_POLICY_EXISTS_CREATE;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, num, 1111);
	basic_expect(&ctx, "create-only put", aerospike_key_put(&ctx.as, &err, &create, &key, &rec),
		AEROSPIKE_ERR_RECORD_EXISTS, &err);
	as_record_destroy(&rec);
	as_key_destroy(&key);
	return basic_finish(&ctx);
}
