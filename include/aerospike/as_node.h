/*
 * as_node: one server node as the client knows it. Applications receive
 * as_node pointers (info callbacks, node lookups) and 7.4.0's inline helpers
 * below read ref_count, addresses, address_index and name, so the whole
 * 240-byte layout is kept; the internal pointer types stay opaque.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_shm_cluster.h>

#include <sys/socket.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_IP_ADDRESS_SIZE 64
#define AS_ADDRESS4_MAX 4
#define AS_ADDRESS6_MAX 8

#define AS_FEATURES_PARTITION_SCAN (1 << 0)
#define AS_FEATURES_QUERY_SHOW (1 << 1)
#define AS_FEATURES_BATCH_ANY (1 << 2)
#define AS_FEATURES_PARTITION_QUERY (1 << 3)
#define AS_FEATURES_HAS_QUERY_OPS_PROJECTION_EXT (1 << 4)

struct as_cluster_s;
struct as_conn_pool_s;
struct ssl_st;
typedef struct as_conn_pool_s as_conn_pool;
typedef struct as_async_conn_pool_s as_async_conn_pool;
typedef struct as_session_s as_session;
typedef struct as_racks_s as_racks;
typedef struct as_tls_context_s as_tls_context;
typedef struct as_ns_metrics_s as_ns_metrics;

typedef struct {
	uint16_t major;
	uint16_t minor;
	uint16_t patch;
	uint16_t build;
} as_version;

typedef struct as_address_s {
	struct sockaddr_storage addr;
	char name[AS_IP_ADDRESS_SIZE];
} as_address;

typedef struct as_socket_s {
	int fd;
	int family;
	__extension__ union {
		struct as_conn_pool_s* pool;
		uint64_t last_used;
	};
	as_tls_context* tls;
	const char* tls_name;
	struct ssl_st* ssl;
} as_socket;

typedef struct as_node_s {
	uint32_t ref_count;
	uint32_t partition_ref_count;
	uint32_t partition_generation;
	uint32_t features;
	as_version version;
	char* tls_name;
	char name[AS_NODE_NAME_SIZE];
	uint32_t address_index;
	uint32_t address4_size;
	uint32_t address6_size;
	as_address* addresses;
	char* hostname;
	struct as_cluster_s* cluster;
	as_conn_pool* sync_conn_pools;
	as_async_conn_pool* async_conn_pools;
	as_async_conn_pool* pipe_conn_pools;
	as_session* session;
	as_racks* racks;
	as_socket info_socket;
	uint32_t conn_iter;
	uint32_t sync_conns_opened;
	uint32_t sync_conns_closed;
	uint32_t sync_conns_recovered;
	uint32_t sync_conns_aborted;
	uint32_t error_rate;
	uint32_t max_error_rate;
	uint32_t peers_generation;
	uint32_t peers_count;
	uint32_t rebalance_generation;
	uint32_t friends;
	uint32_t failures;
	uint32_t index;
	as_ns_metrics** metrics;
	uint8_t metrics_size;
	uint8_t perform_login;
	uint8_t active;
	bool partition_changed;
	bool rebalance_changed;
	bool retry_user_agent;
} as_node;

AS_EXTERN void as_node_destroy(as_node* node);

static inline void as_node_reserve(as_node* node)
{
	__atomic_fetch_add(&node->ref_count, 1, __ATOMIC_ACQ_REL);
}

static inline void as_node_release(as_node* node)
{
	if (__atomic_sub_fetch(&node->ref_count, 1, __ATOMIC_ACQ_REL) == 0) {
		as_node_destroy(node);
	}
}

static inline as_address* as_node_get_address(as_node* node)
{
	return &node->addresses[node->address_index];
}

static inline const char* as_node_get_address_string(as_node* node)
{
	return node->addresses[node->address_index].name;
}

#ifdef __cplusplus
}
#endif
