/* Remove: a record goes, a second removal finds nothing, and a removal
 * guarded by a wrong generation is refused. The record is the runner's own:
 * a removal acts on the whole record. */
#include "basic_common.h"

#include <aerospike/as_policy.h>

static void put_one(basic_ctx* ctx, const as_key* key)
{
	as_error err;
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "v", 1);
	basic_expect(ctx, "put", aerospike_key_put(&ctx->as, &err, NULL, key, &rec), AEROSPIKE_OK,
		&err);
	as_record_destroy(&rec);
}

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	basic_start(&ctx, "remove", argc, argv);
	as_error err;
	as_key key;
	basic_key_own(&ctx, &key, "own");

	put_one(&ctx, &key);
	basic_expect(&ctx, "remove", aerospike_key_remove(&ctx.as, &err, NULL, &key), AEROSPIKE_OK,
		&err);
	as_record* got = NULL;
	basic_expect(&ctx, "get after remove", aerospike_key_get(&ctx.as, &err, NULL, &key, &got),
		AEROSPIKE_ERR_RECORD_NOT_FOUND, &err);
	basic_expect(&ctx, "second remove", aerospike_key_remove(&ctx.as, &err, NULL, &key),
		AEROSPIKE_ERR_RECORD_NOT_FOUND, &err);

	put_one(&ctx, &key);
	put_one(&ctx, &key);
	as_policy_remove guarded;
	as_policy_remove_init(&guarded);
	guarded.gen = AS_POLICY_GEN_EQ;
	guarded.generation = 1;
	basic_expect(&ctx, "remove with a wrong generation",
		aerospike_key_remove(&ctx.as, &err, &guarded, &key), AEROSPIKE_ERR_RECORD_GENERATION,
		&err);
	guarded.generation = 2;
	guarded.durable_delete = true;
	basic_expect(&ctx, "durable remove with the right generation",
		aerospike_key_remove(&ctx.as, &err, &guarded, &key), AEROSPIKE_OK, &err);
	basic_expect(&ctx, "exists after remove",
		aerospike_key_exists(&ctx.as, &err, NULL, &key, NULL), AEROSPIKE_ERR_RECORD_NOT_FOUND,
		&err);
	as_key_destroy(&key);
	return basic_finish(&ctx);
}
