/*
 * as_queue: a fixed-item-size ring of bytes, grown by the push functions.
 * Connection pools (as_conn_pool) and the event-loop queues embed it by
 * value, and its inline pops run in programs built against 7.4.0, so the
 * layout and the head/tail arithmetic are the 7.4.0 ones: head and tail
 * are logical positions taken modulo capacity, and an emptied queue resets
 * both to 0.
 */
#pragma once

#include <aerospike/as_std.h>

#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_queue_s {
	uint8_t* data;
	uint32_t capacity;
	uint32_t head;
	uint32_t tail;
	uint32_t item_size;
	/* Items handed out and not yet returned (connection pools count with it). */
	uint32_t total;
	uint32_t flags;
} as_queue;

/* Initialises *__q over stack memory (alloca from <alloca.h>). */
#define as_queue_inita(__q, __item_size, __capacity) \
	(__q)->data = (uint8_t*)alloca((__capacity) * (__item_size)); \
	(__q)->capacity = __capacity; \
	(__q)->head = (__q)->tail = 0; \
	(__q)->item_size = __item_size; \
	(__q)->total = 0; \
	(__q)->flags = 0;

AS_EXTERN bool as_queue_init(as_queue* queue, uint32_t item_size, uint32_t capacity);
AS_EXTERN as_queue* as_queue_create(uint32_t item_size, uint32_t capacity);
AS_EXTERN void as_queue_destroy(as_queue* queue);
AS_EXTERN bool as_queue_push(as_queue* queue, const void* ptr);
/* The _limit forms refuse to grow past capacity and return false instead. */
AS_EXTERN bool as_queue_push_limit(as_queue* queue, const void* ptr);
AS_EXTERN bool as_queue_push_head(as_queue* queue, const void* ptr);
AS_EXTERN bool as_queue_push_head_limit(as_queue* queue, const void* ptr);

static inline uint32_t as_queue_size(as_queue* queue)
{
	return queue->tail - queue->head;
}

static inline bool as_queue_empty(as_queue* queue)
{
	return queue->tail == queue->head;
}

/* The item at logical position index. */
static inline void* as_queue_get(as_queue* queue, uint32_t index)
{
	return &queue->data[(index % queue->capacity) * queue->item_size];
}

static inline void as_queue_rewind_if_empty_(as_queue* queue)
{
	if (queue->head == queue->tail) {
		queue->head = 0;
		queue->tail = 0;
	}
}

static inline bool as_queue_pop(as_queue* queue, void* ptr)
{
	if (as_queue_empty(queue)) {
		return false;
	}
	memcpy(ptr, as_queue_get(queue, queue->head), queue->item_size);
	queue->head++;
	as_queue_rewind_if_empty_(queue);
	return true;
}

static inline bool as_queue_pop_tail(as_queue* queue, void* ptr)
{
	if (as_queue_empty(queue)) {
		return false;
	}
	queue->tail--;
	memcpy(ptr, as_queue_get(queue, queue->tail), queue->item_size);
	as_queue_rewind_if_empty_(queue);
	return true;
}

static inline bool as_queue_incr_total(as_queue* queue)
{
	if (queue->total >= queue->capacity) {
		return false;
	}
	queue->total++;
	return true;
}

static inline void as_queue_decr_total(as_queue* queue)
{
	queue->total--;
}

#ifdef __cplusplus
}
#endif
