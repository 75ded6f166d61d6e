/*
 * as_conn_pool: one of a node's pools of idle synchronous connections
 * (as_node.sync_conn_pools), an as_queue of as_socket behind a mutex.
 * queue.total counts every connection the pool owns, idle or in use, and
 * queue.capacity is the most it may own; min_size is what the tender keeps
 * open. The inline helpers are 7.4.0's and run in programs built against it.
 */
#pragma once

#include <aerospike/as_atomic.h>
#include <aerospike/as_queue.h>
#include <aerospike/as_socket.h>

#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_conn_pool_s {
	pthread_mutex_t lock;
	as_queue queue;
	uint32_t min_size;
} as_conn_pool;

static inline void as_conn_pool_init(as_conn_pool* pool, uint32_t item_size, uint32_t min_size,
	uint32_t max_size)
{
	pthread_mutex_init(&pool->lock, NULL);
	as_queue_init(&pool->queue, item_size, max_size);
	pool->min_size = min_size;
}

/* Most recently returned connection first (it is the least likely to have idled out). */
static inline bool as_conn_pool_pop_head(as_conn_pool* pool, as_socket* sock)
{
	pthread_mutex_lock(&pool->lock);
	bool found = as_queue_pop(&pool->queue, sock);
	pthread_mutex_unlock(&pool->lock);
	return found;
}

static inline bool as_conn_pool_pop_tail(as_conn_pool* pool, as_socket* sock)
{
	pthread_mutex_lock(&pool->lock);
	bool found = as_queue_pop_tail(&pool->queue, sock);
	pthread_mutex_unlock(&pool->lock);
	return found;
}

/* False when the pool is full; the caller then closes the connection. */
static inline bool as_conn_pool_push_head(as_conn_pool* pool, as_socket* sock)
{
	pthread_mutex_lock(&pool->lock);
	bool stored = as_queue_push_head_limit(&pool->queue, sock);
	pthread_mutex_unlock(&pool->lock);
	return stored;
}

static inline bool as_conn_pool_push_tail(as_conn_pool* pool, as_socket* sock)
{
	pthread_mutex_lock(&pool->lock);
	bool stored = as_queue_push_limit(&pool->queue, sock);
	pthread_mutex_unlock(&pool->lock);
	return stored;
}

/* Claims room for one more connection. The count stays raised even when
 * the pool is full, so a false return must be followed by
 * as_conn_pool_decr. */
static inline bool as_conn_pool_incr(as_conn_pool* pool)
{
	return as_faa_uint32(&pool->queue.total, 1) < pool->queue.capacity;
}

static inline void as_conn_pool_decr(as_conn_pool* pool)
{
	as_decr_uint32(&pool->queue.total);
}

/* Connections above min_size (negative when below). */
static inline int as_conn_pool_excess(as_conn_pool* pool)
{
	return (int)(as_load_uint32(&pool->queue.total) - pool->min_size);
}

/* Closes every idle connection and frees the pool's storage. */
static inline void as_conn_pool_destroy(as_conn_pool* pool)
{
	as_socket sock;
	pthread_mutex_lock(&pool->lock);
	while (as_queue_pop(&pool->queue, &sock)) {
		as_socket_close(&sock);
	}
	as_queue_destroy(&pool->queue);
	pthread_mutex_unlock(&pool->lock);
	pthread_mutex_destroy(&pool->lock);
}

#ifdef __cplusplus
}
#endif
