/*
 * Written the way a 7.4.0 user writes against <aerospike/as_config.h> alone:
 * it brings as_error, the policies (as_policies is in as_policy.h) and the
 * user/password sizes of as_password.h.
 */
#include <aerospike/as_config.h>

int aeroshim_stock_style_config(void);

int aeroshim_stock_style_config(void)
{
	as_error err;
	err.code = AEROSPIKE_OK;
	as_policies policies;
	policies.read.replica = AS_POLICY_REPLICA_DEFAULT;
	char hash[AS_PASSWORD_HASH_SIZE];
	hash[0] = '\0';
	return err.code == AEROSPIKE_OK && AS_USER_SIZE == 64 && hash[0] == '\0' &&
			policies.read.replica == AS_POLICY_REPLICA_DEFAULT
		? 0
		: __LINE__;
}
