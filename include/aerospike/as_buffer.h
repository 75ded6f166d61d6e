/*
 * as_buffer: a byte array with its allocated capacity and the part in use.
 * The msgpack serializer hands its output over in one; the bytes come from
 * malloc, so as_buffer_destroy (or the program's own free) releases them.
 */
#pragma once

#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_buffer_s {
	uint32_t capacity;
	uint32_t size;
	uint8_t* data;
} as_buffer;

/* Empties the struct (no bytes owned); always returns 0. */
AS_EXTERN int as_buffer_init(as_buffer* b);

/* Frees the bytes, if any, and forgets them. */
AS_EXTERN void as_buffer_destroy(as_buffer* b);

#ifdef __cplusplus
}
#endif
