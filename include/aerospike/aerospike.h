/*
 * aerospike: the client object. aerospike_init() copies the configuration,
 * aerospike_connect() builds the cluster (tending it, or following a
 * shared-memory segment when config.use_shm is set), aerospike_close() tears
 * it down and aerospike_destroy() frees what the object owns.
 */
#pragma once

#include <aerospike/as_error.h>
#include <aerospike/as_config.h>
#include <aerospike/as_log.h>
#include <aerospike/as_status.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_cluster_s;

typedef struct aerospike_s {
	struct as_cluster_s* cluster;
	as_config config;
	as_config* config_orig;
	uint8_t* config_bitmap;
	bool _free;
} aerospike;

AS_EXTERN aerospike* aerospike_init(aerospike* as, as_config* config);
AS_EXTERN aerospike* aerospike_new(as_config* config);
AS_EXTERN void aerospike_init_lua(as_config_lua* config);
AS_EXTERN void aerospike_destroy(aerospike* as);
AS_EXTERN as_status aerospike_connect(aerospike* as, as_error* err);
AS_EXTERN as_status aerospike_close(aerospike* as, as_error* err);
AS_EXTERN bool aerospike_cluster_is_connected(aerospike* as);
AS_EXTERN void aerospike_stop_on_interrupt(bool stop);

/* Removes the records of a set (or of the namespace, set NULL) last updated
 * before before_nanos (nanoseconds since the Unix epoch; 0: now). */
AS_EXTERN as_status aerospike_truncate(aerospike* as, as_error* err, as_policy_info* policy,
	const char* ns, const char* set, uint64_t before_nanos);
AS_EXTERN as_status aerospike_reload_tls_config(aerospike* as, as_error* err);
AS_EXTERN as_status aerospike_set_xdr_filter(aerospike* as, as_error* err, as_policy_info* policy,
	const char* dc, const char* ns, const char* filter_b64);

static inline as_config* aerospike_load_config(aerospike* as)
{
	return &as->config;
}

static inline void as_policy_read_default(aerospike* as, as_policy_read* policy)
{
	as_policy_read_copy(&as->config.policies.read, policy);
}

static inline void as_policy_write_default(aerospike* as, as_policy_write* policy)
{
	as_policy_write_copy(&as->config.policies.write, policy);
}

static inline void as_policy_operate_default(aerospike* as, as_policy_operate* policy)
{
	as_policy_operate_copy(&as->config.policies.operate, policy);
}

static inline void as_policy_apply_default(aerospike* as, as_policy_apply* policy)
{
	as_policy_apply_copy(&as->config.policies.apply, policy);
}

static inline void as_policy_remove_default(aerospike* as, as_policy_remove* policy)
{
	as_policy_remove_copy(&as->config.policies.remove, policy);
}

static inline void as_policy_batch_parent_read_default(aerospike* as, as_policy_batch* policy)
{
	as_policy_batch_copy(&as->config.policies.batch, policy);
}

static inline void as_policy_batch_parent_write_default(aerospike* as, as_policy_batch* policy)
{
	as_policy_batch_copy(&as->config.policies.batch_parent_write, policy);
}

static inline void as_policy_batch_read_default(aerospike* as, as_policy_batch_read* policy)
{
	as_policy_batch* src = &as->config.policies.batch;
	policy->filter_exp = src->base.filter_exp;
	policy->read_mode_ap = src->read_mode_ap;
	policy->read_mode_sc = src->read_mode_sc;
	policy->read_touch_ttl_percent = src->read_touch_ttl_percent;
}

static inline void as_policy_batch_write_default(aerospike* as, as_policy_batch_write* policy)
{
	*policy = as->config.policies.batch_write;
}

static inline void as_policy_batch_apply_default(aerospike* as, as_policy_batch_apply* policy)
{
	*policy = as->config.policies.batch_apply;
}

static inline void as_policy_batch_remove_default(aerospike* as, as_policy_batch_remove* policy)
{
	*policy = as->config.policies.batch_remove;
}

static inline void as_policy_scan_default(aerospike* as, as_policy_scan* policy)
{
	as_policy_scan_copy(&as->config.policies.scan, policy);
}

static inline void as_policy_query_default(aerospike* as, as_policy_query* policy)
{
	as_policy_query_copy(&as->config.policies.query, policy);
}

static inline void as_metrics_policy_default(aerospike* as, as_metrics_policy* policy)
{
	*policy = as->config.policies.metrics;
}

#ifdef __cplusplus
}
#endif
