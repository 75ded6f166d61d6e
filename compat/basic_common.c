#include "basic_common.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(const char* prog)
{
	fprintf(stderr, "usage: %s HOST:PORT SET [shm=KEY] [runner=N]\n", prog);
	exit(2);
}

void basic_start(basic_ctx* ctx, const char* name, int argc, char* argv[])
{
	basic_start_prefixed(ctx, "basic_", name, argc, argv);
}

void basic_start_prefixed(basic_ctx* ctx, const char* prefix, const char* name, int argc,
	char* argv[])
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->prefix = prefix;
	ctx->name = name;
	if (argc < 3) {
		usage(argv[0]);
	}
	ctx->set = argv[2];
	as_config config;
	as_config_init(&config);
	if (!as_config_add_hosts(&config, argv[1], 3000)) {
		usage(argv[0]);
	}
	for (int i = 3; i < argc; i++) {
		if (strncmp(argv[i], "shm=", 4) == 0) {
			config.use_shm = true;
			config.shm_key = (int)strtol(argv[i] + 4, NULL, 0);
			ctx->shm = true;
		}
		else if (strncmp(argv[i], "runner=", 7) == 0) {
			ctx->runner = atoi(argv[i] + 7);
		}
		else {
			usage(argv[0]);
		}
	}
	as_error err;
	aerospike_init(&ctx->as, &config);
	if (aerospike_connect(&ctx->as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "%s%s: FAIL connect: %d %s\n", prefix, name, err.code, err.message);
		aerospike_destroy(&ctx->as);
		exit(1);
	}
}

int basic_finish(basic_ctx* ctx)
{
	as_error err;
	aerospike_close(&ctx->as, &err);
	aerospike_destroy(&ctx->as);
	printf("%s%s: ok\n", ctx->prefix, ctx->name);
	return 0;
}

void basic_fail(basic_ctx* ctx, const char* what, const as_error* err)
{
	if (err) {
		fprintf(stderr, "%s%s: FAIL %s: %d %s\n", ctx->prefix, ctx->name, what, err->code,
			err->message);
	}
	else {
		fprintf(stderr, "%s%s: FAIL %s\n", ctx->prefix, ctx->name, what);
	}
	exit(1);
}

void basic_expect(basic_ctx* ctx, const char* what, as_status st, as_status expected,
	const as_error* err)
{
	if (st == expected) {
		return;
	}
	char msg[256];
	snprintf(msg, sizeof(msg), "%s returned %d, expected %d", what, (int)st, (int)expected);
	basic_fail(ctx, msg, st == AEROSPIKE_OK ? NULL : err);
}

as_key* basic_key(basic_ctx* ctx, as_key* key)
{
	char name[64];
	snprintf(name, sizeof(name), "basic-%s", ctx->name);
	/* as_key_init_strp with free=true keeps its own copy of the name. */
	return as_key_init_strp(key, BASIC_NS, ctx->set, strdup(name), true);
}

as_key* basic_key_own(basic_ctx* ctx, as_key* key, const char* what)
{
	char name[96];
	snprintf(name, sizeof(name), "basic-%s-%s-%d", ctx->name, what, ctx->runner);
	return as_key_init_strp(key, BASIC_NS, ctx->set, strdup(name), true);
}

const char* basic_bin(basic_ctx* ctx, int slot, const char* name)
{
	static char bins[8][AS_BIN_NAME_MAX_SIZE];
	snprintf(bins[slot], sizeof(bins[slot]), "%s%d", name, ctx->runner);
	return bins[slot];
}

void basic_expect_int(basic_ctx* ctx, const as_record* rec, const char* bin, int64_t value)
{
	as_integer* v = as_record_get_integer(rec, bin);
	char msg[128];
	if (!v) {
		snprintf(msg, sizeof(msg), "bin %s: no integer, expected %" PRId64, bin, value);
		basic_fail(ctx, msg, NULL);
	}
	if (as_integer_get(v) != value) {
		snprintf(msg, sizeof(msg), "bin %s: %" PRId64 ", expected %" PRId64, bin,
			as_integer_get(v), value);
		basic_fail(ctx, msg, NULL);
	}
}

void basic_expect_str(basic_ctx* ctx, const as_record* rec, const char* bin, const char* value)
{
	const char* v = as_record_get_str(rec, bin);
	if (!v || strcmp(v, value) != 0) {
		char msg[256];
		snprintf(msg, sizeof(msg), "bin %s: \"%s\", expected \"%s\"", bin, v ? v : "(no string)",
			value);
		basic_fail(ctx, msg, NULL);
	}
}
