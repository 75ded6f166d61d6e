/*
 * as_nil: the one nil value. It is a constant with no storage of its own, so
 * reserving or destroying it never frees anything.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

AS_EXTERN extern const as_val as_nil;

AS_EXTERN void as_nil_val_destroy(as_val* v);
AS_EXTERN uint32_t as_nil_val_hashcode(const as_val* v);
AS_EXTERN char* as_nil_val_tostring(const as_val* v);

#ifdef __cplusplus
}
#endif
