/*
 * as_double: a double-precision floating point value.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_double_s {
	as_val _;
	double value;
} as_double;

AS_EXTERN as_double* as_double_init(as_double* value_ptr, double value);
AS_EXTERN as_double* as_double_new(double value);

static inline void as_double_destroy(as_double* value)
{
	as_val_destroy((as_val*)value);
}

/* The value, or fallback for a NULL pointer. */
static inline double as_double_getorelse(const as_double* value, double fallback)
{
	return value ? value->value : fallback;
}

static inline double as_double_get(const as_double* value)
{
	return as_double_getorelse(value, 0.0);
}

static inline as_val* as_double_toval(const as_double* value)
{
	return (as_val*)value;
}

static inline as_double* as_double_fromval(const as_val* value)
{
	return as_util_fromval(value, AS_DOUBLE, as_double);
}

AS_EXTERN void as_double_val_destroy(as_val* value);
AS_EXTERN uint32_t as_double_val_hashcode(const as_val* value);
AS_EXTERN char* as_double_val_tostring(const as_val* value);

#ifdef __cplusplus
}
#endif
