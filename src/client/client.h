// The client behind an `aerospike` object: connect builds the cluster (with a
// private map, or a shared segment when use_shm is set) and close tears it
// down. The extern "C" layer in src/capi/aerospike.cpp only delegates here.
#pragma once

#include "core/status.h"

struct aerospike_s;
struct as_cluster_s;
struct as_node_s;

namespace aeroshim {

class Cluster;

// The cluster behind a connected object's public view, or nullptr.
Cluster* find_cluster(const as_cluster_s* view);

Status client_connect(aerospike_s* as);
Status client_close(aerospike_s* as);
bool client_is_connected(aerospike_s* as);

// Node names as one malloc'd block of n * AS_NODE_NAME_SIZE bytes (NULL when none).
void cluster_node_names(as_cluster_s* cluster, int* n_nodes, char** node_names);
bool cluster_is_connected(as_cluster_s* cluster);
// The next active node round-robin (7.4.0's as_node_get_random), reserved
// for the caller, or nullptr when there is none.
as_node_s* cluster_random_node(as_cluster_s* cluster);
// The node of that name, active or not, reserved; nullptr when unknown.
as_node_s* cluster_node_by_name(as_cluster_s* cluster, const char* name);

}  // namespace aeroshim
