/* Touch: a new TTL and generation without changing a bin. Each operate
 * answers the record's TTL and generation right after it, so the checks
 * hold however other runners interleave on the same record. */
#include "basic_common.h"

#include <aerospike/as_operations.h>

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	basic_start(&ctx, "touch", argc, argv);
	const char* bin = basic_bin(&ctx, 0, "stay");
	as_key key;
	basic_key(&ctx, &key);
	as_error err;
	as_operations ops;
	as_record* got = NULL;

	as_operations_inita(&ops, 2);
	as_operations_add_write_int64(&ops, bin, 42);
	as_operations_add_read(&ops, bin);
	ops.ttl = 1000;
	basic_expect(&ctx, "write with ttl 1000", aerospike_key_operate(&ctx.as, &err, NULL, &key,
		&ops, &got), AEROSPIKE_OK, &err);
	as_operations_destroy(&ops);
	if (got->ttl == 0 || got->ttl > 1000) {
		basic_fail(&ctx, "the write's TTL is not at most 1000 s", NULL);
	}
	uint16_t written = got->gen;
	as_record_destroy(got);
	got = NULL;

	as_operations_inita(&ops, 2);
	as_operations_add_touch(&ops);
	as_operations_add_read(&ops, bin);
	ops.ttl = 100000;
	basic_expect(&ctx, "touch with ttl 100000", aerospike_key_operate(&ctx.as, &err, NULL, &key,
		&ops, &got), AEROSPIKE_OK, &err);
	as_operations_destroy(&ops);
	if (got->ttl <= 1000 || got->ttl > 100000) {
		basic_fail(&ctx, "the touch did not set a TTL above 1000 s", NULL);
	}
	/* generations only grow (other runners may add to it) */
	if (got->gen <= written) {
		basic_fail(&ctx, "the touch did not raise the generation", NULL);
	}
	basic_expect_int(&ctx, got, bin, 42);
	as_record_destroy(got);

	as_key nowhere;
	basic_key_own(&ctx, &nowhere, "never-written");
	as_operations_inita(&ops, 1);
	as_operations_add_touch(&ops);
	basic_expect(&ctx, "touch of a missing record", aerospike_key_operate(&ctx.as, &err, NULL,
		&nowhere, &ops, NULL), AEROSPIKE_ERR_RECORD_NOT_FOUND, &err);
	as_operations_destroy(&ops);
	as_key_destroy(&nowhere);
	as_key_destroy(&key);
	return basic_finish(&ctx);
}
