/*
 * Policies: per-command settings with their 7.4.0 defaults. The structs are
 * embedded by value in as_config, so their layouts and the inline init and
 * copy helpers are ABI. Filter expressions and transactions are opaque here.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_metrics.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_exp;
struct as_txn;

#define AS_POLICY_SOCKET_TIMEOUT_DEFAULT 30000
#define AS_POLICY_TOTAL_TIMEOUT_DEFAULT 1000
#define AS_POLICY_TIMEOUT_DELAY_DEFAULT 3000
#define AS_POLICY_COMPRESSION_THRESHOLD_DEFAULT 0
#define AS_POLICY_GEN_DEFAULT AS_POLICY_GEN_IGNORE
#define AS_POLICY_KEY_DEFAULT AS_POLICY_KEY_DIGEST
#define AS_POLICY_EXISTS_DEFAULT AS_POLICY_EXISTS_IGNORE
#define AS_POLICY_REPLICA_DEFAULT AS_POLICY_REPLICA_SEQUENCE
#define AS_POLICY_READ_MODE_AP_DEFAULT AS_POLICY_READ_MODE_AP_ONE
#define AS_POLICY_READ_MODE_SC_DEFAULT AS_POLICY_READ_MODE_SC_SESSION
#define AS_POLICY_COMMIT_LEVEL_DEFAULT AS_POLICY_COMMIT_LEVEL_ALL

typedef enum as_policy_retry_e { AS_POLICY_RETRY_NONE = 0, AS_POLICY_RETRY_ONCE = 1 } as_policy_retry;

typedef enum as_policy_gen_e {
	AS_POLICY_GEN_IGNORE = 0,
	AS_POLICY_GEN_EQ = 1,
	AS_POLICY_GEN_GT = 2
} as_policy_gen;

typedef enum as_policy_key_e { AS_POLICY_KEY_DIGEST = 0, AS_POLICY_KEY_SEND = 1 } as_policy_key;

typedef enum as_policy_exists_e {
	AS_POLICY_EXISTS_IGNORE = 0,
	AS_POLICY_EXISTS_CREATE = 1,
	AS_POLICY_EXISTS_UPDATE = 2,
	AS_POLICY_EXISTS_REPLACE = 3,
	AS_POLICY_EXISTS_CREATE_OR_REPLACE = 4
} as_policy_exists;

typedef enum as_policy_replica_e {
	AS_POLICY_REPLICA_MASTER = 0,
	AS_POLICY_REPLICA_ANY = 1,
	AS_POLICY_REPLICA_SEQUENCE = 2,
	AS_POLICY_REPLICA_PREFER_RACK = 3,
	AS_POLICY_REPLICA_RANDOM = 4
} as_policy_replica;

typedef enum as_policy_read_mode_ap_e {
	AS_POLICY_READ_MODE_AP_ONE = 0,
	AS_POLICY_READ_MODE_AP_ALL = 1
} as_policy_read_mode_ap;

typedef enum as_policy_read_mode_sc_e {
	AS_POLICY_READ_MODE_SC_SESSION = 0,
	AS_POLICY_READ_MODE_SC_LINEARIZE = 1,
	AS_POLICY_READ_MODE_SC_ALLOW_REPLICA = 2,
	AS_POLICY_READ_MODE_SC_ALLOW_UNAVAILABLE = 3
} as_policy_read_mode_sc;

typedef enum as_policy_commit_level_e {
	AS_POLICY_COMMIT_LEVEL_ALL = 0,
	AS_POLICY_COMMIT_LEVEL_MASTER = 1
} as_policy_commit_level;

typedef enum as_query_duration_e {
	AS_QUERY_DURATION_LONG = 0,
	AS_QUERY_DURATION_SHORT = 1,
	AS_QUERY_DURATION_LONG_RELAX_AP = 2
} as_query_duration;

typedef struct as_policy_base_s {
	uint32_t connect_timeout;
	uint32_t socket_timeout;
	uint32_t total_timeout;
	uint32_t timeout_delay;
	uint32_t max_retries;
	uint32_t sleep_between_retries;
	struct as_exp* filter_exp;
	struct as_txn* txn;
	bool compress;
} as_policy_base;

typedef struct as_policy_read_s {
	as_policy_base base;
	as_policy_key key;
	as_policy_replica replica;
	as_policy_read_mode_ap read_mode_ap;
	as_policy_read_mode_sc read_mode_sc;
	int read_touch_ttl_percent;
	bool deserialize;
	bool async_heap_rec;
} as_policy_read;

typedef struct as_policy_write_s {
	as_policy_base base;
	as_policy_key key;
	as_policy_replica replica;
	as_policy_commit_level commit_level;
	as_policy_gen gen;
	as_policy_exists exists;
	uint32_t ttl;
	uint32_t compression_threshold;
	bool durable_delete;
	bool on_locking_only;
} as_policy_write;

typedef struct as_policy_operate_s {
	as_policy_base base;
	as_policy_key key;
	as_policy_replica replica;
	as_policy_read_mode_ap read_mode_ap;
	as_policy_read_mode_sc read_mode_sc;
	as_policy_commit_level commit_level;
	as_policy_gen gen;
	as_policy_exists exists;
	uint32_t ttl;
	int read_touch_ttl_percent;
	bool deserialize;
	bool durable_delete;
	bool on_locking_only;
	bool async_heap_rec;
	bool respond_all_ops;
} as_policy_operate;

typedef struct as_policy_remove_s {
	as_policy_base base;
	as_policy_key key;
	as_policy_replica replica;
	as_policy_commit_level commit_level;
	as_policy_gen gen;
	uint16_t generation;
	bool durable_delete;
} as_policy_remove;

typedef struct as_policy_apply_s {
	as_policy_base base;
	as_policy_key key;
	as_policy_replica replica;
	as_policy_commit_level commit_level;
	uint32_t ttl;
	bool durable_delete;
	bool on_locking_only;
} as_policy_apply;

typedef struct as_policy_batch_s {
	as_policy_base base;
	as_policy_replica replica;
	as_policy_read_mode_ap read_mode_ap;
	as_policy_read_mode_sc read_mode_sc;
	int read_touch_ttl_percent;
	bool concurrent;
	bool allow_inline;
	bool allow_inline_ssd;
	bool respond_all_keys;
	bool send_set_name;
	bool deserialize;
} as_policy_batch;

typedef as_policy_batch as_policy_txn_verify;
typedef as_policy_batch as_policy_txn_roll;

typedef struct as_policy_batch_read_s {
	struct as_exp* filter_exp;
	as_policy_read_mode_ap read_mode_ap;
	as_policy_read_mode_sc read_mode_sc;
	int read_touch_ttl_percent;
} as_policy_batch_read;

typedef struct as_policy_batch_write_s {
	struct as_exp* filter_exp;
	as_policy_key key;
	as_policy_commit_level commit_level;
	as_policy_gen gen;
	as_policy_exists exists;
	uint32_t ttl;
	bool durable_delete;
	bool on_locking_only;
} as_policy_batch_write;

typedef struct as_policy_batch_apply_s {
	struct as_exp* filter_exp;
	as_policy_key key;
	as_policy_commit_level commit_level;
	uint32_t ttl;
	bool durable_delete;
	bool on_locking_only;
} as_policy_batch_apply;

typedef struct as_policy_batch_remove_s {
	struct as_exp* filter_exp;
	as_policy_key key;
	as_policy_commit_level commit_level;
	as_policy_gen gen;
	uint16_t generation;
	bool durable_delete;
} as_policy_batch_remove;

typedef struct as_policy_scan_s {
	as_policy_base base;
	uint64_t max_records;
	uint32_t records_per_second;
	as_policy_replica replica;
	uint32_t ttl;
	bool durable_delete;
} as_policy_scan;

typedef struct as_policy_query_s {
	as_policy_base base;
	uint32_t info_timeout;
	as_policy_replica replica;
	as_query_duration expected_duration;
	bool fail_on_cluster_change;
	bool deserialize;
	bool short_query;
} as_policy_query;

typedef struct as_policy_info_s {
	uint32_t timeout;
	uint32_t timeout_delay;
	bool send_as_is;
	bool check_bounds;
} as_policy_info;

typedef struct as_policy_admin_s {
	uint32_t timeout;
} as_policy_admin;

static inline void as_policy_base_defaults(as_policy_base* p, uint32_t total_timeout,
	uint32_t max_retries)
{
	p->connect_timeout = 0;
	p->socket_timeout = AS_POLICY_SOCKET_TIMEOUT_DEFAULT;
	p->total_timeout = total_timeout;
	p->timeout_delay = AS_POLICY_TIMEOUT_DELAY_DEFAULT;
	p->max_retries = max_retries;
	p->sleep_between_retries = 0;
	p->filter_exp = NULL;
	p->txn = NULL;
	p->compress = false;
}

static inline void as_policy_base_read_init(as_policy_base* p)
{
	as_policy_base_defaults(p, AS_POLICY_TOTAL_TIMEOUT_DEFAULT, 2);
}

static inline void as_policy_base_write_init(as_policy_base* p)
{
	as_policy_base_defaults(p, AS_POLICY_TOTAL_TIMEOUT_DEFAULT, 0);
}

static inline void as_policy_base_query_init(as_policy_base* p)
{
	as_policy_base_defaults(p, 0, 5);
}

static inline as_policy_read* as_policy_read_init(as_policy_read* p)
{
	as_policy_base_read_init(&p->base);
	p->key = AS_POLICY_KEY_DEFAULT;
	p->replica = AS_POLICY_REPLICA_DEFAULT;
	p->read_mode_ap = AS_POLICY_READ_MODE_AP_DEFAULT;
	p->read_mode_sc = AS_POLICY_READ_MODE_SC_DEFAULT;
	p->read_touch_ttl_percent = 0;
	p->deserialize = true;
	p->async_heap_rec = false;
	return p;
}

static inline void as_policy_read_copy(const as_policy_read* src, as_policy_read* trg)
{
	*trg = *src;
}

static inline as_policy_write* as_policy_write_init(as_policy_write* p)
{
	as_policy_base_write_init(&p->base);
	p->key = AS_POLICY_KEY_DEFAULT;
	p->replica = AS_POLICY_REPLICA_DEFAULT;
	p->commit_level = AS_POLICY_COMMIT_LEVEL_DEFAULT;
	p->gen = AS_POLICY_GEN_DEFAULT;
	p->exists = AS_POLICY_EXISTS_DEFAULT;
	p->ttl = 0;
	p->compression_threshold = AS_POLICY_COMPRESSION_THRESHOLD_DEFAULT;
	p->durable_delete = false;
	p->on_locking_only = false;
	return p;
}

static inline void as_policy_write_copy(const as_policy_write* src, as_policy_write* trg)
{
	*trg = *src;
}

static inline as_policy_operate* as_policy_operate_init(as_policy_operate* p)
{
	as_policy_base_write_init(&p->base);
	p->key = AS_POLICY_KEY_DEFAULT;
	p->replica = AS_POLICY_REPLICA_DEFAULT;
	p->read_mode_ap = AS_POLICY_READ_MODE_AP_DEFAULT;
	p->read_mode_sc = AS_POLICY_READ_MODE_SC_DEFAULT;
	p->commit_level = AS_POLICY_COMMIT_LEVEL_DEFAULT;
	p->gen = AS_POLICY_GEN_DEFAULT;
	p->exists = AS_POLICY_EXISTS_DEFAULT;
	p->ttl = 0;
	p->read_touch_ttl_percent = 0;
	p->deserialize = true;
	p->durable_delete = false;
	p->on_locking_only = false;
	p->async_heap_rec = false;
	p->respond_all_ops = false;
	return p;
}

static inline void as_policy_operate_copy(const as_policy_operate* src, as_policy_operate* trg)
{
	*trg = *src;
}

static inline as_policy_remove* as_policy_remove_init(as_policy_remove* p)
{
	as_policy_base_write_init(&p->base);
	p->key = AS_POLICY_KEY_DEFAULT;
	p->replica = AS_POLICY_REPLICA_DEFAULT;
	p->commit_level = AS_POLICY_COMMIT_LEVEL_DEFAULT;
	p->gen = AS_POLICY_GEN_DEFAULT;
	p->generation = 0;
	p->durable_delete = false;
	return p;
}

static inline void as_policy_remove_copy(const as_policy_remove* src, as_policy_remove* trg)
{
	*trg = *src;
}

static inline as_policy_apply* as_policy_apply_init(as_policy_apply* p)
{
	as_policy_base_write_init(&p->base);
	p->key = AS_POLICY_KEY_DEFAULT;
	p->replica = AS_POLICY_REPLICA_DEFAULT;
	p->commit_level = AS_POLICY_COMMIT_LEVEL_DEFAULT;
	p->ttl = 0;
	p->durable_delete = false;
	p->on_locking_only = false;
	return p;
}

static inline void as_policy_apply_copy(const as_policy_apply* src, as_policy_apply* trg)
{
	*trg = *src;
}

static inline as_policy_batch* as_policy_batch_init(as_policy_batch* p)
{
	as_policy_base_read_init(&p->base);
	p->replica = AS_POLICY_REPLICA_DEFAULT;
	p->read_mode_ap = AS_POLICY_READ_MODE_AP_DEFAULT;
	p->read_mode_sc = AS_POLICY_READ_MODE_SC_DEFAULT;
	p->read_touch_ttl_percent = 0;
	p->concurrent = false;
	p->allow_inline = true;
	p->allow_inline_ssd = false;
	p->respond_all_keys = true;
	p->send_set_name = true;
	p->deserialize = true;
	return p;
}

static inline as_policy_batch* as_policy_batch_parent_write_init(as_policy_batch* p)
{
	as_policy_batch_init(p);
	p->base.max_retries = 0;
	return p;
}

static inline void as_policy_batch_copy(const as_policy_batch* src, as_policy_batch* trg)
{
	*trg = *src;
}

static inline as_policy_batch_read* as_policy_batch_read_init(as_policy_batch_read* p)
{
	p->filter_exp = NULL;
	p->read_mode_ap = AS_POLICY_READ_MODE_AP_DEFAULT;
	p->read_mode_sc = AS_POLICY_READ_MODE_SC_DEFAULT;
	p->read_touch_ttl_percent = 0;
	return p;
}

static inline as_policy_batch_write* as_policy_batch_write_init(as_policy_batch_write* p)
{
	p->filter_exp = NULL;
	p->key = AS_POLICY_KEY_DEFAULT;
	p->commit_level = AS_POLICY_COMMIT_LEVEL_DEFAULT;
	p->gen = AS_POLICY_GEN_DEFAULT;
	p->exists = AS_POLICY_EXISTS_DEFAULT;
	p->ttl = 0;
	p->durable_delete = false;
	p->on_locking_only = false;
	return p;
}

static inline as_policy_batch_apply* as_policy_batch_apply_init(as_policy_batch_apply* p)
{
	p->filter_exp = NULL;
	p->key = AS_POLICY_KEY_DEFAULT;
	p->commit_level = AS_POLICY_COMMIT_LEVEL_DEFAULT;
	p->ttl = 0;
	p->durable_delete = false;
	p->on_locking_only = false;
	return p;
}

static inline as_policy_batch_remove* as_policy_batch_remove_init(as_policy_batch_remove* p)
{
	p->filter_exp = NULL;
	p->key = AS_POLICY_KEY_DEFAULT;
	p->commit_level = AS_POLICY_COMMIT_LEVEL_DEFAULT;
	p->gen = AS_POLICY_GEN_DEFAULT;
	p->generation = 0;
	p->durable_delete = false;
	return p;
}

static inline as_policy_scan* as_policy_scan_init(as_policy_scan* p)
{
	as_policy_base_query_init(&p->base);
	p->max_records = 0;
	p->records_per_second = 0;
	p->replica = AS_POLICY_REPLICA_DEFAULT;
	p->ttl = 0;
	p->durable_delete = false;
	return p;
}

static inline void as_policy_scan_copy(const as_policy_scan* src, as_policy_scan* trg)
{
	*trg = *src;
}

static inline as_policy_query* as_policy_query_init(as_policy_query* p)
{
	as_policy_base_query_init(&p->base);
	p->info_timeout = 10000;
	p->replica = AS_POLICY_REPLICA_DEFAULT;
	p->expected_duration = AS_QUERY_DURATION_LONG;
	p->fail_on_cluster_change = false;
	p->deserialize = true;
	p->short_query = false;
	return p;
}

static inline void as_policy_query_copy(const as_policy_query* src, as_policy_query* trg)
{
	*trg = *src;
}

static inline as_policy_info* as_policy_info_init(as_policy_info* p)
{
	p->timeout = AS_POLICY_TOTAL_TIMEOUT_DEFAULT;
	p->timeout_delay = AS_POLICY_TIMEOUT_DELAY_DEFAULT;
	p->send_as_is = true;
	p->check_bounds = true;
	return p;
}

static inline void as_policy_info_copy(const as_policy_info* src, as_policy_info* trg)
{
	*trg = *src;
}

static inline as_policy_admin* as_policy_admin_init(as_policy_admin* p)
{
	p->timeout = AS_POLICY_TOTAL_TIMEOUT_DEFAULT;
	return p;
}

static inline void as_policy_admin_copy(const as_policy_admin* src, as_policy_admin* trg)
{
	*trg = *src;
}

/* Transaction verify/roll batches: shorter socket timeout, longer total, retries with a pause. */
static inline void as_policy_txn_batch_defaults(as_policy_batch* p, as_policy_read_mode_sc mode)
{
	as_policy_batch_init(p);
	p->base.socket_timeout = 3000;
	p->base.total_timeout = 10000;
	p->base.max_retries = 5;
	p->base.sleep_between_retries = 1000;
	p->replica = AS_POLICY_REPLICA_MASTER;
	p->read_mode_sc = mode;
}

static inline as_policy_txn_verify* as_policy_txn_verify_init(as_policy_txn_verify* p)
{
	as_policy_txn_batch_defaults(p, AS_POLICY_READ_MODE_SC_LINEARIZE);
	return p;
}

static inline void as_policy_txn_verify_copy(const as_policy_txn_verify* src, as_policy_txn_verify* trg)
{
	*trg = *src;
}

static inline as_policy_txn_roll* as_policy_txn_roll_init(as_policy_txn_roll* p)
{
	as_policy_txn_batch_defaults(p, AS_POLICY_READ_MODE_SC_SESSION);
	return p;
}

static inline void as_policy_txn_roll_copy(const as_policy_txn_roll* src, as_policy_txn_roll* trg)
{
	*trg = *src;
}

/* Every default policy, embedded by value in as_config.policies. */
typedef struct as_policies_s {
	as_policy_read read;
	as_policy_write write;
	as_policy_operate operate;
	as_policy_remove remove;
	as_policy_apply apply;
	as_policy_batch batch;
	as_policy_batch batch_parent_write;
	as_policy_batch_write batch_write;
	as_policy_batch_apply batch_apply;
	as_policy_batch_remove batch_remove;
	as_policy_scan scan;
	as_policy_query query;
	as_policy_info info;
	as_policy_admin admin;
	as_policy_txn_verify txn_verify;
	as_policy_txn_roll txn_roll;
	as_metrics_policy metrics;
} as_policies;

AS_EXTERN as_policies* as_policies_init(as_policies* p);
AS_EXTERN void as_policies_destroy(as_policies* p);

#ifdef __cplusplus
}
#endif
