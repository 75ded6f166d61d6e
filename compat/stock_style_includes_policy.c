/*
 * Written the way a 7.4.0 user writes against <aerospike/as_policy.h> alone:
 * as_policies is defined there, with the metrics policy it embeds.
 */
#include <aerospike/as_policy.h>

int aeroshim_stock_style_policy(void);

int aeroshim_stock_style_policy(void)
{
	as_policies policies;
	as_metrics_policy* metrics = &policies.metrics;
	return (void*)metrics != (void*)&policies ? 0 : __LINE__;
}
