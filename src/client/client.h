// The client behind an `aerospike` object: connect builds the cluster (with a
// private map, or a shared segment when use_shm is set) and close tears it
// down. The extern "C" layer in src/capi/aerospike.cpp only delegates here.
#pragma once

#include "core/status.h"

struct aerospike_s;
struct as_cluster_s;

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

}  // namespace aeroshim
