// Following a background scan or query (as_job.h): every node is asked
// for the job by its task id (query-show on servers with partition
// queries, id= from 8.1, trid= before; older servers' scan-show or jobs
// commands) and the answers merged the way 7.4.0 merges them: in progress
// while any node runs it, the smallest progress, records summed.
#pragma once

#include "core/status.h"

#include <aerospike/aerospike.h>
#include <aerospike/as_job.h>
#include <aerospike/as_scan.h>

#include <cstdint>

namespace aeroshim {

Status job_info(aerospike* as, const as_policy_info* policy, const char* module, uint64_t job_id,
                bool stop_if_in_progress, as_job_info* info);
// Sleeps interval_ms (1000 when 0) before each look, until done.
Status job_wait(aerospike* as, const as_policy_info* policy, const char* module, uint64_t job_id,
                uint32_t interval_ms);
// The scan form of job_info (as_scan_info's statuses).
Status scan_info(aerospike* as, const as_policy_info* policy, uint64_t scan_id, as_scan_info* info);

}  // namespace aeroshim
