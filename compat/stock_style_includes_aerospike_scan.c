/*
 * Written the way a 7.4.0 user writes against <aerospike/aerospike_scan.h>
 * alone: the scan, partition filter, record and policy types come along,
 * and the inline filter and pagination helpers behave as in 7.4.0.
 */
#include <aerospike/aerospike_scan.h>

int aeroshim_stock_style_aerospike_scan(void);

static bool aeroshim_count_record(const as_val* val, void* udata)
{
	(void)val;
	(*(int*)udata)++;
	return true;
}

int aeroshim_stock_style_aerospike_scan(void)
{
	as_scan scan;
	as_partition_filter pf;
	as_digest digest;
	as_policy_scan policy;
	union {
		as_partitions_status status;
		char bytes[sizeof(as_partitions_status) + 2 * sizeof(as_partition_status)];
	} parts;
	aerospike_scan_foreach_callback callback = aeroshim_count_record;
	int seen = 0;

	memset(&scan, 0, sizeof(scan));
	as_policy_scan_init(&policy);
	as_scan_set_paginate(&scan, true);
	if (!scan.paginate || as_scan_is_done(&scan)) {
		return __LINE__;
	}
	as_partition_filter_set_all(&pf);
	if (pf.begin != 0 || pf.count != 4096 || pf.digest.init || pf.parts_all != NULL) {
		return __LINE__;
	}
	as_partition_filter_set_range(&pf, 100, 20);
	if (pf.begin != 100 || pf.count != 20) {
		return __LINE__;
	}
	memset(&digest, 0, sizeof(digest));
	digest.init = true;
	digest.value[0] = 7;
	as_partition_filter_set_after(&pf, &digest);
	if (pf.begin != 0 || pf.count != 1 || !pf.digest.init || pf.digest.value[0] != 7) {
		return __LINE__;
	}
	memset(&parts, 0, sizeof(parts));
	parts.status.ref_count = 1;
	parts.status.part_begin = 10;
	parts.status.part_count = 2;
	as_partition_filter_set_partitions(&pf, &parts.status);
	as_scan_set_partitions(&scan, pf.parts_all);
	if (pf.begin != 10 || pf.count != 2 || parts.status.ref_count != 2) {
		return __LINE__;
	}
	parts.status.done = true;
	if (!as_scan_is_done(&scan)) {
		return __LINE__;
	}
	callback(NULL, &seen);
	return seen == 1 && policy.base.total_timeout == 0 ? 0 : __LINE__;
}
