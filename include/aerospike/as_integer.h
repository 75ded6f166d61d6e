/*
 * as_integer: a signed 64-bit integer value.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_integer_s {
	as_val _;
	int64_t value;
} as_integer;

AS_EXTERN as_integer* as_integer_init(as_integer* integer, int64_t value);
AS_EXTERN as_integer* as_integer_new(int64_t value);

static inline void as_integer_destroy(as_integer* integer)
{
	as_val_destroy((as_val*)integer);
}

/* The value, or fallback for a NULL pointer. */
static inline int64_t as_integer_getorelse(const as_integer* integer, int64_t fallback)
{
	return integer ? integer->value : fallback;
}

static inline int64_t as_integer_get(const as_integer* integer)
{
	return as_integer_getorelse(integer, 0);
}

static inline int64_t as_integer_toint(const as_integer* integer)
{
	return as_integer_getorelse(integer, 0);
}

static inline as_val* as_integer_toval(const as_integer* i)
{
	return (as_val*)i;
}

static inline as_integer* as_integer_fromval(const as_val* v)
{
	return as_util_fromval(v, AS_INTEGER, as_integer);
}

AS_EXTERN void as_integer_val_destroy(as_val* v);
AS_EXTERN uint32_t as_integer_val_hashcode(const as_val* v);
AS_EXTERN char* as_integer_val_tostring(const as_val* v);

#ifdef __cplusplus
}
#endif
