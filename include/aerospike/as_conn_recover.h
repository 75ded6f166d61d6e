/*
 * Recovering a connection whose command timed out: keep reading until the
 * rest of the late reply has been drained, so the socket can go back to its
 * pool instead of being closed. Part of the command layer: declared only.
 */
#pragma once

#include <aerospike/as_command.h>
#include <aerospike/as_node.h>
#include <aerospike/as_socket.h>
#include <citrusleaf/alloc.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_conn_recover_s {
	as_socket socket;
	as_node* node;
	uint8_t* header_buf;
	uint64_t deadline_ns;
	size_t length;
	size_t offset;
	as_read_state state;
	bool is_single;
	bool check_return_code;
	bool last_group;
} as_conn_recover;

AS_EXTERN as_conn_recover* as_conn_recover_create(as_socket* socket, as_socket_context* ctx,
	as_node* node, uint8_t* buf, size_t buf_len);
AS_EXTERN void as_conn_recover_destroy(as_conn_recover* self);
AS_EXTERN bool as_conn_recover_drain(as_conn_recover* self);

#ifdef __cplusplus
}
#endif
