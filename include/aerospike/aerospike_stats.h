/*
 * A snapshot of connection counts and error counters for the cluster, its
 * nodes and the event loops. Taking and printing snapshots is the cluster
 * layer's: the exported functions are declared only.
 */
#pragma once

#include <aerospike/aerospike.h>
#include <aerospike/as_node.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_cluster_s;

typedef struct as_conn_stats_s {
	uint32_t in_pool;
	uint32_t in_use;
	uint32_t opened;
	uint32_t closed;
	uint32_t recovered;
	uint32_t aborted;
} as_conn_stats;

typedef struct as_node_stats_s {
	/* Reserved by the snapshot; aerospike_node_stats_destroy releases it. */
	as_node* node;
	as_conn_stats sync;
	as_conn_stats async;
	as_conn_stats pipeline;
	uint64_t error_count;
	uint64_t timeout_count;
	uint64_t key_busy_count;
} as_node_stats;

typedef struct as_event_loop_stats_s {
	int process_size;
	uint32_t queue_size;
} as_event_loop_stats;

typedef struct as_cluster_stats_s {
	as_node_stats* nodes;
	as_event_loop_stats* event_loops;
	uint64_t retry_count;
	uint32_t nodes_size;
	uint32_t event_loops_size;
	uint32_t thread_pool_queued_tasks;
	uint32_t recover_queue_size;
} as_cluster_stats;

AS_EXTERN void aerospike_cluster_stats(struct as_cluster_s* cluster, as_cluster_stats* stats);
AS_EXTERN void aerospike_stats_destroy(as_cluster_stats* stats);
AS_EXTERN void aerospike_node_stats(as_node* node, as_node_stats* stats);
/* A heap string the caller frees. */
AS_EXTERN char* aerospike_stats_to_string(as_cluster_stats* stats);
AS_EXTERN void as_conn_stats_sum(as_conn_stats* stats, as_async_conn_pool* pool);

static inline void aerospike_stats(aerospike* as, as_cluster_stats* stats)
{
	aerospike_cluster_stats(as->cluster, stats);
}

static inline void aerospike_node_stats_destroy(as_node_stats* stats)
{
	as_node_release(stats->node);
}

static inline void aerospike_event_loop_stats(as_event_loop* event_loop,
	as_event_loop_stats* stats)
{
	stats->process_size = as_event_loop_get_process_size(event_loop);
	stats->queue_size = as_event_loop_get_queue_size(event_loop);
}

static inline void as_conn_stats_init(as_conn_stats* stats)
{
	stats->in_pool = 0;
	stats->in_use = 0;
	stats->opened = 0;
	stats->closed = 0;
	stats->recovered = 0;
	stats->aborted = 0;
}

#ifdef __cplusplus
}
#endif
