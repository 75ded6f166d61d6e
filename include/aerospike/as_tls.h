/*
 * TLS over client sockets: building a context from as_config_tls, wrapping
 * a connected socket, and the handshake and I/O calls the socket layer uses
 * when a socket has TLS. OpenSSL's declarations come along as in 7.4.0.
 * The TLS layer is not built yet: declared only.
 */
#pragma once

#include <aerospike/as_address.h>
#include <aerospike/as_config.h>
#include <aerospike/as_status.h>
#include <aerospike/as_socket.h>

#include <openssl/ssl.h>

#ifdef __cplusplus
extern "C" {
#endif

struct ssl_st;

AS_EXTERN void as_tls_check_init(void);
AS_EXTERN void as_tls_cleanup(void);
/* Frees the calling thread's OpenSSL state; call before a thread that used TLS exits. */
AS_EXTERN void as_tls_thread_cleanup(void);

AS_EXTERN as_status as_tls_context_setup(as_config_tls* tlscfg, as_tls_context* ctx,
	as_error* err);
AS_EXTERN void as_tls_context_destroy(as_tls_context* ctx);
AS_EXTERN as_status as_tls_config_reload(as_config_tls* tlscfg, as_tls_context* ctx,
	as_error* err);

AS_EXTERN int as_tls_wrap(as_tls_context* ctx, as_socket* sock, const char* tls_name);
AS_EXTERN void as_tls_set_name(as_socket* sock, const char* tls_name);
AS_EXTERN void as_tls_set_context_name(struct ssl_st* ssl, as_tls_context* ctx,
	const char* tls_name);

AS_EXTERN int as_tls_connect_once(as_socket* sock);
AS_EXTERN int as_tls_connect(as_socket* sock, uint64_t deadline);

AS_EXTERN int as_tls_read_pending(as_socket* sock);
AS_EXTERN int as_tls_read_once(as_socket* sock, void* buf, size_t len);
AS_EXTERN int as_tls_read(as_socket* sock, void* buf, size_t len, uint32_t socket_timeout,
	uint64_t deadline, as_socket_context* ctx);
AS_EXTERN int as_tls_read_non_blocking(as_socket* sock, void* bufp, size_t len);
AS_EXTERN int as_tls_write_once(as_socket* sock, void* buf, size_t len);
AS_EXTERN int as_tls_write(as_socket* sock, void* buf, size_t len, uint32_t socket_timeout,
	uint64_t deadline);

#ifdef __cplusplus
}
#endif
