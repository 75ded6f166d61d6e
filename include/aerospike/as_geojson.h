/*
 * as_geojson: a GeoJSON text value; laid out like as_string.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_geojson_s {
	as_val _;
	/* Whether destroy frees `value`. */
	bool free;
	char* value;
	/* SIZE_MAX until as_geojson_len measures it. */
	size_t len;
} as_geojson;

AS_EXTERN as_geojson* as_geojson_init(as_geojson* string, char* value, bool free);
AS_EXTERN as_geojson* as_geojson_init_wlen(as_geojson* string, char* value, size_t len, bool free);
AS_EXTERN as_geojson* as_geojson_new(char* value, bool free);
AS_EXTERN as_geojson* as_geojson_new_wlen(char* value, size_t len, bool free);
AS_EXTERN as_geojson* as_geojson_new_strdup(const char* value);

static inline void as_geojson_destroy(as_geojson* string)
{
	as_val_destroy((as_val*)string);
}

AS_EXTERN size_t as_geojson_len(as_geojson* string);

static inline char* as_geojson_getorelse(const as_geojson* string, char* fallback)
{
	return string ? string->value : fallback;
}

static inline char* as_geojson_get(const as_geojson* string)
{
	return as_geojson_getorelse(string, NULL);
}

static inline as_val* as_geojson_toval(const as_geojson* s)
{
	return (as_val*)s;
}

static inline as_geojson* as_geojson_fromval(const as_val* v)
{
	return as_util_fromval(v, AS_GEOJSON, as_geojson);
}

AS_EXTERN void as_geojson_val_destroy(as_val* v);
AS_EXTERN uint32_t as_geojson_val_hashcode(const as_val* v);
AS_EXTERN char* as_geojson_val_tostring(const as_val* v);

#ifdef __cplusplus
}
#endif
