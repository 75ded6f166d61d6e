/*
 * as_val: the header every value type starts with (a reference count, the
 * type tag, whether destroy frees the struct). Values made by a stock
 * program's inline code reach the library and back, so the layout, the
 * type numbers and the reserve/destroy entry points are ABI. The value
 * types themselves (integer, list, map, ...) belong to the data model.
 */
#pragma once

#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

/* An as_val_type_e value stored in one byte. */
typedef uint8_t as_val_t;

typedef enum {
	AS_UNDEF = 0,
	AS_UNKNOWN = 0,
	AS_NIL = 1,
	AS_BOOLEAN = 2,
	AS_INTEGER = 3,
	AS_STRING = 4,
	AS_LIST = 5,
	AS_MAP = 6,
	AS_REC = 7,
	AS_PAIR = 8,
	AS_BYTES = 9,
	AS_DOUBLE = 10,
	AS_GEOJSON = 11,
	AS_CMP_EXT = 12,
	AS_CMP_WILDCARD = 13,
	AS_CMP_INF = 14,
	AS_VAL_T_MAX = 15
} as_val_type_e;

typedef struct as_val_s {
	uint32_t count;
	as_val_t type;
	bool free;
} as_val;

#define as_val_type(__v) ((__v) ? (as_val_type_e)((as_val*)(__v))->type : AS_UNDEF)
#define as_val_reserve(__v) (as_val_val_reserve((as_val*)(__v)))
#define as_val_destroy(__v) (as_val_val_destroy((as_val*)(__v)))
#define as_val_hashcode(__v) (as_val_val_hashcode((as_val*)(__v)))
#define as_val_tostring(__v) (as_val_val_tostring((as_val*)(__v)))

AS_EXTERN bool as_val_tobool(const as_val* v);
AS_EXTERN as_val* as_val_val_reserve(as_val* v);
AS_EXTERN as_val* as_val_val_destroy(as_val* v);
AS_EXTERN uint32_t as_val_val_hashcode(const as_val* v);
AS_EXTERN char* as_val_val_tostring(const as_val* v);

/* A fresh value holds one reference. */
static inline void as_val_init(as_val* v, as_val_t type, bool free)
{
	v->type = type;
	v->free = free;
	v->count = 1;
}

static inline as_val* as_val_cons(as_val* val, as_val_t type, bool free)
{
	if (val) {
		as_val_init(val, type, free);
	}
	return val;
}

#ifdef __cplusplus
}
#endif
