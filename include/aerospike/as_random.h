/*
 * Fast non-cryptographic random numbers: xorshift128+ over two 64-bit words
 * of state. as_random_instance gives the calling thread its own generator,
 * seeded on first use. The seeding and byte/string fillers are the core
 * library's: declared only; the number generators are inline.
 */
#pragma once

#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_random_s {
	uint64_t seed0;
	uint64_t seed1;
	bool initialized;
} as_random;

AS_EXTERN void as_random_init(as_random* random);
AS_EXTERN as_random* as_random_instance(void);
AS_EXTERN void as_random_next_bytes(as_random* random, uint8_t* bytes, uint32_t len);
AS_EXTERN void as_random_next_str(as_random* random, char* str, uint32_t len);

static inline uint64_t as_random_next_uint64(as_random* random)
{
	uint64_t x = random->seed0;
	uint64_t y = random->seed1;
	random->seed0 = y;
	x ^= x << 23;
	random->seed1 = x ^ y ^ (x >> 18) ^ (y >> 5);
	return random->seed1 + y;
}

static inline uint32_t as_random_next_uint32(as_random* random)
{
	return (uint32_t)as_random_next_uint64(random);
}

static inline uint64_t as_random_get_uint64(void)
{
	return as_random_next_uint64(as_random_instance());
}

static inline uint32_t as_random_get_uint32(void)
{
	return (uint32_t)as_random_get_uint64();
}

static inline void as_random_get_bytes(uint8_t* bytes, uint32_t len)
{
	as_random_next_bytes(as_random_instance(), bytes, len);
}

static inline void as_random_get_str(char* str, uint32_t len)
{
	as_random_next_str(as_random_instance(), str, len);
}

#ifdef __cplusplus
}
#endif
