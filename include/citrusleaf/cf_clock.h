/*
 * Clocks: monotonic time in ns/us/ms/s (deadlines, idle-connection checks),
 * wall time, and conversions to and from the Citrusleaf epoch
 * (2010-01-01 UTC) that the server uses for record void times.
 *
 * The clock readers need clock_gettime, which <time.h> declares only in a
 * POSIX compilation (C++, gnu99, -D_GNU_SOURCE or -D_POSIX_C_SOURCE, as the
 * client's users build). Under strict ISO C they are left out and only the
 * pure conversions remain.
 */
#pragma once

#include <aerospike/as_std.h>

#include <time.h>
/* struct timespec in every mode: <time.h> has it only from C11 or in POSIX mode. */
#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint64_t cf_clock;

#define CITRUSLEAF_EPOCH 1262304000
#define CITRUSLEAF_EPOCH_MS (CITRUSLEAF_EPOCH * 1000ULL)
#define CITRUSLEAF_EPOCH_US (CITRUSLEAF_EPOCH * 1000000ULL)
#define CITRUSLEAF_EPOCH_NS (CITRUSLEAF_EPOCH * 1000000000ULL)

#if defined(_POSIX_C_SOURCE) && _POSIX_C_SOURCE >= 199309L

static inline struct timespec cf_clock_read_(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return ts;
}

static inline cf_clock cf_getns(void)
{
	struct timespec ts = cf_clock_read_(CLOCK_MONOTONIC);
	return (cf_clock)ts.tv_sec * 1000000000 + (cf_clock)ts.tv_nsec;
}

static inline cf_clock cf_getus(void)
{
	struct timespec ts = cf_clock_read_(CLOCK_MONOTONIC);
	return (cf_clock)ts.tv_sec * 1000000 + (cf_clock)ts.tv_nsec / 1000;
}

static inline cf_clock cf_getms(void)
{
	struct timespec ts = cf_clock_read_(CLOCK_MONOTONIC);
	return (cf_clock)ts.tv_sec * 1000 + (cf_clock)ts.tv_nsec / 1000000;
}

static inline cf_clock cf_get_seconds(void)
{
	return (cf_clock)cf_clock_read_(CLOCK_MONOTONIC).tv_sec;
}

/* Wall-clock milliseconds since 1970. */
static inline cf_clock cf_clock_getabsolute(void)
{
	struct timespec ts = cf_clock_read_(CLOCK_REALTIME);
	return (cf_clock)ts.tv_sec * 1000 + (cf_clock)ts.tv_nsec / 1000000;
}

/* out = now (wall clock) + delta: an absolute time for pthread_cond_timedwait. */
static inline void cf_clock_current_add(struct timespec* delta, struct timespec* out)
{
	*out = cf_clock_read_(CLOCK_REALTIME);
	out->tv_sec += delta->tv_sec;
	out->tv_nsec += delta->tv_nsec;
	if (out->tv_nsec > 1000000000) {
		out->tv_nsec -= 1000000000;
		out->tv_sec++;
	}
}

static inline void cf_set_wait_timespec(int ms_wait, struct timespec* out)
{
	struct timespec delta;
	delta.tv_sec = ms_wait / 1000;
	delta.tv_nsec = (long)(ms_wait % 1000) * 1000000;
	cf_clock_current_add(&delta, out);
}

static inline cf_clock cf_clepoch_milliseconds(void)
{
	return cf_clock_getabsolute() - CITRUSLEAF_EPOCH_MS;
}

static inline cf_clock cf_secs_since_clepoch(void)
{
	return (cf_clock)cf_clock_read_(CLOCK_REALTIME).tv_sec - CITRUSLEAF_EPOCH;
}

static inline uint32_t cf_clepoch_seconds(void)
{
	return (uint32_t)cf_secs_since_clepoch();
}

/* Seconds left before a server void time; 0 (never expires) maps to -1. */
static inline uint32_t cf_server_void_time_to_ttl(uint32_t server_void_time)
{
	if (server_void_time == 0) {
		return (uint32_t)-1;
	}
	uint32_t now = cf_clepoch_seconds();
	return server_void_time > now ? server_void_time - now : 1;
}

#endif

static inline void cf_clock_set_timespec_ms(int ms, struct timespec* out)
{
	out->tv_sec = ms / 1000;
	out->tv_nsec = (long)(ms % 1000) * 1000000;
}

static inline uint64_t cf_clepoch_ns_from_utc_ns(uint64_t utc_ns)
{
	return utc_ns > CITRUSLEAF_EPOCH_NS ? utc_ns - CITRUSLEAF_EPOCH_NS : 0;
}

static inline uint64_t cf_clepoch_us_from_utc_ns(uint64_t utc_ns)
{
	return cf_clepoch_ns_from_utc_ns(utc_ns) / 1000;
}

static inline uint64_t cf_clepoch_ms_from_utc_ns(uint64_t utc_ns)
{
	return cf_clepoch_ns_from_utc_ns(utc_ns) / 1000000;
}

static inline uint64_t cf_clepoch_sec_from_utc_ns(uint64_t utc_ns)
{
	return cf_clepoch_ns_from_utc_ns(utc_ns) / 1000000000;
}

static inline uint64_t cf_utc_ns_from_clepoch_ns(uint64_t clepoch_ns)
{
	return CITRUSLEAF_EPOCH_NS + clepoch_ns;
}

static inline uint64_t cf_utc_ns_from_clepoch_us(uint64_t clepoch_us)
{
	return CITRUSLEAF_EPOCH_NS + clepoch_us * 1000;
}

static inline uint64_t cf_utc_ns_from_clepoch_ms(uint64_t clepoch_ms)
{
	return CITRUSLEAF_EPOCH_NS + clepoch_ms * 1000000;
}

static inline uint64_t cf_utc_ns_from_clepoch_sec(uint64_t clepoch_sec)
{
	return CITRUSLEAF_EPOCH_NS + clepoch_sec * 1000000000;
}

#ifdef __cplusplus
}
#endif
