/*
 * Includes every public header, so the build proves each one compiles on its
 * own terms as strict C99 (and, through include_all_cxx.cpp, as C++17).
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_info.h>
#include <aerospike/as_address.h>
#include <aerospike/as_arch.h>
#include <aerospike/as_atomic.h>
#include <aerospike/as_atomic_gcc.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_config.h>
#include <aerospike/as_conn_pool.h>
#include <aerospike/as_error.h>
#include <aerospike/as_event.h>
#include <aerospike/as_file.h>
#include <aerospike/as_host.h>
#include <aerospike/as_info.h>
#include <aerospike/as_latency.h>
#include <aerospike/as_listener.h>
#include <aerospike/as_log.h>
#include <aerospike/as_metrics.h>
#include <aerospike/as_node.h>
#include <aerospike/as_partition.h>
#include <aerospike/as_password.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_queue.h>
#include <aerospike/as_queue_mt.h>
#include <aerospike/as_shm_cluster.h>
#include <aerospike/as_socket.h>
#include <aerospike/as_status.h>
#include <aerospike/as_std.h>
#include <aerospike/as_string.h>
#include <aerospike/as_thread_pool.h>
#include <aerospike/as_util.h>
#include <aerospike/as_val.h>
#include <aerospike/as_vector.h>
#include <aerospike/as_version.h>
#include <aerospike/version.h>
#include <citrusleaf/alloc.h>
#include <citrusleaf/cf_byte_order.h>
#include <citrusleaf/cf_clock.h>
#include <citrusleaf/cf_queue.h>

int aeroshim_include_all_marker(void);
int aeroshim_include_all_marker(void)
{
	return 0;
}
