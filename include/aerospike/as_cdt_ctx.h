/*
 * CDT context: the path from a bin's top-level list or map down to the nested
 * list or map an operation works on. Each step is one as_cdt_ctx_item; the
 * inline adders append straight into the vector, so its layout is ABI.
 */
#pragma once

#include <aerospike/as_cdt_order.h>
#include <aerospike/as_list.h>
#include <aerospike/as_vector.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_exp;

/* Step kinds (wire ids); the create flags of as_cdt_order.h may be or-ed in. */
typedef enum {
	AS_CDT_CTX_EXP = 0x04,
	AS_CDT_CTX_LIST_INDEX = 0x10,
	AS_CDT_CTX_LIST_RANK = 0x11,
	AS_CDT_CTX_LIST_VALUE = 0x13,
	AS_CDT_CTX_MAP_INDEX = 0x20,
	AS_CDT_CTX_MAP_RANK = 0x21,
	AS_CDT_CTX_MAP_KEY = 0x22,
	AS_CDT_CTX_MAP_VALUE = 0x23,
	AS_CDT_CTX_MAP_KEYS_IN = 0x2A,
} as_cdt_ctx_type;

/* Bit that marks a value-carrying step; bit that marks an "and" filter. */
#define AS_CDT_CTX_VALUE 0x2
#define AS_CDT_CTX_AND 0x200

typedef struct as_cdt_ctx_item {
	uint32_t type;
	union {
		int64_t ival;
		as_val* pval;
		struct as_exp* exp;
	} val;
} as_cdt_ctx_item;

typedef struct as_cdt_ctx {
	as_vector list;
} as_cdt_ctx;

/* Context whose items live on the caller's stack (alloca). */
#define as_cdt_ctx_inita(__ctx, __cap) as_vector_inita(&(__ctx)->list, sizeof(as_cdt_ctx_item), __cap)

static inline bool
cdt_ctx_is_empty(as_cdt_ctx* ctx)
{
	return ctx == NULL || ctx->list.list == NULL || ctx->list.size == 0;
}

static inline void
as_cdt_ctx_init(as_cdt_ctx* ctx, uint32_t capacity)
{
	as_vector_init(&ctx->list, sizeof(as_cdt_ctx_item), capacity);
}

static inline as_cdt_ctx*
as_cdt_ctx_create(uint32_t capacity)
{
	return (as_cdt_ctx*)as_vector_create(sizeof(as_cdt_ctx_item), capacity);
}

/* Destroys the values the items own, then the vector (and the heap struct). */
AS_EXTERN void
as_cdt_ctx_destroy(as_cdt_ctx* ctx);

static inline void
as_cdt_ctx_add_list_index(as_cdt_ctx* ctx, int index)
{
	as_cdt_ctx_item item;
	item.type = AS_CDT_CTX_LIST_INDEX;
	item.val.ival = index;
	as_vector_append(&ctx->list, &item);
}

static inline void
as_cdt_ctx_add_list_index_create(as_cdt_ctx* ctx, int index, as_list_order order, bool pad)
{
	as_cdt_ctx_item item;
	item.type = AS_CDT_CTX_LIST_INDEX | as_list_order_to_flag(order, pad);
	item.val.ival = index;
	as_vector_append(&ctx->list, &item);
}

static inline void
as_cdt_ctx_add_list_rank(as_cdt_ctx* ctx, int rank)
{
	as_cdt_ctx_item item;
	item.type = AS_CDT_CTX_LIST_RANK;
	item.val.ival = rank;
	as_vector_append(&ctx->list, &item);
}

/* The context takes ownership of val. */
static inline void
as_cdt_ctx_add_list_value(as_cdt_ctx* ctx, as_val* val)
{
	as_cdt_ctx_item item;
	item.type = AS_CDT_CTX_LIST_VALUE;
	item.val.pval = val;
	as_vector_append(&ctx->list, &item);
}

static inline void
as_cdt_ctx_add_map_index(as_cdt_ctx* ctx, int index)
{
	as_cdt_ctx_item item;
	item.type = AS_CDT_CTX_MAP_INDEX;
	item.val.ival = index;
	as_vector_append(&ctx->list, &item);
}

static inline void
as_cdt_ctx_add_map_rank(as_cdt_ctx* ctx, int rank)
{
	as_cdt_ctx_item item;
	item.type = AS_CDT_CTX_MAP_RANK;
	item.val.ival = rank;
	as_vector_append(&ctx->list, &item);
}

/* The context takes ownership of key. */
static inline void
as_cdt_ctx_add_map_key(as_cdt_ctx* ctx, as_val* key)
{
	as_cdt_ctx_item item;
	item.type = AS_CDT_CTX_MAP_KEY;
	item.val.pval = key;
	as_vector_append(&ctx->list, &item);
}

static inline void
as_cdt_ctx_add_map_key_create(as_cdt_ctx* ctx, as_val* key, as_map_order order)
{
	as_cdt_ctx_item item;
	item.type = AS_CDT_CTX_MAP_KEY | as_map_order_to_flag(order);
	item.val.pval = key;
	as_vector_append(&ctx->list, &item);
}

static inline void
as_cdt_ctx_add_map_value(as_cdt_ctx* ctx, as_val* val)
{
	as_cdt_ctx_item item;
	item.type = AS_CDT_CTX_MAP_VALUE;
	item.val.pval = val;
	as_vector_append(&ctx->list, &item);
}

static inline void
as_cdt_ctx_add_map_keys_in(as_cdt_ctx* ctx, as_list* keys)
{
	as_cdt_ctx_item item;
	item.type = AS_CDT_CTX_MAP_KEYS_IN;
	item.val.pval = (as_val*)keys;
	as_vector_append(&ctx->list, &item);
}

AS_EXTERN void
as_cdt_ctx_add_all_children(as_cdt_ctx* ctx);

AS_EXTERN void
as_cdt_ctx_add_all_children_with_filter(as_cdt_ctx* ctx, const struct as_exp* exp);

AS_EXTERN void
as_cdt_ctx_add_and_filter(as_cdt_ctx* ctx, const struct as_exp* exp);

/* Serialized (msgpack) form of a context, raw and base64. */
AS_EXTERN uint32_t
as_cdt_ctx_byte_capacity(const as_cdt_ctx* ctx);

AS_EXTERN uint32_t
as_cdt_ctx_to_bytes(const as_cdt_ctx* ctx, uint8_t* bytes, uint32_t capacity);

AS_EXTERN bool
as_cdt_ctx_from_bytes(as_cdt_ctx* ctx, const uint8_t* bytes, uint32_t size);

AS_EXTERN uint32_t
as_cdt_ctx_base64_capacity(const as_cdt_ctx* ctx);

AS_EXTERN bool
as_cdt_ctx_to_base64(const as_cdt_ctx* ctx, char* base64, uint32_t capacity);

AS_EXTERN bool
as_cdt_ctx_from_base64(as_cdt_ctx* ctx, const char* base64);

#ifdef __cplusplus
}
#endif
