/*
 * What every compat/basic_*.c example shares: the command line, the
 * connection, the example's key and a way to stop with a message.
 *
 * usage: basic_NAME HOST:PORT SET [shm=KEY] [runner=N]
 *
 * Several runners may run one example at once on the same record (same SET):
 * each then writes only its own bins (basic_bin() appends the runner number),
 * and what acts on a whole record (remove, expiry) uses the runner's own key
 * (basic_key_own()).
 */
#ifndef COMPAT_BASIC_COMMON_H
#define COMPAT_BASIC_COMMON_H

#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_error.h>
#include <aerospike/as_key.h>
#include <aerospike/as_record.h>

#include <stdbool.h>
#include <stdint.h>

#define BASIC_NS "test"

typedef struct basic_ctx_s {
	aerospike as;
	/* "basic_" or "data_": messages say PREFIXNAME. */
	const char* prefix;
	const char* name;
	const char* set;
	int runner;
	bool shm;
} basic_ctx;

/* Parses the command line and connects; exits 2 on a bad command line and 1
 * when the connection fails. */
void basic_start(basic_ctx* ctx, const char* name, int argc, char* argv[]);
void basic_start_prefixed(basic_ctx* ctx, const char* prefix, const char* name, int argc,
	char* argv[]);

/* Closes, prints "PREFIXNAME: ok" and returns the exit status 0. */
int basic_finish(basic_ctx* ctx);

/* Prints "PREFIXNAME: FAIL what" (and the error's code and message when
 * err is not NULL) on stderr and exits 1. */
void basic_fail(basic_ctx* ctx, const char* what, const as_error* err);

/* Fails unless st is expected. */
void basic_expect(basic_ctx* ctx, const char* what, as_status st, as_status expected,
	const as_error* err);

/* The example's shared record, and a record of this runner's own. */
as_key* basic_key(basic_ctx* ctx, as_key* key);
as_key* basic_key_own(basic_ctx* ctx, as_key* key, const char* what);

/* name + runner number, in a static buffer per slot (0..7). */
const char* basic_bin(basic_ctx* ctx, int slot, const char* name);

/* Fails unless the record's bin holds that integer / string. */
void basic_expect_int(basic_ctx* ctx, const as_record* rec, const char* bin, int64_t value);
void basic_expect_str(basic_ctx* ctx, const as_record* rec, const char* bin, const char* value);

#endif
