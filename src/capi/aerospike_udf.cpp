// extern "C" entry points of aerospike_udf.h.
#include "client/udf_modules.h"
#include "core/error.h"

#include <aerospike/aerospike_udf.h>

using namespace aeroshim;

extern "C" {

as_status aerospike_udf_list(aerospike* as, as_error* err, const as_policy_info* policy,
                             as_udf_files* files) {
  return guard(err, {{as, "as"}, {files, "files"}}, [&] { return udf_list(as, policy, files); });
}

as_status aerospike_udf_get(aerospike* as, as_error* err, const as_policy_info* policy,
                            const char* filename, as_udf_type type, as_udf_file* file) {
  return guard(err, {{as, "as"}, {filename, "filename"}, {file, "file"}},
               [&] { return udf_get(as, policy, filename, type, file); });
}

as_status aerospike_udf_put(aerospike* as, as_error* err, const as_policy_info* policy,
                            const char* filename, as_udf_type type, as_bytes* content) {
  return guard(err, {{as, "as"}, {filename, "filename"}, {content, "content"}},
               [&] { return udf_put(as, policy, filename, type, content); });
}

as_status aerospike_udf_put_wait(aerospike* as, as_error* err, const as_policy_info* policy,
                                 const char* filename, uint32_t interval_ms) {
  return guard(err, {{as, "as"}, {filename, "filename"}},
               [&] { return udf_put_wait(as, policy, filename, interval_ms); });
}

as_status aerospike_udf_remove(aerospike* as, as_error* err, const as_policy_info* policy,
                               const char* filename) {
  return guard(err, {{as, "as"}, {filename, "filename"}},
               [&] { return udf_remove(as, policy, filename); });
}

as_status aerospike_udf_remove_wait(aerospike* as, as_error* err, const as_policy_info* policy,
                                    const char* filename, uint32_t interval_ms) {
  return guard(err, {{as, "as"}, {filename, "filename"}},
               [&] { return udf_remove_wait(as, policy, filename, interval_ms); });
}

}  // extern "C"
