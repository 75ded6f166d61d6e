/*
 * as_list: the abstract list value. Every operation goes through the hook
 * table the list was built with (as_arraylist's, or a program's own), and
 * the inline functions below call the hooks directly, so the table's member
 * order is ABI. Integer-returning operations give 0 on success and 1 when
 * the list or the hook is missing.
 */
#pragma once

#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_iterator.h>
#include <aerospike/as_std.h>
#include <aerospike/as_string.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

union as_list_iterator_u;
struct as_list_hooks_s;

/* Called per element; returning false stops the walk. */
typedef bool (*as_list_foreach_callback)(as_val* value, void* udata);

typedef struct as_list_s {
	as_val _;
	uint32_t flags;
	const struct as_list_hooks_s* hooks;
} as_list;

typedef struct as_list_hooks_s {
	bool (*destroy)(as_list* list);
	uint32_t (*hashcode)(const as_list* list);
	uint32_t (*size)(const as_list* list);

	as_val* (*get)(const as_list* list, uint32_t index);
	int64_t (*get_int64)(const as_list* list, uint32_t index);
	double (*get_double)(const as_list* list, uint32_t index);
	char* (*get_str)(const as_list* list, uint32_t index);

	int (*set)(as_list* list, uint32_t index, as_val* value);
	int (*set_int64)(as_list* list, uint32_t index, int64_t value);
	int (*set_double)(as_list* list, uint32_t index, double value);
	int (*set_str)(as_list* list, uint32_t index, const char* value);

	int (*insert)(as_list* list, uint32_t index, as_val* value);
	int (*insert_int64)(as_list* list, uint32_t index, int64_t value);
	int (*insert_double)(as_list* list, uint32_t index, double value);
	int (*insert_str)(as_list* list, uint32_t index, const char* value);

	int (*append)(as_list* list, as_val* value);
	int (*append_int64)(as_list* list, int64_t value);
	int (*append_double)(as_list* list, double value);
	int (*append_str)(as_list* list, const char* value);

	int (*prepend)(as_list* list, as_val* value);
	int (*prepend_int64)(as_list* list, int64_t value);
	int (*prepend_double)(as_list* list, double value);
	int (*prepend_str)(as_list* list, const char* value);

	int (*remove)(as_list* list, uint32_t index);
	int (*concat)(as_list* list, const as_list* list2);
	int (*trim)(as_list* list, uint32_t index);

	as_val* (*head)(const as_list* list);
	as_list* (*tail)(const as_list* list);
	as_list* (*drop)(const as_list* list, uint32_t n);
	as_list* (*take)(const as_list* list, uint32_t n);

	bool (*foreach)(const as_list* list, as_list_foreach_callback callback, void* udata);
	union as_list_iterator_u* (*iterator_new)(const as_list* list);
	union as_list_iterator_u* (*iterator_init)(const as_list* list, union as_list_iterator_u* it);
} as_list_hooks;

AS_EXTERN as_list* as_list_cons(as_list* list, bool free, const as_list_hooks* hooks);
AS_EXTERN as_list* as_list_init(as_list* list, const as_list_hooks* hooks);
AS_EXTERN as_list* as_list_new(const as_list_hooks* hooks);

static inline void as_list_destroy(as_list* list)
{
	as_val_destroy((as_val*)list);
}

static inline uint32_t as_list_hashcode(as_list* list)
{
	return as_util_hook(hashcode, 0, list);
}

static inline uint32_t as_list_size(const as_list* list)
{
	return as_util_hook(size, 0, list);
}

static inline int as_list_concat(as_list* list, const as_list* list2)
{
	return as_util_hook(concat, 1, list, list2);
}

/* Drops every element from index on. */
static inline int as_list_trim(as_list* list, uint32_t index)
{
	return as_util_hook(trim, 1, list, index);
}

static inline as_val* as_list_head(const as_list* list)
{
	return as_util_hook(head, NULL, list);
}

/* New lists (the caller destroys them) sharing the elements' references. */
static inline as_list* as_list_tail(const as_list* list)
{
	return as_util_hook(tail, NULL, list);
}

static inline as_list* as_list_drop(const as_list* list, uint32_t n)
{
	return as_util_hook(drop, NULL, list, n);
}

static inline as_list* as_list_take(const as_list* list, uint32_t n)
{
	return as_util_hook(take, NULL, list, n);
}

/* Getters borrow: the element stays owned by the list. */
static inline as_val* as_list_get(const as_list* list, uint32_t i)
{
	return as_util_hook(get, NULL, list, i);
}

static inline int64_t as_list_get_int64(const as_list* list, uint32_t i)
{
	return as_util_hook(get_int64, 0, list, i);
}

static inline double as_list_get_double(const as_list* list, uint32_t i)
{
	return as_util_hook(get_double, 0.0, list, i);
}

static inline char* as_list_get_str(const as_list* list, uint32_t i)
{
	return as_util_hook(get_str, NULL, list, i);
}

static inline as_integer* as_list_get_integer(const as_list* list, uint32_t i)
{
	return as_integer_fromval(as_list_get(list, i));
}

static inline as_double* as_list_get_as_double(const as_list* list, uint32_t i)
{
	return as_double_fromval(as_list_get(list, i));
}

static inline as_string* as_list_get_string(const as_list* list, uint32_t i)
{
	return as_string_fromval(as_list_get(list, i));
}

static inline as_bytes* as_list_get_bytes(const as_list* list, uint32_t i)
{
	return as_bytes_fromval(as_list_get(list, i));
}

static inline as_list* as_list_get_list(const as_list* list, uint32_t i)
{
	as_val* v = as_list_get(list, i);
	return (as_list*)(v && v->type == AS_LIST ? v : NULL);
}

static inline struct as_map_s* as_list_get_map(const as_list* list, uint32_t i)
{
	as_val* v = as_list_get(list, i);
	return (struct as_map_s*)(v && v->type == AS_MAP ? v : NULL);
}

/* Setters: 0 on success; the list keeps the reference it is given. */

static inline int as_list_set(as_list* list, uint32_t i, as_val* value)
{
	return as_util_hook(set, 1, list, i, value);
}

static inline int as_list_set_int64(as_list* list, uint32_t i, int64_t value)
{
	return as_util_hook(set_int64, 1, list, i, value);
}

static inline int as_list_set_double(as_list* list, uint32_t i, double value)
{
	return as_util_hook(set_double, 1, list, i, value);
}

static inline int as_list_set_str(as_list* list, uint32_t i, const char* value)
{
	return as_util_hook(set_str, 1, list, i, value);
}

static inline int as_list_set_integer(as_list* list, uint32_t i, as_integer* value)
{
	return as_list_set(list, i, (as_val*)value);
}

static inline int as_list_set_as_double(as_list* list, uint32_t i, as_double* value)
{
	return as_list_set(list, i, (as_val*)value);
}

static inline int as_list_set_string(as_list* list, uint32_t i, as_string* value)
{
	return as_list_set(list, i, (as_val*)value);
}

static inline int as_list_set_bytes(as_list* list, uint32_t i, as_bytes* value)
{
	return as_list_set(list, i, (as_val*)value);
}

static inline int as_list_set_list(as_list* list, uint32_t i, as_list* value)
{
	return as_list_set(list, i, (as_val*)value);
}

static inline int as_list_set_map(as_list* list, uint32_t i, struct as_map_s* value)
{
	return as_list_set(list, i, (as_val*)value);
}

/* Insert before index i (past the end pads with nil in arraylists). */

static inline int as_list_insert(as_list* list, uint32_t i, as_val* value)
{
	return as_util_hook(insert, 1, list, i, value);
}

static inline int as_list_insert_int64(as_list* list, uint32_t i, int64_t value)
{
	return as_util_hook(insert_int64, 1, list, i, value);
}

static inline int as_list_insert_double(as_list* list, uint32_t i, double value)
{
	return as_util_hook(insert_double, 1, list, i, value);
}

static inline int as_list_insert_str(as_list* list, uint32_t i, const char* value)
{
	return as_util_hook(insert_str, 1, list, i, value);
}

static inline int as_list_insert_integer(as_list* list, uint32_t i, as_integer* value)
{
	return as_list_insert(list, i, (as_val*)value);
}

static inline int as_list_insert_as_double(as_list* list, uint32_t i, as_double* value)
{
	return as_list_insert(list, i, (as_val*)value);
}

static inline int as_list_insert_string(as_list* list, uint32_t i, as_string* value)
{
	return as_list_insert(list, i, (as_val*)value);
}

static inline int as_list_insert_bytes(as_list* list, uint32_t i, as_bytes* value)
{
	return as_list_insert(list, i, (as_val*)value);
}

static inline int as_list_insert_list(as_list* list, uint32_t i, as_list* value)
{
	return as_list_insert(list, i, (as_val*)value);
}

static inline int as_list_insert_map(as_list* list, uint32_t i, struct as_map_s* value)
{
	return as_list_insert(list, i, (as_val*)value);
}

static inline int as_list_append(as_list* list, as_val* value)
{
	return as_util_hook(append, 1, list, value);
}

static inline int as_list_append_int64(as_list* list, int64_t value)
{
	return as_util_hook(append_int64, 1, list, value);
}

static inline int as_list_append_double(as_list* list, double value)
{
	return as_util_hook(append_double, 1, list, value);
}

static inline int as_list_append_str(as_list* list, const char* value)
{
	return as_util_hook(append_str, 1, list, value);
}

static inline int as_list_append_integer(as_list* list, as_integer* value)
{
	return as_list_append(list, (as_val*)value);
}

static inline int as_list_append_as_double(as_list* list, as_double* value)
{
	return as_list_append(list, (as_val*)value);
}

static inline int as_list_append_string(as_list* list, as_string* value)
{
	return as_list_append(list, (as_val*)value);
}

static inline int as_list_append_bytes(as_list* list, as_bytes* value)
{
	return as_list_append(list, (as_val*)value);
}

static inline int as_list_append_list(as_list* list, as_list* value)
{
	return as_list_append(list, (as_val*)value);
}

static inline int as_list_append_map(as_list* list, struct as_map_s* value)
{
	return as_list_append(list, (as_val*)value);
}

static inline int as_list_prepend(as_list* list, as_val* value)
{
	return as_util_hook(prepend, 1, list, value);
}

static inline int as_list_prepend_int64(as_list* list, int64_t value)
{
	return as_util_hook(prepend_int64, 1, list, value);
}

static inline int as_list_prepend_double(as_list* list, double value)
{
	return as_util_hook(prepend_double, 1, list, value);
}

static inline int as_list_prepend_str(as_list* list, const char* value)
{
	return as_util_hook(prepend_str, 1, list, value);
}

static inline int as_list_prepend_integer(as_list* list, as_integer* value)
{
	return as_list_prepend(list, (as_val*)value);
}

static inline int as_list_prepend_as_double(as_list* list, as_double* value)
{
	return as_list_prepend(list, (as_val*)value);
}

static inline int as_list_prepend_string(as_list* list, as_string* value)
{
	return as_list_prepend(list, (as_val*)value);
}

static inline int as_list_prepend_bytes(as_list* list, as_bytes* value)
{
	return as_list_prepend(list, (as_val*)value);
}

static inline int as_list_prepend_list(as_list* list, as_list* value)
{
	return as_list_prepend(list, (as_val*)value);
}

static inline int as_list_prepend_map(as_list* list, struct as_map_s* value)
{
	return as_list_prepend(list, (as_val*)value);
}

static inline int as_list_remove(as_list* list, uint32_t index)
{
	return as_util_hook(remove, 1, list, index);
}

static inline bool as_list_foreach(const as_list* list, as_list_foreach_callback callback, void* udata)
{
	return as_util_hook(foreach, false, list, callback, udata);
}

static inline union as_list_iterator_u* as_list_iterator_new(const as_list* list)
{
	return as_util_hook(iterator_new, NULL, list);
}

/* Note the argument order: the iterator first, the hook takes the list first. */
static inline union as_list_iterator_u* as_list_iterator_init(union as_list_iterator_u* it, const as_list* list)
{
	return as_util_hook(iterator_init, NULL, list, it);
}

static inline as_val* as_list_toval(as_list* list)
{
	return (as_val*)list;
}

static inline as_list* as_list_fromval(as_val* v)
{
	return as_util_fromval(v, AS_LIST, as_list);
}

AS_EXTERN void as_list_val_destroy(as_val* v);
AS_EXTERN uint32_t as_list_val_hashcode(const as_val* v);
AS_EXTERN char* as_list_val_tostring(const as_val* v);

#ifdef __cplusplus
}
#endif
