/*
 * Counters and limits of a cluster's asynchronous connections. They take
 * the cluster as an opaque pointer so that this header needs nothing but
 * as_std.h. aeroshim has no asynchronous commands: declared only.
 */
#pragma once

#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_cluster_s;

AS_EXTERN uint32_t as_async_get_cluster_count(void);
AS_EXTERN uint32_t as_async_get_pending(struct as_cluster_s* cluster);
AS_EXTERN uint32_t as_async_get_connections(struct as_cluster_s* cluster);
AS_EXTERN void as_async_update_max_idle(struct as_cluster_s* cluster, uint32_t max_idle);
/* pipe selects the pipelined pools instead of the plain asynchronous ones. */
AS_EXTERN void as_async_update_max_conns(struct as_cluster_s* cluster, bool pipe,
	uint32_t max_conns);

#ifdef __cplusplus
}
#endif
