/* Exists: metadata only, for a record that is there and one that is not. */
#include "basic_common.h"

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	basic_start(&ctx, "exists", argc, argv);
	as_error err;
	as_record* meta = NULL;

	as_key nowhere;
	basic_key_own(&ctx, &nowhere, "never-written");
	basic_expect(&ctx, "exists of a missing record",
		aerospike_key_exists(&ctx.as, &err, NULL, &nowhere, &meta),
		AEROSPIKE_ERR_RECORD_NOT_FOUND, &err);
	if (meta) {
		basic_fail(&ctx, "a missing record came back", NULL);
	}
	/* the record pointer may also be left out */
	basic_expect(&ctx, "exists without a record pointer",
		aerospike_key_exists(&ctx.as, &err, NULL, &nowhere, NULL),
		AEROSPIKE_ERR_RECORD_NOT_FOUND, &err);
	as_key_destroy(&nowhere);

	as_key key;
	basic_key(&ctx, &key);
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_str(&rec, basic_bin(&ctx, 0, "here"), "yes");
	rec.ttl = 5000;
	basic_expect(&ctx, "put", aerospike_key_put(&ctx.as, &err, NULL, &key, &rec), AEROSPIKE_OK,
		&err);
	as_record_destroy(&rec);

	basic_expect(&ctx, "exists", aerospike_key_exists(&ctx.as, &err, NULL, &key, &meta),
		AEROSPIKE_OK, &err);
	if (!meta || as_record_numbins(meta) != 0 || meta->gen == 0) {
		basic_fail(&ctx, "exists: expected metadata without bins", NULL);
	}
	/* every runner writes 5000 s, so the TTL is at most that */
	if (meta->ttl == 0 || meta->ttl > 5000) {
		basic_fail(&ctx, "exists: the TTL is not the 5000 s written", NULL);
	}
	as_record_destroy(meta);
	basic_expect(&ctx, "exists without a record pointer",
		aerospike_key_exists(&ctx.as, &err, NULL, &key, NULL), AEROSPIKE_OK, &err);
	as_key_destroy(&key);
	return basic_finish(&ctx);
}
