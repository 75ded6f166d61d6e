#include "cluster/node.h"

#include "cluster/node_view.h"

namespace aeroshim {

void release_node_view(as_node* view) {
  if (view && __atomic_sub_fetch(&view->ref_count, 1, __ATOMIC_ACQ_REL) == 0) destroy_node_view(view);
}

Node::~Node() {
  if (view) __atomic_store_n(&view->active, uint8_t{0}, __ATOMIC_RELEASE);
  release_node_view(view);
}

}  // namespace aeroshim
