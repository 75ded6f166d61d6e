/*
 * The shared-memory cluster segment, byte-compatible with 7.4.0 so that stock
 * and aeroshim processes can share one System V segment: a header, then
 * nodes_capacity node entries, then partition tables at
 * partition_tables_offset. Cross-process fields are only ever accessed with
 * atomic operations; see src/shm/README.md for the protocol.
 */
#pragma once

#include <aerospike/as_std.h>

#include <sys/socket.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_NODE_NAME_SIZE 20
#define AS_NODE_NAME_MAX_SIZE AS_NODE_NAME_SIZE
#define AS_HOSTNAME_SIZE 256
#define AS_MAX_NAMESPACE_SIZE 32
#define AS_MAX_REPLICATION_FACTOR 3

/* Reader/writer word: bit 31 writer, bit 30 latch, bits 0-29 reader count. */
#define AS_SWLOCK_WRITER_BIT 0x80000000u
#define AS_SWLOCK_LATCH_BIT 0x40000000u
#define AS_SWLOCK_WRITER_MASK (AS_SWLOCK_LATCH_BIT | AS_SWLOCK_WRITER_BIT)
#define AS_SWLOCK_READER_MASK (~AS_SWLOCK_WRITER_MASK)

typedef struct as_swlock_s {
	uint32_t u32;
} as_swlock;

/* 0 free, 1 held. */
typedef struct as_spinlock_s {
	uint32_t u32;
} as_spinlock;

#define AS_SWLOCK_INIT { 0 }
#define AS_SPINLOCK_INIT { 0 }
#define as_swlock_init(_s) (_s)->u32 = 0
#define as_swlock_destroy(_s) ((void)(_s))
#define as_spinlock_init(_s) (_s)->u32 = 0
#define as_spinlock_destroy(_s) ((void)(_s))

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

#ifdef __cplusplus
}
#endif
