/*
 * as_msgpack_serializer: an as_serializer whose hooks encode with
 * as_pack_val and decode with as_unpack_val.
 */
#pragma once

#include <aerospike/as_msgpack.h>
#include <aerospike/as_serializer.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A heap serializer (as_serializer_destroy frees it). */
AS_EXTERN as_serializer* as_msgpack_new(void);

/* Sets up a caller-owned serializer; returns it. */
AS_EXTERN as_serializer* as_msgpack_init(as_serializer*);

#ifdef __cplusplus
}
#endif
