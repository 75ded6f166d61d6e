/*
 * A secondary-index query: namespace/set, bin selection, at most one
 * index predicate (on a bin, a bin inside a collection through a CDT
 * context, a named index, or an expression), and optionally a UDF or
 * operations the server applies in the background. The predicate macros
 * expand to the trailing arguments of as_query_where and friends. A
 * predicate's context, expression and string/blob value are the caller's
 * unless its own _free flag says otherwise (and only in a predicate list
 * from as_query_where_init). to_bytes/from_bytes use 7.4.0's byte format.
 */
#pragma once

#include <aerospike/aerospike_index.h>
#include <aerospike/as_bin.h>
#include <aerospike/as_key.h>
#include <aerospike/as_list.h>
#include <aerospike/as_partition_filter.h>
#include <aerospike/as_udf.h>

#include <alloca.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Predicate arguments: predicate type, index type, index data type, then
 * the values (a string; bytes, size and whether the query frees them; one
 * int64_t; or a min and max int64_t; or GeoJSON text).
 */
#define as_string_equals(__val) AS_PREDICATE_EQUAL, AS_INDEX_TYPE_DEFAULT, AS_INDEX_STRING, __val
#define as_blob_equals(__val, __size, __free) \
	AS_PREDICATE_EQUAL, AS_INDEX_TYPE_DEFAULT, AS_INDEX_BLOB, __val, __size, __free
#define as_integer_equals(__val) \
	AS_PREDICATE_EQUAL, AS_INDEX_TYPE_DEFAULT, AS_INDEX_NUMERIC, (int64_t)__val
#define as_integer_range(__min, __max) \
	AS_PREDICATE_RANGE, AS_INDEX_TYPE_DEFAULT, AS_INDEX_NUMERIC, (int64_t)__min, (int64_t)__max
#define as_range(indextype, datatype, __min, __max) \
	AS_PREDICATE_RANGE, AS_INDEX_TYPE_##indextype, AS_INDEX_##datatype, __min, __max
#define as_contains(indextype, datatype, __val) \
	AS_PREDICATE_EQUAL, AS_INDEX_TYPE_##indextype, AS_INDEX_##datatype, __val
#define as_blob_contains(indextype, __val, __size, __free) \
	AS_PREDICATE_EQUAL, AS_INDEX_TYPE_##indextype, AS_INDEX_BLOB, __val, __size, __free
#define as_equals(datatype, __val) \
	AS_PREDICATE_EQUAL, AS_INDEX_TYPE_DEFAULT, AS_INDEX_##datatype, __val
#define as_geo_within(__val) \
	AS_PREDICATE_RANGE, AS_INDEX_TYPE_DEFAULT, AS_INDEX_GEO2DSPHERE, __val
#define as_geo_contains(__val) \
	AS_PREDICATE_RANGE, AS_INDEX_TYPE_DEFAULT, AS_INDEX_GEO2DSPHERE, __val

struct as_operations_s;
struct as_cdt_ctx;
struct as_exp;

typedef union as_predicate_value_u {
	int64_t integer;
	struct {
		char* string;
		bool _free;
	} string_val;
	struct {
		uint8_t* bytes;
		uint32_t bytes_size;
		bool _free;
	} blob_val;
	struct {
		int64_t min;
		int64_t max;
	} integer_range;
} as_predicate_value;

typedef enum as_predicate_type_e {
	AS_PREDICATE_EQUAL,
	AS_PREDICATE_RANGE
} as_predicate_type;

typedef struct as_predicate_s {
	/* Set instead of bin when the index is named. */
	char index_name[AS_INDEX_NAME_MAX_SIZE];
	as_bin_name bin;
	/* Packed CDT context, and whether the predicate frees it. */
	struct as_cdt_ctx* ctx;
	uint32_t ctx_size;
	bool ctx_free;
	struct as_exp* exp;
	bool exp_free;
	as_predicate_type type;
	as_predicate_value value;
	as_index_datatype dtype;
	as_index_type itype;
} as_predicate;

typedef enum as_order_e {
	AS_ORDER_ASCENDING = 0,
	AS_ORDER_DESCENDING = 1
} as_order;

typedef struct as_ordering_s {
	as_bin_name bin;
	as_order order;
} as_ordering;

typedef struct as_query_bins_s {
	bool _free;
	uint16_t capacity;
	uint16_t size;
	as_bin_name* entries;
} as_query_bins;

typedef struct as_query_predicates_s {
	bool _free;
	uint16_t capacity;
	uint16_t size;
	as_predicate* entries;
} as_query_predicates;

typedef struct as_query_s {
	bool _free;
	as_namespace ns;
	as_set set;
	as_query_bins select;
	as_query_predicates where;
	as_udf_call apply;
	/* Background write operations, or NULL. */
	struct as_operations_s* ops;
	as_partitions_status* parts_all;
	/* 0 = no limit. */
	uint64_t max_records;
	uint32_t records_per_second;
	uint32_t ttl;
	bool paginate;
	bool no_bins;
} as_query;

AS_EXTERN as_query* as_query_init(as_query* query, const char* ns, const char* set);
AS_EXTERN as_query* as_query_new(const char* ns, const char* set);
AS_EXTERN void as_query_destroy(as_query* query);

/* Room for __n bin names on the stack, unless a selection exists already. */
#define as_query_select_inita(__query, __n) \
	do { \
		if ((__query)->select.entries == NULL) { \
			(__query)->select.entries = (as_bin_name*)alloca(sizeof(as_bin_name) * (__n)); \
			if ((__query)->select.entries) { \
				(__query)->select.capacity = (__n); \
				(__query)->select.size = 0; \
				(__query)->select._free = false; \
			} \
		} \
	} while (0)

AS_EXTERN bool as_query_select_init(as_query* query, uint16_t n);
AS_EXTERN bool as_query_select(as_query* query, const char* bin);

/* Room for __n predicates on the stack, unless predicates exist already. */
#define as_query_where_inita(__query, __n) \
	do { \
		if ((__query)->where.entries == NULL) { \
			(__query)->where.entries = (as_predicate*)alloca(sizeof(as_predicate) * (__n)); \
			if ((__query)->where.entries) { \
				(__query)->where.capacity = (__n); \
				(__query)->where.size = 0; \
				(__query)->where._free = false; \
			} \
		} \
	} while (0)

AS_EXTERN bool as_query_where_init(as_query* query, uint16_t n);
AS_EXTERN bool as_query_where(as_query* query, const char* bin, as_predicate_type type,
	as_index_type itype, as_index_datatype dtype, ...);
AS_EXTERN bool as_query_where_with_ctx(as_query* query, const char* bin, struct as_cdt_ctx* ctx,
	as_predicate_type type, as_index_type itype, as_index_datatype dtype, ...);
AS_EXTERN bool as_query_where_with_index_name(as_query* query, const char* index_name,
	as_predicate_type type, as_index_type itype, as_index_datatype dtype, ...);
AS_EXTERN bool as_query_where_with_exp(as_query* query, struct as_exp* exp,
	as_predicate_type type, as_index_type itype, as_index_datatype dtype, ...);
AS_EXTERN bool as_query_apply(as_query* query, const char* module, const char* function,
	const as_list* arglist);
AS_EXTERN bool as_query_to_bytes(const as_query* query, uint8_t** bytes, uint32_t* bytes_size);
AS_EXTERN bool as_query_from_bytes(as_query* query, const uint8_t* bytes, uint32_t bytes_size);
AS_EXTERN as_query* as_query_from_bytes_new(const uint8_t* bytes, uint32_t bytes_size);
AS_EXTERN bool as_query_compare(as_query* q1, as_query* q2);

static inline void as_query_set_paginate(as_query* query, bool paginate)
{
	query->paginate = paginate;
}

/* Resume from a saved status; the query takes a reference to it. */
static inline void as_query_set_partitions(as_query* query, as_partitions_status* parts_all)
{
	query->parts_all = as_partitions_status_reserve(parts_all);
}

static inline bool as_query_is_done(as_query* query)
{
	return query->parts_all != NULL && query->parts_all->done;
}

#ifdef __cplusplus
}
#endif
