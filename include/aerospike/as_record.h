/*
 * as_record: a key, its generation and time-to-live, and a fixed-capacity
 * set of bins, presented to the value model as an as_rec (the hook table is
 * the exported as_record_rec_hooks).
 *
 * Ownership: the record owns every bin value it is given and destroys them
 * with itself, and it owns the key's value. Setting a bin that already exists
 * destroys its old value first. Setters return false, changing nothing, for
 * a NULL record or name, a name of more than AS_BIN_NAME_MAX_LEN characters,
 * or a new bin when all capacity entries are in use.
 */
#pragma once

#include <aerospike/as_bin.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_key.h>
#include <aerospike/as_list.h>
#include <aerospike/as_map.h>
#include <aerospike/as_rec.h>
#include <aerospike/as_string.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>

#include <alloca.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_record_s {
	/* Must stay first: an as_record is an as_rec is an as_val. */
	as_rec _;
	as_key key;
	uint16_t gen;
	uint32_t ttl;
	as_bins bins;
} as_record;

/* Special ttl values a write may carry. */
#define AS_RECORD_DEFAULT_TTL 0
#define AS_RECORD_NO_EXPIRE_TTL 0xFFFFFFFF
#define AS_RECORD_NO_CHANGE_TTL 0xFFFFFFFE
#define AS_RECORD_CLIENT_DEFAULT_TTL 0xFFFFFFFD

/*
 * Initializes *__rec with room for __nbins bins in the caller's stack frame
 * (valid until that frame returns). Expands to several statements.
 */
#define as_record_inita(__rec, __nbins) \
	as_record_init(__rec, 0); \
	(__rec)->bins._free = false; \
	(__rec)->bins.capacity = (__nbins); \
	(__rec)->bins.size = 0; \
	(__rec)->bins.entries = (as_bin*)alloca(sizeof(as_bin) * (__nbins));

/* A heap record (as_record_destroy frees it) or a caller-owned one; a
 * nonzero nbins allocates that many bin entries on the heap. */
AS_EXTERN as_record* as_record_new(uint16_t nbins);
AS_EXTERN as_record* as_record_init(as_record* rec, uint16_t nbins);
AS_EXTERN void as_record_destroy(as_record* rec);

/* Bins in use; 0 for NULL. */
AS_EXTERN uint16_t as_record_numbins(const as_record* rec);

/* The bin points at value and destroys it with the record. */
AS_EXTERN bool as_record_set(as_record* rec, const char* name, as_bin_value* value);
AS_EXTERN bool as_record_set_bool(as_record* rec, const char* name, bool value);
AS_EXTERN bool as_record_set_int64(as_record* rec, const char* name, int64_t value);
AS_EXTERN bool as_record_set_double(as_record* rec, const char* name, double value);
/* free: the record frees value when it destroys the bin. */
AS_EXTERN bool as_record_set_strp(as_record* rec, const char* name, const char* value,
		bool free);

static inline bool as_record_set_str(as_record* rec, const char* name, const char* value)
{
	return as_record_set_strp(rec, name, value, false);
}

AS_EXTERN bool as_record_set_geojson_strp(as_record* rec, const char* name, const char* value,
		bool free);

static inline bool as_record_set_geojson_str(as_record* rec, const char* name,
		const char* value)
{
	return as_record_set_geojson_strp(rec, name, value, false);
}

AS_EXTERN bool as_record_set_rawp(as_record* rec, const char* name, const uint8_t* value,
		uint32_t size, bool free);
/* As set_rawp, then the bytes' particle type becomes type. */
AS_EXTERN bool as_record_set_raw_typep(as_record* rec, const char* name, const uint8_t* value,
		uint32_t size, as_bytes_type type, bool free);

static inline bool as_record_set_raw(as_record* rec, const char* name, const uint8_t* value,
		uint32_t size)
{
	return as_record_set_rawp(rec, name, value, size, false);
}

/* The record takes the caller's value object. */
AS_EXTERN bool as_record_set_integer(as_record* rec, const char* name, as_integer* value);
AS_EXTERN bool as_record_set_as_double(as_record* rec, const char* name, as_double* value);
AS_EXTERN bool as_record_set_string(as_record* rec, const char* name, as_string* value);
AS_EXTERN bool as_record_set_geojson(as_record* rec, const char* name, as_geojson* value);
AS_EXTERN bool as_record_set_bytes(as_record* rec, const char* name, as_bytes* value);
AS_EXTERN bool as_record_set_list(as_record* rec, const char* name, as_list* value);
AS_EXTERN bool as_record_set_map(as_record* rec, const char* name, as_map* value);
/* The bin holds as_nil: a write of it deletes the bin on the server. */
AS_EXTERN bool as_record_set_nil(as_record* rec, const char* name);

/*
 * Reads: the bin's value (still owned by the record) when the bin exists and
 * has the asked type, else NULL or fallback. get_bool also reads integers
 * (nonzero is true).
 */
AS_EXTERN as_bin_value* as_record_get(const as_record* rec, const char* name);
AS_EXTERN bool as_record_get_bool(const as_record* rec, const char* name);
AS_EXTERN int64_t as_record_get_int64(const as_record* rec, const char* name, int64_t fallback);
AS_EXTERN double as_record_get_double(const as_record* rec, const char* name, double fallback);
AS_EXTERN char* as_record_get_str(const as_record* rec, const char* name);
AS_EXTERN char* as_record_get_geojson_str(const as_record* rec, const char* name);
AS_EXTERN as_integer* as_record_get_integer(const as_record* rec, const char* name);
AS_EXTERN as_double* as_record_get_as_double(const as_record* rec, const char* name);
AS_EXTERN as_string* as_record_get_string(const as_record* rec, const char* name);
AS_EXTERN as_geojson* as_record_get_geojson(const as_record* rec, const char* name);
AS_EXTERN as_bytes* as_record_get_bytes(const as_record* rec, const char* name);
AS_EXTERN as_list* as_record_get_list(const as_record* rec, const char* name);
AS_EXTERN as_map* as_record_get_map(const as_record* rec, const char* name);

/* A UDF's answer: bin "SUCCESS" (any value), or bin "FAILURE" (a string). */
AS_EXTERN as_val* as_record_get_udf_result(const as_record* rec);
AS_EXTERN char* as_record_get_udf_error(const as_record* rec);

/* Calls callback for each bin in order until it returns false; false then. */
AS_EXTERN bool as_record_foreach(const as_record* rec, as_rec_foreach_callback callback,
		void* udata);

static inline as_val* as_record_toval(const as_record* rec)
{
	return (as_val*)rec;
}

static inline as_record* as_record_fromval(const as_val* v)
{
	return (as_record*)as_util_fromval(v, AS_REC, as_rec);
}

#ifdef __cplusplus
}
#endif
