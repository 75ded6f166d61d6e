#include "cluster/node.h"

#include "cluster/node_view.h"

namespace aeroshim {

Node::~Node() {
  if (view) __atomic_store_n(&view->active, uint8_t{0}, __ATOMIC_RELEASE);
  release_node_view(view);
}

}  // namespace aeroshim
