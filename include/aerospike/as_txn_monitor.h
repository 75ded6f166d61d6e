/*
 * The transaction monitor record: a server record (set "<ERO~MRT", keyed by
 * the transaction id) listing the keys a transaction writes, so that a
 * crashed client's transaction can be rolled back. Part of the transaction
 * layer: declared only.
 */
#pragma once

#include <aerospike/aerospike.h>
#include <aerospike/as_async.h>
#include <aerospike/as_key.h>
#include <aerospike/as_txn.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_batch_s;
struct as_batch_records_s;
struct as_event_loop;

AS_EXTERN as_status as_txn_monitor_add_key(aerospike* as, const as_policy_base* cmd_policy,
	const as_key* cmd_key, as_error* err);
AS_EXTERN as_status as_txn_monitor_add_keys_batch(aerospike* as,
	const as_policy_base* cmd_policy, const struct as_batch_s* batch, as_error* err);
AS_EXTERN as_status as_txn_monitor_add_keys_records(aerospike* as,
	const as_policy_base* cmd_policy, struct as_batch_records_s* records, as_error* err);
AS_EXTERN as_status as_txn_monitor_remove(aerospike* as, as_error* err,
	const as_policy_base* base_policy, as_key* key);
AS_EXTERN as_status as_txn_monitor_add_key_async(aerospike* as, as_error* err,
	const as_policy_base* cmd_policy, const as_key* cmd_key, as_async_record_listener listener,
	void* udata, struct as_event_loop* event_loop);
AS_EXTERN as_status as_txn_monitor_add_keys_records_async(aerospike* as, as_error* err,
	as_txn* txn, const as_policy_base* cmd_policy, struct as_batch_records_s* records,
	as_async_record_listener listener, void* udata, as_event_loop* event_loop);
AS_EXTERN as_status as_txn_monitor_remove_async(aerospike* as, as_error* err,
	const as_policy_base* base_policy, as_key* key, as_async_write_listener listener,
	void* udata, as_event_loop* event_loop);

/* The monitor record's key: the transaction's namespace, the monitor set, the id. */
static inline void as_txn_monitor_init_key(as_txn* txn, as_key* key)
{
	as_key_init_int64(key, txn->ns, "<ERO~MRT", (int64_t)txn->id);
}

#ifdef __cplusplus
}
#endif
