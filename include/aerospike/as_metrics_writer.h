/*
 * The built-in metrics listeners that write cluster snapshots to files in a
 * report directory (what as_metrics_policy_set_listeners defaults to). The
 * writer itself is the metrics layer's: declared only. Windows-only fields
 * of 7.4.0's struct are absent, as on every other platform.
 */
#pragma once

#include <aerospike/as_cluster.h>
#include <aerospike/as_error.h>
#include <aerospike/as_metrics.h>
#include <aerospike/as_status.h>

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_cluster_s;
struct as_node_s;

typedef struct as_metrics_writer_s {
	char report_dir[256];
	FILE* file;
	as_vector* labels;
	/* Bytes after which a new file is started; 0 = no limit. */
	uint64_t max_size;
	uint64_t size;
	uint8_t latency_columns;
	uint8_t latency_shift;
	bool enable;
} as_metrics_writer;

AS_EXTERN as_status as_metrics_writer_create(as_error* err, const as_metrics_policy* policy,
	as_metrics_listeners* listeners);
AS_EXTERN as_status as_metrics_writer_enable(as_error* err, void* udata);
AS_EXTERN as_status as_metrics_writer_snapshot(as_error* err, as_cluster* cluster, void* udata);
AS_EXTERN as_status as_metrics_writer_node_close(as_error* err, struct as_node_s* node,
	void* udata);
AS_EXTERN as_status as_metrics_writer_disable(as_error* err, struct as_cluster_s* cluster,
	void* udata);

#ifdef __cplusplus
}
#endif
