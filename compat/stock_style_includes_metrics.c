/*
 * Written the way a 7.4.0 user writes against <aerospike/as_metrics.h> alone:
 * its listeners take an as_error, which the header brings.
 */
#include <aerospike/as_metrics.h>

int aeroshim_stock_style_metrics(void);

static as_status aeroshim_enable_listener(as_error* err, void* udata)
{
	(void)udata;
	return err->code;
}

int aeroshim_stock_style_metrics(void)
{
	as_error err;
	err.code = AEROSPIKE_OK;
	as_metrics_enable_listener listener = aeroshim_enable_listener;
	return listener(&err, NULL) == AEROSPIKE_OK ? 0 : __LINE__;
}
