/*
 * Written the way a 7.4.0 user writes against <aerospike/as_shm_cluster.h>
 * alone: that header brings as_node (and its reference counting), as_version,
 * the partition map, the lock words and the segment walkers, so this unit
 * names all of them and includes nothing else.
 */
#include <aerospike/as_shm_cluster.h>

int aeroshim_stock_style_shm_cluster(void);

int aeroshim_stock_style_shm_cluster(void)
{
	as_node node;
	memset(&node, 0, sizeof(node));
	node.ref_count = 1;
	as_node_reserve(&node);
	if (node.ref_count != 2) {
		return __LINE__;
	}
	as_node_release(&node);
	if (node.ref_count != 1) {
		return __LINE__;
	}

	as_version version = { 7, 4, 0, 0 };
	node.version = version;
	if (node.version.minor != 4) {
		return __LINE__;
	}

	as_partition partition;
	memset(&partition, 0, sizeof(partition));
	partition.nodes[0] = &node;
	as_partition_tables tables;
	tables.size = 0;
	if (sizeof(tables.tables) / sizeof(tables.tables[0]) != AS_MAX_NAMESPACES) {
		return __LINE__;
	}

	as_swlock lock = AS_SWLOCK_INIT;
	as_swlock_read_lock(&lock);
	as_swlock_read_unlock(&lock);
	as_swlock_write_lock(&lock);
	as_swlock_write_unlock(&lock);
	as_spinlock spin = AS_SPINLOCK_INIT;
	as_spinlock_lock(&spin);
	as_spinlock_unlock(&spin);
	if (lock.u32 != 0 || spin.u32 != 0) {
		return __LINE__;
	}

	/* A segment header, then two single-partition tables. */
	enum { TABLE_BYTES = sizeof(as_partition_table_shm) + sizeof(as_partition_shm) };
	union {
		uint64_t align;
		char bytes[sizeof(as_cluster_shm) + 2 * TABLE_BYTES];
	} segment;
	memset(&segment, 0, sizeof(segment));
	as_cluster_shm* shm = (as_cluster_shm*)segment.bytes;
	shm->partition_tables_offset = (uint32_t)sizeof(as_cluster_shm);
	shm->partition_table_byte_size = TABLE_BYTES;
	as_partition_table_shm* first = as_shm_get_partition_tables(shm);
	as_partition_table_shm* second = as_shm_get_partition_table(shm, first, 1);
	if (as_shm_next_partition_table(shm, first) != second) {
		return __LINE__;
	}

	cf_queue* dispatch = NULL;
	as_config* config = NULL;
	return dispatch == NULL && config == NULL ? 0 : __LINE__;
}
