/* A listening TCP socket on the loopback address (IPv4 or IPv6) and an
 * ephemeral port, for tests that play the server side of a connection. */
#pragma once

#include <sys/socket.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The listening descriptor (close-on-exec), or -1; `address` receives the
 * bound address and port. */
int loopback_listen(int family, struct sockaddr_storage* address, int backlog);

#ifdef __cplusplus
}
#endif
