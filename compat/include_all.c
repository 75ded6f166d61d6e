/*
 * Includes every public header, so the build proves each one compiles on its
 * own terms as strict C99 (and, through include_all_cxx.cpp, as C++17).
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_info.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_config.h>
#include <aerospike/as_error.h>
#include <aerospike/as_host.h>
#include <aerospike/as_info.h>
#include <aerospike/as_log.h>
#include <aerospike/as_metrics.h>
#include <aerospike/as_node.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_shm_cluster.h>
#include <aerospike/as_status.h>
#include <aerospike/as_std.h>
#include <aerospike/as_vector.h>
#include <aerospike/version.h>

int aeroshim_include_all_marker(void);
int aeroshim_include_all_marker(void)
{
	return 0;
}
