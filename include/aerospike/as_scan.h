/*
 * A scan: every record of a namespace/set (or of some partitions), with a
 * bin selection, and optionally a UDF or operations the server applies to
 * each record in the background. as_scan_select_inita puts the bin list on
 * the caller's stack (destroy leaves it alone); as_scan_select_init puts it
 * on the heap, owned by the scan. Neither grows. The scan owns its UDF
 * argument list, its operations and one reference to its partition status.
 * to_bytes/from_bytes use 7.4.0's byte format, so saved scans move between
 * the two libraries.
 */
#pragma once

#include <aerospike/as_bin.h>
#include <aerospike/as_key.h>
#include <aerospike/as_partition_filter.h>
#include <aerospike/as_udf.h>

#include <alloca.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_SCAN_NOBINS_DEFAULT false
#define AS_SCAN_CONCURRENT_DEFAULT false
#define AS_SCAN_DESERIALIZE_DEFAULT true

struct as_operations_s;

typedef enum as_scan_status_e {
	AS_SCAN_STATUS_UNDEF,
	AS_SCAN_STATUS_INPROGRESS,
	AS_SCAN_STATUS_ABORTED,
	AS_SCAN_STATUS_COMPLETED,
} as_scan_status;

typedef struct as_scan_info_s {
	as_scan_status status;
	uint32_t progress_pct;
	uint32_t records_scanned;
} as_scan_info;

typedef struct as_scan_bins_s {
	as_bin_name* entries;
	uint16_t capacity;
	uint16_t size;
	bool _free;
} as_scan_bins;

typedef struct as_scan_s {
	as_namespace ns;
	as_set set;
	as_scan_bins select;
	as_udf_call apply_each;
	/* Background write operations, or NULL. */
	struct as_operations_s* ops;
	/* Progress of a paginated scan, shared with as_partition_filter. */
	as_partitions_status* parts_all;
	/* Record ttl of background writes. */
	uint32_t ttl;
	bool paginate;
	bool no_bins;
	bool concurrent;
	bool deserialize_list_map;
	bool _free;
} as_scan;

AS_EXTERN as_scan* as_scan_init(as_scan* scan, const char* ns, const char* set);
AS_EXTERN as_scan* as_scan_new(const char* ns, const char* set);
AS_EXTERN void as_scan_destroy(as_scan* scan);

/* Room for __n bin names on the stack, unless a selection exists already. */
#define as_scan_select_inita(__scan, __n) \
	do { \
		if ((__scan)->select.entries == NULL) { \
			(__scan)->select.entries = (as_bin_name*)alloca(sizeof(as_bin_name) * (__n)); \
			if ((__scan)->select.entries) { \
				(__scan)->select.capacity = (__n); \
				(__scan)->select.size = 0; \
				(__scan)->select._free = false; \
			} \
		} \
	} while (0)

AS_EXTERN bool as_scan_select_init(as_scan* scan, uint16_t n);
AS_EXTERN bool as_scan_select(as_scan* scan, const char* bin);
AS_EXTERN bool as_scan_set_nobins(as_scan* scan, bool nobins);
AS_EXTERN bool as_scan_set_concurrent(as_scan* scan, bool concurrent);
AS_EXTERN bool as_scan_apply_each(as_scan* scan, const char* module, const char* function,
	as_list* arglist);
AS_EXTERN bool as_scan_to_bytes(const as_scan* scan, uint8_t** bytes, uint32_t* bytes_size);
AS_EXTERN bool as_scan_from_bytes(as_scan* scan, const uint8_t* bytes, uint32_t bytes_size);
AS_EXTERN as_scan* as_scan_from_bytes_new(const uint8_t* bytes, uint32_t bytes_size);
AS_EXTERN bool as_scan_compare(as_scan* s1, as_scan* s2);

static inline void as_scan_set_paginate(as_scan* scan, bool paginate)
{
	scan->paginate = paginate;
}

/* Resume from a saved status; the scan takes a reference to it. */
static inline void as_scan_set_partitions(as_scan* scan, as_partitions_status* parts_all)
{
	scan->parts_all = as_partitions_status_reserve(parts_all);
}

/* A paginated scan has returned every record. */
static inline bool as_scan_is_done(as_scan* scan)
{
	return scan->parts_all != NULL && scan->parts_all->done;
}

#ifdef __cplusplus
}
#endif
