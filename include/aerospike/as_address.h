/*
 * Socket addresses: the text size of an address with its port
 * (AS_IP_ADDRESS_SIZE, as in as_address.name) and helpers over IPv4/IPv6
 * struct sockaddr values.
 */
#pragma once

#include <citrusleaf/cf_byte_order.h>

#include <string.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_IP_ADDRESS_SIZE 64

/* Address formatting and comparison belong to the network layer; declared only. */
AS_EXTERN void as_address_name(struct sockaddr* addr, char* name, socklen_t size);
AS_EXTERN void as_address_short_name(struct sockaddr* addr, char* name, socklen_t size);
AS_EXTERN bool as_address_equals(struct sockaddr* addr1, struct sockaddr* addr2);

/* Only AF_INET and AF_INET6 addresses are ever stored. */
static inline uint16_t as_address_port(struct sockaddr* addr)
{
	uint16_t port = addr->sa_family == AF_INET ? ((struct sockaddr_in*)addr)->sin_port
	                                           : ((struct sockaddr_in6*)addr)->sin6_port;
	return cf_swap_from_be16(port);
}

static inline socklen_t as_address_size(struct sockaddr* addr)
{
	return addr->sa_family == AF_INET ? (socklen_t)sizeof(struct sockaddr_in)
	                                  : (socklen_t)sizeof(struct sockaddr_in6);
}

static inline void as_address_copy_storage(struct sockaddr* src, struct sockaddr_storage* trg)
{
	memcpy(trg, src, as_address_size(src));
}

/* 127.0.0.0/8 or ::1. */
static inline bool as_address_is_local(struct sockaddr* addr)
{
	if (addr->sa_family == AF_INET) {
		const struct sockaddr_in* a = (const struct sockaddr_in*)addr;
		return (cf_swap_from_be32(a->sin_addr.s_addr) & 0xff000000) == 0x7f000000;
	}
	const struct sockaddr_in6* a = (const struct sockaddr_in6*)addr;
	return memcmp(&a->sin6_addr, &in6addr_loopback, sizeof(struct in6_addr)) == 0;
}

#ifdef __cplusplus
}
#endif
