/*
 * as_thread_pool: the fixed set of worker threads that run tasks from a
 * cf_queue. as_cluster embeds one by value, so the layout is the 7.4.0 one;
 * the pool's functions are internal to the stock library and not part of
 * aeroshim.
 */
#pragma once

#include <aerospike/as_std.h>
#include <citrusleaf/cf_queue.h>

#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*as_task_fn)(void* user_data);
typedef void (*as_fini_fn)(void);

typedef struct as_thread_pool_s {
	pthread_t* threads;
	cf_queue* dispatch_queue;
	/* Run by each worker as it exits. */
	as_fini_fn fini_fn;
	uint32_t thread_size;
} as_thread_pool;

#ifdef __cplusplus
}
#endif
