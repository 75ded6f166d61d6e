/*
 * Running queries: stream matching records to a callback (all partitions or
 * a partition filter), asynchronously on an event loop, or as a background
 * job. The query layer is not built yet: declared only; waiting for and
 * reading a background job go through the job API inline, as in 7.4.0
 * (a query without predicate runs as a "scan" job).
 */
#pragma once

#include <aerospike/aerospike.h>
#include <aerospike/as_error.h>
#include <aerospike/as_event.h>
#include <aerospike/as_job.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_query.h>
#include <aerospike/as_record.h>
#include <aerospike/as_status.h>
#include <aerospike/as_stream.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Called per record (an as_record as as_val), then once with NULL; false stops the query. */
typedef bool (*aerospike_query_foreach_callback)(const as_val* val, void* udata);
typedef bool (*as_async_query_record_listener)(as_error* err, as_record* record, void* udata,
	as_event_loop* event_loop);

AS_EXTERN as_status aerospike_query_foreach(aerospike* as, as_error* err,
	const as_policy_query* policy, as_query* query, aerospike_query_foreach_callback callback,
	void* udata);
AS_EXTERN as_status aerospike_query_partitions(aerospike* as, as_error* err,
	const as_policy_query* policy, as_query* query, as_partition_filter* pf,
	aerospike_query_foreach_callback callback, void* udata);
AS_EXTERN as_status aerospike_query_async(aerospike* as, as_error* err,
	const as_policy_query* policy, as_query* query, as_async_query_record_listener listener,
	void* udata, as_event_loop* event_loop);
AS_EXTERN as_status aerospike_query_partitions_async(aerospike* as, as_error* err,
	const as_policy_query* policy, as_query* query, as_partition_filter* pf,
	as_async_query_record_listener listener, void* udata, as_event_loop* event_loop);
AS_EXTERN as_status aerospike_query_background(aerospike* as, as_error* err,
	const as_policy_write* policy, const as_query* query, uint64_t* query_id);

static inline const char* aerospike_query_job_module_(const as_query* query)
{
	return query->where.size > 0 ? "query" : "scan";
}

static inline as_status aerospike_query_wait(aerospike* as, as_error* err,
	const as_policy_info* policy, const as_query* query, uint64_t query_id, uint32_t interval_ms)
{
	return aerospike_job_wait(as, err, policy, aerospike_query_job_module_(query), query_id,
		interval_ms);
}

static inline as_status aerospike_query_info(aerospike* as, as_error* err,
	const as_policy_info* policy, const as_query* query, uint64_t query_id, as_job_info* info)
{
	return aerospike_job_info(as, err, policy, aerospike_query_job_module_(query), query_id,
		false, info);
}

#ifdef __cplusplus
}
#endif
