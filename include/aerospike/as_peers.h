/*
 * What one tend round learns from the nodes' "peers" answers: nodes to add,
 * nodes to drop and hosts that failed, plus whether any peers generation
 * moved. The parsers belong to the cluster layer: declared only.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_status.h>
#include <aerospike/as_error.h>
#include <aerospike/as_host.h>
#include <aerospike/as_vector.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_cluster_s;
struct as_node_s;

typedef struct as_peers_s {
	/* as_node* elements. */
	as_vector nodes;
	as_vector nodes_to_remove;
	/* as_host elements. */
	as_vector invalid_hosts;
	uint32_t refresh_count;
	bool gen_changed;
} as_peers;

AS_EXTERN struct as_node_s* as_peers_find_local_node(as_vector* nodes, const char* name);
AS_EXTERN void as_peers_append_unique_node(as_vector* nodes, struct as_node_s* node);
AS_EXTERN as_status as_peers_parse_peers(as_peers* peers, as_error* err,
	struct as_cluster_s* cluster, struct as_node_s* node, char* buf);
AS_EXTERN bool as_peers_find_invalid_host(as_peers* peers, as_host* host);

static inline void as_peers_add_invalid_host(as_peers* peers, as_host* host)
{
	as_host_copy(host, (as_host*)as_vector_reserve(&peers->invalid_hosts));
}

static inline uint32_t as_peers_invalid_count(as_peers* peers)
{
	return peers->invalid_hosts.size;
}

#ifdef __cplusplus
}
#endif
