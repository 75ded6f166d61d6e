/*
 * The client's allocator entry points. Memory the 7.4.0 API hands to the
 * caller (info replies, node names) is released with cf_free, and header
 * inline code allocates with these, so programs built against 7.4.0 carry
 * references to them. Declared only: see abi/exports.txt for which ones
 * this library defines.
 */
#pragma once

#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

AS_EXTERN void* cf_malloc(size_t sz);
AS_EXTERN void* cf_calloc(size_t nmemb, size_t sz);
AS_EXTERN void* cf_realloc(void* ptr, size_t sz);
AS_EXTERN void* cf_strdup(const char* s);
AS_EXTERN void* cf_strndup(const char* s, size_t n);
AS_EXTERN void* cf_valloc(size_t sz);
AS_EXTERN void cf_free(void* p);

/* Header in front of a reference-counted block (7.4.0 layout). */
typedef struct {
	uint32_t count;
	uint32_t sz;
} cf_rc_hdr;

#ifdef __cplusplus
}
#endif
