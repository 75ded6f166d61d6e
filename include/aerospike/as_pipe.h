/*
 * Pipelined asynchronous connections: several commands share one socket,
 * one writing while earlier ones wait in a list for their replies. Part of
 * the event layer, which aeroshim does not build: declared only. 7.4.0
 * declares these without extern "C"; here they have C linkage in C++ too,
 * matching the library's symbols.
 */
#pragma once

#include <aerospike/as_async.h>
#include <aerospike/as_log.h>
#include <aerospike/as_log_macros.h>
#include <aerospike/as_node.h>
#include <aerospike/as_socket.h>
#include <citrusleaf/alloc.h>
#include <citrusleaf/cf_ll.h>

#include <assert.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_pipe_connection {
	as_event_connection base;
	as_event_command* writer;
	/* Commands sent and waiting for their replies, linked through pipe_link. */
	cf_ll readers;
	bool canceling;
	bool canceled;
	bool in_pool;
} as_pipe_connection;

AS_EXTERN int as_pipe_get_send_buffer_size(void);
AS_EXTERN int as_pipe_get_recv_buffer_size(void);
AS_EXTERN void as_pipe_get_connection(as_event_command* cmd);
AS_EXTERN bool as_pipe_modify_fd(as_socket_fd fd);
AS_EXTERN void as_pipe_socket_error(as_event_command* cmd, as_error* err, bool retry);
AS_EXTERN void as_pipe_timeout(as_event_command* cmd, bool retry);
AS_EXTERN void as_pipe_response_error(as_event_command* cmd, as_error* err);
AS_EXTERN void as_pipe_response_complete(as_event_command* cmd);
AS_EXTERN void as_pipe_write_start(as_event_command* cmd);
AS_EXTERN void as_pipe_read_start(as_event_command* cmd);

/* The command a readers-list element is embedded in. */
static inline as_event_command* as_pipe_link_to_command(cf_ll_element* link)
{
	return (as_event_command*)(void*)((uint8_t*)link - offsetof(as_event_command, pipe_link));
}

#ifdef __cplusplus
}
#endif
