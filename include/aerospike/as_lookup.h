/*
 * Resolving a seed name to addresses, and asking a resolved address which
 * node answers there. The address iterator walks getaddrinfo's list and
 * stamps the requested port into each address it hands out; the walking
 * helpers use POSIX.1-2001 declarations and exist in POSIX compilations
 * (C++, gnu99, -D_GNU_SOURCE or -D_POSIX_C_SOURCE). Declared only.
 */
#pragma once

#include <aerospike/as_address.h>
#include <aerospike/as_error.h>
#include <aerospike/as_status.h>

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#ifdef __cplusplus
extern "C" {
#endif

struct addrinfo;
struct as_cluster_s;
struct as_node_info_s;
struct as_host_s;

typedef struct as_sockaddr_iterator_s {
	struct addrinfo* addresses;
	struct addrinfo* current;
	/* Network byte order. */
	uint16_t port_be;
	/* The name was not an IP address literal. */
	bool hostname_is_alias;
} as_address_iterator;

AS_EXTERN as_status as_lookup_host(as_address_iterator* iter, as_error* err,
	const char* hostname, uint16_t port);

AS_EXTERN as_status as_lookup_node(struct as_cluster_s* cluster, as_error* err,
	struct as_host_s* host, struct sockaddr* addr, bool detect_load_balancer,
	struct as_node_info_s* node_info);

#if defined(_POSIX_C_SOURCE) && _POSIX_C_SOURCE >= 200112L

static inline bool as_lookup_next(as_address_iterator* iter, struct sockaddr** addr)
{
	struct sockaddr* sa;
	if (iter->current == NULL) {
		return false;
	}
	sa = iter->current->ai_addr;
	iter->current = iter->current->ai_next;
	if (sa->sa_family == AF_INET) {
		((struct sockaddr_in*)(void*)sa)->sin_port = iter->port_be;
	}
	else {
		((struct sockaddr_in6*)(void*)sa)->sin6_port = iter->port_be;
	}
	*addr = sa;
	return true;
}

static inline void as_lookup_end(as_address_iterator* iter)
{
	freeaddrinfo(iter->addresses);
}

#endif

#ifdef __cplusplus
}
#endif
