/*
 * Host/network byte-order conversions for 16, 32 and 64-bit words and
 * doubles. Built on the compiler's byte-order macros and bswap builtins, so
 * they need no POSIX feature macros and work in strict ISO C.
 */
#pragma once

#include <aerospike/as_std.h>

#if defined(__linux__)
#include <endian.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define AS_BYTE_ORDER_SWAP_BE_(bits, n) (n)
#define AS_BYTE_ORDER_SWAP_LE_(bits, n) __builtin_bswap##bits(n)
#else
#define AS_BYTE_ORDER_SWAP_BE_(bits, n) __builtin_bswap##bits(n)
#define AS_BYTE_ORDER_SWAP_LE_(bits, n) (n)
#endif

/* Swapping is its own inverse, so "to" and "from" share one body. */
#define AS_BYTE_ORDER_FNS_(bits) \
	static inline uint##bits##_t cf_swap_to_be##bits(uint##bits##_t n) \
	{ \
		return AS_BYTE_ORDER_SWAP_BE_(bits, n); \
	} \
	static inline uint##bits##_t cf_swap_from_be##bits(uint##bits##_t n) \
	{ \
		return AS_BYTE_ORDER_SWAP_BE_(bits, n); \
	} \
	static inline uint##bits##_t cf_swap_to_le##bits(uint##bits##_t n) \
	{ \
		return AS_BYTE_ORDER_SWAP_LE_(bits, n); \
	} \
	static inline uint##bits##_t cf_swap_from_le##bits(uint##bits##_t n) \
	{ \
		return AS_BYTE_ORDER_SWAP_LE_(bits, n); \
	}

AS_BYTE_ORDER_FNS_(16)
AS_BYTE_ORDER_FNS_(32)
AS_BYTE_ORDER_FNS_(64)

#undef AS_BYTE_ORDER_FNS_
#undef AS_BYTE_ORDER_SWAP_BE_
#undef AS_BYTE_ORDER_SWAP_LE_

/* Doubles travel as their 64-bit pattern. */
typedef union cf_swap_float64_u {
	uint64_t u;
	double d;
} cf_swap_float64;

static inline double cf_swap_to_big_float64(double d)
{
	cf_swap_float64 v;
	v.d = d;
	v.u = cf_swap_to_be64(v.u);
	return v.d;
}

static inline double cf_swap_to_little_float64(double d)
{
	cf_swap_float64 v;
	v.d = d;
	v.u = cf_swap_to_le64(v.u);
	return v.d;
}

static inline double cf_swap_from_big_float64(double d)
{
	cf_swap_float64 v;
	v.d = d;
	v.u = cf_swap_from_be64(v.u);
	return v.d;
}

static inline double cf_swap_from_little_float64(double d)
{
	cf_swap_float64 v;
	v.d = d;
	v.u = cf_swap_from_le64(v.u);
	return v.d;
}

#ifdef __cplusplus
}
#endif
