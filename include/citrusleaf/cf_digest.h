/*
 * cf_digest: the 20-byte RIPEMD-160 digest that names a record, and the
 * inline helpers that compute, compare and print one.
 */
#pragma once

#include <aerospike/as_std.h>

#include <stdio.h>
#include <string.h>

#include "cf_crypto.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CF_DIGEST_KEY_SZ CF_RIPEMD160_DIGEST_LENGTH

typedef struct cf_digest_s {
	uint8_t digest[CF_DIGEST_KEY_SZ];
} cf_digest;

/* Twenty zero bytes. */
AS_EXTERN extern const cf_digest cf_digest_zero;

static inline void cf_digest_compute(const void* data, size_t len, cf_digest* d)
{
	cf_RIPEMD160((const unsigned char*)data, len, (unsigned char*)d->digest);
}

/*
 * The digest of data1 followed by data2. An empty data1 (a key without a
 * set) hashes data2 in one call; the result is the same either way.
 */
static inline void cf_digest_compute2(const void* data1, size_t len1, const void* data2,
		size_t len2, cf_digest* d)
{
	cf_RIPEMD160_CTX ctx;

	if (len1 == 0) {
		cf_RIPEMD160((const unsigned char*)data2, len2, (unsigned char*)d->digest);
		return;
	}
	cf_RIPEMD160_Init(&ctx);
	cf_RIPEMD160_Update(&ctx, data1, len1);
	cf_RIPEMD160_Update(&ctx, data2, len2);
	cf_RIPEMD160_Final((unsigned char*)d->digest, &ctx);
}

static inline int cf_digest_compare(const cf_digest* d1, const cf_digest* d2)
{
	return memcmp(d1->digest, d2->digest, CF_DIGEST_KEY_SZ);
}

/*
 * Lower-case hex of d into output, which needs 2 * CF_DIGEST_KEY_SZ + 1
 * bytes; a NULL digest prints as "null".
 */
static inline void cf_digest_string(const cf_digest* d, char* output)
{
	int i;

	if (d == NULL) {
		strcpy(output, "null");
		return;
	}
	for (i = 0; i < CF_DIGEST_KEY_SZ; i++) {
		sprintf(output + 2 * i, "%02x", d->digest[i]);
	}
}

#ifdef __cplusplus
}
#endif
