/* Generation: writes that require the record's current generation (EQ) or a
 * greater one (GT). The record is shared with other runners, whose writes
 * bump its generation between our read and our write: only the EQ write
 * with the generation just read is retried for that (each miss must be a
 * generation error); the expected refusals use generations no run reaches,
 * so they stay deterministic. */
#include "basic_common.h"

#include <aerospike/as_policy.h>

#define RETRIES 100

static uint16_t read_gen(basic_ctx* ctx, const as_key* key)
{
	as_error err;
	as_record* got = NULL;
	basic_expect(ctx, "exists", aerospike_key_exists(&ctx->as, &err, NULL, key, &got),
		AEROSPIKE_OK, &err);
	uint16_t gen = got->gen;
	as_record_destroy(got);
	return gen;
}

static as_status put_gen(basic_ctx* ctx, const as_key* key, as_policy_gen policy, uint16_t gen,
	int64_t value, as_error* err)
{
	as_policy_write p;
	as_policy_write_init(&p);
	p.gen = policy;
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, basic_bin(ctx, 0, "g"), value);
	rec.gen = gen;
	as_status st = aerospike_key_put(&ctx->as, err, &p, key, &rec);
	as_record_destroy(&rec);
	return st;
}

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	basic_start(&ctx, "generation", argc, argv);
	as_key key;
	basic_key(&ctx, &key);
	as_error err;

	basic_expect(&ctx, "first put", put_gen(&ctx, &key, AS_POLICY_GEN_IGNORE, 0, 1001, &err),
		AEROSPIKE_OK, &err);

	as_status st = AEROSPIKE_ERR_RECORD_GENERATION;
	for (int i = 0; i < RETRIES && st == AEROSPIKE_ERR_RECORD_GENERATION; i++) {
		uint16_t gen = read_gen(&ctx, &key);
		st = put_gen(&ctx, &key, AS_POLICY_GEN_EQ, gen, 1002, &err);
	}
	basic_expect(&ctx, "put with the current generation (EQ)", st, AEROSPIKE_OK, &err);

	uint16_t gen = read_gen(&ctx, &key);
	basic_expect(&ctx, "put with a generation far ahead (EQ)",
		put_gen(&ctx, &key, AS_POLICY_GEN_EQ, (uint16_t)(gen + 10000), 1003, &err),
		AEROSPIKE_ERR_RECORD_GENERATION, &err);
	basic_expect(&ctx, "put with generation 0 (GT)",
		put_gen(&ctx, &key, AS_POLICY_GEN_GT, 0, 1004, &err), AEROSPIKE_ERR_RECORD_GENERATION,
		&err);
	basic_expect(&ctx, "put with a generation far ahead (GT)",
		put_gen(&ctx, &key, AS_POLICY_GEN_GT, (uint16_t)(gen + 10000), 1005, &err),
		AEROSPIKE_OK, &err);

	as_record* got = NULL;
	basic_expect(&ctx, "get", aerospike_key_get(&ctx.as, &err, NULL, &key, &got), AEROSPIKE_OK,
		&err);
	basic_expect_int(&ctx, got, basic_bin(&ctx, 0, "g"), 1005);
	if (got->gen <= gen) {
		basic_fail(&ctx, "the generation did not grow", NULL);
	}
	as_record_destroy(got);
	as_key_destroy(&key);
	return basic_finish(&ctx);
}
