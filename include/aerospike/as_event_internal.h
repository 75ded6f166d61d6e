/*
 * The asynchronous command machinery behind the event loops: command,
 * connection and executor structs, their states and flags, and the helpers
 * the async, pipeline and batch code share. Like as_event.h, this is the
 * layout of a 7.4.0 build without an event library: connections carry no
 * watcher or socket, commands no timer, and the timer/watcher helpers do
 * nothing (as in 7.4.0's default build, where no loop can run). The
 * exported functions are declared only.
 */
#pragma once

#include <aerospike/as_admin.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_listener.h>
#include <aerospike/as_queue.h>
#include <aerospike/as_proto.h>
#include <aerospike/as_socket.h>
#include <citrusleaf/alloc.h>
#include <citrusleaf/cf_ll.h>

#include <pthread.h>

#if defined(AS_USE_LIBEV) || defined(AS_USE_LIBUV) || defined(AS_USE_LIBEVENT)
#error "aeroshim has no event-loop backend: build without AS_USE_LIBEV/LIBUV/LIBEVENT"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* as_event_command.state */
#define AS_ASYNC_STATE_UNREGISTERED 0
#define AS_ASYNC_STATE_REGISTERED 1
#define AS_ASYNC_STATE_DELAY_QUEUE 2
#define AS_ASYNC_STATE_CONNECT 3
#define AS_ASYNC_STATE_TLS_CONNECT 4
#define AS_ASYNC_STATE_AUTH_WRITE 5
#define AS_ASYNC_STATE_AUTH_READ_HEADER 6
#define AS_ASYNC_STATE_AUTH_READ_BODY 7
#define AS_ASYNC_STATE_COMMAND_WRITE 8
#define AS_ASYNC_STATE_COMMAND_READ_HEADER 9
#define AS_ASYNC_STATE_COMMAND_READ_BODY 10
#define AS_ASYNC_STATE_QUEUE_ERROR 11
#define AS_ASYNC_STATE_RETRY 12

/* as_event_command.flags bits */
#define AS_ASYNC_FLAGS_DESERIALIZE 1
#define AS_ASYNC_FLAGS_READ 2
#define AS_ASYNC_FLAGS_HAS_TIMER 4
#define AS_ASYNC_FLAGS_USING_SOCKET_TIMER 8
#define AS_ASYNC_FLAGS_EVENT_RECEIVED 16
#define AS_ASYNC_FLAGS_FREE_BUF 32
#define AS_ASYNC_FLAGS_LINEARIZE 64
#define AS_ASYNC_FLAGS_HEAP_REC 128

/* Offset of the result code in an authentication reply body. */
#define AS_ASYNC_AUTH_RETURN_CODE 1

/* What connecting a command's connection came to. */
#define AS_EVENT_CONNECTION_COMPLETE 0
#define AS_EVENT_CONNECTION_PENDING 1
#define AS_EVENT_CONNECTION_ERROR 2

#define AS_EVENT_QUEUE_INITIAL_CAPACITY 256

struct as_event_command;
struct as_event_executor;
struct as_txn;

typedef struct {
	/* > 0 while a watcher is registered for the connection. */
	int watching;
	bool pipeline;
} as_event_connection;

typedef struct {
	as_event_connection base;
	struct as_event_command* cmd;
} as_async_connection;

/* A pipeline listener call waiting in as_event_loop.pipe_cb_queue. */
typedef struct {
	as_pipe_listener listener;
	void* udata;
} as_queued_pipe_cb;

typedef void (*as_event_executable)(as_event_loop* event_loop, void* udata);
typedef bool (*as_event_parse_results_fn)(struct as_event_command* cmd);
typedef void (*as_event_executor_complete_fn)(struct as_event_executor* executor);

typedef struct as_event_command {
	uint64_t total_deadline;
	uint32_t total_timeout;
	uint32_t connect_timeout;
	uint32_t socket_timeout;
	uint32_t timeout_delay;
	uint32_t max_retries;
	as_policy_replica replica;
	as_event_loop* event_loop;
	as_event_state* event_state;
	as_event_connection* conn;
	as_cluster* cluster;
	as_node* node;
	const char* ns;
	as_ns_metrics* metrics;
	void* partition;
	void* udata;
	as_event_parse_results_fn parse_results;
	as_pipe_listener pipe_listener;
	cf_ll_element pipe_link;

	/* The I/O buffer; the request is written write_offset bytes past the struct. */
	uint8_t* buf;
	uint64_t begin;
	uint32_t iteration;
	uint32_t command_sent_counter;
	uint32_t write_offset;
	uint32_t write_len;
	uint32_t read_capacity;
	/* Bytes to transfer in the current state, and bytes done. */
	uint32_t len;
	uint32_t pos;

	uint8_t type;
	uint8_t proto_type;
	uint8_t proto_type_rcv;
	uint8_t state;
	uint8_t flags;
	uint8_t replica_size;
	uint8_t replica_index;
	uint8_t replica_index_sc;
	struct as_txn* txn;
	/* Uncompressed request kept for retries, when compression moved it. */
	uint8_t* ubuf;
	uint32_t ubuf_size;
	uint32_t bytes_in;
	uint32_t bytes_out;
	as_latency_type latency_type;
} as_event_command;

typedef struct {
	as_event_executable executable;
	void* udata;
} as_event_commander;

/* Fans one request (batch, scan, query) out over several commands. */
typedef struct as_event_executor {
	pthread_mutex_t lock;
	struct as_event_command** commands;
	as_event_loop* event_loop;
	as_event_executor_complete_fn complete_fn;
	void* udata;
	as_error* err;
	char* ns;
	uint64_t cluster_key;
	uint32_t max_concurrent;
	uint32_t max;
	uint32_t count;
	uint32_t queued;
	bool notify;
	bool valid;
} as_event_executor;

AS_EXTERN as_status as_event_command_execute(as_event_command* cmd, as_error* err);
AS_EXTERN void as_event_command_schedule(as_event_command* cmd);
AS_EXTERN void as_event_set_timeout(as_event_command* cmd);
AS_EXTERN bool as_event_connection_complete(as_event_command* cmd);
AS_EXTERN bool as_event_proto_parse(as_event_command* cmd, as_proto* proto);
AS_EXTERN bool as_event_proto_parse_auth(as_event_command* cmd, as_proto* proto);
AS_EXTERN bool as_event_decompress(as_event_command* cmd);
AS_EXTERN void as_event_process_timer(as_event_command* cmd);
AS_EXTERN void as_event_socket_timeout(as_event_command* cmd);
AS_EXTERN void as_event_total_timeout(as_event_command* cmd);
AS_EXTERN bool as_event_socket_retry(as_event_command* cmd);
AS_EXTERN bool as_event_command_retry(as_event_command* cmd, bool timeout);
AS_EXTERN void as_event_execute_retry(as_event_command* cmd);
AS_EXTERN void as_event_query_complete(as_event_command* cmd);
AS_EXTERN void as_event_batch_complete(as_event_command* cmd);
AS_EXTERN void as_event_response_complete(as_event_command* cmd);
AS_EXTERN void as_event_executor_error(as_event_executor* executor, as_error* err,
	uint32_t command_count);
AS_EXTERN void as_event_executor_cancel(as_event_executor* executor, uint32_t queued_count);
AS_EXTERN void as_event_executor_complete(as_event_executor* executor);
AS_EXTERN void as_event_error_callback(as_event_command* cmd, as_error* err);
AS_EXTERN void as_event_notify_error(as_event_command* cmd, as_error* err);
AS_EXTERN void as_event_parse_error(as_event_command* cmd, as_error* err);
AS_EXTERN void as_event_socket_error(as_event_command* cmd, as_error* err);
AS_EXTERN void as_event_response_error(as_event_command* cmd, as_error* err);
AS_EXTERN bool as_event_command_parse_result(as_event_command* cmd);
AS_EXTERN bool as_event_command_parse_header(as_event_command* cmd);
AS_EXTERN bool as_event_command_parse_success_failure(as_event_command* cmd);
AS_EXTERN bool as_event_command_parse_deadline(as_event_command* cmd);
AS_EXTERN bool as_event_command_parse_info(as_event_command* cmd);
AS_EXTERN void as_event_command_free(as_event_command* cmd);
AS_EXTERN void as_event_connector_success(as_event_command* cmd);
AS_EXTERN void as_event_create_connections(as_node* node, as_async_conn_pool* pools);
AS_EXTERN void as_event_recover_auth(as_event_command* cmd);
AS_EXTERN void as_event_close_cluster(aerospike* as);
AS_EXTERN bool as_event_create_loop(as_event_loop* event_loop);
AS_EXTERN void as_event_register_external_loop(as_event_loop* event_loop);
AS_EXTERN bool as_event_execute(as_event_loop* event_loop, as_event_executable executable,
	void* udata);
AS_EXTERN void as_event_command_write_start(as_event_command* cmd);
AS_EXTERN void as_event_connect(as_event_command* cmd, as_async_conn_pool* pool);
AS_EXTERN void as_event_node_destroy(as_node* node);

/*
 * Without an event library a connection has no socket and a command no
 * timer: these answer "unusable" or do nothing, as in 7.4.0's default build.
 */
static inline bool as_event_conn_current_trim(as_event_connection* conn,
	uint64_t max_socket_idle_ns)
{
	(void)conn;
	(void)max_socket_idle_ns;
	return false;
}

static inline bool as_event_conn_current_tran(as_event_connection* conn,
	uint64_t max_socket_idle_ns)
{
	(void)conn;
	(void)max_socket_idle_ns;
	return false;
}

static inline int as_event_conn_validate(as_event_connection* conn)
{
	(void)conn;
	return -1;
}

static inline void as_event_close_connection(as_event_connection* conn)
{
	(void)conn;
}

static inline void as_event_set_conn_last_used(as_event_connection* conn)
{
	(void)conn;
}

static inline void as_event_timer_once(as_event_command* cmd, uint64_t timeout)
{
	(void)cmd;
	(void)timeout;
}

static inline void as_event_timer_repeat(as_event_command* cmd, uint64_t repeat)
{
	(void)cmd;
	(void)repeat;
}

static inline void as_event_timer_again(as_event_command* cmd)
{
	(void)cmd;
}

static inline void as_event_timer_stop(as_event_command* cmd)
{
	(void)cmd;
}

static inline void as_event_stop_watcher(as_event_command* cmd, as_event_connection* conn)
{
	(void)cmd;
	(void)conn;
}

static inline void as_event_stop_read(as_event_connection* conn)
{
	(void)conn;
}

static inline void as_event_command_release(as_event_command* cmd)
{
	(void)cmd;
}

/* The given loop, or the next one round robin. */
static inline as_event_loop* as_event_assign(as_event_loop* event_loop)
{
	return event_loop != NULL ? event_loop : as_event_loop_get();
}

/* Appends the authenticate request after the command and sends it first. */
static inline void as_event_set_auth_write(as_event_command* cmd, as_session* session)
{
	uint8_t* at = (uint8_t*)cmd + cmd->write_offset + cmd->write_len;
	uint32_t len = as_authenticate_set(cmd->cluster, session, at);
	cmd->len = cmd->write_len + len;
	cmd->pos = cmd->write_len;
}

static inline void as_event_set_auth_read_header(as_event_command* cmd)
{
	cmd->len = sizeof(as_proto);
	cmd->pos = 0;
	cmd->state = AS_ASYNC_STATE_AUTH_READ_HEADER;
}

static inline bool as_event_set_auth_parse_header(as_event_command* cmd)
{
	as_proto* proto = (as_proto*)cmd->buf;
	if (!as_event_proto_parse_auth(cmd, proto)) {
		return false;
	}
	cmd->len = (uint32_t)proto->sz;
	cmd->pos = 0;
	cmd->state = AS_ASYNC_STATE_AUTH_READ_BODY;
	return true;
}

static inline void as_event_set_write(as_event_command* cmd)
{
	cmd->len = cmd->write_len;
	cmd->pos = 0;
}

/* The pool's queue holds as_event_connection pointers; its total counts open connections. */
static inline void as_async_conn_pool_init(as_async_conn_pool* pool, uint32_t min_size,
	uint32_t max_size)
{
	as_queue_init(&pool->queue, sizeof(void*), max_size);
	pool->min_size = min_size;
	pool->limit = max_size;
	pool->opened = 0;
	pool->closed = 0;
	pool->recovered = 0;
	pool->aborted = 0;
}

static inline bool as_async_conn_pool_incr_total(as_async_conn_pool* pool)
{
	if (pool->queue.total >= pool->limit) {
		return false;
	}
	pool->queue.total++;
	return true;
}

static inline bool as_async_conn_pool_push_head(as_async_conn_pool* pool,
	as_event_connection* conn)
{
	return pool->queue.total <= pool->limit && as_queue_push_head(&pool->queue, &conn);
}

static inline bool as_async_conn_pool_push(as_async_conn_pool* pool, as_event_connection* conn)
{
	return pool->queue.total <= pool->limit && as_queue_push(&pool->queue, &conn);
}

static inline void as_event_release_connection(as_event_connection* conn,
	as_async_conn_pool* pool)
{
	as_event_close_connection(conn);
	as_queue_decr_total(&pool->queue);
	pool->closed++;
}

static inline void as_event_release_async_connection(as_event_command* cmd)
{
	as_event_release_connection(cmd->conn,
		&cmd->node->async_conn_pools[cmd->event_loop->index]);
	as_node_incr_error_rate(cmd->node);
}

static inline void as_event_decr_conn(as_event_command* cmd)
{
	as_async_conn_pool* pools =
		cmd->pipe_listener != NULL ? cmd->node->pipe_conn_pools : cmd->node->async_conn_pools;
	as_queue_decr_total(&pools[cmd->event_loop->index].queue);
}

static inline void as_event_connection_timeout(as_event_command* cmd, as_async_conn_pool* pool)
{
	as_event_connection* conn = cmd->conn;
	if (conn == NULL) {
		return;
	}
	if (conn->watching > 0) {
		as_event_stop_watcher(cmd, conn);
		as_event_release_connection(conn, pool);
		as_node_incr_error_rate(cmd->node);
	}
	else {
		cf_free(conn);
		as_queue_decr_total(&pool->queue);
		pool->closed++;
	}
}

/* The uncompressed request: ubuf when compression kept it aside, else after the struct. */
static inline uint8_t* as_event_get_ubuf(as_event_command* cmd)
{
	return cmd->ubuf != NULL ? cmd->ubuf : (uint8_t*)cmd + cmd->write_offset;
}

static inline void as_event_command_destroy(as_event_command* cmd)
{
	if (cmd->node != NULL) {
		as_node_release(cmd->node);
	}
	if (cmd->ubuf != NULL) {
		cf_free(cmd->ubuf);
	}
	cf_free(cmd);
}

static inline void as_event_loop_destroy(as_event_loop* event_loop)
{
	as_queue_destroy(&event_loop->queue);
	as_queue_destroy(&event_loop->delay_queue);
	as_queue_destroy(&event_loop->pipe_cb_queue);
	pthread_mutex_destroy(&event_loop->lock);
}

#ifdef __cplusplus
}
#endif
