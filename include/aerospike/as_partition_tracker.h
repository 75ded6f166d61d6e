/*
 * Progress of a partition scan or query: which partitions each node owes,
 * where each partition got to, how many records came back, and whether to
 * retry. The tracker is the scan/query layer's: declared only; the
 * per-record bookkeeping helpers are inline.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_partition.h>
#include <aerospike/as_partition_filter.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_vector.h>

#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_node_s;
struct as_cluster_s;
struct as_error_s;

typedef struct as_node_partitions_s {
	struct as_node_s* node;
	/* uint16_t partition ids: whole partitions, and partitions resumed after a digest. */
	as_vector parts_full;
	as_vector parts_partial;
	uint64_t record_count;
	uint64_t record_max;
	uint32_t parts_unavailable;
	bool retry;
} as_node_partitions;

typedef struct as_partition_tracker_s {
	pthread_mutex_t lock;
	as_partitions_status* parts_all;
	uint32_t node_capacity;
	struct as_node_s* node_filter;
	/* as_node_partitions elements. */
	as_vector node_parts;
	/* as_error elements of failed attempts, or NULL. */
	as_vector* errors;
	uint64_t max_records;
	uint64_t record_count;
	uint64_t deadline;
	as_policy_replica replica;
	uint32_t parts_capacity;
	uint32_t sleep_between_retries;
	uint32_t connect_timeout;
	uint32_t socket_timeout;
	uint32_t total_timeout;
	uint32_t timeout_delay;
	uint32_t max_retries;
	uint32_t iteration;
	bool check_max;
} as_partition_tracker;

AS_EXTERN as_status as_partition_tracker_init_nodes(as_partition_tracker* pt,
	struct as_cluster_s* cluster, const as_policy_base* policy, uint64_t max_records,
	as_policy_replica replica, as_partitions_status** parts_all, bool paginate,
	uint32_t cluster_size, as_error* err);
AS_EXTERN as_status as_partition_tracker_init_node(as_partition_tracker* pt,
	struct as_cluster_s* cluster, const as_policy_base* policy, uint64_t max_records,
	as_policy_replica replica, as_partitions_status** parts_all, bool paginate,
	struct as_node_s* node, as_error* err);
AS_EXTERN as_status as_partition_tracker_init_filter(as_partition_tracker* pt,
	struct as_cluster_s* cluster, const as_policy_base* policy, uint64_t max_records,
	as_policy_replica replica, as_partitions_status** parts_all, bool paginate,
	uint32_t cluster_size, as_partition_filter* pf, struct as_error_s* err);
AS_EXTERN as_status as_partition_tracker_assign(as_partition_tracker* pt,
	struct as_cluster_s* cluster, const char* ns, struct as_error_s* err);
AS_EXTERN void as_partition_tracker_part_unavailable(as_partition_tracker* pt,
	as_node_partitions* np, uint32_t part_id);
AS_EXTERN as_status as_partition_tracker_is_complete(as_partition_tracker* pt,
	struct as_cluster_s* cluster, struct as_error_s* err);
AS_EXTERN bool as_partition_tracker_should_retry(as_partition_tracker* pt,
	as_node_partitions* np, as_status status);
AS_EXTERN void as_partition_tracker_destroy(as_partition_tracker* pt);

static inline as_partition_status* as_partition_tracker_status_of_(as_partition_tracker* pt,
	uint32_t part_id)
{
	as_partitions_status* all = pt->parts_all;
	return &all->parts[part_id - all->part_begin];
}

/* Records digest as the resume point of its partition (scans). */
static inline void as_partition_tracker_set_digest(as_partition_tracker* pt,
	as_node_partitions* np, as_digest* digest, uint32_t n_partitions)
{
	uint32_t part_id = as_partition_getid(digest->value, n_partitions);
	as_partition_tracker_status_of_(pt, part_id)->digest = *digest;
	np->record_count++;
}

/* Records digest and index value bval as the resume point (queries). */
static inline void as_partition_tracker_set_last(as_partition_tracker* pt,
	as_node_partitions* np, as_digest* digest, uint64_t bval, uint32_t n_partitions)
{
	uint32_t part_id = as_partition_getid(digest->value, n_partitions);
	as_partition_status* status = as_partition_tracker_status_of_(pt, part_id);
	status->digest = *digest;
	status->bval = bval;
	np->record_count++;
}

/* Counts one record; past max_records the node is marked for retry and true returned. */
static inline bool as_partition_tracker_reached_max_records_sync(as_partition_tracker* pt,
	as_node_partitions* np)
{
	if (pt == NULL || !pt->check_max || as_aaf_uint64(&pt->record_count, 1) <= pt->max_records) {
		return false;
	}
	np->retry = true;
	return true;
}

/* As above, for the single-threaded event-loop path: no atomic needed. */
static inline bool as_partition_tracker_reached_max_records_async(as_partition_tracker* pt,
	as_node_partitions* np)
{
	if (pt == NULL || !pt->check_max || ++pt->record_count <= pt->max_records) {
		return false;
	}
	np->retry = true;
	return true;
}

static inline uint16_t as_partition_tracker_get_id(as_vector* list, uint32_t index)
{
	return *(uint16_t*)as_vector_get(list, index);
}

static inline as_partition_status* as_partition_tracker_get_status(as_partition_tracker* pt,
	as_vector* list, uint32_t index)
{
	return as_partition_tracker_status_of_(pt, as_partition_tracker_get_id(list, index));
}

static inline void as_partition_error(as_partitions_status* parts_all)
{
	if (parts_all != NULL) {
		parts_all->retry = true;
	}
}

#ifdef __cplusplus
}
#endif
