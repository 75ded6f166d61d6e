/*
 * as_node: one server node as the client knows it. Applications receive
 * as_node pointers (info callbacks, node lookups) and 7.4.0's inline helpers
 * below read and count in it, so the whole 240-byte layout is kept, together
 * with the types it points at that 7.4.0 defines here (racks, session, async
 * pools, per-namespace metrics) and the name and address limits.
 */
#pragma once

#include <aerospike/as_atomic.h>
#include <aerospike/as_config.h>
#include <aerospike/as_conn_pool.h>
#include <aerospike/as_error.h>
#include <aerospike/as_event.h>
#include <aerospike/as_latency.h>
#include <aerospike/as_partition.h>
#include <aerospike/as_queue.h>
#include <aerospike/as_socket.h>
#include <aerospike/as_vector.h>
#include <aerospike/as_version.h>

#include <netinet/in.h>
#include <sys/uio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_HOSTNAME_SIZE 256
#define AS_NODE_NAME_SIZE 20
#define AS_NODE_NAME_MAX_SIZE AS_NODE_NAME_SIZE

/* Server capabilities, bits of as_node.features. */
#define AS_FEATURES_PARTITION_SCAN (1 << 0)
#define AS_FEATURES_QUERY_SHOW (1 << 1)
#define AS_FEATURES_BATCH_ANY (1 << 2)
#define AS_FEATURES_PARTITION_QUERY (1 << 3)
#define AS_FEATURES_HAS_QUERY_OPS_PROJECTION_EXT (1 << 4)

/* A node keeps at most this many IPv4 and IPv6 addresses. */
#define AS_ADDRESS4_MAX 4
#define AS_ADDRESS6_MAX 8

typedef struct as_address_s {
	struct sockaddr_storage addr;
	char name[AS_IP_ADDRESS_SIZE];
} as_address;

typedef struct as_rack_s {
	char ns[AS_MAX_NAMESPACE_SIZE];
	int rack_id;
} as_rack;

/* The node's rack for each namespace. */
typedef struct as_racks_s {
	uint32_t ref_count;
	int rack_id;
	uint32_t size;
	uint32_t pad;
	as_rack racks[];
} as_racks;

/* The login token, shared by the node's connections until it expires. */
typedef struct as_session_s {
	uint32_t ref_count;
	uint32_t token_length;
	uint64_t expiration;
	uint8_t token[];
} as_session;

typedef struct as_async_conn_pool_s {
	as_queue queue;
	uint32_t min_size;
	uint32_t limit;
	uint32_t opened;
	uint32_t closed;
	uint32_t recovered;
	uint32_t aborted;
} as_async_conn_pool;

typedef struct {
	const char* ns;
	uint64_t bytes_in;
	uint64_t bytes_out;
	uint64_t error_count;
	uint64_t timeout_count;
	uint64_t key_busy_count;
	as_latency* latency[AS_LATENCY_TYPE_MAX];
} as_ns_metrics;

struct as_cluster_s;

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

/* What the tender learned about a node before it creates the as_node. */
typedef struct as_node_info_s {
	char name[AS_NODE_NAME_SIZE];
	uint32_t features;
	as_host host;
	as_socket socket;
	struct sockaddr_storage addr;
	as_session* session;
	as_version version;
} as_node_info;

AS_EXTERN void as_node_destroy(as_node* node);

/* Whether the node is on rack_id in namespace ns (by its racks as last read
 * from the server). */
AS_EXTERN bool as_node_has_rack(as_node* node, const char* ns, int rack_id);

static inline bool as_node_is_active(const as_node* node)
{
	return as_load_uint8_acq(&node->active) != 0;
}

static inline void as_node_deactivate(as_node* node)
{
	as_store_uint8_rls(&node->active, 0);
}

static inline as_node* as_node_load(as_node** node)
{
	return (as_node*)as_load_ptr((void* const*)node);
}

static inline void as_node_store(as_node** trg, as_node* src)
{
	as_store_ptr_rls((void**)trg, src);
}

static inline void as_node_reserve(as_node* node)
{
	as_incr_uint32(&node->ref_count);
}

/* The last release destroys the node; the fence orders every earlier
 * access by other holders before the teardown. */
static inline void as_node_release(as_node* node)
{
	if (as_aaf_uint32_rls(&node->ref_count, -1) == 0) {
		as_fence_acq();
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

static inline void as_node_close_socket(as_node* node, as_socket* sock)
{
	as_socket_close(sock);
	as_incr_uint32(&node->sync_conns_closed);
}

/* Closes a connection taken from pool and gives its slot back. */
static inline void as_node_close_connection(as_node* node, as_socket* sock, as_conn_pool* pool)
{
	as_node_close_socket(node, sock);
	as_conn_pool_decr(pool);
}

#if defined(_POSIX_C_SOURCE) && _POSIX_C_SOURCE >= 199309L

/* Returns a connection to its pool, or closes it when the pool is full. */
static inline bool as_node_put_connection(as_node* node, as_socket* sock)
{
	as_conn_pool* pool = sock->pool;
	sock->last_used = cf_getns();
	if (!as_conn_pool_push_head(pool, sock)) {
		as_node_close_connection(node, sock, pool);
		return false;
	}
	return true;
}

#endif

static inline uint32_t as_node_get_sync_conns_opened(const as_node* node)
{
	return as_load_uint32(&node->sync_conns_opened);
}

static inline uint32_t as_node_get_sync_conns_closed(const as_node* node)
{
	return as_load_uint32(&node->sync_conns_closed);
}

static inline uint32_t as_node_get_sync_conns_recovered(const as_node* node)
{
	return as_load_uint32(&node->sync_conns_recovered);
}

static inline void as_node_incr_sync_conns_recovered(as_node* node)
{
	as_incr_uint32(&node->sync_conns_recovered);
}

static inline uint32_t as_node_get_sync_conns_aborted(const as_node* node)
{
	return as_load_uint32(&node->sync_conns_aborted);
}

static inline void as_node_incr_sync_conns_aborted(as_node* node)
{
	as_incr_uint32(&node->sync_conns_aborted);
}

static inline uint32_t as_node_get_error_rate(as_node* node)
{
	return as_load_uint32(&node->error_rate);
}

static inline bool as_node_has_query_operations_projection_ext(as_node* node)
{
	return (node->features & AS_FEATURES_HAS_QUERY_OPS_PROJECTION_EXT) != 0;
}

/* Same host name and port (TLS names are not compared). */
static inline bool as_host_equals(as_host* h1, as_host* h2)
{
	return strcmp(h1->name, h2->name) == 0 && h1->port == h2->port;
}

static inline void as_node_info_destroy(as_node_info* node_info)
{
	as_socket_close(&node_info->socket);
	cf_free(node_info->session);
}

static inline void as_node_add_bytes_in(as_ns_metrics* metrics, uint64_t bytes_in)
{
	as_add_uint64(&metrics->bytes_in, (int64_t)bytes_in);
}

static inline uint64_t as_node_get_bytes_in(as_ns_metrics* metrics)
{
	return as_load_uint64(&metrics->bytes_in);
}

static inline void as_node_add_bytes_out(as_ns_metrics* metrics, uint64_t bytes_out)
{
	as_add_uint64(&metrics->bytes_out, (int64_t)bytes_out);
}

static inline uint64_t as_node_get_bytes_out(as_ns_metrics* metrics)
{
	return as_load_uint64(&metrics->bytes_out);
}

static inline uint64_t as_node_get_error_count(as_ns_metrics* metrics)
{
	return as_load_uint64(&metrics->error_count);
}

static inline uint64_t as_node_get_timeout_count(as_ns_metrics* metrics)
{
	return as_load_uint64(&metrics->timeout_count);
}

static inline uint64_t as_node_get_key_busy_count(as_ns_metrics* metrics)
{
	return as_load_uint64(&metrics->key_busy_count);
}

static inline as_session* as_session_load(as_session** session)
{
	return (as_session*)as_load_ptr((void* const*)session);
}

static inline void as_session_release(as_session* session)
{
	if (as_aaf_uint32_rls(&session->ref_count, -1) == 0) {
		cf_free(session);
	}
}

#ifdef __cplusplus
}
#endif
