/*
 * Written the way a 7.4.0 user writes against <aerospike/as_atomic.h> alone:
 * the typed helpers, the lock words and the double/float/bool/pointer forms,
 * on plain, const and volatile targets as 7.4.0's casting macros accept.
 */
#include <aerospike/as_atomic.h>

int aeroshim_stock_style_atomic(void);

int aeroshim_stock_style_atomic(void)
{
	volatile bool flag = false;
	as_store_bool(&flag, true);
	if (!as_load_bool(&flag)) {
		return __LINE__;
	}

	double d = 1.5;
	const double fixed = 2.5;
	if (!as_cas_double(&d, 1.5, 3.0) || as_fas_double(&d, 4.0) != 3.0 ||
		as_load_double(&d) != 4.0 || as_load_double(&fixed) != 2.5) {
		return __LINE__;
	}

	int target = 0;
	void* slot = NULL;
	if (as_fas_ptr(&slot, &target) != NULL || !as_cas_ptr(&slot, &target, NULL) || slot != NULL) {
		return __LINE__;
	}

	uint64_t high = 5;
	if (as_setmax_uint64(&high, 3) || !as_setmax_uint64(&high, 9) || as_load_uint64(&high) != 9) {
		return __LINE__;
	}
	uint32_t count = 1;
	if (as_aaf_uint32_rls(&count, -1) != 0 || as_faa_uint32(&count, 2) != 0 || count != 2) {
		return __LINE__;
	}
	return 0;
}
