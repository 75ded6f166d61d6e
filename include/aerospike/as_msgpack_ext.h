/*
 * as_msgpack_ext: the two comparison values of the server's ordering, the
 * wildcard (equal to anything) and infinity (greater than anything). They
 * are static constants with a zero reference count that destroy ignores.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

AS_EXTERN extern const as_val as_cmp_inf;
AS_EXTERN extern const as_val as_cmp_wildcard;

/* Hooks of the two types: no-ops, 0, and "INF" / "*" in malloc memory. */
AS_EXTERN void as_cmp_inf_val_destroy(as_val* v);
AS_EXTERN void as_cmp_wildcard_val_destroy(as_val* v);

AS_EXTERN uint32_t as_cmp_inf_val_hashcode(const as_val* v);
AS_EXTERN uint32_t as_cmp_wildcard_val_hashcode(const as_val* v);

AS_EXTERN char* as_cmp_inf_val_tostring(const as_val* v);
AS_EXTERN char* as_cmp_wildcard_val_tostring(const as_val* v);

#ifdef __cplusplus
}
#endif
