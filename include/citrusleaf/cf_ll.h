/*
 * An intrusive doubly linked list: elements embed cf_ll_element as their
 * first member, and the list optionally guards itself with a mutex
 * (uselock). The event layer keeps pipelined commands in one. The list
 * operations are the core library's: declared only; the accessors inline.
 */
#pragma once

#include <aerospike/as_std.h>

#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What a reduce callback returns about the element it was shown. */
#define CF_LL_REDUCE_DELETE (1)
#define CF_LL_REDUCE_INSERT (2)
#define CF_LL_REDUCE_MATCHED (3)
#define CF_LL_REDUCE_NOT_MATCHED (4)

typedef struct cf_ll_s cf_ll;
typedef struct cf_ll_element_s cf_ll_element;
typedef struct cf_ll_iterator_s cf_ll_iterator;

typedef int (*cf_ll_reduce_fn)(cf_ll_element* e, void* udata);
typedef void (*cf_ll_destructor)(cf_ll_element* e);

struct cf_ll_element_s {
	cf_ll_element* next;
	cf_ll_element* prev;
};

struct cf_ll_iterator_s {
	cf_ll_element* next;
	bool forward;
};

struct cf_ll_s {
	cf_ll_element* head;
	cf_ll_element* tail;
	cf_ll_destructor destroy_fn;
	uint32_t sz;
	bool uselock;
	pthread_mutex_t LOCK;
};

static inline cf_ll_element* cf_ll_get_head(cf_ll* ll)
{
	return ll->head;
}

static inline cf_ll_element* cf_ll_get_tail(cf_ll* ll)
{
	return ll->tail;
}

static inline cf_ll_element* cf_ll_get_next(cf_ll_element* e)
{
	return e->next;
}

static inline cf_ll_element* cf_ll_get_prev(cf_ll_element* e)
{
	return e->prev;
}

AS_EXTERN int cf_ll_init(cf_ll* ll, cf_ll_destructor destroy_fn, bool uselock);
AS_EXTERN void cf_ll_prepend(cf_ll* ll, cf_ll_element* e);
AS_EXTERN void cf_ll_append(cf_ll* ll, cf_ll_element* e);
AS_EXTERN void cf_ll_insert_after(cf_ll* ll, cf_ll_element* cur, cf_ll_element* ins);
AS_EXTERN void cf_ll_insert_before(cf_ll* ll, cf_ll_element* cur, cf_ll_element* ins);
AS_EXTERN void cf_ll_delete(cf_ll* ll, cf_ll_element* e);
AS_EXTERN uint32_t cf_ll_size(cf_ll* ll);
AS_EXTERN cf_ll_iterator* cf_ll_getIterator(cf_ll* ll, bool forward);
AS_EXTERN cf_ll_element* cf_ll_getNext(cf_ll_iterator* iter);
AS_EXTERN void cf_ll_releaseIterator(cf_ll_iterator* iter);
AS_EXTERN cf_ll_element* cf_ll_search(cf_ll* ll, cf_ll_element* e, bool forward,
	cf_ll_reduce_fn fn);
AS_EXTERN cf_ll_element* cf_ll_index(cf_ll* ll, int index);
AS_EXTERN int cf_ll_reduce(cf_ll* ll, bool forward, cf_ll_reduce_fn fn, void* udata);
AS_EXTERN int cf_ll_insert_reduce(cf_ll* ll, cf_ll_element* e, bool forward, cf_ll_reduce_fn fn,
	void* udata);

#ifdef __cplusplus
}
#endif
