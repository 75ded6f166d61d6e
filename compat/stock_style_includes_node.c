/*
 * Written the way a 7.4.0 user writes against <aerospike/as_node.h> alone:
 * the node's embedded and pointed-to types (socket, connection pool, async
 * pool, racks, session, per-namespace metrics and latency), its inline
 * accessors, the partition limits and the atomics, from this one include.
 */
#include <aerospike/as_node.h>

int aeroshim_stock_style_node(void);

int aeroshim_stock_style_node(void)
{
	as_node node;
	memset(&node, 0, sizeof(node));
	as_store_uint8_rls(&node.active, 1);
	if (!as_node_is_active(&node)) {
		return __LINE__;
	}
	as_node_deactivate(&node);
	if (as_node_is_active(&node)) {
		return __LINE__;
	}
	as_node_incr_sync_conns_aborted(&node);
	if (as_node_get_sync_conns_aborted(&node) != 1) {
		return __LINE__;
	}

	as_node* slot = NULL;
	as_node_store(&slot, &node);
	if (as_node_load(&slot) != &node) {
		return __LINE__;
	}

	as_ns_metrics metrics;
	memset(&metrics, 0, sizeof(metrics));
	as_node_add_bytes_in(&metrics, 5);
	if (as_node_get_bytes_in(&metrics) != 5) {
		return __LINE__;
	}
	if (sizeof(metrics.latency) / sizeof(metrics.latency[0]) != AS_LATENCY_TYPE_MAX) {
		return __LINE__;
	}

	as_conn_pool pool;
	memset(&pool, 0, sizeof(pool));
	pool.queue.capacity = 1;
	if (!as_conn_pool_incr(&pool) || as_conn_pool_incr(&pool)) {
		return __LINE__;
	}
	as_conn_pool_decr(&pool);
	if (as_conn_pool_excess(&pool) != 1) {
		return __LINE__;
	}

	as_socket sock;
	memset(&sock, 0, sizeof(sock));
	if (as_socket_use_tls(sock.tls)) {
		return __LINE__;
	}

	as_partition partition;
	partition.regime = 0;
	as_version version = { 8, 1, 0, 0 };
	as_racks* racks = node.racks;
	as_session* session = node.session;
	as_async_conn_pool* async_pools = node.async_conn_pools;
	as_event_loop* loop = NULL;
	as_queue* queue = &pool.queue;
	return partition.regime == 0 && version.major == 8 && racks == NULL && session == NULL &&
			async_pools == NULL && loop == NULL && queue->total == 1 &&
			AS_MAX_REPLICATION_FACTOR == 3
		? 0
		: __LINE__;
}
