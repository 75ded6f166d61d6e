#include "cluster/node_view.h"

#include "cluster/node_racks.h"
#include "cluster/node_table.h"
#include "net/address.h"
#include "net/connection_pool.h"

#include <cstdlib>
#include <cstring>

namespace aeroshim {

as_node* create_node_view(const std::string& name, const sockaddr_storage& address,
                          const ServerVersion& version, uint32_t features, as_cluster* cluster,
                          uint32_t index) {
  // The node object is plain data (calloc'd, freed by destroy_node_view);
  // its as_node comes first, so the view is the object.
  auto* object = static_cast<NodeObject*>(std::calloc(1, sizeof(NodeObject)));
  auto* addresses = static_cast<as_address*>(std::calloc(1, sizeof(as_address)));
  if (!object || !addresses) {
    std::free(object);
    std::free(addresses);
    return nullptr;
  }
  object->map_index = UINT32_MAX;  // set when the node gets its map entry
  as_node* node = &object->view;
  node->ref_count = 1;
  node->features = features;
  node->version = as_version{version.major, version.minor, version.patch, version.build};
  std::strncpy(node->name, name.c_str(), AS_NODE_NAME_SIZE - 1);
  addresses[0].addr = address;
  std::strncpy(addresses[0].name, address_to_string(address).c_str(), AS_IP_ADDRESS_SIZE - 1);
  node->addresses = addresses;
  node->address_index = 0;
  if (address.ss_family == AF_INET6) node->address6_size = 1;
  else node->address4_size = 1;
  node->cluster = cluster;
  node->info_socket.fd = -1;
  node->index = index;
  node->active = 1;
  return node;
}

void release_node_view(as_node* node) {
  if (node && __atomic_sub_fetch(&node->ref_count, 1, __ATOMIC_ACQ_REL) == 0)
    destroy_node_view(node);
}

void destroy_node_view(as_node* node) {
  if (!node) return;
  std::free(node->addresses);
  std::free(node->tls_name);
  std::free(node->hostname);
  release_racks(node->racks);
  delete node_object(node)->pool;
  std::free(node_object(node));
}

as_nodes* create_nodes_view(const std::vector<as_node*>& nodes) {
  auto* view =
      static_cast<as_nodes*>(std::calloc(1, sizeof(as_nodes) + nodes.size() * sizeof(as_node*)));
  if (!view) return nullptr;
  view->ref_count = 1;
  view->size = static_cast<uint32_t>(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    __atomic_fetch_add(&nodes[i]->ref_count, 1, __ATOMIC_ACQ_REL);
    view->array[i] = nodes[i];
  }
  return view;
}

void destroy_nodes_view(as_nodes* nodes) {
  if (!nodes) return;
  for (uint32_t i = 0; i < nodes->size; ++i) release_node_view(nodes->array[i]);
  std::free(nodes);
}

}  // namespace aeroshim
