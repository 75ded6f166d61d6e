/* Get: a missing record, then the whole record, a bin selection, a bin that
 * does not exist and the metadata alone. */
#include "basic_common.h"

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	basic_start(&ctx, "get", argc, argv);
	const char* one = basic_bin(&ctx, 0, "one");
	const char* two = basic_bin(&ctx, 1, "two");
	const char* three = basic_bin(&ctx, 2, "three");
	as_error err;
	as_record* got = NULL;

	as_key nowhere;
	basic_key_own(&ctx, &nowhere, "never-written");
	basic_expect(&ctx, "get of a missing record",
		aerospike_key_get(&ctx.as, &err, NULL, &nowhere, &got), AEROSPIKE_ERR_RECORD_NOT_FOUND,
		&err);
	if (got) {
		basic_fail(&ctx, "a missing record came back", NULL);
	}
	as_key_destroy(&nowhere);

	as_key key;
	basic_key(&ctx, &key);
	as_record rec;
	as_record_inita(&rec, 3);
	as_record_set_int64(&rec, one, 1111);
	as_record_set_int64(&rec, two, 2222);
	as_record_set_str(&rec, three, "three's data");
	basic_expect(&ctx, "put", aerospike_key_put(&ctx.as, &err, NULL, &key, &rec), AEROSPIKE_OK,
		&err);
	as_record_destroy(&rec);

	basic_expect(&ctx, "get", aerospike_key_get(&ctx.as, &err, NULL, &key, &got), AEROSPIKE_OK,
		&err);
	basic_expect_int(&ctx, got, one, 1111);
	basic_expect_int(&ctx, got, two, 2222);
	basic_expect_str(&ctx, got, three, "three's data");
	as_record_destroy(got);
	got = NULL;

	/* Exactly the bins asked for, whoever else writes the record. */
	const char* some[] = { one, three, NULL };
	basic_expect(&ctx, "select", aerospike_key_select(&ctx.as, &err, NULL, &key, some, &got),
		AEROSPIKE_OK, &err);
	if (as_record_numbins(got) != 2 || as_record_get(got, two)) {
		basic_fail(&ctx, "select returned other bins than the two asked for", NULL);
	}
	basic_expect_int(&ctx, got, one, 1111);
	basic_expect_str(&ctx, got, three, "three's data");
	as_record_destroy(got);
	got = NULL;

	const char* absent[] = { "no-such-bin", NULL };
	basic_expect(&ctx, "select of a missing bin",
		aerospike_key_select(&ctx.as, &err, NULL, &key, absent, &got), AEROSPIKE_OK, &err);
	if (as_record_numbins(got) != 0 || got->gen == 0) {
		basic_fail(&ctx, "a missing bin: expected no bins and the record's generation", NULL);
	}
	as_record_destroy(got);
	got = NULL;

	basic_expect(&ctx, "exists", aerospike_key_exists(&ctx.as, &err, NULL, &key, &got),
		AEROSPIKE_OK, &err);
	if (!got || as_record_numbins(got) != 0 || got->gen == 0) {
		basic_fail(&ctx, "exists: expected metadata without bins", NULL);
	}
	as_record_destroy(got);
	as_key_destroy(&key);
	return basic_finish(&ctx);
}
