/*
 * Which partitions a scan or query covers: all 4096, one, a range, the
 * records after a digest, or a saved status from an earlier run (to resume
 * it). as_partitions_status is reference counted and shared between the
 * filter and running commands; it ends in one as_partition_status per
 * partition.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_atomic.h>
#include <aerospike/as_key.h>
#include <citrusleaf/alloc.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_node_s;

typedef struct as_partition_status_s {
	uint16_t part_id;
	uint8_t replica_index;
	bool retry;
	/* The last record returned, to resume after it. */
	as_digest digest;
	/* Resume point of secondary-index queries. */
	uint64_t bval;
	struct as_node_s* node;
} as_partition_status;

typedef struct as_partitions_status_s {
	uint32_t ref_count;
	uint16_t part_begin;
	uint16_t part_count;
	bool done;
	bool retry;
	char pad[6];
	as_partition_status parts[];
} as_partitions_status;

typedef struct as_partition_filter_s {
	uint16_t begin;
	uint16_t count;
	as_digest digest;
	as_partitions_status* parts_all;
} as_partition_filter;

static inline void as_partition_filter_set_range(as_partition_filter* pf, uint32_t begin,
	uint32_t count)
{
	pf->begin = (uint16_t)begin;
	pf->count = (uint16_t)count;
	pf->digest.init = false;
	pf->parts_all = NULL;
}

static inline void as_partition_filter_set_all(as_partition_filter* pf)
{
	as_partition_filter_set_range(pf, 0, 4096);
}

static inline void as_partition_filter_set_id(as_partition_filter* pf, uint32_t part_id)
{
	as_partition_filter_set_range(pf, part_id, 1);
}

/* The records after digest, in the partition digest belongs to. */
static inline void as_partition_filter_set_after(as_partition_filter* pf, as_digest* digest)
{
	pf->begin = 0;
	pf->count = 1;
	pf->digest = *digest;
	pf->parts_all = NULL;
}

/* Resume from a status a previous scan/query left; the filter shares parts_all. */
static inline void as_partition_filter_set_partitions(as_partition_filter* pf,
	as_partitions_status* parts_all)
{
	pf->begin = parts_all->part_begin;
	pf->count = parts_all->part_count;
	pf->digest.init = false;
	pf->parts_all = parts_all;
}

static inline as_partitions_status* as_partitions_status_reserve(as_partitions_status* parts_all)
{
	as_partitions_status* status =
		(as_partitions_status*)as_load_ptr((void* const*)(void*)&parts_all);
	as_incr_uint32(&status->ref_count);
	return status;
}

/* Frees the status with cf_free when the last reference goes. */
static inline void as_partitions_status_release(as_partitions_status* parts_all)
{
	if (as_aaf_uint32_rls(&parts_all->ref_count, -1) == 0) {
		cf_free(parts_all);
	}
}

#ifdef __cplusplus
}
#endif
