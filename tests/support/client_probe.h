/* What tests ask of a connected client through the public API alone. */
#pragma once

#include <aerospike/aerospike.h>

#ifdef __cplusplus
extern "C" {
#endif

/* How many active nodes as_cluster_get_node_names reports (0 when none). */
int client_node_count(aerospike* as);

#ifdef __cplusplus
}
#endif
