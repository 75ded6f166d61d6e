/*
 * Written the way a 7.4.0 user writes against <aerospike/as_std.h> alone:
 * it brings <inttypes.h> (PRIu64) and <stdlib.h>.
 */
#include <aerospike/as_std.h>

int aeroshim_stock_style_std(void);

int aeroshim_stock_style_std(void)
{
	const char* format = "%" PRIu64;
	char* copy = (char*)malloc(8);
	int ok = copy != NULL && format[1] != '\0';
	free(copy);
	return ok ? 0 : __LINE__;
}
