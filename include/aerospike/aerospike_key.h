/*
 * Single-record commands: read (all bins, some bins, or only metadata),
 * write, remove, operate and UDF apply, each synchronous and with an
 * event-loop listener. The command layer is not built yet: declared only.
 * bins lists are NULL-terminated unless n_bins is given.
 */
#pragma once

#include <aerospike/aerospike.h>
#include <aerospike/as_listener.h>
#include <aerospike/as_error.h>
#include <aerospike/as_key.h>
#include <aerospike/as_list.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_record.h>
#include <aerospike/as_status.h>
#include <aerospike/as_val.h>

#ifdef __cplusplus
extern "C" {
#endif

AS_EXTERN as_status aerospike_key_get(aerospike* as, as_error* err,
	const as_policy_read* policy, const as_key* key, as_record** rec);
AS_EXTERN as_status aerospike_key_get_async(aerospike* as, as_error* err,
	const as_policy_read* policy, const as_key* key, as_async_record_listener listener,
	void* udata, as_event_loop* event_loop, as_pipe_listener pipe_listener);

AS_EXTERN as_status aerospike_key_select(aerospike* as, as_error* err,
	const as_policy_read* policy, const as_key* key, const char* bins[], as_record** rec);
AS_EXTERN as_status aerospike_key_select_async(aerospike* as, as_error* err,
	const as_policy_read* policy, const as_key* key, const char* bins[],
	as_async_record_listener listener, void* udata, as_event_loop* event_loop,
	as_pipe_listener pipe_listener);
AS_EXTERN as_status aerospike_key_select_bins(aerospike* as, as_error* err,
	const as_policy_read* policy, const as_key* key, const char* bins[], uint32_t n_bins,
	as_record** rec);
AS_EXTERN as_status aerospike_key_select_bins_async(aerospike* as, as_error* err,
	const as_policy_read* policy, const as_key* key, const char* bins[], uint32_t n_bins,
	as_async_record_listener listener, void* udata, as_event_loop* event_loop,
	as_pipe_listener pipe_listener);

/* The record's metadata only (generation, ttl); *rec stays NULL when it does not exist. */
AS_EXTERN as_status aerospike_key_exists(aerospike* as, as_error* err,
	const as_policy_read* policy, const as_key* key, as_record** rec);
AS_EXTERN as_status aerospike_key_exists_async(aerospike* as, as_error* err,
	const as_policy_read* policy, const as_key* key, as_async_record_listener listener,
	void* udata, as_event_loop* event_loop, as_pipe_listener pipe_listener);

AS_EXTERN as_status aerospike_key_put(aerospike* as, as_error* err,
	const as_policy_write* policy, const as_key* key, as_record* rec);
AS_EXTERN as_status aerospike_key_put_async(aerospike* as, as_error* err,
	const as_policy_write* policy, const as_key* key, as_record* rec,
	as_async_write_listener listener, void* udata, as_event_loop* event_loop,
	as_pipe_listener pipe_listener);
/* Also reports the request's size before and after compression. */
AS_EXTERN as_status aerospike_key_put_async_ex(aerospike* as, as_error* err,
	const as_policy_write* policy, const as_key* key, as_record* rec,
	as_async_write_listener listener, void* udata, as_event_loop* event_loop,
	as_pipe_listener pipe_listener, size_t* length, size_t* comp_length);

AS_EXTERN as_status aerospike_key_remove(aerospike* as, as_error* err,
	const as_policy_remove* policy, const as_key* key);
AS_EXTERN as_status aerospike_key_remove_async(aerospike* as, as_error* err,
	const as_policy_remove* policy, const as_key* key, as_async_write_listener listener,
	void* udata, as_event_loop* event_loop, as_pipe_listener pipe_listener);
AS_EXTERN as_status aerospike_key_remove_async_ex(aerospike* as, as_error* err,
	const as_policy_remove* policy, const as_key* key, as_async_write_listener listener,
	void* udata, as_event_loop* event_loop, as_pipe_listener pipe_listener, size_t* length);

AS_EXTERN as_status aerospike_key_operate(aerospike* as, as_error* err,
	const as_policy_operate* policy, const as_key* key, const as_operations* ops,
	as_record** rec);
AS_EXTERN as_status aerospike_key_operate_async(aerospike* as, as_error* err,
	const as_policy_operate* policy, const as_key* key, const as_operations* ops,
	as_async_record_listener listener, void* udata, as_event_loop* event_loop,
	as_pipe_listener pipe_listener);

AS_EXTERN as_status aerospike_key_apply(aerospike* as, as_error* err,
	const as_policy_apply* policy, const as_key* key, const char* module, const char* function,
	as_list* arglist, as_val** result);
AS_EXTERN as_status aerospike_key_apply_async(aerospike* as, as_error* err,
	const as_policy_apply* policy, const as_key* key, const char* module, const char* function,
	as_list* arglist, as_async_value_listener listener, void* udata, as_event_loop* event_loop,
	as_pipe_listener pipe_listener);

#ifdef __cplusplus
}
#endif
