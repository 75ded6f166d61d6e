/*
 * Sizes of the user name and password hash buffers (as_config.user is
 * AS_USER_SIZE bytes) and the password helpers of the security layer,
 * which aeroshim does not implement; they are declared with their 7.4.0
 * signatures.
 */
#pragma once

#include <aerospike/as_std.h>

#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_USER_SIZE 64
#define AS_PASSWORD_HASH_SIZE 64

AS_EXTERN bool as_password_prompt_hash(const char* password, char* hash);
AS_EXTERN void as_password_acquire(char* password_trg, const char* password_src, int size);

/* bcrypt hashes are 60 characters; equal hashes mean equal passwords. */
static inline bool as_password_verify(const char* hash1, const char* hash2)
{
	return memcmp(hash1, hash2, 60) == 0;
}

#ifdef __cplusplus
}
#endif
