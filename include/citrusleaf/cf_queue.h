/*
 * cf_queue: the common library's growable, optionally thread-safe FIFO.
 * as_thread_pool (embedded in as_cluster) points at one, so the type and
 * its constants are kept with their 7.4.0 layout and values. Its functions
 * belong to the thread-pool machinery aeroshim does not export.
 */
#pragma once

#include <aerospike/as_std.h>

#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Initial element capacity of a queue made by cf_queue_create. */
#ifndef CF_QUEUE_ALLOCSZ
#define CF_QUEUE_ALLOCSZ 64
#endif

/* Results of the queue operations. */
#define CF_QUEUE_OK 0
#define CF_QUEUE_ERR -1
#define CF_QUEUE_EMPTY -2
#define CF_QUEUE_NOMATCH -3

/* Wait arguments of the popping operations, in milliseconds. */
#define CF_QUEUE_FOREVER -1
#define CF_QUEUE_NOWAIT 0
#define CF_QUEUE_WAIT_1SEC 1000
#define CF_QUEUE_WAIT_30SEC 30000

typedef int (*cf_queue_reduce_fn)(void* buf, void* udata);

typedef struct cf_queue_s {
	bool threadsafe;
	bool free_struct;
	unsigned int alloc_sz;
	unsigned int read_offset;
	unsigned int write_offset;
	uint32_t n_eles;
	size_t element_sz;
	pthread_mutex_t LOCK;
	pthread_cond_t CV;
	uint8_t* elements;
} cf_queue;

static inline uint32_t cf_queue_sz(const cf_queue* q)
{
	return q->n_eles;
}

#ifdef __cplusplus
}
#endif
