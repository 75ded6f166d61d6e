/*
 * Written the way a 7.4.0 user writes against <aerospike/aerospike.h> alone:
 * through as_config.h and as_error.h it brings as_string and the policies.
 */
#include <aerospike/aerospike.h>

int aeroshim_stock_style_aerospike(void);

int aeroshim_stock_style_aerospike(void)
{
	as_string name;
	name.value = NULL;
	as_policies policies;
	policies.info.timeout = 1000;
	return as_string_get(&name) == NULL && policies.info.timeout == 1000 ? 0 : __LINE__;
}
