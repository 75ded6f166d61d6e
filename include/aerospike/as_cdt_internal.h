/*
 * Helpers the CDT and expression encoders share: op headers with a context,
 * context (un)packing, adding a packed op to an operation list, and a few
 * string/bytes pack and unpack conveniences. 7.4.0 installs this header and
 * as_exp.h relies on it, so its names are part of the ABI.
 */
#pragma once

#include <aerospike/as_msgpack.h>
#include <aerospike/as_cdt_ctx.h>
#include <aerospike/as_operations.h>

#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Two-pass packing loop: the body runs once with a NULL buffer to measure,
 * then once more into a buffer of exactly that size. Used as
 * `as_packer pk = as_cdt_begin(); ...; as_cdt_end(&pk);`.
 */
#define as_cdt_begin() \
	{0}; \
	while (true) {

#define as_cdt_end(pk) \
		if (!(pk)->buffer) { \
			(pk)->buffer = cf_malloc((pk)->offset); \
			(pk)->capacity = (pk)->offset; \
			(pk)->offset = 0; \
			(pk)->head = NULL; \
			(pk)->tail = NULL; \
			continue; \
		} \
		break; \
	}

/* Op codes that wrap an op behind a context (select) or an expression. */
#define AS_CDT_OP_CONTEXT_SELECT 0xfe
#define AS_CDT_OP_CONTEXT_EVAL 0xff

AS_EXTERN void
as_cdt_pack_header(as_packer* pk, as_cdt_ctx* ctx, uint16_t command, uint32_t count);

AS_EXTERN void
as_cdt_pack_header_flag(as_packer* pk, as_cdt_ctx* ctx, uint16_t command, uint32_t count, uint32_t flag);

AS_EXTERN void
as_cdt_pack_ctx(as_packer* pk, as_cdt_ctx* ctx);

AS_EXTERN uint32_t
as_cdt_ctx_pack(const as_cdt_ctx* ctx, as_packer* pk);

/* Moves the packer's buffer into a new binop of ops (the list owns it). */
AS_EXTERN bool
as_cdt_add_packed(as_packer* pk, as_operations* ops, const char* name, as_operator op_type);

AS_EXTERN bool
as_cdt_ctx_from_unpacker(as_cdt_ctx* ctx, as_unpacker* pk);

static inline void
as_pack_string(as_packer* pk, const char* s)
{
	as_pack_str(pk, (uint8_t*)s, (uint32_t)strlen(s));
}

static inline void
as_pack_byte_string(as_packer* pk, const uint8_t* b, uint32_t len)
{
	as_pack_str(pk, b, len);
}

/* Unpack a msgpack string/bytes of at most max bytes, into a buffer or a new malloc'ed one. */
AS_EXTERN bool
as_unpack_str_init(as_unpacker* pk, char* str, uint32_t max);

AS_EXTERN bool
as_unpack_str_new(as_unpacker* pk, char** str, uint32_t max);

AS_EXTERN bool
as_unpack_bytes_init(as_unpacker* pk, uint8_t* b, uint32_t max);

AS_EXTERN bool
as_unpack_bytes_new(as_unpacker* pk, uint8_t** bytes, uint32_t* bytes_size, uint32_t max);

/* Reports the failing line of a comparison and makes the caller return false. */
#define as_cmp_error() \
	printf("Line %d\n", __LINE__); \
	return false;

/* Deep equality of two values (tests). */
AS_EXTERN bool
as_val_compare(as_val* v1, as_val* v2);

#ifdef __cplusplus
}
#endif
