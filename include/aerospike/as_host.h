/*
 * as_host: one seed host (name or address, optional TLS name, port).
 */
#pragma once

#include <aerospike/as_vector.h>
#include <citrusleaf/alloc.h>

#include <stdlib.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_host_s {
	char* name;
	char* tls_name;
	uint16_t port;
} as_host;

AS_EXTERN bool as_host_parse_addresses(char* str, as_vector* hosts);

/* strdup is not C99; this keeps the header usable under -std=c99 -pedantic. */
static inline char* as_host_strdup(const char* s)
{
	size_t n = strlen(s) + 1;
	char* copy = (char*)malloc(n);
	if (copy) {
		memcpy(copy, s, n);
	}
	return copy;
}

static inline void as_host_copy_fields(as_host* trg, const char* hostname, const char* tls_name,
	uint16_t port)
{
	trg->name = as_host_strdup(hostname);
	trg->tls_name = tls_name ? as_host_strdup(tls_name) : NULL;
	trg->port = port;
}

static inline void as_host_copy(const as_host* src, as_host* trg)
{
	as_host_copy_fields(trg, src->name, src->tls_name, src->port);
}

static inline void as_host_destroy(as_host* host)
{
	free(host->name);
	free(host->tls_name);
}

#ifdef __cplusplus
}
#endif
