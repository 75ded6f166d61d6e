// extern "C" entry points of as_node.h.
#include "cluster/node_view.h"

#include <aerospike/as_node.h>

extern "C" {

void as_node_destroy(as_node* node) { aeroshim::destroy_node_view(node); }

}  // extern "C"
