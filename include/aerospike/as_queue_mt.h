/*
 * as_queue_mt: an as_queue behind a mutex, with a condition variable for
 * waiting pops. as_cluster embeds one by value (recover_queue), so the
 * layout is the 7.4.0 one.
 */
#pragma once

#include <aerospike/as_queue.h>
#include <aerospike/as_std.h>

#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_queue_mt_s {
	as_queue queue;
	pthread_mutex_t lock;
	pthread_cond_t cond;
} as_queue_mt;

/* wait_ms arguments of the popping functions. */
#define AS_QUEUE_FOREVER -1
#define AS_QUEUE_NOWAIT 0

#define as_queue_mt_inita(__q, __item_size, __capacity) \
	as_queue_inita(&(__q)->queue, __item_size, __capacity); \
	pthread_mutex_init(&(__q)->lock, NULL); \
	pthread_cond_init(&(__q)->cond, NULL);

AS_EXTERN bool as_queue_mt_init(as_queue_mt* queue, uint32_t item_size, uint32_t capacity);
AS_EXTERN as_queue_mt* as_queue_mt_create(uint32_t item_size, uint32_t capacity);
AS_EXTERN bool as_queue_mt_pop(as_queue_mt* queue, void* ptr, int wait_ms);
AS_EXTERN bool as_queue_mt_pop_tail(as_queue_mt* queue, void* ptr, int wait_ms);

static inline void as_queue_mt_destroy(as_queue_mt* queue)
{
	pthread_cond_destroy(&queue->cond);
	pthread_mutex_destroy(&queue->lock);
	as_queue_destroy(&queue->queue);
}

static inline uint32_t as_queue_mt_size(as_queue_mt* queue)
{
	pthread_mutex_lock(&queue->lock);
	uint32_t size = as_queue_size(&queue->queue);
	pthread_mutex_unlock(&queue->lock);
	return size;
}

static inline bool as_queue_mt_empty(as_queue_mt* queue)
{
	pthread_mutex_lock(&queue->lock);
	bool empty = as_queue_empty(&queue->queue);
	pthread_mutex_unlock(&queue->lock);
	return empty;
}

/* Ends a push made under the lock: wakes one waiter if it went in, unlocks. */
static inline bool as_queue_mt_push_done_(as_queue_mt* queue, bool pushed)
{
	if (pushed) {
		pthread_cond_signal(&queue->cond);
	}
	pthread_mutex_unlock(&queue->lock);
	return pushed;
}

static inline bool as_queue_mt_push(as_queue_mt* queue, const void* ptr)
{
	pthread_mutex_lock(&queue->lock);
	return as_queue_mt_push_done_(queue, as_queue_push(&queue->queue, ptr));
}

static inline bool as_queue_mt_push_limit(as_queue_mt* queue, const void* ptr)
{
	pthread_mutex_lock(&queue->lock);
	return as_queue_mt_push_done_(queue, as_queue_push_limit(&queue->queue, ptr));
}

static inline bool as_queue_mt_push_head(as_queue_mt* queue, const void* ptr)
{
	pthread_mutex_lock(&queue->lock);
	return as_queue_mt_push_done_(queue, as_queue_push_head(&queue->queue, ptr));
}

static inline bool as_queue_mt_push_head_limit(as_queue_mt* queue, const void* ptr)
{
	pthread_mutex_lock(&queue->lock);
	return as_queue_mt_push_done_(queue, as_queue_push_head_limit(&queue->queue, ptr));
}

#ifdef __cplusplus
}
#endif
