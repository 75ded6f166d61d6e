/*
 * Multi-record transactions: the transaction id and namespace, and two
 * small hash tables of the keys it read (with the record versions seen)
 * and wrote. The bookkeeping is the transaction layer's: declared only;
 * the accessors and iterator set-up are inline.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_key.h>
#include <aerospike/as_error.h>
#include <aerospike/as_status.h>

#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_TXN_READ_CAPACITY_DEFAULT 128
#define AS_TXN_WRITE_CAPACITY_DEFAULT 128

typedef enum {
	AS_TXN_STATE_OPEN,
	AS_TXN_STATE_VERIFIED,
	AS_TXN_STATE_COMMITTED,
	AS_TXN_STATE_ABORTED
} as_txn_state;

/* One key of a table; rows chain further keys through next. */
typedef struct as_txn_key {
	as_digest_value digest;
	char set[64];
	uint64_t version;
	struct as_txn_key* next;
} as_txn_key;

typedef struct {
	bool used;
	as_txn_key head;
} as_txn_hash_row;

typedef struct {
	pthread_mutex_t lock;
	uint32_t n_eles;
	uint32_t n_rows;
	as_txn_hash_row* table;
} as_txn_hash;

typedef struct as_txn {
	uint64_t id;
	as_namespace ns;
	as_txn_hash reads;
	as_txn_hash writes;
	/* Seconds the server keeps the transaction open; 0 = server default. */
	uint32_t timeout;
	/* Server deadline once the monitor record exists; 0 before. */
	uint32_t deadline;
	as_txn_state state;
	bool write_in_doubt;
	bool in_doubt;
	/* as_txn_destroy frees the struct itself. */
	bool free;
} as_txn;

typedef struct {
	as_txn_hash* khash;
	as_txn_hash_row* row;
	as_txn_key* ele;
	uint32_t idx;
} as_txn_iter;

AS_EXTERN void as_txn_init(as_txn* txn);
AS_EXTERN void as_txn_init_capacity(as_txn* txn, uint32_t reads_capacity,
	uint32_t writes_capacity);
AS_EXTERN as_txn* as_txn_create(void);
AS_EXTERN as_txn* as_txn_create_capacity(uint32_t reads_capacity, uint32_t writes_capacity);
AS_EXTERN void as_txn_destroy(as_txn* txn);
AS_EXTERN void as_txn_on_read(as_txn* txn, const uint8_t* digest, const char* set,
	uint64_t version);
AS_EXTERN uint64_t as_txn_get_read_version(as_txn* txn, const uint8_t* digest);
AS_EXTERN void as_txn_on_write(as_txn* txn, const uint8_t* digest, const char* set,
	uint64_t version, int rc);
AS_EXTERN void as_txn_on_write_in_doubt(as_txn* txn, const uint8_t* digest, const char* set);
AS_EXTERN bool as_txn_writes_contain(as_txn* txn, const as_key* key);
AS_EXTERN as_status as_txn_verify_command(as_txn* txn, as_error* err);
AS_EXTERN as_status as_txn_set_ns(as_txn* txn, const char* ns, as_error* err);
AS_EXTERN void as_txn_clear(as_txn* txn);
/* The next key, or NULL when the table is exhausted. */
AS_EXTERN as_txn_key* as_txn_iter_next(as_txn_iter* iter);

static inline void as_txn_set_timeout(as_txn* txn, uint32_t timeout)
{
	txn->timeout = timeout;
}

static inline uint32_t as_txn_reads_size(as_txn* txn)
{
	return txn->reads.n_eles;
}

static inline uint32_t as_txn_writes_size(as_txn* txn)
{
	return txn->writes.n_eles;
}

/* The monitor record exists and no write is in doubt, so it can be removed. */
static inline bool as_txn_close_monitor(as_txn* txn)
{
	return txn->deadline != 0 && !txn->write_in_doubt;
}

static inline bool as_txn_monitor_exists(as_txn* txn)
{
	return txn->deadline != 0;
}

static inline void as_txn_iter_table_(as_txn_iter* iter, as_txn_hash* table)
{
	iter->khash = table;
	iter->row = table->table;
	iter->ele = NULL;
	iter->idx = 0;
}

static inline void as_txn_iter_reads(as_txn_iter* iter, as_txn* txn)
{
	as_txn_iter_table_(iter, &txn->reads);
}

static inline void as_txn_iter_writes(as_txn_iter* iter, as_txn* txn)
{
	as_txn_iter_table_(iter, &txn->writes);
}

#ifdef __cplusplus
}
#endif
