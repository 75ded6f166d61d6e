/*
 * as_boolean: a true/false value. as_true and as_false are shared constants
 * that destroy leaves alone.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_boolean_s {
	as_val _;
	bool value;
} as_boolean;

AS_EXTERN extern const as_boolean as_true;
AS_EXTERN extern const as_boolean as_false;

AS_EXTERN as_boolean* as_boolean_init(as_boolean* boolean, bool value);
AS_EXTERN as_boolean* as_boolean_new(bool value);

static inline void as_boolean_destroy(as_boolean* boolean)
{
	as_val_destroy((as_val*)boolean);
}

/* The value, or fallback for a NULL pointer. */
static inline bool as_boolean_getorelse(const as_boolean* boolean, bool fallback)
{
	return boolean ? boolean->value : fallback;
}

static inline bool as_boolean_get(const as_boolean* boolean)
{
	return as_boolean_getorelse(boolean, false);
}

static inline bool as_boolean_tobool(const as_boolean* boolean)
{
	return as_boolean_getorelse(boolean, false);
}

static inline as_val* as_boolean_toval(const as_boolean* boolean)
{
	return (as_val*)boolean;
}

static inline as_boolean* as_boolean_fromval(const as_val* v)
{
	return as_util_fromval(v, AS_BOOLEAN, as_boolean);
}

AS_EXTERN void as_boolean_val_destroy(as_val* v);
AS_EXTERN uint32_t as_boolean_val_hashcode(const as_val* v);
AS_EXTERN char* as_boolean_val_tostring(const as_val* v);

#ifdef __cplusplus
}
#endif
