/*
 * Written the way a 7.4.0 user writes against <aerospike/aerospike_info.h>
 * alone: an info callback that looks a node up in the cluster's node array.
 */
#include <aerospike/aerospike_info.h>

int aeroshim_stock_style_aerospike_info(void);

static bool aeroshim_node_is_known(const as_error* err, const as_node* node, const char* req,
	char* res, void* udata)
{
	(void)err;
	(void)req;
	(void)res;
	const as_nodes* nodes = (const as_nodes*)udata;
	for (uint32_t i = 0; i < nodes->size; i++) {
		if (nodes->array[i] == node) {
			return true;
		}
	}
	return false;
}

int aeroshim_stock_style_aerospike_info(void)
{
	union {
		as_nodes nodes;
		char bytes[sizeof(as_nodes) + sizeof(as_node*)];
	} storage;
	as_node node;
	memset(&node, 0, sizeof(node));
	storage.nodes.size = 1;
	storage.nodes.array[0] = &node;
	aerospike_info_foreach_callback callback = aeroshim_node_is_known;
	return callback(NULL, &node, "build", NULL, &storage.nodes) ? 0 : __LINE__;
}
