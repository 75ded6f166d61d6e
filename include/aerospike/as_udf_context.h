/*
 * What a UDF runs with: the database object it may call back into and the
 * timer that bounds its run time.
 */
#pragma once

#include <aerospike/as_aerospike.h>
#include <aerospike/as_timer.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_udf_context_s {
	as_aerospike* as;
	as_timer* timer;
} as_udf_context;

#ifdef __cplusplus
}
#endif
