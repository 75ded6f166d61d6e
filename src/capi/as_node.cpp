// extern "C" entry points of as_node.h.
#include "cluster/node_racks.h"
#include "cluster/node_view.h"
#include "core/error.h"

#include <aerospike/as_node.h>

using namespace aeroshim;

extern "C" {

void as_node_destroy(as_node* node) {
  guard_void({}, [&] { destroy_node_view(node); });
}

bool as_node_has_rack(as_node* node, const char* ns, int rack_id) {
  return guard_value(false, {}, [&] { return node && ns && node_has_rack(node, ns, rack_id); });
}

}  // extern "C"
