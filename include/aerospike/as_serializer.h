/*
 * as_serializer: an object that turns values into bytes and back through a
 * table of hooks (the msgpack serializer of as_msgpack_serializer.h is the
 * one the library provides). The struct, the hook table's order and the
 * inline dispatchers are ABI: a program's inline code calls the hooks.
 */
#pragma once

#include <aerospike/as_buffer.h>
#include <aerospike/as_std.h>
#include <aerospike/as_types.h>
#include <aerospike/as_util.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_serializer_hooks_s;

typedef struct as_serializer_s {
	/* as_serializer_destroy frees the struct itself when set. */
	bool free;
	const struct as_serializer_hooks_s* hooks;
} as_serializer;

typedef struct as_serializer_hooks_s {
	void (*destroy)(as_serializer*);
	int (*serialize)(as_serializer*, const as_val*, as_buffer*);
	int32_t (*serialize_presized)(as_serializer*, const as_val*, uint8_t*);
	int (*deserialize)(as_serializer*, as_buffer*, as_val**);
	uint32_t (*serialize_getsize)(as_serializer*, const as_val*);
} as_serializer_hooks;

AS_EXTERN as_serializer* as_serializer_cons(as_serializer* serializer, bool free,
	const as_serializer_hooks* hooks);
AS_EXTERN as_serializer* as_serializer_init(as_serializer* serializer,
	const as_serializer_hooks* hooks);
AS_EXTERN as_serializer* as_serializer_new(const as_serializer_hooks* hooks);
AS_EXTERN void as_serializer_destroy(as_serializer* serializer);

/* 0 on success; the bytes land in a fresh malloc buffer. */
static inline int as_serializer_serialize(as_serializer* serializer, as_val* val, as_buffer* buffer)
{
	return as_util_hook(serialize, 1, serializer, val, buffer);
}

/*
 * Writes into buf, which the caller sized with serialize_getsize; the
 * number of bytes written, or -1.
 */
static inline int32_t as_serializer_serialize_presized(as_serializer* serializer,
	const as_val* val, uint8_t* buf)
{
	return as_util_hook(serialize_presized, 1, serializer, val, buf);
}

/* 0 on success. */
static inline int as_serializer_deserialize(as_serializer* serializer, as_buffer* buffer,
	as_val** val)
{
	return as_util_hook(deserialize, 1, serializer, buffer, val);
}

/* The encoded size of val, 0 when it cannot be encoded. */
static inline uint32_t as_serializer_serialize_getsize(as_serializer* serializer, as_val* val)
{
	return as_util_hook(serialize_getsize, 1, serializer, val);
}

#ifdef __cplusplus
}
#endif
