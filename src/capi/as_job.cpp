// extern "C" entry points of as_job.h.
#include "client/job_commands.h"
#include "core/error.h"

#include <aerospike/as_job.h>

using namespace aeroshim;

extern "C" {

as_status aerospike_job_wait(aerospike* as, as_error* err, const as_policy_info* policy,
                             const char* module, uint64_t job_id, uint32_t interval_ms) {
  return guard(err, {{as, "as"}, {module, "module"}},
               [&] { return job_wait(as, policy, module, job_id, interval_ms); });
}

as_status aerospike_job_info(aerospike* as, as_error* err, const as_policy_info* policy,
                             const char* module, uint64_t job_id, bool stop_if_in_progress,
                             as_job_info* info) {
  return guard(err, {{as, "as"}, {module, "module"}, {info, "info"}},
               [&] { return job_info(as, policy, module, job_id, stop_if_in_progress, info); });
}

}  // extern "C"
