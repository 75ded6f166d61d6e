/*
 * Written the way a 7.4.0 user writes against <aerospike/as_error.h> alone:
 * it brings the string value type (as_string, as_val) with it.
 */
#include <aerospike/as_error.h>

int aeroshim_stock_style_error(void);

int aeroshim_stock_style_error(void)
{
	char text[] = "seed";
	as_string s;
	s._.type = AS_STRING;
	s.value = text;
	as_val* v = as_string_toval(&s);
	if (as_val_type(v) != AS_STRING || as_string_get(as_string_fromval(v)) != text) {
		return __LINE__;
	}
	as_error err;
	err.code = AEROSPIKE_OK;
	return err.code == AEROSPIKE_OK ? 0 : __LINE__;
}
