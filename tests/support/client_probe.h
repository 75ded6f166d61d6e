/* What tests ask of a connected client through the public API alone. */
#pragma once

#include <aerospike/aerospike.h>

#ifdef __cplusplus
extern "C" {
#endif

/* How many active nodes as_cluster_get_node_names reports (0 when none). */
int client_node_count(aerospike* as);

/* Initializes `as` with the default configuration and one seed,
 * 127.0.0.1:port, and connects it; false (the reason printed, `as`
 * destroyed) when it cannot. */
bool client_connect_local(aerospike* as, uint16_t port);
/* Closes and destroys a client client_connect_local connected. */
void client_close_local(aerospike* as);

#ifdef __cplusplus
}
#endif
