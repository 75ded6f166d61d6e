/*
 * cf_crypto: the two hashes the client needs. RIPEMD-160 makes record
 * digests (with a streaming form whose context lives in the caller's memory,
 * so its layout is ABI); SHA-1 is one-shot only.
 */
#pragma once

#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CF_SHA_DIGEST_LENGTH 20

/* Writes the CF_SHA_DIGEST_LENGTH-byte SHA-1 of d[0..n) to md. */
AS_EXTERN void cf_SHA1(const uint8_t* d, size_t n, uint8_t* md);

#define CF_RIPEMD160_DIGEST_LENGTH 20

/*
 * Streaming RIPEMD-160 state. Opaque to callers, who only allocate it:
 * total counts the bytes hashed so far (low word first), state is the
 * chaining value, buffer holds a partial 64-byte block.
 */
typedef struct cf_RIPEMD160_CTX_s {
	uint32_t total[2];
	uint32_t state[5];
	unsigned char buffer[64];
} cf_RIPEMD160_CTX;

/* Each returns 0; they cannot fail. */
AS_EXTERN int cf_RIPEMD160(const unsigned char* input, size_t ilen, unsigned char* output);
AS_EXTERN int cf_RIPEMD160_Init(cf_RIPEMD160_CTX* ctx);
AS_EXTERN int cf_RIPEMD160_Update(cf_RIPEMD160_CTX* ctx, const void* v_input, size_t ilen);
AS_EXTERN int cf_RIPEMD160_Final(unsigned char* output, cf_RIPEMD160_CTX* ctx);

#ifdef __cplusplus
}
#endif
