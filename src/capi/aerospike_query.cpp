// extern "C" entry points of aerospike_query.h (the synchronous foreground
// and background queries).
#include "command/background_commands.h"
#include "command/query_commands.h"
#include "core/error.h"

#include <aerospike/aerospike_query.h>

using namespace aeroshim;

extern "C" {

as_status aerospike_query_foreach(aerospike* as, as_error* err, const as_policy_query* policy,
                                  as_query* query, aerospike_query_foreach_callback callback,
                                  void* udata) {
  return guard(err, {{as, "as"}, {query, "query"}},
               [&] { return query_foreach(as, policy, query, callback, udata); });
}

as_status aerospike_query_partitions(aerospike* as, as_error* err, const as_policy_query* policy,
                                     as_query* query, as_partition_filter* pf,
                                     aerospike_query_foreach_callback callback, void* udata) {
  return guard(err, {{as, "as"}, {query, "query"}, {pf, "pf"}},
               [&] { return query_partitions(as, policy, query, pf, callback, udata); });
}

as_status aerospike_query_background(aerospike* as, as_error* err, const as_policy_write* policy,
                                     const as_query* query, uint64_t* query_id) {
  return guard(err, {{as, "as"}, {query, "query"}},
               [&] { return query_background(as, policy, query, query_id); });
}

}  // extern "C"
