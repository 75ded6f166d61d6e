/*
 * as_pair: two values held together (a map entry as iterators hand it out).
 * The pair owns one reference to each side.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

#define pair_new(a, b) as_pair_new((as_val*)(a), (as_val*)(b))

typedef struct as_pair_s {
	as_val _;
	as_val* _1;
	as_val* _2;
} as_pair;

AS_EXTERN as_pair* as_pair_new(as_val* _1, as_val* _2);
AS_EXTERN as_pair* as_pair_init(as_pair* pair, as_val* _1, as_val* _2);

static inline void as_pair_destroy(as_pair* pair)
{
	as_val_destroy((as_val*)pair);
}

static inline as_val* as_pair_1(as_pair* pair)
{
	return pair ? pair->_1 : NULL;
}

static inline as_val* as_pair_2(as_pair* pair)
{
	return pair ? pair->_2 : NULL;
}

static inline as_val* as_pair_toval(const as_pair* pair)
{
	return (as_val*)pair;
}

static inline as_pair* as_pair_fromval(const as_val* v)
{
	return as_util_fromval(v, AS_PAIR, as_pair);
}

AS_EXTERN void as_pair_val_destroy(as_val* v);
AS_EXTERN uint32_t as_pair_val_hashcode(const as_val* v);
AS_EXTERN char* as_pair_val_tostring(const as_val* v);

#ifdef __cplusplus
}
#endif
