/*
 * The database as a UDF sees it: an object whose hooks create, update,
 * remove and test records, log, read the clock and configuration. The
 * host (server, or a client running UDFs locally) supplies the hooks. Each
 * inline dispatcher returns its default when the hook is missing (1 for
 * the record hooks and log, 2 for set_context, 0 otherwise). The
 * constructors are declared only.
 */
#pragma once

#include <aerospike/as_std.h>
/*
 * 7.4.0 includes <aerospike/as_types.h> here, which only gathers the value
 * headers below; as_types.h is not in the tree yet, so they are named one
 * by one and bring the same types.
 */
#include <aerospike/as_boolean.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_string.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_pair.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_val.h>
#include <aerospike/as_rec.h>
#include <aerospike/as_iterator.h>
#include <aerospike/as_stream.h>
#include <aerospike/as_list.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_arraylist_iterator.h>
#include <aerospike/as_map.h>
#include <aerospike/as_hashmap.h>
#include <aerospike/as_hashmap_iterator.h>
#include <aerospike/as_result.h>
#include <aerospike/as_util.h>
#include <citrusleaf/cf_clock.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_aerospike_s as_aerospike;
typedef struct as_aerospike_hooks_s as_aerospike_hooks;

struct as_aerospike_s {
	void* source;
	const as_aerospike_hooks* hooks;
	/* as_aerospike_destroy frees the struct itself. */
	bool is_rcalloc;
};

struct as_aerospike_hooks_s {
	void (*destroy)(as_aerospike* as);
	int (*rec_create)(const as_aerospike* as, const as_rec* rec);
	int (*rec_update)(const as_aerospike* as, const as_rec* rec);
	int (*rec_remove)(const as_aerospike* as, const as_rec* rec);
	int (*rec_exists)(const as_aerospike* as, const as_rec* rec);
	int (*log)(const as_aerospike* as, const char* file, const int line, const int level,
		const char* msg);
	cf_clock (*get_current_time)(const as_aerospike* as);
	int (*set_context)(const as_aerospike* as, const as_rec* rec, const uint32_t context);
	int (*get_config)(const as_aerospike* as, const as_rec* rec, const char* name);
};

AS_EXTERN as_aerospike* as_aerospike_init(as_aerospike* a, void* source,
	const as_aerospike_hooks* hooks);
AS_EXTERN as_aerospike* as_aerospike_new(void* source, const as_aerospike_hooks* hooks);
AS_EXTERN void as_aerospike_destroy(as_aerospike* a);

/* Whether a's hook table has this hook; the dispatchers fall back to a default otherwise. */
#define AS_AEROSPIKE_HAS_HOOK_(a, hook) ((a) != NULL && (a)->hooks != NULL && (a)->hooks->hook)

static inline int as_aerospike_rec_create(const as_aerospike* a, const as_rec* r)
{
	return AS_AEROSPIKE_HAS_HOOK_(a, rec_create) ? a->hooks->rec_create(a, r) : 1;
}

static inline int as_aerospike_rec_update(const as_aerospike* a, const as_rec* r)
{
	return AS_AEROSPIKE_HAS_HOOK_(a, rec_update) ? a->hooks->rec_update(a, r) : 1;
}

static inline int as_aerospike_rec_exists(const as_aerospike* a, const as_rec* r)
{
	return AS_AEROSPIKE_HAS_HOOK_(a, rec_exists) ? a->hooks->rec_exists(a, r) : 1;
}

static inline int as_aerospike_rec_remove(const as_aerospike* a, const as_rec* r)
{
	return AS_AEROSPIKE_HAS_HOOK_(a, rec_remove) ? a->hooks->rec_remove(a, r) : 1;
}

static inline int as_aerospike_log(const as_aerospike* a, const char* name, const int line,
	const int lvl, const char* msg)
{
	return AS_AEROSPIKE_HAS_HOOK_(a, log) ? a->hooks->log(a, name, line, lvl, msg) : 1;
}

static inline cf_clock as_aerospike_get_current_time(const as_aerospike* a)
{
	return AS_AEROSPIKE_HAS_HOOK_(a, get_current_time) ? a->hooks->get_current_time(a) : 0;
}

static inline int as_aerospike_set_context(const as_aerospike* a, const as_rec* r,
	const uint32_t context)
{
	return AS_AEROSPIKE_HAS_HOOK_(a, set_context) ? a->hooks->set_context(a, r, context) : 2;
}

static inline int as_aerospike_get_config(const as_aerospike* a, const as_rec* r,
	const char* name)
{
	return AS_AEROSPIKE_HAS_HOOK_(a, get_config) ? a->hooks->get_config(a, r, name) : 0;
}

#ifdef __cplusplus
}
#endif
