/*
 * Running scans: stream records to a callback (whole cluster, one node, or
 * a partition filter), start background scans and follow their progress.
 * The scan layer is not built yet: declared only.
 */
#pragma once

#include <aerospike/aerospike.h>
#include <aerospike/as_listener.h>
#include <aerospike/as_error.h>
#include <aerospike/as_partition_filter.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_record.h>
#include <aerospike/as_scan.h>
#include <aerospike/as_status.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Called per record (an as_record as as_val), then once with NULL; false stops the scan. */
typedef bool (*aerospike_scan_foreach_callback)(const as_val* val, void* udata);
/* Called per record, then once with record NULL at the end or on error. */
typedef bool (*as_async_scan_listener)(as_error* err, as_record* record, void* udata,
	as_event_loop* event_loop);

AS_EXTERN as_status aerospike_scan_background(aerospike* as, as_error* err,
	const as_policy_scan* policy, const as_scan* scan, uint64_t* scan_id);
AS_EXTERN as_status aerospike_scan_wait(aerospike* as, as_error* err,
	const as_policy_info* policy, uint64_t scan_id, uint32_t interval_ms);
AS_EXTERN as_status aerospike_scan_info(aerospike* as, as_error* err,
	const as_policy_info* policy, uint64_t scan_id, as_scan_info* info);

AS_EXTERN as_status aerospike_scan_foreach(aerospike* as, as_error* err,
	const as_policy_scan* policy, as_scan* scan, aerospike_scan_foreach_callback callback,
	void* udata);
AS_EXTERN as_status aerospike_scan_node(aerospike* as, as_error* err,
	const as_policy_scan* policy, as_scan* scan, const char* node_name,
	aerospike_scan_foreach_callback callback, void* udata);
AS_EXTERN as_status aerospike_scan_partitions(aerospike* as, as_error* err,
	const as_policy_scan* policy, as_scan* scan, as_partition_filter* pf,
	aerospike_scan_foreach_callback callback, void* udata);

AS_EXTERN as_status aerospike_scan_async(aerospike* as, as_error* err,
	const as_policy_scan* policy, as_scan* scan, uint64_t* scan_id,
	as_async_scan_listener listener, void* udata, as_event_loop* event_loop);
AS_EXTERN as_status aerospike_scan_node_async(aerospike* as, as_error* err,
	const as_policy_scan* policy, as_scan* scan, uint64_t* scan_id, const char* node_name,
	as_async_scan_listener listener, void* udata, as_event_loop* event_loop);
AS_EXTERN as_status aerospike_scan_partitions_async(aerospike* as, as_error* err,
	const as_policy_scan* policy, as_scan* scan, as_partition_filter* pf,
	as_async_scan_listener listener, void* udata, as_event_loop* event_loop);

#ifdef __cplusplus
}
#endif
