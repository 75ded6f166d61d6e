/*
 * Written the way a 7.4.0 user writes against <aerospike/as_cluster.h> alone:
 * the node array with its inline reserve/release, the counters, and the types
 * as_cluster embeds (partition tables, thread pool, recover queue, file
 * status), all reachable from this one include.
 */
#include <aerospike/as_cluster.h>

int aeroshim_stock_style_cluster(void);

int aeroshim_stock_style_cluster(void)
{
	union {
		as_nodes nodes;
		char bytes[sizeof(as_nodes) + 2 * sizeof(as_node*)];
	} storage;
	as_node first;
	as_node second;
	memset(&first, 0, sizeof(first));
	memset(&second, 0, sizeof(second));
	storage.nodes.ref_count = 1;
	storage.nodes.size = 2;
	storage.nodes.array[0] = &first;
	storage.nodes.array[1] = &second;

	as_cluster cluster;
	memset(&cluster, 0, sizeof(cluster));
	cluster.nodes = &storage.nodes;
	as_nodes* nodes = as_nodes_reserve(&cluster);
	if (nodes != &storage.nodes || nodes->ref_count != 2) {
		return __LINE__;
	}
	as_nodes_release(nodes);
	if (storage.nodes.ref_count != 1) {
		return __LINE__;
	}

	cluster.metrics_enabled = true;
	as_cluster_add_command_count(&cluster);
	as_cluster_add_retries(&cluster, 3);
	if (as_cluster_get_command_count(&cluster) != 1 || as_cluster_get_retry_count(&cluster) != 3) {
		return __LINE__;
	}
	as_node_incr_error_rate(&first);
	if (as_node_get_error_rate(&first) != 1) {
		return __LINE__;
	}

	if (cluster.partition_tables.size != 0 || cluster.thread_pool.thread_size != 0 ||
		cluster.recover_queue.queue.capacity != 0 || cluster.config_file_status.timestamp.tv_sec != 0) {
		return __LINE__;
	}
	struct as_shm_info_s* shm_info = cluster.shm_info;
	return shm_info == NULL ? 0 : __LINE__;
}
