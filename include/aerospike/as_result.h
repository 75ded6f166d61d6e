/*
 * as_result: a reference-counted success-or-failure holder of one value
 * (what UDF plumbing passes around). It owns its value's reference.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_result_s {
	as_val* value;
	uint32_t count;
	/* Whether the last destroy frees the struct. */
	bool is_malloc;
	bool is_success;
} as_result;

AS_EXTERN as_result* as_result_init(as_result* r);
AS_EXTERN as_result* as_result_new(void);
AS_EXTERN as_result* as_result_reserve(as_result* r);
AS_EXTERN void as_result_destroy(as_result* r);

AS_EXTERN as_result* as_success_new(as_val* v);
AS_EXTERN as_result* as_failure_new(as_val* v);
AS_EXTERN as_result* as_success_init(as_result* r, as_val* v);
AS_EXTERN as_result* as_failure_init(as_result* r, as_val* v);

AS_EXTERN as_val* as_result_value(as_result* r);
AS_EXTERN as_result* as_result_setsuccess(as_result* r, as_val* v);
AS_EXTERN as_result* as_result_setfailure(as_result* r, as_val* v);

#ifdef __cplusplus
}
#endif
