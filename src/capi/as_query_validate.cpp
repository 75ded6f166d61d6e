// extern "C" entry points of as_query_validate.h: the synchronous checks.
// The async ones drive 7.4.0's event-loop executor, which this library does
// not have, so they are not exported.
#include "cluster/query_validate.h"
#include "core/error.h"

#include <aerospike/as_query_validate.h>

using namespace aeroshim;

extern "C" {

as_status as_query_validate_begin(as_error* err, as_node* node, const char* ns, uint32_t timeout,
                                  uint64_t* cluster_key) {
  // Every failure leaves no key, as 7.4.0 does when the node cannot be asked.
  if (cluster_key) *cluster_key = 0;
  return guard(err, {{node, "node"}, {ns, "ns"}, {cluster_key, "cluster_key"}}, [&] {
    auto key = query_validate_begin(node, ns, timeout);
    if (!key) return key.status();
    *cluster_key = *key;
    return Status::ok();
  });
}

as_status as_query_validate(as_error* err, as_node* node, const char* ns, uint32_t timeout,
                            uint64_t expected_key) {
  // No expected key: 7.4.0 asks nothing, so the node and namespace may be absent.
  if (expected_key == 0) return guard(err, {}, [] { return Status::ok(); });
  return guard(err, {{node, "node"}, {ns, "ns"}},
               [&] { return query_validate(node, ns, timeout, expected_key); });
}

}  // extern "C"
