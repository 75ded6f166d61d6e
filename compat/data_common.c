#include "data_common.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

void data_start(basic_ctx* ctx, const char* name, int argc, char* argv[])
{
	static char own_set[AS_SET_MAX_SIZE];
	basic_start_prefixed(ctx, "data_", name, argc, argv);
	int n = snprintf(own_set, sizeof(own_set), "%s-%ld", ctx->set, (long)getpid());
	if (n < 0 || (size_t)n >= sizeof(own_set)) {
		basic_fail(ctx, "the set name with the pid does not fit a set name", NULL);
	}
	ctx->set = own_set;
}

as_key* data_key(basic_ctx* ctx, as_key* key, int64_t i)
{
	return data_key_in(ctx->set, key, i);
}

as_key* data_key_in(const char* set, as_key* key, int64_t i)
{
	return as_key_init_int64(key, BASIC_NS, set, i);
}

const char* data_name(basic_ctx* ctx, int slot, const char* suffix)
{
	static char names[4][64];
	snprintf(names[slot], sizeof(names[slot]), "%s-%s", ctx->set, suffix);
	return names[slot];
}

void data_put(basic_ctx* ctx, const as_key* key, as_record* rec)
{
	as_error err;
	basic_expect(ctx, "put", aerospike_key_put(&ctx->as, &err, NULL, key, rec), AEROSPIKE_OK,
		&err);
}

void data_remove(basic_ctx* ctx, const as_key* key)
{
	as_error err;
	basic_expect(ctx, "remove", aerospike_key_remove(&ctx->as, &err, NULL, key), AEROSPIKE_OK,
		&err);
}

void data_expect_numbins(basic_ctx* ctx, const as_record* rec, uint16_t n, const char* what)
{
	if (as_record_numbins(rec) != n) {
		char msg[160];
		snprintf(msg, sizeof(msg), "%s: %u bins, expected %u", what,
			(unsigned)as_record_numbins(rec), (unsigned)n);
		basic_fail(ctx, msg, NULL);
	}
}
