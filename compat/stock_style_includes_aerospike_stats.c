/*
 * Written the way a 7.4.0 user writes against <aerospike/aerospike_stats.h>
 * alone: the client, node and event-loop types come along, and the inline
 * helpers fill connection counters and event-loop figures.
 */
#include <aerospike/aerospike_stats.h>

int aeroshim_stock_style_aerospike_stats(void);

int aeroshim_stock_style_aerospike_stats(void)
{
	as_conn_stats conns;
	as_event_loop loop;
	as_event_loop_stats loop_stats;
	as_cluster_stats stats;

	memset(&conns, 0xff, sizeof(conns));
	as_conn_stats_init(&conns);
	if (conns.in_pool != 0 || conns.in_use != 0 || conns.opened != 0 || conns.closed != 0 ||
		conns.recovered != 0 || conns.aborted != 0) {
		return __LINE__;
	}
	memset(&loop, 0, sizeof(loop));
	loop.pending = 3;
	aerospike_event_loop_stats(&loop, &loop_stats);
	if (loop_stats.process_size != 3 || loop_stats.queue_size != 0) {
		return __LINE__;
	}
	memset(&stats, 0, sizeof(stats));
	stats.nodes_size = AS_MAX_NAMESPACES;
	return stats.nodes == NULL && stats.nodes_size == 32 ? 0 : __LINE__;
}
