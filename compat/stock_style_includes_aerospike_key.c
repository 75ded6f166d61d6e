/*
 * Written the way a 7.4.0 user writes against <aerospike/aerospike_key.h>
 * alone: the client, key, record, operations, list, policy and listener
 * types come along, enough to prepare every single-record command.
 */
#include <aerospike/aerospike_key.h>

int aeroshim_stock_style_aerospike_key(void);

static void aeroshim_record_done(as_error* err, as_record* record, void* udata,
	as_event_loop* event_loop)
{
	(void)err;
	(void)event_loop;
	*(as_record**)udata = record;
}

int aeroshim_stock_style_aerospike_key(void)
{
	as_policy_read read_policy;
	as_policy_write write_policy;
	as_async_record_listener listener = aeroshim_record_done;
	as_async_write_listener write_listener = NULL;
	as_pipe_listener pipe_listener = NULL;
	as_operations* ops = NULL;
	as_list* args = NULL;
	as_val* result = NULL;
	as_record* seen = NULL;
	as_key_value* value = NULL;

	as_policy_read_init(&read_policy);
	as_policy_write_init(&write_policy);
	listener(NULL, (as_record*)&read_policy, &seen, NULL);
	if (seen != (as_record*)&read_policy) {
		return __LINE__;
	}
	if (write_listener != NULL || pipe_listener != NULL || ops != NULL || args != NULL) {
		return __LINE__;
	}
	return result == NULL && value == NULL && AS_RECORD_NO_EXPIRE_TTL == 0xFFFFFFFF ? 0 : __LINE__;
}
