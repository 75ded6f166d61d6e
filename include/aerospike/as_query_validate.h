/*
 * Guarding a query against cluster changes: the cluster key each node
 * reports before and after its part of the query must stay the same
 * (policy fail_on_cluster_change). The two synchronous checks are
 * implemented; the async ones need 7.4.0's event-loop executor and are
 * declared only.
 */
#pragma once

#include <aerospike/as_key.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_node_s;
struct as_event_executor;
struct as_event_command;
struct as_event_loop;

AS_EXTERN as_status as_query_validate_begin(as_error* err, struct as_node_s* node,
	const char* ns, uint32_t timeout, uint64_t* cluster_key);
AS_EXTERN as_status as_query_validate(as_error* err, struct as_node_s* node, const char* ns,
	uint32_t timeout, uint64_t expected_key);
AS_EXTERN as_status as_query_validate_begin_async(struct as_event_executor* executor,
	const char* ns, as_error* err);
AS_EXTERN as_status as_query_validate_next_async(struct as_event_executor* executor,
	uint32_t index);
AS_EXTERN void as_query_validate_end_async(struct as_event_executor* executor,
	struct as_node_s* node, struct as_event_loop* event_loop);

#ifdef __cplusplus
}
#endif
