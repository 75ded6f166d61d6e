/*
 * Written the way a 7.4.0 user writes against <aerospike/as_udf_context.h>
 * alone: the database object, timer and value types come along, and the
 * inline dispatchers call a hook when it is there and give 7.4.0's
 * defaults (1 for record hooks and log, 2 for set_context, 0 otherwise)
 * when it is not.
 */
#include <aerospike/as_udf_context.h>

#include <string.h>

int aeroshim_stock_style_udf_context(void);

static int aeroshim_rec_exists(const as_aerospike* as, const as_rec* rec)
{
	(void)as;
	return rec == NULL ? 40 : 41;
}

int aeroshim_stock_style_udf_context(void)
{
	as_aerospike_hooks hooks;
	as_aerospike db;
	as_udf_context ctx;
	as_timer timer;
	memset(&hooks, 0, sizeof(hooks));
	memset(&timer, 0, sizeof(timer));
	hooks.rec_exists = aeroshim_rec_exists;
	db.source = NULL;
	db.hooks = &hooks;
	db.is_rcalloc = false;
	ctx.as = &db;
	ctx.timer = &timer;
	if (as_aerospike_rec_exists(ctx.as, NULL) != 40 ||
		as_aerospike_rec_create(ctx.as, NULL) != 1) {
		return __LINE__;
	}
	if (as_aerospike_set_context(ctx.as, NULL, 0) != 2 ||
		as_aerospike_get_config(ctx.as, NULL, "x") != 0) {
		return __LINE__;
	}
	if (as_aerospike_log(NULL, "f", 1, 2, "m") != 1 || as_aerospike_get_current_time(NULL) != 0) {
		return __LINE__;
	}
	return as_timer_source(ctx.timer) == NULL && as_timer_source(NULL) == NULL ? 0 : __LINE__;
}
