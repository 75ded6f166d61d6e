/* Expire: a record written with a 2-second TTL is there, then gone. Waiting
 * is the point here; the record is polled every 50 ms, for at most 5 s, so
 * the example ends as soon as the record has expired. The record is the
 * runner's own: expiry takes the whole record. Not 1 s: void times are whole
 * seconds, so a 1-second record written late in a second can be gone by the
 * read that follows it. */
#include "basic_common.h"

#include <time.h>

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	basic_start(&ctx, "expire", argc, argv);
	as_key key;
	basic_key_own(&ctx, &key, "short-lived");
	as_error err;

	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "v", 1234);
	rec.ttl = 2;
	basic_expect(&ctx, "put with ttl 2", aerospike_key_put(&ctx.as, &err, NULL, &key, &rec),
		AEROSPIKE_OK, &err);
	as_record_destroy(&rec);

	as_record* got = NULL;
	basic_expect(&ctx, "exists right after the put",
		aerospike_key_exists(&ctx.as, &err, NULL, &key, &got), AEROSPIKE_OK, &err);
	if (got->ttl == AS_RECORD_NO_EXPIRE_TTL || got->ttl > 3) {
		basic_fail(&ctx, "the record's TTL is not about 2 s", NULL);
	}
	as_record_destroy(got);

	struct timespec pause = { 0, 50 * 1000 * 1000 };
	as_status st = AEROSPIKE_OK;
	for (int i = 0; i < 100 && st == AEROSPIKE_OK; i++) {
		nanosleep(&pause, NULL);
		st = aerospike_key_exists(&ctx.as, &err, NULL, &key, NULL);
	}
	basic_expect(&ctx, "exists after the TTL", st, AEROSPIKE_ERR_RECORD_NOT_FOUND, &err);
	as_key_destroy(&key);
	return basic_finish(&ctx);
}
