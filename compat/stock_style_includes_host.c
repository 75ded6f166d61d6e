/*
 * Written the way a 7.4.0 user writes against <aerospike/as_host.h> alone:
 * it brings the allocator of citrusleaf/alloc.h (named here, not called, so
 * the program links without it).
 */
#include <aerospike/as_host.h>

int aeroshim_stock_style_host(void);

int aeroshim_stock_style_host(void)
{
	cf_rc_hdr header;
	header.count = 1;
	return header.count == 1 && sizeof(&cf_free) == sizeof(void (*)(void*)) ? 0 : __LINE__;
}
