// The public C structs that expose nodes to applications: `as_node` (one per
// node, reference counted, freed by as_node_destroy when the last reference
// goes) and `as_nodes` (the array published in as_cluster.nodes, replaced as a
// whole on every membership change). Only this file allocates or frees them.
#pragma once

#include "info/server_version.h"

#include <aerospike/as_cluster.h>
#include <aerospike/as_node.h>

#include <sys/socket.h>

#include <string>
#include <vector>

namespace aeroshim {

// A node view with one reference (the caller's), or nullptr when out of memory.
as_node* create_node_view(const std::string& name, const sockaddr_storage& address,
                          const ServerVersion& version, uint32_t features, as_cluster* cluster,
                          uint32_t index);
void destroy_node_view(as_node* node);
// Drops one reference to a node view; the last one frees it.
void release_node_view(as_node* node);

// The tend thread clears `active` while applications read it, so both sides
// use atomics (release there, acquire here).
inline bool node_is_active(const as_node* node) {
  return __atomic_load_n(&node->active, __ATOMIC_ACQUIRE) != 0;
}

// An array of the given nodes with one reference (the caller's). It holds a
// reference to each node, so an application that reserved an old array can
// still read every node in it after the tender removed that node.
as_nodes* create_nodes_view(const std::vector<as_node*>& nodes);
// Frees the array and drops its references to the nodes.
void destroy_nodes_view(as_nodes* nodes);

}  // namespace aeroshim
