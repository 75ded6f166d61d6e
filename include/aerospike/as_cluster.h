/*
 * as_cluster: the cluster behind an `aerospike` object. Programs reach it as
 * aerospike.cluster and 7.4.0's inline helpers read `nodes` (an as_nodes
 * array, reference counted), so the 912-byte layout is kept. Internal members
 * whose types are private to the library are kept as opaque blocks of the
 * same size and alignment.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_config.h>
#include <aerospike/as_node.h>
#include <aerospike/as_vector.h>

#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_nodes_s {
	uint32_t ref_count;
	uint32_t size;
	as_node* array[];
} as_nodes;

typedef struct as_partition_tables_s {
	uint64_t opaque[33];
} as_partition_tables;

typedef struct as_thread_pool_s {
	uint64_t opaque[4];
} as_thread_pool;

typedef struct as_queue_mt_s {
	uint64_t opaque[15];
} as_queue_mt;

typedef struct as_file_status_s {
	uint64_t opaque[2];
} as_file_status;

typedef struct as_event_state_s as_event_state;

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

static inline as_nodes* as_nodes_reserve(as_cluster* cluster)
{
	as_nodes* nodes = (as_nodes*)__atomic_load_n(&cluster->nodes, __ATOMIC_ACQUIRE);
	__atomic_fetch_add(&nodes->ref_count, 1, __ATOMIC_ACQ_REL);
	return nodes;
}

static inline void as_nodes_release(as_nodes* nodes)
{
	if (__atomic_sub_fetch(&nodes->ref_count, 1, __ATOMIC_ACQ_REL) == 0) {
		as_nodes_destroy(nodes);
	}
}

#ifdef __cplusplus
}
#endif
