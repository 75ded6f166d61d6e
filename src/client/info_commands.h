// The info API behind aerospike_info.h: one request to a host, a node, any
// node, or every node, each on its own short-lived connection so it never
// interferes with the tend connection.
#pragma once

#include "core/status.h"

#include <aerospike/aerospike_info.h>

#include <string>

namespace aeroshim {

// Each returns the whole answer body ("name\tvalue\n"...), or the server's
// in-band error (ERROR:/FAIL:) as a Status carrying its code.
Result<std::string> info_host(aerospike* as, const as_policy_info* policy, const char* host,
                              uint16_t port, const char* request);
Result<std::string> info_node(aerospike* as, const as_policy_info* policy, const as_node* node,
                              const char* request);
Result<std::string> info_any(aerospike* as, const as_policy_info* policy, const char* request);
// Stops at the first failing node or when the callback answers false
// (AEROSPIKE_ERR_QUERY_ABORTED). The answer passed to the callback is freed
// after it returns.
Status info_foreach(aerospike* as, const as_policy_info* policy, const char* request,
                    aerospike_info_foreach_callback callback, void* udata);

// The answer copied into malloc'd memory the C caller frees.
char* to_c_string(const std::string& text);

}  // namespace aeroshim
