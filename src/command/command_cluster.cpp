#include "command/command_cluster.h"

#include <aerospike/as_cluster.h>

namespace aeroshim {

uint32_t cluster_node_count(const Cluster& cluster) {
  as_nodes* nodes = as_nodes_reserve(cluster.view());
  const uint32_t count = nodes->size;
  as_nodes_release(nodes);
  return count;
}

ReservedNodes::~ReservedNodes() {
  for (as_node* n : nodes_) as_node_release(n);
}

Result<ReservedNodes> reserve_all_nodes(const Cluster& cluster) {
  ReservedNodes list;
  as_nodes* nodes = as_nodes_reserve(cluster.view());
  list.nodes_.reserve(nodes->size);
  for (uint32_t i = 0; i < nodes->size; ++i) {
    as_node_reserve(nodes->array[i]);
    list.nodes_.push_back(nodes->array[i]);
  }
  as_nodes_release(nodes);
  if (list.nodes_.empty())
    return Status(AEROSPIKE_ERR_SERVER, "Command failed because cluster is empty.");
  return list;
}

}  // namespace aeroshim
