#include "cluster/node_table.h"

#include "cluster/node_view.h"

namespace aeroshim {

NodeTable::NodeTable(as_cluster* cluster_view, uint32_t capacity)
    : cluster_view_(cluster_view),
      capacity_(capacity),
      slots_(new std::atomic<as_node*>[capacity]) {
  for (uint32_t i = 0; i < capacity_; ++i) slots_[i].store(nullptr, std::memory_order_relaxed);
}

NodeTable::~NodeTable() {
  // No reader is left: the cluster is closing and its threads are joined.
  release_retired();
  release_retired();
  for (uint32_t i = 0; i < capacity_; ++i)
    release_node_view(slots_[i].exchange(nullptr, std::memory_order_acq_rel));
  // Ours is one reference; an application may still hold the array reserved.
  as_nodes* last = __atomic_exchange_n(&cluster_view_->nodes, nullptr, __ATOMIC_ACQ_REL);
  if (last && __atomic_sub_fetch(&last->ref_count, 1, __ATOMIC_ACQ_REL) == 0)
    destroy_nodes_view(last);
}

bool NodeTable::publish(const std::vector<as_node*>& nodes) {
  as_nodes* fresh = create_nodes_view(nodes);
  if (!fresh) return false;
  std::vector<as_node*> by_index(capacity_, nullptr);
  for (as_node* n : nodes) {
    const uint32_t index = node_object(n)->map_index;
    if (index < capacity_) by_index[index] = n;
  }
  for (uint32_t i = 0; i < capacity_; ++i) {
    if (slots_[i].load(std::memory_order_relaxed) == by_index[i]) continue;
    if (by_index[i]) as_node_reserve(by_index[i]);  // the slot's own reference
    // Release: the node's fields are complete before a reader finds it.
    as_node* old = slots_[i].exchange(by_index[i], std::memory_order_acq_rel);
    if (old) retiring_nodes_.push_back(old);
  }
  as_nodes* old = __atomic_exchange_n(&cluster_view_->nodes, fresh, __ATOMIC_ACQ_REL);
  if (old) retiring_arrays_.push_back(old);
  return true;
}

void NodeTable::release_retired() {
  for (as_nodes* a : retired_arrays_)
    if (__atomic_sub_fetch(&a->ref_count, 1, __ATOMIC_ACQ_REL) == 0) destroy_nodes_view(a);
  for (as_node* n : retired_nodes_) release_node_view(n);
  retired_arrays_.swap(retiring_arrays_);
  retiring_arrays_.clear();
  retired_nodes_.swap(retiring_nodes_);
  retiring_nodes_.clear();
}

}  // namespace aeroshim
