// The public C structs that expose nodes to applications: `as_node` (one per
// node, reference counted, freed by as_node_destroy when the last reference
// goes) and `as_nodes` (the array published in as_cluster.nodes, replaced as a
// whole on every membership change). Only this file allocates or frees them.
#pragma once

#include "cluster/server_version.h"

#include <aerospike/as_cluster.h>
#include <aerospike/as_node.h>

#include <sys/socket.h>

#include <string>
#include <vector>

namespace aeroshim {

// A node view with one reference (the caller's), or nullptr when out of memory.
as_node* create_node_view(const std::string& name, const sockaddr_storage& address, const ServerVersion& version,
                          uint32_t features, as_cluster* cluster, uint32_t index);
void destroy_node_view(as_node* node);

// An array of the given nodes with one reference (the caller's); it does not
// hold references to the nodes, whose owner keeps them alive until the array
// is retired.
as_nodes* create_nodes_view(const std::vector<as_node*>& nodes);
void destroy_nodes_view(as_nodes* nodes);

}  // namespace aeroshim
