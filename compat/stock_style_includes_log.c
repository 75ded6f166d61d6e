/*
 * Written the way a 7.4.0 user writes against <aerospike/as_log.h> alone:
 * a log callback forwards its arguments, and the header brings <stdarg.h>.
 */
#include <aerospike/as_log.h>

int aeroshim_stock_style_log(void);

static int aeroshim_count_args(int n, ...)
{
	va_list ap;
	va_start(ap, n);
	int sum = 0;
	for (int i = 0; i < n; i++) {
		sum += va_arg(ap, int);
	}
	va_end(ap);
	return sum;
}

int aeroshim_stock_style_log(void)
{
	return aeroshim_count_args(2, 1, 2) == 3 ? 0 : __LINE__;
}
