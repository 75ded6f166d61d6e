/*
 * Written the way a 7.4.0 user writes against <aerospike/as_random.h>
 * alone: a generator seeded by hand yields the 7.4.0 sequence (printed by a
 * program built against the stock header).
 */
#include <aerospike/as_random.h>

int aeroshim_stock_style_random(void);

int aeroshim_stock_style_random(void)
{
	as_random random;
	random.seed0 = 0x0123456789abcdefULL;
	random.seed1 = 0xfedcba9876543210ULL;
	random.initialized = true;
	if (as_random_next_uint64(&random) != 0x4aaa9e0ca64133f5ULL) {
		return __LINE__;
	}
	if (as_random_next_uint64(&random) != 0x474213cb44d30654ULL) {
		return __LINE__;
	}
	return as_random_next_uint32(&random) == 0x09370761u ? 0 : __LINE__;
}
