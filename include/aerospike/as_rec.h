/*
 * as_rec: a record seen as a value. It carries an opaque data pointer and a
 * table of hooks that implement the record operations; every accessor below
 * dispatches through that table and answers a fixed default when the record,
 * its table or the hook is missing. as_record (as_record.h) is the client's
 * implementation of the table.
 */
#pragma once

#include <aerospike/as_bytes.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_list.h>
#include <aerospike/as_map.h>
#include <aerospike/as_std.h>
#include <aerospike/as_string.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_rec_hooks_s;

/* Receives nbins names, each in a max_name_size slot of bin_names. */
typedef void (*as_rec_bin_names_callback)(char* bin_names, uint32_t nbins,
		uint16_t max_name_size, void* udata);

/* Called once per bin; returning false stops the walk. */
typedef bool (*as_rec_foreach_callback)(const char* name, const as_val* value, void* udata);

typedef struct as_rec_s {
	as_val _;
	void* data;
	const struct as_rec_hooks_s* hooks;
} as_rec;

typedef struct as_rec_hooks_s {
	bool (*destroy)(as_rec* rec);
	uint32_t (*hashcode)(const as_rec* rec);
	as_val* (*get)(const as_rec* rec, const char* name);
	int (*set)(const as_rec* rec, const char* name, const as_val* value);
	int (*remove)(const as_rec* rec, const char* bin);
	uint32_t (*ttl)(const as_rec* rec);
	uint64_t (*last_update_time)(const as_rec* rec);
	uint16_t (*gen)(const as_rec* rec);
	uint32_t (*size)(const as_rec* rec);
	uint32_t (*memory_size)(const as_rec* rec);
	uint32_t (*device_size)(const as_rec* rec);
	as_val* (*key)(const as_rec* rec);
	const char* (*setname)(const as_rec* rec);
	uint16_t (*numbins)(const as_rec* rec);
	int (*bin_names)(const as_rec* rec, as_rec_bin_names_callback callback, void* udata);
	as_bytes* (*digest)(const as_rec* rec);
	int (*set_ttl)(const as_rec* rec, uint32_t ttl);
	int (*drop_key)(const as_rec* rec);
	bool (*foreach)(const as_rec* rec, as_rec_foreach_callback callback, void* udata);
} as_rec_hooks;

/* Sets the value header (type AS_REC, heap-owned when free), data, hooks. */
AS_EXTERN as_rec* as_rec_cons(as_rec* rec, bool free, void* data, const as_rec_hooks* hooks);
AS_EXTERN as_rec* as_rec_init(as_rec* rec, void* data, const as_rec_hooks* hooks);
AS_EXTERN as_rec* as_rec_new(void* data, const as_rec_hooks* hooks);

static inline void as_rec_destroy(as_rec* rec)
{
	as_val_destroy((as_val*)rec);
}

static inline void* as_rec_source(const as_rec* rec)
{
	return rec ? rec->data : NULL;
}

/* Hooks that fail answer 1 for remove/set; the counters answer 0. */
static inline int as_rec_remove(const as_rec* rec, const char* name)
{
	return as_util_hook(remove, 1, rec, name);
}

static inline uint32_t as_rec_ttl(const as_rec* rec)
{
	return as_util_hook(ttl, 0, rec);
}

static inline uint64_t as_rec_last_update_time(const as_rec* rec)
{
	return as_util_hook(last_update_time, 0, rec);
}

static inline uint16_t as_rec_gen(const as_rec* rec)
{
	return as_util_hook(gen, 0, rec);
}

static inline uint32_t as_rec_size(const as_rec* rec)
{
	return as_util_hook(size, 0, rec);
}

static inline uint32_t as_rec_memory_size(const as_rec* rec)
{
	return as_util_hook(memory_size, 0, rec);
}

static inline uint32_t as_rec_device_size(const as_rec* rec)
{
	return as_util_hook(device_size, 0, rec);
}

static inline as_val* as_rec_key(const as_rec* rec)
{
	return as_util_hook(key, 0, rec);
}

static inline const char* as_rec_setname(const as_rec* rec)
{
	return as_util_hook(setname, 0, rec);
}

static inline uint16_t as_rec_numbins(const as_rec* rec)
{
	return as_util_hook(numbins, 0, rec);
}

static inline int as_rec_bin_names(const as_rec* rec, as_rec_bin_names_callback callback,
		void* udata)
{
	return as_util_hook(bin_names, 0, rec, callback, udata);
}

static inline as_bytes* as_rec_digest(const as_rec* rec)
{
	return as_util_hook(digest, 0, rec);
}

static inline int as_rec_set_ttl(const as_rec* rec, uint32_t ttl)
{
	return as_util_hook(set_ttl, 0, rec, ttl);
}

static inline int as_rec_drop_key(const as_rec* rec)
{
	return as_util_hook(drop_key, 0, rec);
}

/* Typed reads: the bin's value when it has the asked type, else 0/NULL. */
static inline as_val* as_rec_get(const as_rec* rec, const char* name)
{
	return as_util_hook(get, NULL, rec, name);
}

static inline int64_t as_rec_get_int64(const as_rec* rec, const char* name)
{
	as_integer* i = as_integer_fromval(as_rec_get(rec, name));
	return i ? as_integer_toint(i) : 0;
}

static inline double as_rec_get_double(const as_rec* rec, const char* name)
{
	as_double* d = as_double_fromval(as_rec_get(rec, name));
	return d ? d->value : 0.0;
}

static inline char* as_rec_get_str(const as_rec* rec, const char* name)
{
	as_string* s = as_string_fromval(as_rec_get(rec, name));
	return s ? as_string_tostring(s) : NULL;
}

static inline char* as_rec_get_geojson_str(const as_rec* rec, const char* name)
{
	return as_geojson_get(as_geojson_fromval(as_rec_get(rec, name)));
}

static inline as_integer* as_rec_get_integer(const as_rec* rec, const char* name)
{
	return as_integer_fromval(as_rec_get(rec, name));
}

static inline as_double* as_rec_get_as_double(const as_rec* rec, const char* name)
{
	return as_double_fromval(as_rec_get(rec, name));
}

static inline as_string* as_rec_get_string(const as_rec* rec, const char* name)
{
	return as_string_fromval(as_rec_get(rec, name));
}

static inline as_geojson* as_rec_get_geojson(const as_rec* rec, const char* name)
{
	return as_geojson_fromval(as_rec_get(rec, name));
}

static inline as_bytes* as_rec_get_bytes(const as_rec* rec, const char* name)
{
	return as_bytes_fromval(as_rec_get(rec, name));
}

static inline as_list* as_rec_get_list(const as_rec* rec, const char* name)
{
	return as_list_fromval(as_rec_get(rec, name));
}

static inline as_map* as_rec_get_map(const as_rec* rec, const char* name)
{
	return as_map_fromval(as_rec_get(rec, name));
}

/*
 * Writes. The record takes the value; the scalar forms allocate it first
 * (as_integer_new, as_double_new, as_string_new_strdup).
 */
static inline int as_rec_set(const as_rec* rec, const char* name, const as_val* value)
{
	return as_util_hook(set, 1, rec, name, value);
}

static inline int as_rec_set_int64(const as_rec* rec, const char* name, int64_t value)
{
	return as_util_hook(set, 1, rec, name, (as_val*)as_integer_new(value));
}

static inline int as_rec_set_double(const as_rec* rec, const char* name, double value)
{
	return as_util_hook(set, 1, rec, name, (as_val*)as_double_new(value));
}

static inline int as_rec_set_str(const as_rec* rec, const char* name, const char* value)
{
	return as_util_hook(set, 1, rec, name, (as_val*)as_string_new_strdup(value));
}

static inline int as_rec_set_integer(const as_rec* rec, const char* name,
		const as_integer* value)
{
	return as_util_hook(set, 1, rec, name, (const as_val*)value);
}

static inline int as_rec_set_as_double(const as_rec* rec, const char* name,
		const as_double* value)
{
	return as_util_hook(set, 1, rec, name, (const as_val*)value);
}

static inline int as_rec_set_string(const as_rec* rec, const char* name, const as_string* value)
{
	return as_util_hook(set, 1, rec, name, (const as_val*)value);
}

static inline int as_rec_set_geojson(const as_rec* rec, const char* name,
		const as_geojson* value)
{
	return as_util_hook(set, 1, rec, name, (const as_val*)value);
}

static inline int as_rec_set_bytes(const as_rec* rec, const char* name, const as_bytes* value)
{
	return as_util_hook(set, 1, rec, name, (const as_val*)value);
}

static inline int as_rec_set_list(const as_rec* rec, const char* name, const as_list* value)
{
	return as_util_hook(set, 1, rec, name, (const as_val*)value);
}

static inline int as_rec_set_map(const as_rec* rec, const char* name, const as_map* value)
{
	return as_util_hook(set, 1, rec, name, (const as_val*)value);
}

static inline bool as_rec_foreach(const as_rec* rec, as_rec_foreach_callback callback,
		void* udata)
{
	return as_util_hook(foreach, false, rec, callback, udata);
}

static inline as_val* as_rec_toval(const as_rec* rec)
{
	return (as_val*)rec;
}

static inline as_rec* as_rec_fromval(const as_val* v)
{
	return as_util_fromval(v, AS_REC, as_rec);
}

/* The as_val dispatch of AS_REC values. */
AS_EXTERN void as_rec_val_destroy(as_val* v);
AS_EXTERN uint32_t as_rec_val_hashcode(const as_val* v);
AS_EXTERN char* as_rec_val_tostring(const as_val* v);

#ifdef __cplusplus
}
#endif
