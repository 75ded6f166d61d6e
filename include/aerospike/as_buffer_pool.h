/*
 * as_buffer_pool: a queue of same-sized heap buffers kept for reuse. A
 * request up to buffer_size (counting header_size bytes reserved in front)
 * is served from the queue or by a fresh buffer of exactly buffer_size;
 * larger requests get a one-off allocation that push frees instead of
 * queueing. Buffers are malloc memory.
 */
#pragma once

#include <aerospike/as_std.h>
#include <citrusleaf/cf_queue.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What pop returns: the buffer and the bytes usable after the header. */
typedef struct as_buffer_result_s {
	void* data;
	uint32_t capacity;
} as_buffer_result;

typedef struct as_buffer_pool_s {
	cf_queue* queue;
	uint32_t header_size;
	uint32_t buffer_size;
} as_buffer_pool;

/* 0, or -1 when the queue cannot be made. */
AS_EXTERN int as_buffer_pool_init(as_buffer_pool* pool, uint32_t header_size, uint32_t buffer_size);

/*
 * 0: reused a pooled buffer; 1: pool empty, allocated one of buffer_size;
 * 2: too big for the pool, allocated header_size + size; -1: out of
 * memory; -2: the queue failed.
 */
AS_EXTERN int as_buffer_pool_pop(as_buffer_pool* pool, uint32_t size, as_buffer_result* buffer);

/*
 * Queues a buffer whose capacity fits the pool (0, or -1 if the queue
 * failed and the buffer was freed); frees a larger one (-2).
 */
AS_EXTERN int as_buffer_pool_push(as_buffer_pool* pool, void* buffer, uint32_t capacity);

/*
 * As push, but frees the buffer (-1) when max_buffers are already queued.
 */
AS_EXTERN int as_buffer_pool_push_limit(as_buffer_pool* pool, void* buffer, uint32_t capacity,
	uint32_t max_buffers);

/* Frees up to buffer_count queued buffers; returns how many it freed. */
AS_EXTERN int as_buffer_pool_drop_buffers(as_buffer_pool* pool, int buffer_count);

/* Frees every queued buffer and the queue. */
AS_EXTERN void as_buffer_pool_destroy(as_buffer_pool* pool);

#ifdef __cplusplus
}
#endif
