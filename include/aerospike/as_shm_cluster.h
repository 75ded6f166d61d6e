/*
 * The shared-memory cluster segment, byte-compatible with 7.4.0 so that stock
 * and aeroshim processes can share one System V segment: a header, then
 * nodes_capacity node entries, then partition tables at
 * partition_tables_offset. Cross-process fields are only ever accessed with
 * atomic operations; see src/shm/README.md for the protocol. The lock words
 * (as_swlock, as_spinlock) are in as_atomic_gcc.h.
 */
#pragma once

#include <aerospike/as_atomic.h>
#include <aerospike/as_config.h>
#include <aerospike/as_node.h>
#include <aerospike/as_partition.h>
#include <citrusleaf/cf_queue.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_node_shm_s {
	char name[AS_NODE_NAME_SIZE];
	as_swlock lock;
	struct sockaddr_storage addr;
	char tls_name[AS_HOSTNAME_SIZE];
	uint32_t features;
	uint32_t rebalance_generation;
	int rack_id;
	uint8_t active;
	char pad[3];
} as_node_shm;

typedef struct as_partition_shm_s {
	/* 1-based indexes into as_cluster_shm.nodes; 0 means no node. */
	uint32_t nodes[AS_MAX_REPLICATION_FACTOR];
	uint32_t regime;
} as_partition_shm;

typedef struct as_partition_table_shm_s {
	char ns[AS_MAX_NAMESPACE_SIZE];
	uint8_t replica_size;
	uint8_t sc_mode;
	char pad[6];
	as_partition_shm partitions[];
} as_partition_table_shm;

typedef struct as_cluster_shm_s {
	uint64_t timestamp;
	uint32_t owner_pid;
	uint32_t nodes_size;
	uint32_t nodes_capacity;
	uint32_t nodes_gen;
	uint32_t n_partitions;
	uint32_t partition_tables_size;
	uint32_t partition_tables_capacity;
	uint32_t partition_tables_offset;
	uint32_t partition_table_byte_size;
	as_spinlock take_over_lock;
	uint8_t lock;
	uint8_t ready;
	char pad[2];
	uint32_t rebalance_gen;
	as_node_shm nodes[];
} as_cluster_shm;

/* A process's view of the segment (as_cluster.shm_info). */
typedef struct as_shm_info_s {
	as_cluster_shm* cluster_shm;
	/* This process's as_node for each segment node entry, same order. */
	as_node** local_nodes;
	int shm_id;
	uint32_t takeover_threshold_ms;
	volatile bool is_tend_master;
} as_shm_info;

AS_EXTERN as_partition_table_shm* as_shm_find_partition_table(as_cluster_shm* cluster_shm,
	const char* ns);

static inline as_partition_table_shm* as_shm_get_partition_tables(as_cluster_shm* cluster_shm)
{
	return (as_partition_table_shm*)((char*)cluster_shm + cluster_shm->partition_tables_offset);
}

/* Tables have a run-time size (n_partitions entries), hence the byte stride. */
static inline as_partition_table_shm* as_shm_get_partition_table(as_cluster_shm* cluster_shm,
	as_partition_table_shm* tables, uint32_t index)
{
	return (as_partition_table_shm*)((char*)tables +
		(size_t)cluster_shm->partition_table_byte_size * index);
}

static inline as_partition_table_shm* as_shm_next_partition_table(as_cluster_shm* cluster_shm,
	as_partition_table_shm* table)
{
	return (as_partition_table_shm*)((char*)table + cluster_shm->partition_table_byte_size);
}

#ifdef __cplusplus
}
#endif
