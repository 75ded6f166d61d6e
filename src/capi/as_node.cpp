// extern "C" entry points of as_node.h.
#include "cluster/node_view.h"
#include "core/error.h"

#include <aerospike/as_node.h>

using namespace aeroshim;

extern "C" {

void as_node_destroy(as_node* node) {
  guard_void({}, [&] { destroy_node_view(node); });
}

}  // extern "C"
