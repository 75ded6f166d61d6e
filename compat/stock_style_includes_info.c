/*
 * Written the way a 7.4.0 user writes against <aerospike/as_info.h> alone:
 * it brings aerospike.h, the cluster (as_cluster, as_nodes) and the async
 * info listener type.
 */
#include <aerospike/as_info.h>

int aeroshim_stock_style_info(void);

int aeroshim_stock_style_info(void)
{
	aerospike as;
	as.cluster = NULL;
	as_nodes* nodes = NULL;
	as_async_info_listener listener = NULL;
	return as.cluster == NULL && nodes == NULL && listener == NULL ? 0 : __LINE__;
}
