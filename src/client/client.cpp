// Connect and close. The cluster arrives with the tending work; until then
// connect answers a clear error instead of pretending to succeed.
#include "client/client.h"

#include "config/config_check.h"

#include <aerospike/aerospike.h>

namespace aeroshim {

Status client_connect(aerospike_s* as) {
  Status valid = check_config(as->config);
  if (!valid) {
    return valid;
  }
  return Status::error(AEROSPIKE_ERR_CLIENT, "aerospike_connect: cluster tending is not built yet");
}

Status client_close(aerospike_s*) { return Status::ok(); }

bool client_is_connected(aerospike_s*) { return false; }

void cluster_node_names(as_cluster_s*, int* n_nodes, char** node_names) {
  *n_nodes = 0;
  *node_names = nullptr;
}

bool cluster_is_connected(as_cluster_s*) { return false; }

}  // namespace aeroshim
