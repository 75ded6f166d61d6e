/*
 * A one-shot completion flag with a condition variable: a thread waits
 * until another reports completion (synchronous wrappers over callbacks).
 */
#pragma once

#include <aerospike/as_std.h>

#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool complete;
} as_monitor;

static inline void as_monitor_init(as_monitor* monitor)
{
	pthread_mutex_init(&monitor->lock, NULL);
	pthread_cond_init(&monitor->cond, NULL);
	monitor->complete = false;
}

static inline void as_monitor_destroy(as_monitor* monitor)
{
	pthread_mutex_destroy(&monitor->lock);
	pthread_cond_destroy(&monitor->cond);
}

/* Re-arms the monitor for another round. */
static inline void as_monitor_begin(as_monitor* monitor)
{
	monitor->complete = false;
}

static inline void as_monitor_notify(as_monitor* monitor)
{
	pthread_mutex_lock(&monitor->lock);
	monitor->complete = true;
	pthread_cond_signal(&monitor->cond);
	pthread_mutex_unlock(&monitor->lock);
}

static inline void as_monitor_wait(as_monitor* monitor)
{
	pthread_mutex_lock(&monitor->lock);
	while (!monitor->complete) {
		pthread_cond_wait(&monitor->cond, &monitor->lock);
	}
	pthread_mutex_unlock(&monitor->lock);
}

#ifdef __cplusplus
}
#endif
