/*
 * A deadline handed to UDF execution: the source (what measures time) and
 * hooks that say whether it has passed and how much time is left. The
 * dispatchers are the UDF layer's: declared only.
 */
#pragma once

#include <aerospike/as_std.h>

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_timer_s;

typedef struct as_timer_hooks_s {
	int (*destroy)(struct as_timer_s* timer);
	bool (*timedout)(const struct as_timer_s* timer);
	uint64_t (*timeslice)(const struct as_timer_s* timer);
} as_timer_hooks;

typedef struct as_timer_s {
	/* as_timer_destroy frees the struct itself. */
	bool is_malloc;
	void* source;
	const as_timer_hooks* hooks;
} as_timer;

AS_EXTERN as_timer* as_timer_init(as_timer* timer, void* source, const as_timer_hooks* hooks);
AS_EXTERN as_timer* as_timer_new(void* source, const as_timer_hooks* hooks);
AS_EXTERN int as_timer_destroy(as_timer* timer);
AS_EXTERN bool as_timer_timedout(const as_timer* timer);
AS_EXTERN uint64_t as_timer_timeslice(const as_timer* timer);

static inline void* as_timer_source(const as_timer* timer)
{
	return timer != NULL ? timer->source : NULL;
}

#ifdef __cplusplus
}
#endif
