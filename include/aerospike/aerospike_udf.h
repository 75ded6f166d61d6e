/*
 * Managing the UDF files registered with the cluster: list, fetch,
 * upload, remove, and wait until every node has the change. The UDF layer
 * is not built yet: declared only.
 */
#pragma once

#include <aerospike/aerospike.h>
#include <aerospike/as_error.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_status.h>
#include <aerospike/as_udf.h>

#ifdef __cplusplus
extern "C" {
#endif

AS_EXTERN as_status aerospike_udf_list(aerospike* as, as_error* err,
	const as_policy_info* policy, as_udf_files* files);
AS_EXTERN as_status aerospike_udf_get(aerospike* as, as_error* err,
	const as_policy_info* policy, const char* filename, as_udf_type type, as_udf_file* file);
AS_EXTERN as_status aerospike_udf_put(aerospike* as, as_error* err,
	const as_policy_info* policy, const char* filename, as_udf_type type, as_bytes* content);
AS_EXTERN as_status aerospike_udf_put_wait(aerospike* as, as_error* err,
	const as_policy_info* policy, const char* filename, uint32_t interval_ms);
AS_EXTERN as_status aerospike_udf_remove(aerospike* as, as_error* err,
	const as_policy_info* policy, const char* filename);
AS_EXTERN as_status aerospike_udf_remove_wait(aerospike* as, as_error* err,
	const as_policy_info* policy, const char* filename, uint32_t interval_ms);

#ifdef __cplusplus
}
#endif
