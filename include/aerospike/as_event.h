/*
 * Event loops of the asynchronous API. aeroshim has no asynchronous
 * commands, but 7.4.0's as_node.h and as_listener.h name these types, so
 * they are here with the layout of a 7.4.0 build without an event library
 * (the library's default build). The loop functions and data are declared
 * with their 7.4.0 signatures and are not defined by aeroshim.
 */
#pragma once

#include <aerospike/as_error.h>
#include <aerospike/as_queue.h>

#include <pthread.h>

#if defined(AS_USE_LIBEV) || defined(AS_USE_LIBUV) || defined(AS_USE_LIBEVENT)
#error "aeroshim has no event-loop backend: build without AS_USE_LIBEV/LIBUV/LIBEVENT"
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_policy_event {
	/* Commands in flight per loop before new ones wait in the delay queue; 0 = no limit. */
	int max_commands_in_process;
	/* Length limit of the delay queue; 0 = no limit. */
	uint32_t max_commands_in_queue;
	uint32_t queue_initial_capacity;
} as_policy_event;

typedef struct as_event_loop {
	void* loop;
	/* Loops form a ring walked by as_event_loop_get. */
	struct as_event_loop* next;
	pthread_mutex_t lock;
	as_queue queue;
	as_queue delay_queue;
	as_queue pipe_cb_queue;
	pthread_t thread;
	uint32_t index;
	uint32_t max_commands_in_queue;
	int max_commands_in_process;
	int pending;
	uint32_t errors;
	bool using_delay_queue;
	bool pipe_cb_calling;
} as_event_loop;

AS_EXTERN extern as_event_loop* as_event_loops;
AS_EXTERN extern as_event_loop* as_event_loop_current;
AS_EXTERN extern uint32_t as_event_loop_size;
AS_EXTERN extern bool as_event_single_thread;

AS_EXTERN as_event_loop* as_event_create_loops(uint32_t capacity);
AS_EXTERN as_status as_create_event_loops(as_error* err, as_policy_event* policy,
	uint32_t capacity, as_event_loop** event_loops);
AS_EXTERN bool as_event_set_external_loop_capacity(uint32_t capacity);
AS_EXTERN as_event_loop* as_event_set_external_loop(void* loop);
AS_EXTERN as_status as_set_external_event_loop(as_error* err, as_policy_event* policy,
	void* loop, as_event_loop** event_loop);
AS_EXTERN as_event_loop* as_event_loop_find(void* loop);
AS_EXTERN bool as_event_close_loops(void);
AS_EXTERN void as_event_close_loop(as_event_loop* event_loop);
AS_EXTERN void as_event_destroy_loops(void);

static inline void as_policy_event_init(as_policy_event* policy)
{
	policy->max_commands_in_process = 0;
	policy->max_commands_in_queue = 0;
	policy->queue_initial_capacity = 256;
}

static inline as_event_loop* as_event_loop_get_by_index(uint32_t index)
{
	return index < as_event_loop_size ? &as_event_loops[index] : NULL;
}

/* Round robin over the ring of loops. */
static inline as_event_loop* as_event_loop_get(void)
{
	as_event_loop* event_loop = as_event_loop_current;
	as_event_loop_current = event_loop->next;
	return event_loop;
}

static inline int as_event_loop_get_process_size(as_event_loop* event_loop)
{
	return event_loop->pending;
}

static inline uint32_t as_event_loop_get_queue_size(as_event_loop* event_loop)
{
	return as_queue_size(&event_loop->delay_queue);
}

#ifdef __cplusplus
}
#endif
