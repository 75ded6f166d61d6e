/*
 * The 7.4.0 atomic vocabulary over the GCC/Clang __atomic builtins: loads,
 * stores, fetch-and-add (as_faa_*), add-and-fetch (as_aaf_*), swaps
 * (as_fas_*), compare-and-swap (as_cas_*) and fences, plus the two lock words
 * that live in the shared-memory segment (as_spinlock, as_swlock).
 *
 * Naming: the plain typed helpers are relaxed; a `_acq` suffix means acquire
 * and `_rls` release. The untyped macros (as_load_acq, as_faa_rls, ...) take
 * any integer or pointer lvalue address. Inline code in stock-built programs
 * and in ours touches the same words, so the memory orders are the 7.4.0 ones.
 *
 * The typed helpers are generated per integer type by the AS_ATOMIC_*_
 * macros below (undefined again at the end of this file).
 */
#pragma once

#include <aerospike/as_arch.h>
#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

#define as_load_rlx(_target) __atomic_load_n(_target, __ATOMIC_RELAXED)
#define as_load_acq(_target) __atomic_load_n(_target, __ATOMIC_ACQUIRE)
#define as_load_seq(_target) __atomic_load_n(_target, __ATOMIC_SEQ_CST)

#define as_store_rlx(_target, _value) __atomic_store_n(_target, _value, __ATOMIC_RELAXED)
#define as_store_rls(_target, _value) __atomic_store_n(_target, _value, __ATOMIC_RELEASE)
#define as_store_seq(_target, _value) __atomic_store_n(_target, _value, __ATOMIC_SEQ_CST)

#define as_faa_rlx(_target, _value) __atomic_fetch_add(_target, _value, __ATOMIC_RELAXED)
#define as_faa_acq(_target, _value) __atomic_fetch_add(_target, _value, __ATOMIC_ACQUIRE)
#define as_faa_rls(_target, _value) __atomic_fetch_add(_target, _value, __ATOMIC_RELEASE)
#define as_faa_seq(_target, _value) __atomic_fetch_add(_target, _value, __ATOMIC_SEQ_CST)

#define as_aaf_rlx(_target, _value) __atomic_add_fetch(_target, _value, __ATOMIC_RELAXED)
#define as_aaf_acq(_target, _value) __atomic_add_fetch(_target, _value, __ATOMIC_ACQUIRE)
#define as_aaf_rls(_target, _value) __atomic_add_fetch(_target, _value, __ATOMIC_RELEASE)
#define as_aaf_seq(_target, _value) __atomic_add_fetch(_target, _value, __ATOMIC_SEQ_CST)

#define as_fas_rlx(_target, _value) __atomic_exchange_n(_target, _value, __ATOMIC_RELAXED)
#define as_fas_acq(_target, _value) __atomic_exchange_n(_target, _value, __ATOMIC_ACQUIRE)
#define as_fas_rls(_target, _value) __atomic_exchange_n(_target, _value, __ATOMIC_RELEASE)
#define as_fas_seq(_target, _value) __atomic_exchange_n(_target, _value, __ATOMIC_SEQ_CST)

/* _old_value is a pointer: on failure it receives the value found. */
#define as_cas_rlx(_target, _old_value, _new_value) \
	__atomic_compare_exchange_n(_target, _old_value, _new_value, false, __ATOMIC_RELAXED, \
		__ATOMIC_RELAXED)
#define as_cas_acq(_target, _old_value, _new_value) \
	__atomic_compare_exchange_n(_target, _old_value, _new_value, false, __ATOMIC_ACQUIRE, \
		__ATOMIC_RELAXED)
#define as_cas_rls(_target, _old_value, _new_value) \
	__atomic_compare_exchange_n(_target, _old_value, _new_value, false, __ATOMIC_RELEASE, \
		__ATOMIC_RELAXED)
#define as_cas_seq(_target, _old_value, _new_value) \
	__atomic_compare_exchange_n(_target, _old_value, _new_value, false, __ATOMIC_SEQ_CST, \
		__ATOMIC_RELAXED)

#define as_fence_rlx() __atomic_thread_fence(__ATOMIC_RELAXED)
#define as_fence_acq() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define as_fence_rls() __atomic_thread_fence(__ATOMIC_RELEASE)
#define as_fence_seq() __atomic_thread_fence(__ATOMIC_SEQ_CST)

static inline void* as_load_ptr(void* const* target)
{
	return as_load_rlx(target);
}

static inline void* as_load_ptr_acq(void* const* target)
{
	return as_load_acq(target);
}

static inline void as_store_ptr(void** target, void* value)
{
	as_store_rlx(target, value);
}

static inline void as_store_ptr_rls(void** target, void* value)
{
	as_store_rls(target, value);
}

/* Loads and stores exist for every width, relaxed and acquire/release. */
#define AS_ATOMIC_LOAD_STORE_(name, type) \
	static inline type as_load_##name(const type* target) \
	{ \
		return as_load_rlx(target); \
	} \
	static inline type as_load_##name##_acq(const type* target) \
	{ \
		return as_load_acq(target); \
	} \
	static inline void as_store_##name(type* target, type value) \
	{ \
		as_store_rlx(target, value); \
	} \
	static inline void as_store_##name##_rls(type* target, type value) \
	{ \
		as_store_rls(target, value); \
	}

/* Arithmetic exists for 16, 32 and 64 bits; the addend is the signed type. */
#define AS_ATOMIC_ARITH_(name, type, stype) \
	static inline type as_faa_##name(type* target, stype value) \
	{ \
		return as_faa_rlx(target, value); \
	} \
	static inline type as_aaf_##name(type* target, stype value) \
	{ \
		return as_aaf_rlx(target, value); \
	} \
	static inline type as_aaf_##name##_rls(type* target, stype value) \
	{ \
		return as_aaf_rls(target, value); \
	} \
	static inline void as_add_##name(type* target, stype value) \
	{ \
		as_faa_rlx(target, value); \
	} \
	static inline void as_incr_##name(type* target) \
	{ \
		as_faa_rlx(target, 1); \
	} \
	static inline void as_incr_##name##_rls(type* target) \
	{ \
		as_faa_rls(target, 1); \
	} \
	static inline void as_decr_##name(type* target) \
	{ \
		as_faa_rlx(target, -1); \
	} \
	static inline void as_decr_##name##_rls(type* target) \
	{ \
		as_faa_rls(target, -1); \
	} \
	static inline type as_fas_##name(type* target, type value) \
	{ \
		return as_fas_rlx(target, value); \
	}

/* Compare-and-swap exists for every width; true when the swap happened. */
#define AS_ATOMIC_CAS_(name, type) \
	static inline bool as_cas_##name(type* target, type old_value, type new_value) \
	{ \
		return as_cas_rlx(target, &old_value, new_value); \
	}

AS_ATOMIC_LOAD_STORE_(uint64, uint64_t)
AS_ATOMIC_LOAD_STORE_(int64, int64_t)
AS_ATOMIC_LOAD_STORE_(uint32, uint32_t)
AS_ATOMIC_LOAD_STORE_(int32, int32_t)
AS_ATOMIC_LOAD_STORE_(uint16, uint16_t)
AS_ATOMIC_LOAD_STORE_(int16, int16_t)
AS_ATOMIC_LOAD_STORE_(uint8, uint8_t)
AS_ATOMIC_LOAD_STORE_(int8, int8_t)

AS_ATOMIC_ARITH_(uint64, uint64_t, int64_t)
AS_ATOMIC_ARITH_(int64, int64_t, int64_t)
AS_ATOMIC_ARITH_(uint32, uint32_t, int32_t)
AS_ATOMIC_ARITH_(int32, int32_t, int32_t)
AS_ATOMIC_ARITH_(uint16, uint16_t, int16_t)
AS_ATOMIC_ARITH_(int16, int16_t, int16_t)

AS_ATOMIC_CAS_(uint64, uint64_t)
AS_ATOMIC_CAS_(int64, int64_t)
AS_ATOMIC_CAS_(uint32, uint32_t)
AS_ATOMIC_CAS_(int32, int32_t)
AS_ATOMIC_CAS_(uint16, uint16_t)
AS_ATOMIC_CAS_(int16, int16_t)
AS_ATOMIC_CAS_(uint8, uint8_t)
AS_ATOMIC_CAS_(int8, int8_t)

#undef AS_ATOMIC_LOAD_STORE_
#undef AS_ATOMIC_ARITH_
#undef AS_ATOMIC_CAS_

/* Raise *target to x unless it is already at least x; true if it was raised. */
static inline bool as_setmax_uint64(uint64_t* target, uint64_t x)
{
	uint64_t seen = as_load_uint64(target);
	while (x > seen) {
		if (as_cas_rlx(target, &seen, x)) {
			return true;
		}
	}
	return false;
}

static inline bool as_setmax_uint32(uint32_t* target, uint32_t x)
{
	uint32_t seen = as_load_uint32(target);
	while (x > seen) {
		if (as_cas_rlx(target, &seen, x)) {
			return true;
		}
	}
	return false;
}

/*
 * Spinlock word: 0 free, 1 held. It sits in the shared segment
 * (as_cluster_shm.take_over_lock), so it is a plain word, never a
 * pthread object, and an all-zero segment starts unlocked.
 */
typedef struct as_spinlock_s {
	uint32_t u32;
} as_spinlock;

#define AS_SPINLOCK_INIT { 0 }
#define as_spinlock_init(_s) (_s)->u32 = 0
#define as_spinlock_destroy(_s) ((void)(_s))

static inline void as_spinlock_lock(as_spinlock* s)
{
	/* Swap only when the word looks free, so waiters spin on a shared line. */
	while (as_fas_acq(&s->u32, 1) == 1) {
		while (as_load_rlx(&s->u32) == 1) {
			as_arch_pause();
		}
	}
}

static inline void as_spinlock_unlock(as_spinlock* s)
{
	as_store_rls(&s->u32, 0);
}

/*
 * Reader/writer word (as_node_shm.lock): bit 31 is a waiting or holding
 * writer, bit 30 the latch, bits 0-29 count readers. A writer announces
 * itself first, so new readers back off and the writer is not starved.
 */
typedef struct as_swlock_s {
	uint32_t u32;
} as_swlock;

#define AS_SWLOCK_INIT { 0 }
#define as_swlock_init(_s) (_s)->u32 = 0
#define as_swlock_destroy(_s) ((void)(_s))

#define AS_SWLOCK_WRITER_BIT 0x80000000u
#define AS_SWLOCK_LATCH_BIT 0x40000000u
#define AS_SWLOCK_WRITER_MASK (AS_SWLOCK_LATCH_BIT | AS_SWLOCK_WRITER_BIT)
#define AS_SWLOCK_READER_MASK (~AS_SWLOCK_WRITER_MASK)

static inline void as_swlock_write_lock(as_swlock* rw)
{
	__atomic_fetch_or(&rw->u32, AS_SWLOCK_WRITER_BIT, __ATOMIC_RELAXED);
	while ((as_load_acq(&rw->u32) & AS_SWLOCK_READER_MASK) != 0) {
		as_arch_pause();
	}
}

static inline void as_swlock_write_unlock(as_swlock* rw)
{
	__atomic_fetch_and(&rw->u32, AS_SWLOCK_READER_MASK, __ATOMIC_RELEASE);
}

static inline void as_swlock_read_lock(as_swlock* rw)
{
	for (;;) {
		while ((as_load_acq(&rw->u32) & AS_SWLOCK_WRITER_BIT) != 0) {
			as_arch_pause();
		}
		uint32_t writer = as_faa_uint32(&rw->u32, 1) & AS_SWLOCK_WRITER_MASK;
		if (writer == 0) {
			return;
		}
		/* A writer came first: withdraw the count (7.4.0 leaves it while
		 * the latch bit is set) and wait for the writer to finish. */
		if (writer == AS_SWLOCK_WRITER_BIT) {
			as_decr_uint32(&rw->u32);
		}
	}
}

static inline void as_swlock_read_unlock(as_swlock* rw)
{
	as_faa_rls(&rw->u32, -1);
}

#ifdef __cplusplus
}
#endif
