/*
 * Metrics policy: embedded by value in as_policies, so its layout and the
 * listener callback types are ABI. aeroshim stores the settings; it does not
 * produce metrics yet.
 */
#pragma once

#include <aerospike/as_error.h>
#include <aerospike/as_vector.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_error_s;
struct as_cluster_s;
struct as_node_s;
struct aerospike_s;

typedef as_status (*as_metrics_enable_listener)(struct as_error_s* err, void* udata);
typedef as_status (*as_metrics_snapshot_listener)(struct as_error_s* err,
	struct as_cluster_s* cluster, void* udata);
typedef as_status (*as_metrics_node_close_listener)(struct as_error_s* err,
	struct as_node_s* node, void* udata);
typedef as_status (*as_metrics_disable_listener)(struct as_error_s* err,
	struct as_cluster_s* cluster, void* udata);

typedef struct as_metrics_listeners_s {
	as_metrics_enable_listener enable_listener;
	as_metrics_snapshot_listener snapshot_listener;
	as_metrics_node_close_listener node_close_listener;
	as_metrics_disable_listener disable_listener;
	void* udata;
} as_metrics_listeners;

typedef struct {
	char* name;
	char* value;
} as_metrics_label;

typedef struct as_metrics_policy_s {
	as_metrics_listeners metrics_listeners;
	as_vector* labels;
	char report_dir[256];
	uint64_t report_size_limit;
	uint32_t interval;
	uint8_t latency_columns;
	uint8_t latency_shift;
	bool enable;
} as_metrics_policy;

AS_EXTERN void as_metrics_policy_init(as_metrics_policy* policy);
AS_EXTERN void as_metrics_policy_destroy(as_metrics_policy* policy);
AS_EXTERN void as_metrics_policy_destroy_labels(as_metrics_policy* policy);
AS_EXTERN void as_metrics_policy_add_label(as_metrics_policy* policy, const char* name,
	const char* value);
AS_EXTERN void as_metrics_policy_copy_labels(as_metrics_policy* policy, as_vector* labels);
AS_EXTERN void as_metrics_policy_set_labels(as_metrics_policy* policy, as_vector* labels);
AS_EXTERN as_vector* as_metrics_labels_copy(as_vector* labels);
AS_EXTERN bool as_metrics_labels_equal(as_vector* labels1, as_vector* labels2);
AS_EXTERN void as_metrics_labels_destroy(as_vector* labels);

static inline void as_metrics_policy_set_report_dir(as_metrics_policy* policy,
	const char* report_dir)
{
	as_strncpy(policy->report_dir, report_dir, sizeof(policy->report_dir));
}

static inline void as_metrics_policy_set_listeners(as_metrics_policy* policy,
	as_metrics_enable_listener enable, as_metrics_disable_listener disable,
	as_metrics_node_close_listener node_close, as_metrics_snapshot_listener snapshot,
	void* udata)
{
	policy->metrics_listeners.enable_listener = enable;
	policy->metrics_listeners.disable_listener = disable;
	policy->metrics_listeners.node_close_listener = node_close;
	policy->metrics_listeners.snapshot_listener = snapshot;
	policy->metrics_listeners.udata = udata;
}

#ifdef __cplusplus
}
#endif
