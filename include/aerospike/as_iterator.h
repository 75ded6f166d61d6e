/*
 * as_iterator: a generic forward iterator dispatching through a hook table,
 * the shape list and map iterators are handed out in.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_iterator_hooks_s;

typedef struct as_iterator_s {
	/* Whether as_iterator_destroy frees the iterator itself. */
	bool free;
	void* data;
	const struct as_iterator_hooks_s* hooks;
} as_iterator;

typedef struct as_iterator_hooks_s {
	bool (*destroy)(as_iterator*);
	bool (*has_next)(const as_iterator*);
	const as_val* (*next)(as_iterator*);
} as_iterator_hooks;

AS_EXTERN as_iterator* as_iterator_init(as_iterator* iterator, bool free, void* data, const as_iterator_hooks* hooks);
AS_EXTERN void as_iterator_destroy(as_iterator* iterator);

static inline bool as_iterator_has_next(const as_iterator* iterator)
{
	return as_util_hook(has_next, false, iterator);
}

/* The next element, borrowed from the collection (do not destroy it). */
static inline const as_val* as_iterator_next(as_iterator* iterator)
{
	return as_util_hook(next, NULL, iterator);
}

#ifdef __cplusplus
}
#endif
