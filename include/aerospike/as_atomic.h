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

static inline double as_load_double(const void* target)
{
	as_atomic_bits64 v;
	v.u = as_load_uint64((const uint64_t*)target);
	return v.d;
}

static inline float as_load_float(const void* target)
{
	as_atomic_bits32 v;
	v.u = as_load_uint32((const uint32_t*)target);
	return v.f;
}

static inline bool as_load_bool(const void* target)
{
	return as_load_uint8((const uint8_t*)target) != 0;
}

static inline bool as_load_bool_acq(const void* target)
{
	return as_load_uint8_acq((const uint8_t*)target) != 0;
}

static inline void as_store_double(void* target, double value)
{
	as_atomic_bits64 v;
	v.d = value;
	as_store_uint64((uint64_t*)target, v.u);
}

static inline void as_store_float(void* target, float value)
{
	as_atomic_bits32 v;
	v.f = value;
	as_store_uint32((uint32_t*)target, v.u);
}

static inline void as_store_bool(void* target, bool value)
{
	as_store_uint8((uint8_t*)target, (uint8_t)value);
}

static inline void as_store_bool_rls(void* target, bool value)
{
	as_store_uint8_rls((uint8_t*)target, (uint8_t)value);
}

/* Swaps the pointer stored at target for value; returns the old pointer. */
static inline void* as_fas_ptr(void* target, const void* value)
{
	return (void*)(uintptr_t)as_fas_uint64((uint64_t*)target, (uint64_t)(uintptr_t)value);
}

static inline double as_fas_double(void* target, double value)
{
	as_atomic_bits64 nv;
	as_atomic_bits64 ov;
	nv.d = value;
	ov.u = as_fas_uint64((uint64_t*)target, nv.u);
	return ov.d;
}

static inline float as_fas_float(void* target, float value)
{
	as_atomic_bits32 nv;
	as_atomic_bits32 ov;
	nv.f = value;
	ov.u = as_fas_uint32((uint32_t*)target, nv.u);
	return ov.f;
}

static inline bool as_cas_ptr(void* target, const void* old_value, const void* new_value)
{
	return as_cas_uint64((uint64_t*)target, (uint64_t)(uintptr_t)old_value,
		(uint64_t)(uintptr_t)new_value);
}

static inline bool as_cas_double(void* target, double old_value, double new_value)
{
	as_atomic_bits64 ov;
	as_atomic_bits64 nv;
	ov.d = old_value;
	nv.d = new_value;
	return as_cas_uint64((uint64_t*)target, ov.u, nv.u);
}

static inline bool as_cas_float(void* target, float old_value, float new_value)
{
	as_atomic_bits32 ov;
	as_atomic_bits32 nv;
	ov.f = old_value;
	nv.f = new_value;
	return as_cas_uint32((uint32_t*)target, ov.u, nv.u);
}

#ifdef __cplusplus
}
#endif
