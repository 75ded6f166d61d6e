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
/*
 * Reference-counted blocks: cf_rc_alloc returns the memory after a cf_rc_hdr
 * holding the count (1 at first) and the size. reserve and release return
 * the count after the change; releaseandfree frees the block when it reaches 0.
 */
typedef struct {
	uint32_t count;
	uint32_t sz;
} cf_rc_hdr;

AS_EXTERN void* cf_rc_alloc(size_t sz);
AS_EXTERN void cf_rc_free(void* addr);
AS_EXTERN uint32_t cf_rc_reserve(void* addr);
AS_EXTERN uint32_t cf_rc_release(void* addr);
AS_EXTERN uint32_t cf_rc_releaseandfree(void* addr);

#ifdef __cplusplus
}
#endif
