/*
 * Background jobs the server runs for a scan or query with an operation or
 * UDF: their status, progress, and waiting for them. The job API belongs to
 * the scan/query layer: declared only.
 */
#pragma once

#include <aerospike/aerospike.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum as_job_status_e {
	/* The server does not know the job (yet, or any more). */
	AS_JOB_STATUS_UNDEF,
	AS_JOB_STATUS_INPROGRESS,
	AS_JOB_STATUS_COMPLETED,
} as_job_status;

typedef struct as_job_info_s {
	as_job_status status;
	uint32_t progress_pct;
	uint32_t records_read;
} as_job_info;

/* module is "scan" or "query"; polls every interval_ms (0 = library default). */
AS_EXTERN as_status aerospike_job_wait(aerospike* as, as_error* err,
	const as_policy_info* policy, const char* module, uint64_t job_id, uint32_t interval_ms);

AS_EXTERN as_status aerospike_job_info(aerospike* as, as_error* err,
	const as_policy_info* policy, const char* module, uint64_t job_id, bool stop_if_in_progress,
	as_job_info* info);

#ifdef __cplusplus
}
#endif
