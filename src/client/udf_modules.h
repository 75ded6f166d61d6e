// UDF module management (aerospike_udf.h): modules go to the cluster and
// come back through info commands, the way 7.4.0 sends and reads them.
// The waits poll every node's udf-list until the module is there (put) or
// gone (remove), with no bound of their own, as 7.4.0's do; the put wait
// looks for the base name, so a path does not make it wait forever.
#pragma once

#include "core/status.h"

#include <aerospike/aerospike.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_udf.h>

#include <cstdint>

namespace aeroshim {

// Fills `files` (allocating entries when it has none) with name, hash and type.
Status udf_list(aerospike* as, const as_policy_info* policy, as_udf_files* files);
// The module's content (malloc'd, the file's), name, type and SHA-1 hash.
Status udf_get(aerospike* as, const as_policy_info* policy, const char* filename, as_udf_type type,
               as_udf_file* file);
// Registers `content` under the base name of `filename`.
Status udf_put(aerospike* as, const as_policy_info* policy, const char* filename, as_udf_type type,
               const as_bytes* content);
Status udf_remove(aerospike* as, const as_policy_info* policy, const char* filename);
Status udf_put_wait(aerospike* as, const as_policy_info* policy, const char* filename,
                    uint32_t interval_ms);
Status udf_remove_wait(aerospike* as, const as_policy_info* policy, const char* filename,
                       uint32_t interval_ms);

}  // namespace aeroshim
