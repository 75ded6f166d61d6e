// Connect and close: a Cluster per connected aerospike object, reached
// through its public as_cluster view (Cluster::of).
#include "client/client.h"

#include "cluster/cluster.h"
#include "cluster/node_view.h"
#include "config/config_check.h"
#include "config/lua_settings.h"

#include <aerospike/aerospike.h>
#include <aerospike/as_cluster.h>

#include <cstdlib>
#include <cstring>
#include <memory>

namespace aeroshim {

Cluster* find_cluster(const as_cluster* view) { return Cluster::of(view); }

Status client_connect(aerospike_s* as) {
  // Connecting a connected client is a no-op that succeeds, as in 7.4.0.
  if (as->cluster) return Status::ok();
  Status valid = check_config(as->config);
  if (!valid) return valid;
  set_lua_config_once(as->config.lua);
  auto cluster = Cluster::connect(as->config);
  if (!cluster) return cluster.status();
  // Owned through the view from now on; client_close takes it back.
  Cluster* connected = cluster.value().release();
  connected->view()->as = as;
  as->cluster = connected->view();
  return Status::ok();
}

Status client_close(aerospike_s* as) {
  std::unique_ptr<Cluster> cluster(Cluster::of(as->cluster));
  as->cluster = nullptr;
  cluster.reset();  // stops the tend thread and hands shared ownership over
  return Status::ok();
}

bool client_is_connected(aerospike_s* as) {
  return as->cluster && cluster_is_connected(as->cluster);
}

void cluster_node_names(as_cluster_s* view, int* n_nodes, char** node_names) {
  *n_nodes = 0;
  *node_names = nullptr;
  if (!view) return;
  as_nodes* nodes = as_nodes_reserve(view);
  // One pass: a node the tender deactivates meanwhile is either listed or
  // not, never counted in one place and skipped in another.
  auto* names =
      nodes->size ? static_cast<char*>(std::calloc(nodes->size, AS_NODE_NAME_SIZE)) : nullptr;
  uint32_t k = 0;
  for (uint32_t i = 0; names && i < nodes->size; ++i) {
    if (!node_is_active(nodes->array[i])) continue;
    std::memcpy(names + size_t{k} * AS_NODE_NAME_SIZE, nodes->array[i]->name, AS_NODE_NAME_SIZE);
    ++k;
  }
  if (k > 0) {
    *n_nodes = static_cast<int>(k);
    *node_names = names;
  } else {
    std::free(names);
  }
  as_nodes_release(nodes);
}

as_node_s* cluster_random_node(as_cluster_s* view) {
  as_nodes* nodes = as_nodes_reserve(view);
  const uint32_t size = nodes->size;
  as_node* chosen = nullptr;
  if (size > 0) {
    const uint32_t start = __atomic_fetch_add(&view->node_index, 1, __ATOMIC_RELAXED);
    for (uint32_t i = 0; i < size && !chosen; ++i) {
      as_node* node = nodes->array[(start + i) % size];
      if (!node_is_active(node)) continue;
      as_node_reserve(node);
      chosen = node;
    }
  }
  as_nodes_release(nodes);
  return chosen;
}

as_node_s* cluster_node_by_name(as_cluster_s* view, const char* name) {
  as_nodes* nodes = as_nodes_reserve(view);
  as_node* found = nullptr;
  for (uint32_t i = 0; i < nodes->size && !found; ++i)
    if (std::strcmp(nodes->array[i]->name, name) == 0) {
      as_node_reserve(nodes->array[i]);
      found = nodes->array[i];
    }
  as_nodes_release(nodes);
  return found;
}

bool cluster_is_connected(as_cluster_s* view) {
  Cluster* cluster = view ? find_cluster(view) : nullptr;
  return cluster && cluster->is_connected();
}

}  // namespace aeroshim
