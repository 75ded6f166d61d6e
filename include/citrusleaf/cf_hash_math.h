/*
 * Non-cryptographic hashes of byte strings, all inline: FNV-1a and
 * Jenkins one-at-a-time (32 and 64 bits), a pointer-word hash, MurmurHash3
 * x64/128, and wyhash (its final variant with the library's fixed seed).
 * Multi-byte words are read little-endian wherever they sit in memory, so
 * results do not depend on the host or on alignment.
 */
#pragma once

#include <aerospike/as_std.h>
#include <citrusleaf/cf_byte_order.h>

#include <stddef.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

static inline uint32_t cf_hash_fnv32(const uint8_t* buf, size_t size)
{
	uint32_t hash = 2166136261u;
	for (size_t i = 0; i < size; i++) {
		hash = (hash ^ buf[i]) * 16777619u;
	}
	return hash;
}

static inline uint64_t cf_hash_fnv64(const uint8_t* buf, size_t size)
{
	uint64_t hash = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < size; i++) {
		hash = (hash ^ buf[i]) * 0x100000001b3ULL;
	}
	return hash;
}

static inline uint32_t cf_hash_jen32(const uint8_t* buf, size_t size)
{
	uint32_t hash = 0;
	for (size_t i = 0; i < size; i++) {
		hash += buf[i];
		hash += hash << 10;
		hash ^= hash >> 6;
	}
	hash += hash << 3;
	hash ^= hash >> 11;
	return hash + (hash << 15);
}

static inline uint64_t cf_hash_jen64(const uint8_t* buf, size_t size)
{
	uint64_t hash = 0;
	for (size_t i = 0; i < size; i++) {
		hash += buf[i];
		hash += hash << 10;
		hash ^= hash >> 6;
	}
	hash += hash << 3;
	hash ^= hash >> 11;
	return hash + (hash << 15);
}

/* Hashes the 64-bit word p_ptr points at (a pointer stored in a hash key). */
static inline uint32_t cf_hash_ptr32(const void* p_ptr)
{
	uint64_t word;
	memcpy(&word, p_ptr, sizeof(word));
	return (uint32_t)((word * 0xe221f97c30e94e1dULL) >> 32);
}

/* Rotate a 64-bit word left by r (0 < r < 64). */
#define ROTL(x, r) ((x << r) | (x >> (64 - r)))

/* MurmurHash3's 64-bit finalizer. */
static inline uint64_t fmix64(uint64_t k)
{
	k = (k ^ (k >> 33)) * 0xff51afd7ed558ccdULL;
	k = (k ^ (k >> 33)) * 0xc4ceb9fe1a85ec53ULL;
	return k ^ (k >> 33);
}

static inline uint64_t cf_hash_load_le64_(const uint8_t* p)
{
	uint64_t word;
	memcpy(&word, p, sizeof(word));
	return cf_swap_from_le64(word);
}

/* MurmurHash3 x64/128 with seed 0; out receives the two 64-bit halves in host order. */
static inline void murmurHash3_x64_128(const uint8_t* key, const size_t len, uint8_t* out)
{
	const uint64_t c1 = 0x87c37b91114253d5ULL;
	const uint64_t c2 = 0x4cf5ad432745937fULL;
	const size_t body = len & ~(size_t)15;
	uint64_t h1 = 0;
	uint64_t h2 = 0;
	uint64_t k1 = 0;
	uint64_t k2 = 0;
	uint64_t halves[2];

	for (size_t at = 0; at < body; at += 16) {
		k1 = cf_hash_load_le64_(key + at) * c1;
		k1 = ROTL(k1, 31) * c2;
		h1 ^= k1;
		h1 = ROTL(h1, 27) + h2;
		h1 = h1 * 5 + 0x52dce729;
		k2 = cf_hash_load_le64_(key + at + 8) * c2;
		k2 = ROTL(k2, 33) * c1;
		h2 ^= k2;
		h2 = ROTL(h2, 31) + h1;
		h2 = h2 * 5 + 0x38495ab5;
	}
	/* The 0..15 trailing bytes: the first 8 little-endian into k1, the rest into k2. */
	k1 = 0;
	k2 = 0;
	for (size_t i = body; i < len; i++) {
		size_t at = i - body;
		if (at < 8) {
			k1 |= (uint64_t)key[i] << (8 * at);
		}
		else {
			k2 |= (uint64_t)key[i] << (8 * (at - 8));
		}
	}
	if (len - body > 8) {
		k2 *= c2;
		k2 = ROTL(k2, 33) * c1;
		h2 ^= k2;
	}
	if (len - body > 0) {
		k1 *= c1;
		k1 = ROTL(k1, 31) * c2;
		h1 ^= k1;
	}
	h1 ^= (uint64_t)len;
	h2 ^= (uint64_t)len;
	h1 += h2;
	h2 += h1;
	h1 = fmix64(h1);
	h2 = fmix64(h2);
	h1 += h2;
	h2 += h1;
	halves[0] = h1;
	halves[1] = h2;
	memcpy(out, halves, sizeof(halves));
}

/* Full 128-bit product of *A and *B: low half into *A, high half into *B. */
static inline void cf_mult128(uint64_t* A, uint64_t* B)
{
#if defined(__SIZEOF_INT128__)
	__extension__ typedef unsigned __int128 cf_hash_u128_;
	cf_hash_u128_ product = (cf_hash_u128_)*A * *B;
	*A = (uint64_t)product;
	*B = (uint64_t)(product >> 64);
#else
	uint64_t a_lo = (uint32_t)*A;
	uint64_t a_hi = *A >> 32;
	uint64_t b_lo = (uint32_t)*B;
	uint64_t b_hi = *B >> 32;
	uint64_t lo_lo = a_lo * b_lo;
	uint64_t hi_lo = a_hi * b_lo;
	uint64_t lo_hi = a_lo * b_hi;
	uint64_t cross = (lo_lo >> 32) + (uint32_t)hi_lo + (uint32_t)lo_hi;
	*A = (cross << 32) | (uint32_t)lo_lo;
	*B = a_hi * b_hi + (hi_lo >> 32) + (lo_hi >> 32) + (cross >> 32);
#endif
}

static inline uint64_t _wymix(uint64_t A, uint64_t B)
{
	cf_mult128(&A, &B);
	return A ^ B;
}

static inline uint64_t _wyr8(const uint8_t* p)
{
	return cf_hash_load_le64_(p);
}

static inline uint64_t _wyr4(const uint8_t* p)
{
	uint32_t word;
	memcpy(&word, p, sizeof(word));
	return cf_swap_from_le32(word);
}

/* 1 to 3 bytes: first, middle and last byte. */
static inline uint64_t _wyr3(const uint8_t* p, size_t k)
{
	return ((uint64_t)p[0] << 16) | ((uint64_t)p[k >> 1] << 8) | p[k - 1];
}

static inline uint64_t cf_wyhash64(const void* key, size_t len)
{
	static const uint64_t secret[4] = { 0xa0761d6478bd642fULL, 0xe7037ed1a0b428dbULL,
		0x8ebc6af09c88c6e3ULL, 0x589965cc75374cc3ULL };
	const uint8_t* p = (const uint8_t*)key;
	uint64_t seed = 0x29FBB14cc886fULL ^ secret[0];
	uint64_t a = 0;
	uint64_t b = 0;

	if (len <= 16) {
		if (len >= 4) {
			size_t mid = (len >> 3) << 2;
			a = (_wyr4(p) << 32) | _wyr4(p + mid);
			b = (_wyr4(p + len - 4) << 32) | _wyr4(p + len - 4 - mid);
		}
		else if (len > 0) {
			a = _wyr3(p, len);
		}
	}
	else {
		size_t left = len;
		if (left > 48) {
			uint64_t lane1 = seed;
			uint64_t lane2 = seed;
			while (left > 48) {
				seed = _wymix(_wyr8(p) ^ secret[1], _wyr8(p + 8) ^ seed);
				lane1 = _wymix(_wyr8(p + 16) ^ secret[2], _wyr8(p + 24) ^ lane1);
				lane2 = _wymix(_wyr8(p + 32) ^ secret[3], _wyr8(p + 40) ^ lane2);
				p += 48;
				left -= 48;
			}
			seed ^= lane1 ^ lane2;
		}
		while (left > 16) {
			seed = _wymix(_wyr8(p) ^ secret[1], _wyr8(p + 8) ^ seed);
			p += 16;
			left -= 16;
		}
		a = _wyr8(p + left - 16);
		b = _wyr8(p + left - 8);
	}
	return _wymix(secret[1] ^ (uint64_t)len, _wymix(a ^ secret[1], b ^ seed));
}

static inline uint32_t cf_wyhash32(const void* key, size_t len)
{
	return (uint32_t)cf_wyhash64(key, len);
}

#ifdef __cplusplus
}
#endif
