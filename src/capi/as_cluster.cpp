// extern "C" entry points of as_cluster.h.
#include "client/client.h"
#include "cluster/node_view.h"
#include "core/error.h"

#include <aerospike/as_cluster.h>

using namespace aeroshim;

extern "C" {

void as_cluster_get_node_names(as_cluster* cluster, int* n_nodes, char** node_names) {
  guard_void({{n_nodes, "n_nodes"}, {node_names, "node_names"}}, [&] {
    *n_nodes = 0;
    *node_names = nullptr;
    cluster_node_names(cluster, n_nodes, node_names);
  });
}

void as_nodes_destroy(as_nodes* nodes) {
  guard_void({}, [&] { destroy_nodes_view(nodes); });
}

bool as_cluster_is_connected(as_cluster* cluster) {
  return guard_value(false, {}, [&] { return cluster_is_connected(cluster); });
}

as_node* as_node_get_random(as_cluster* cluster) {
  return guard_value<as_node*>(nullptr, {},
                               [&] { return cluster ? cluster_random_node(cluster) : nullptr; });
}

as_node* as_node_get_by_name(as_cluster* cluster, const char* name) {
  return guard_value<as_node*>(
      nullptr, {}, [&] { return cluster && name ? cluster_node_by_name(cluster, name) : nullptr; });
}

}  // extern "C"
