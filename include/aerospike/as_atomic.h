/*
 * Atomics for the public headers. The integer and pointer helpers and the
 * lock words come from as_atomic_gcc.h (aeroshim builds only with GCC or
 * Clang, so 7.4.0's Windows variant has no counterpart here); this file adds
 * the double, float, bool and pointer-swap forms on top of them.
 *
 * 7.4.0 writes these as GNU statement-expression macros over any pointer;
 * here they are inline functions over `void*` so that they also compile in
 * strict ISO C. Calls look the same and move the same bits.
 */
#pragma once

#include <aerospike/as_atomic_gcc.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Reinterprets bits between a floating-point value and a same-width word. */
typedef union as_atomic_bits64_u {
	uint64_t u;
	double d;
} as_atomic_bits64;

typedef union as_atomic_bits32_u {
	uint32_t u;
	float f;
} as_atomic_bits32;

/* The parameters are volatile-qualified so that, as with 7.4.0's casting
 * macros, a target or value of any qualification is accepted. */
#define AS_ATOMIC_U64_(p) ((volatile uint64_t*)(p))
#define AS_ATOMIC_U32_(p) ((volatile uint32_t*)(p))
#define AS_ATOMIC_U8_(p) ((volatile uint8_t*)(p))

static inline double as_load_double(const volatile void* target)
{
	as_atomic_bits64 v;
	v.u = as_load_rlx(AS_ATOMIC_U64_(target));
	return v.d;
}

static inline float as_load_float(const volatile void* target)
{
	as_atomic_bits32 v;
	v.u = as_load_rlx(AS_ATOMIC_U32_(target));
	return v.f;
}

static inline bool as_load_bool(const volatile void* target)
{
	return as_load_rlx(AS_ATOMIC_U8_(target)) != 0;
}

static inline bool as_load_bool_acq(const volatile void* target)
{
	return as_load_acq(AS_ATOMIC_U8_(target)) != 0;
}

static inline void as_store_double(volatile void* target, double value)
{
	as_atomic_bits64 v;
	v.d = value;
	as_store_rlx(AS_ATOMIC_U64_(target), v.u);
}

static inline void as_store_float(volatile void* target, float value)
{
	as_atomic_bits32 v;
	v.f = value;
	as_store_rlx(AS_ATOMIC_U32_(target), v.u);
}

static inline void as_store_bool(volatile void* target, bool value)
{
	as_store_rlx(AS_ATOMIC_U8_(target), (uint8_t)value);
}

static inline void as_store_bool_rls(volatile void* target, bool value)
{
	as_store_rls(AS_ATOMIC_U8_(target), (uint8_t)value);
}

/* Swaps the pointer stored at target for value; returns the old pointer. */
static inline void* as_fas_ptr(volatile void* target, const volatile void* value)
{
	return (void*)(uintptr_t)as_fas_rlx(AS_ATOMIC_U64_(target), (uint64_t)(uintptr_t)value);
}

static inline double as_fas_double(volatile void* target, double value)
{
	as_atomic_bits64 nv;
	as_atomic_bits64 ov;
	nv.d = value;
	ov.u = as_fas_rlx(AS_ATOMIC_U64_(target), nv.u);
	return ov.d;
}

static inline float as_fas_float(volatile void* target, float value)
{
	as_atomic_bits32 nv;
	as_atomic_bits32 ov;
	nv.f = value;
	ov.u = as_fas_rlx(AS_ATOMIC_U32_(target), nv.u);
	return ov.f;
}

static inline bool as_cas_ptr(volatile void* target, const volatile void* old_value,
	const volatile void* new_value)
{
	uint64_t expected = (uint64_t)(uintptr_t)old_value;
	return as_cas_rlx(AS_ATOMIC_U64_(target), &expected, (uint64_t)(uintptr_t)new_value);
}

static inline bool as_cas_double(volatile void* target, double old_value, double new_value)
{
	as_atomic_bits64 ov;
	as_atomic_bits64 nv;
	ov.d = old_value;
	nv.d = new_value;
	return as_cas_rlx(AS_ATOMIC_U64_(target), &ov.u, nv.u);
}

static inline bool as_cas_float(volatile void* target, float old_value, float new_value)
{
	as_atomic_bits32 ov;
	as_atomic_bits32 nv;
	ov.f = old_value;
	nv.f = new_value;
	return as_cas_rlx(AS_ATOMIC_U32_(target), &ov.u, nv.u);
}

#undef AS_ATOMIC_U64_
#undef AS_ATOMIC_U32_
#undef AS_ATOMIC_U8_

#ifdef __cplusplus
}
#endif
