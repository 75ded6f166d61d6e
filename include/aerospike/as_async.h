/*
 * The asynchronous single-record and info commands: one allocation holds
 * the command, its listener and the request/reply buffer ("space"), sized
 * up to a 1 KiB (write, info) or 4 KiB (record, value) multiple with room
 * for an authentication request. aeroshim has no event loops, so nothing
 * runs these; the creators are inline as in 7.4.0 and fill every field a
 * 7.4.0 creator fills.
 */
#pragma once

#include <aerospike/as_async_proto.h>
#include <aerospike/as_command.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_event_internal.h>
#include <aerospike/as_listener.h>
#include <citrusleaf/alloc.h>

#ifdef __cplusplus
extern "C" {
#endif

/* as_event_command.type */
#define AS_ASYNC_TYPE_WRITE 0
#define AS_ASYNC_TYPE_RECORD 1
#define AS_ASYNC_TYPE_VALUE 2
#define AS_ASYNC_TYPE_BATCH 3
#define AS_ASYNC_TYPE_SCAN 4
#define AS_ASYNC_TYPE_QUERY 5
#define AS_ASYNC_TYPE_INFO 6
#define AS_ASYNC_TYPE_SCAN_PARTITION 7
#define AS_ASYNC_TYPE_QUERY_PARTITION 8
#define AS_ASYNC_TYPE_CONNECTOR 9
#define AS_ASYNC_TYPE_TXN_MONITOR 10
#define AS_ASYNC_TYPE_CONN_RECOVER 11

/* Largest authenticate request appended to a command. */
#define AS_AUTHENTICATION_MAX_SIZE 158

#define AS_ASYNC_CONNECTION_COMPLETE 0
#define AS_ASYNC_CONNECTION_PENDING 1
#define AS_ASYNC_CONNECTION_ERROR 2

typedef struct as_async_write_command {
	as_event_command command;
	as_async_write_listener listener;
	uint8_t space[];
} as_async_write_command;

typedef struct as_async_record_command {
	as_event_command command;
	as_async_record_listener listener;
	uint8_t space[];
} as_async_record_command;

typedef struct as_async_value_command {
	as_event_command command;
	as_async_value_listener listener;
	uint8_t space[];
} as_async_value_command;

typedef struct as_async_info_command {
	as_event_command command;
	as_async_info_listener listener;
	uint8_t space[];
} as_async_info_command;

/* Bytes to allocate: struct, request and authentication, rounded up to a multiple of align. */
static inline size_t as_async_alloc_size_(size_t header, size_t size, size_t align)
{
	return (header + size + AS_AUTHENTICATION_MAX_SIZE + align - 1) & ~(align - 1);
}

/* The fields every command made from a key and a policy shares. */
static inline void as_async_key_command_init_(as_event_command* cmd, as_cluster* cluster,
	const as_policy_base* policy, as_partition_info* pi, as_policy_replica replica,
	void* udata, as_event_loop* event_loop, as_pipe_listener pipe_listener,
	as_event_parse_results_fn parse_results, uint8_t* ubuf, uint32_t ubuf_size)
{
	cmd->total_timeout = policy->total_timeout;
	cmd->connect_timeout = policy->connect_timeout;
	cmd->socket_timeout = policy->socket_timeout;
	cmd->timeout_delay = policy->timeout_delay;
	cmd->max_retries = policy->max_retries;
	cmd->iteration = 0;
	cmd->replica = replica;
	cmd->event_loop = as_event_assign(event_loop);
	cmd->cluster = cluster;
	cmd->node = NULL;
	cmd->ns = pi->ns;
	cmd->partition = pi->partition;
	cmd->udata = udata;
	cmd->parse_results = parse_results;
	cmd->pipe_listener = pipe_listener;
	cmd->proto_type = AS_MESSAGE_TYPE;
	cmd->state = AS_ASYNC_STATE_UNREGISTERED;
	cmd->replica_size = pi->replica_size;
	cmd->txn = policy->txn;
	cmd->ubuf = ubuf;
	cmd->ubuf_size = ubuf_size;
}

static inline as_event_command* as_async_write_command_create(as_cluster* cluster,
	const as_policy_base* policy, as_partition_info* pi, as_policy_replica replica,
	as_async_write_listener listener, void* udata, as_event_loop* event_loop,
	as_pipe_listener pipe_listener, size_t size, as_event_parse_results_fn parse_results,
	uint8_t* ubuf, uint32_t ubuf_size)
{
	size_t total = as_async_alloc_size_(sizeof(as_async_write_command), size, 1024);
	as_async_write_command* wcmd = (as_async_write_command*)cf_malloc(total);
	as_event_command* cmd = &wcmd->command;
	as_async_key_command_init_(cmd, cluster, policy, pi, as_command_write_replica(replica),
		udata, event_loop, pipe_listener, parse_results, ubuf, ubuf_size);
	cmd->buf = wcmd->space;
	cmd->read_capacity = (uint32_t)(total - size - sizeof(as_async_write_command));
	cmd->type = AS_ASYNC_TYPE_WRITE;
	cmd->flags = 0;
	cmd->replica_index = as_replica_index_init_write(cluster, cmd->replica);
	cmd->latency_type = AS_LATENCY_TYPE_WRITE;
	wcmd->listener = listener;
	as_cluster_add_command_count(cluster);
	return cmd;
}

static inline as_event_command* as_async_record_command_create(as_cluster* cluster,
	const as_policy_base* policy, as_partition_info* pi, as_policy_replica replica,
	uint8_t replica_index, bool deserialize, bool heap_rec, uint8_t flags,
	as_async_record_listener listener, void* udata, as_event_loop* event_loop,
	as_pipe_listener pipe_listener, size_t size, as_event_parse_results_fn parse_results,
	uint8_t type, as_latency_type latency_type, uint8_t* ubuf, uint32_t ubuf_size)
{
	size_t total = as_async_alloc_size_(sizeof(as_async_record_command), size, 4096);
	as_async_record_command* rcmd = (as_async_record_command*)cf_malloc(total);
	as_event_command* cmd = &rcmd->command;
	as_async_key_command_init_(cmd, cluster, policy, pi, replica, udata, event_loop,
		pipe_listener, parse_results, ubuf, ubuf_size);
	cmd->buf = rcmd->space;
	cmd->read_capacity = (uint32_t)(total - size - sizeof(as_async_record_command));
	cmd->type = type;
	cmd->flags = flags;
	if (deserialize) {
		cmd->flags |= AS_ASYNC_FLAGS_DESERIALIZE;
	}
	if (heap_rec) {
		cmd->flags |= AS_ASYNC_FLAGS_HEAP_REC;
	}
	cmd->replica_index = replica_index;
	cmd->latency_type = latency_type;
	rcmd->listener = listener;
	as_cluster_add_command_count(cluster);
	return cmd;
}

static inline as_event_command* as_async_value_command_create(as_cluster* cluster,
	const as_policy_base* policy, as_partition_info* pi, as_policy_replica replica,
	as_async_value_listener listener, void* udata, as_event_loop* event_loop,
	as_pipe_listener pipe_listener, size_t size, as_event_parse_results_fn parse_results,
	uint8_t* ubuf, uint32_t ubuf_size)
{
	size_t total = as_async_alloc_size_(sizeof(as_async_value_command), size, 4096);
	as_async_value_command* vcmd = (as_async_value_command*)cf_malloc(total);
	as_event_command* cmd = &vcmd->command;
	as_async_key_command_init_(cmd, cluster, policy, pi, as_command_write_replica(replica),
		udata, event_loop, pipe_listener, parse_results, ubuf, ubuf_size);
	cmd->buf = vcmd->space;
	cmd->read_capacity = (uint32_t)(total - size - sizeof(as_async_value_command));
	cmd->type = AS_ASYNC_TYPE_VALUE;
	cmd->flags = 0;
	cmd->replica_index = as_replica_index_init_write(cluster, cmd->replica);
	cmd->latency_type = AS_LATENCY_TYPE_WRITE;
	vcmd->listener = listener;
	as_cluster_add_command_count(cluster);
	return cmd;
}

/* Info commands go to one given node, once, with the info policy's timeout for both limits. */
static inline as_event_command* as_async_info_command_create(as_node* node,
	const as_policy_info* policy, as_async_info_listener listener, void* udata,
	as_event_loop* event_loop, size_t size)
{
	size_t total = as_async_alloc_size_(sizeof(as_async_info_command), size, 1024);
	as_async_info_command* icmd = (as_async_info_command*)cf_malloc(total);
	as_event_command* cmd = &icmd->command;
	cmd->total_timeout = policy->timeout;
	cmd->connect_timeout = 0;
	cmd->socket_timeout = policy->timeout;
	cmd->timeout_delay = policy->timeout_delay;
	cmd->max_retries = 1;
	cmd->iteration = 0;
	cmd->replica = AS_POLICY_REPLICA_MASTER;
	cmd->event_loop = as_event_assign(event_loop);
	cmd->cluster = node->cluster;
	cmd->node = node;
	cmd->ns = NULL;
	cmd->partition = NULL;
	cmd->udata = udata;
	cmd->parse_results = as_event_command_parse_info;
	cmd->pipe_listener = NULL;
	cmd->buf = icmd->space;
	cmd->read_capacity = (uint32_t)(total - size - sizeof(as_async_info_command));
	cmd->type = AS_ASYNC_TYPE_INFO;
	cmd->proto_type = AS_INFO_MESSAGE_TYPE;
	cmd->state = AS_ASYNC_STATE_UNREGISTERED;
	cmd->flags = 0;
	cmd->replica_size = 1;
	cmd->replica_index = 0;
	cmd->txn = NULL;
	cmd->ubuf = NULL;
	cmd->ubuf_size = 0;
	cmd->latency_type = AS_LATENCY_TYPE_NONE;
	icmd->listener = listener;
	as_cluster_add_command_count(node->cluster);
	return cmd;
}

#ifdef __cplusplus
}
#endif
