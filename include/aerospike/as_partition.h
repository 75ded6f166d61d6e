/*
 * The private (non-shared-memory) partition map: for each namespace a table
 * of 4096 partitions, each naming up to AS_MAX_REPLICATION_FACTOR nodes.
 * as_cluster embeds the table set by value, so the layouts and the
 * namespace limits are the 7.4.0 ones. The shared-memory counterpart is in
 * as_shm_cluster.h.
 */
#pragma once

#include <aerospike/as_atomic.h>
#include <aerospike/as_std.h>
#include <aerospike/as_status.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Namespaces one cluster map holds. */
#define AS_MAX_NAMESPACES 32
/* Namespaces metrics are kept for. */
#define AS_MAX_METRICS_NAMESPACES 33
#define AS_MAX_NAMESPACE_SIZE 32
#define AS_MAX_REPLICATION_FACTOR 3

struct as_node_s;
struct as_cluster_s;

typedef struct as_partition_s {
	/* Master first, then replicas; NULL where no node owns the copy. */
	struct as_node_s* nodes[AS_MAX_REPLICATION_FACTOR];
	/* Strong-consistency regime; an older regime never replaces a newer one. */
	uint32_t regime;
} as_partition;

typedef struct as_partition_table_s {
	char ns[AS_MAX_NAMESPACE_SIZE];
	uint32_t size;
	uint8_t replica_size;
	bool sc_mode;
	char pad[2];
	as_partition partitions[];
} as_partition_table;

typedef struct as_partition_tables_s {
	as_partition_table* tables[AS_MAX_NAMESPACES];
	uint32_t size;
} as_partition_tables;

/* Where one key's command goes: its namespace, partition and replica count. */
typedef struct as_partition_info_s {
	const char* ns;
	/* as_partition* or as_partition_shm*, depending on the cluster's map. */
	void* partition;
	uint32_t partition_id;
	uint8_t replica_size;
	bool sc_mode;
} as_partition_info;

AS_EXTERN as_partition_table* as_partition_tables_get(as_partition_tables* tables, const char* ns);
AS_EXTERN const char* as_partition_tables_get_ns(struct as_cluster_s* cluster, const char* ns);

/* A digest's partition: its first two bytes, in host order, masked to the
 * partition count (a power of two). */
static inline uint32_t as_partition_getid(const uint8_t* digest, uint32_t n_partitions)
{
	uint16_t first;
	__builtin_memcpy(&first, digest, sizeof(first));
	return first & (n_partitions - 1);
}

#ifdef __cplusplus
}
#endif
