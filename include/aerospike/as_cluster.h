/*
 * as_cluster: the cluster behind an `aerospike` object. Programs reach it as
 * aerospike.cluster and 7.4.0's inline helpers read `nodes` (an as_nodes
 * array, reference counted) and count in it, so the 912-byte layout is kept.
 * The types it embeds by value come from their own 7.4.0 headers (partition
 * tables, thread pool, recover queue, file status).
 */
#pragma once

#include <aerospike/as_atomic.h>
#include <aerospike/as_config.h>
#include <aerospike/as_file.h>
#include <aerospike/as_metrics.h>
#include <aerospike/as_node.h>
#include <aerospike/as_partition.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_queue_mt.h>
#include <aerospike/as_thread_pool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_nodes_s {
	uint32_t ref_count;
	uint32_t size;
	as_node* array[];
} as_nodes;

/* Per event loop: the cluster's asynchronous commands in flight, and whether the loop has let go of the cluster. */
typedef struct as_event_state_s {
	int pending;
	bool closed;
} as_event_state;

/* Garbage the tender frees once no command can still be using it. */
typedef void (*as_release_fn)(void* value);

typedef struct as_gc_item_s {
	void* data;
	as_release_fn release_fn;
} as_gc_item;

typedef struct as_cluster_s {
	as_nodes* nodes;
	as_partition_tables partition_tables;
	as_vector* gc;
	struct as_shm_info_s* shm_info;
	char* user;
	char* password;
	char* password_hash;
	char* cluster_name;
	char* app_id;
	as_cluster_event_callback event_callback;
	void* event_callback_udata;
	as_event_state* event_state;
	as_vector* seeds;
	as_vector* ip_map;
	as_tls_context* tls_ctx;
	as_thread_pool thread_pool;
	pthread_t tend_thread;
	pthread_mutex_t seed_lock;
	pthread_mutex_t metrics_lock;
	pthread_mutex_t tend_lock;
	pthread_cond_t tend_cond;
	as_queue_mt recover_queue;
	uint64_t max_socket_idle_ns_tran;
	uint64_t max_socket_idle_ns_trim;
	as_vector* rack_ids;
	uint32_t max_error_rate;
	uint32_t error_rate_window;
	uint32_t tend_interval;
	uint32_t tend_count;
	uint32_t min_conns_per_node;
	uint32_t max_conns_per_node;
	uint32_t async_min_conns_per_node;
	uint32_t async_max_conns_per_node;
	uint32_t pipe_max_conns_per_node;
	uint32_t conn_pools_per_node;
	uint32_t conn_timeout_ms;
	uint32_t login_timeout_ms;
	uint32_t node_index;
	uint32_t replica_index_any;
	uint32_t replica_index_random;
	uint32_t invalid_node_count;
	int tend_thread_cpu;
	as_auth_mode auth_mode;
	uint16_t n_partitions;
	bool use_services_alternate;
	bool rack_aware;
	bool auth_enabled;
	bool has_partition_query;
	bool fail_if_not_connected;
	bool has_query_ops_projection_ext;
	volatile bool valid;
	bool metrics_enabled;
	uint8_t metrics_latency_columns;
	uint8_t metrics_latency_shift;
	uint32_t metrics_interval;
	as_metrics_listeners metrics_listeners;
	uint64_t retry_count;
	uint64_t command_count;
	uint64_t delay_queue_timeout_count;
	struct aerospike_s* as;
	as_file_status config_file_status;
	uint32_t config_interval;
} as_cluster;

AS_EXTERN void as_nodes_destroy(as_nodes* nodes);
AS_EXTERN void as_cluster_get_node_names(as_cluster* cluster, int* n_nodes, char** node_names);
AS_EXTERN bool as_cluster_is_connected(as_cluster* cluster);
AS_EXTERN as_status as_cluster_reserve_all_nodes(as_cluster* cluster, as_error* err,
	as_nodes** nodes);
AS_EXTERN void as_cluster_add_seed(as_cluster* cluster, const char* hostname,
	const char* tls_name, uint16_t port);
AS_EXTERN void as_cluster_remove_seed(as_cluster* cluster, const char* hostname, uint16_t port);
AS_EXTERN as_node* as_node_get_random(as_cluster* cluster);
AS_EXTERN as_node* as_node_get_by_name(as_cluster* cluster, const char* name);

/* The node for a partition replica, from the private map or the segment;
 * declared because as_partition_get_node below dispatches to them. */
struct as_partition_shm_s;
AS_EXTERN as_node* as_partition_reg_get_node(as_cluster* cluster, const char* ns,
	as_partition* p, as_node* prev_node, as_policy_replica replica, uint8_t replica_size,
	uint8_t* replica_index);
AS_EXTERN as_node* as_partition_shm_get_node(as_cluster* cluster, const char* ns,
	struct as_partition_shm_s* partition, as_node* prev_node, as_policy_replica replica,
	uint8_t replica_size, uint8_t* replica_index);

/* The current node array with one more reference; give it back with
 * as_nodes_release. The load acquires: the tend thread fills a fresh array
 * and publishes it with a release exchange, so the count, size and nodes
 * read here must be ordered after it (a relaxed load is a data race with
 * the array's initialization, which ThreadSanitizer reports; on x86-64 both
 * are the same plain load). */
static inline as_nodes* as_nodes_reserve(as_cluster* cluster)
{
	as_nodes* nodes = (as_nodes*)as_load_ptr_acq((void* const*)&cluster->nodes);
	as_incr_uint32(&nodes->ref_count);
	return nodes;
}

static inline void as_nodes_release(as_nodes* nodes)
{
	if (as_aaf_uint32_rls(&nodes->ref_count, -1) == 0) {
		as_fence_acq();
		as_nodes_destroy(nodes);
	}
}

static inline void as_cluster_release_all_nodes(as_nodes* nodes)
{
	as_nodes_release(nodes);
}

static inline void as_cluster_add_command_count(as_cluster* cluster)
{
	if (cluster->metrics_enabled) {
		as_incr_uint64(&cluster->command_count);
	}
}

static inline uint64_t as_cluster_get_tran_count(const as_cluster* cluster)
{
	return as_load_uint64(&cluster->command_count);
}

static inline uint64_t as_cluster_get_command_count(const as_cluster* cluster)
{
	return as_load_uint64(&cluster->command_count);
}

static inline void as_cluster_add_retry(as_cluster* cluster)
{
	as_incr_uint64(&cluster->retry_count);
}

static inline void as_cluster_add_retries(as_cluster* cluster, uint32_t count)
{
	as_faa_uint64(&cluster->retry_count, count);
}

static inline uint64_t as_cluster_get_retry_count(const as_cluster* cluster)
{
	return as_load_uint64(&cluster->retry_count);
}

static inline void as_cluster_add_delay_queue_timeout(as_cluster* cluster)
{
	as_incr_uint64(&cluster->delay_queue_timeout_count);
}

static inline uint64_t as_cluster_get_delay_queue_timeout_count(const as_cluster* cluster)
{
	return as_load_uint64(&cluster->delay_queue_timeout_count);
}

static inline uint32_t as_cluster_recover_queue_size(as_cluster* cluster)
{
	return as_queue_mt_size(&cluster->recover_queue);
}

/* partition is an as_partition_shm* when the cluster uses shared memory,
 * else an as_partition*. */
static inline as_node* as_partition_get_node(as_cluster* cluster, const char* ns,
	void* partition, as_node* prev_node, as_policy_replica replica, uint8_t replica_size,
	uint8_t* replica_index)
{
	if (cluster->shm_info) {
		return as_partition_shm_get_node(cluster, ns, (struct as_partition_shm_s*)partition,
			prev_node, replica, replica_size, replica_index);
	}
	return as_partition_reg_get_node(cluster, ns, (as_partition*)partition, prev_node, replica,
		replica_size, replica_index);
}

static inline void as_node_incr_error_rate(as_node* node)
{
	as_incr_uint32(&node->error_rate);
}

static inline void as_node_close_conn_error(as_node* node, as_socket* sock, as_conn_pool* pool)
{
	as_node_close_connection(node, sock, pool);
	as_node_incr_error_rate(node);
}

#if defined(_POSIX_C_SOURCE) && _POSIX_C_SOURCE >= 199309L

static inline void as_node_put_conn_error(as_node* node, as_socket* sock)
{
	as_node_put_connection(node, sock);
	as_node_incr_error_rate(node);
}

#endif

static inline as_vector* as_rack_ids_load(as_vector** rack_ids)
{
	return (as_vector*)as_load_ptr((void* const*)rack_ids);
}

#ifdef __cplusplus
}
#endif
