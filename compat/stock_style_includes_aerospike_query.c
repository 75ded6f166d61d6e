/*
 * Written the way a 7.4.0 user writes against <aerospike/aerospike_query.h>
 * alone: the query, index, job and stream types come along, and the
 * predicate macros expand to the argument lists as_query_where takes.
 */
#include <aerospike/aerospike_query.h>

#include <stdarg.h>

int aeroshim_stock_style_aerospike_query(void);

/* Reads the arguments a predicate macro expands to, as as_query_where would. */
static int aeroshim_predicate_args(int expect_min, int64_t min, int64_t max, ...)
{
	va_list ap;
	as_predicate_type type;
	as_index_type itype;
	as_index_datatype dtype;
	int ok = 1;
	va_start(ap, max);
	type = (as_predicate_type)va_arg(ap, int);
	itype = (as_index_type)va_arg(ap, int);
	dtype = (as_index_datatype)va_arg(ap, int);
	if (dtype == AS_INDEX_NUMERIC) {
		ok = va_arg(ap, int64_t) == min;
		if (type == AS_PREDICATE_RANGE) {
			ok = ok && va_arg(ap, int64_t) == max;
		}
	}
	else {
		ok = va_arg(ap, const char*) != NULL;
	}
	va_end(ap);
	return ok ? expect_min + (int)type * 10 + (int)itype * 100 : -1;
}

int aeroshim_stock_style_aerospike_query(void)
{
	as_query query;
	as_job_info info;
	memset(&query, 0, sizeof(query));
	memset(&info, 0, sizeof(info));

	if (aeroshim_predicate_args(0, 5, 0, as_integer_equals(5)) != 0) {
		return __LINE__;
	}
	if (aeroshim_predicate_args(0, -3, 9, as_integer_range(-3, 9)) != 10) {
		return __LINE__;
	}
	if (aeroshim_predicate_args(0, 1, 2, as_range(LIST, NUMERIC, (int64_t)1, (int64_t)2)) != 110) {
		return __LINE__;
	}
	if (aeroshim_predicate_args(0, 0, 0, as_contains(MAPKEYS, STRING, "k")) != 200) {
		return __LINE__;
	}
	if (aeroshim_predicate_args(0, 0, 0, as_geo_within("{}")) != 10) {
		return __LINE__;
	}
	as_query_set_paginate(&query, true);
	if (!query.paginate || as_query_is_done(&query) || info.status != AS_JOB_STATUS_UNDEF) {
		return __LINE__;
	}
	return AS_STREAM_END == NULL && AS_ORDER_DESCENDING == 1 ? 0 : __LINE__;
}
