// NodeTable: the nodes a connected cluster publishes to other threads.
//
// Each node is one ref-counted object whose first member is the ABI as_node,
// so the pointer an application holds (and reserves or releases with the
// header's inline functions, counting on as_node.ref_count) is the object
// itself; as_node_destroy frees the whole object when the last reference goes.
// The table publishes the nodes twice:
//   - as the as_nodes array in as_cluster.nodes (what applications and the
//     stock inline as_nodes_reserve read), replaced whole on every change;
//   - by map index (what a command resolves a partition's node entry into,
//     owner and follower alike), one slot per node entry of the map.
// Only the tend thread writes. A reader loads, then reserves; what the tend
// thread replaces is released one cycle later, so a reader that loaded the
// old pointer just before the swap can still reserve it.
#pragma once

#include <aerospike/as_cluster.h>
#include <aerospike/as_node.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <vector>

namespace aeroshim {

class ConnectionPool;

struct NodeObject {
  as_node view;        // first: as_node* and NodeObject* are the same address
  uint32_t map_index;  // the node entry of the cluster map it was made for
  // This process's sockets to the node, made by the tend thread before the
  // node is published (so a command never finds it missing) and freed with
  // the object.
  ConnectionPool* pool;
};
static_assert(std::is_standard_layout_v<NodeObject> && offsetof(NodeObject, view) == 0,
              "as_node must be the node object's first member");

inline NodeObject* node_object(as_node* node) { return reinterpret_cast<NodeObject*>(node); }

class NodeTable {
 public:
  // `capacity`: node entries of the map (its geometry's max_nodes).
  NodeTable(as_cluster* cluster_view, uint32_t capacity);
  ~NodeTable();
  NodeTable(const NodeTable&) = delete;
  NodeTable& operator=(const NodeTable&) = delete;

  // Tend thread: the full list after a change, each node at its map index.
  // False when out of memory (the previous list stays published).
  bool publish(const std::vector<as_node*>& nodes);
  // Tend thread, once per cycle: drops what was replaced a cycle ago.
  void release_retired();

  // Any thread: the node of map entry `index` with one reference for the
  // caller (as_node_release), or nullptr when that entry has no live node.
  as_node* reserve(uint32_t map_index) const {
    if (map_index >= capacity_) return nullptr;
    // Acquire pairs with publish()'s release store of the slot.
    as_node* node = slots_[map_index].load(std::memory_order_acquire);
    if (node) as_node_reserve(node);
    return node;
  }
  uint32_t capacity() const { return capacity_; }

 private:
  as_cluster* cluster_view_;
  uint32_t capacity_;
  std::unique_ptr<std::atomic<as_node*>[]> slots_;
  // References replaced this cycle (released next cycle) and last cycle.
  std::vector<as_node*> retiring_nodes_;
  std::vector<as_node*> retired_nodes_;
  std::vector<as_nodes*> retiring_arrays_;
  std::vector<as_nodes*> retired_arrays_;
};

}  // namespace aeroshim
