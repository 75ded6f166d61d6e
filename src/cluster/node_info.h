// One info request to one node over a connection of the node's own pool,
// the way 7.4.0's as_info_command_node asks it: commands that must consult
// a node in the middle of their work (a query checking that the cluster
// has not changed) use this rather than the short-lived connections of the
// info API, so they cost no connect when the pool has an idle socket.
#pragma once

#include "core/status.h"
#include "net/connection.h"

#include <aerospike/as_node.h>

#include <string>

namespace aeroshim {

// The whole answer body to `body` (sent as it is: the caller ends each name
// with '\n'), or the failure: a network error, or the in-band ERROR:/FAIL:
// the answer carries with its code. Every failure ends with " from
// <node address>", as 7.4.0 words it. The connection goes back to the pool
// after a whole exchange (an in-band error included) and is closed after
// any other failure.
Result<std::string> node_info(as_node* node, const std::string& body, Deadline deadline);

}  // namespace aeroshim
