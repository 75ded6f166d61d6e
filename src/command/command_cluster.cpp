#include "command/command_cluster.h"

#include <aerospike/as_cluster.h>

namespace aeroshim {

uint32_t cluster_node_count(const Cluster& cluster) {
  as_nodes* nodes = as_nodes_reserve(cluster.view());
  const uint32_t count = nodes->size;
  as_nodes_release(nodes);
  return count;
}

}  // namespace aeroshim
