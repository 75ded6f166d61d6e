/*
 * as_socket: a client connection (descriptor, address family, the pool it
 * belongs to or when it was last used, TLS state). as_node embeds one as
 * its info socket and connection pools hold them by value, so the layout is
 * the 7.4.0 one; so are as_tls_context and as_socket_context, which 7.4.0's
 * inline helpers and command structs reach. Socket I/O itself is the
 * network layer's and is not declared here, except as_socket_close, which
 * the inline connection-pool helpers call.
 */
#pragma once

#include <aerospike/as_address.h>
#include <aerospike/as_error.h>
#include <citrusleaf/cf_clock.h>

#include <pthread.h>
#include <stddef.h>

#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <errno.h>

#ifdef __cplusplus
extern "C" {
#endif

#define as_socket_fd int
#define as_socket_data_t void
#define as_socket_size_t size_t
#define as_close(_fd) close((_fd))
#define as_last_error() errno
/* What a non-blocking connect or I/O call reports while it is still under way. */
#define AS_CONNECTING EINPROGRESS
#define AS_WOULDBLOCK EWOULDBLOCK

struct ssl_ctx_st;
struct evp_pkey_st;
struct ssl_st;
struct as_cluster_s;
struct as_conn_pool_s;
struct as_node_s;

/* Where an asynchronous read of a reply has got to. */
typedef enum as_read_state_e {
	AS_READ_STATE_NONE,
	AS_READ_STATE_PROTO,
	AS_READ_STATE_DETAIL,
	AS_READ_STATE_AUTH_HEADER,
	AS_READ_STATE_COMPLETE,
} as_read_state;

typedef struct as_socket_context_s {
	struct as_cluster_s* cluster;
	size_t offset;
	uint32_t timeout_delay;
	as_read_state state;
	bool is_single;
	bool in_recovery;
} as_socket_context;

typedef struct as_tls_context_s {
	pthread_mutex_t lock;
	struct ssl_ctx_st* ssl_ctx;
	struct evp_pkey_st* pkey;
	void* cert_blacklist;
	bool log_session_info;
	/* TLS is used only to log in; commands then go in the clear. */
	bool for_login_only;
} as_tls_context;

typedef struct as_socket_s {
	int fd;
	int family;
	/* A pooled socket records its pool while in use and its idle start while pooled. */
	__extension__ union {
		struct as_conn_pool_s* pool;
		uint64_t last_used;
	};
	as_tls_context* tls;
	const char* tls_name;
	struct ssl_st* ssl;
} as_socket;

AS_EXTERN void as_socket_close(as_socket* sock);

static inline bool as_socket_use_tls(as_tls_context* tls)
{
	return tls && !tls->for_login_only;
}

static inline as_tls_context* as_socket_get_tls_context(as_tls_context* tls)
{
	return as_socket_use_tls(tls) ? tls : NULL;
}

/* True when the connect completed or is in progress on a non-blocking fd. */
static inline bool as_socket_connect_fd(as_socket_fd fd, struct sockaddr* addr, socklen_t size)
{
	return connect(fd, addr, size) == 0 || as_last_error() == AS_CONNECTING;
}

#if defined(_POSIX_C_SOURCE) && _POSIX_C_SOURCE >= 199309L

/* A pooled socket is still usable for a command; 0 means never idle out. */
static inline bool as_socket_current_tran(uint64_t last_used, uint64_t max_socket_idle_ns)
{
	return max_socket_idle_ns == 0 || cf_getns() - last_used <= max_socket_idle_ns;
}

/* A pooled socket survives the tender's trim of idle connections. */
static inline bool as_socket_current_trim(uint64_t last_used, uint64_t max_socket_idle_ns)
{
	return cf_getns() - last_used <= max_socket_idle_ns;
}

/* Absolute monotonic deadline in ms for a timeout, or 0 for none. */
static inline uint64_t as_socket_deadline(uint32_t timeout_ms)
{
	return timeout_ms && timeout_ms <= INT32_MAX ? cf_getms() + timeout_ms : 0;
}

#endif

#ifdef __cplusplus
}
#endif
