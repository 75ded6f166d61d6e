/* The expression cases of filter_exp_test_cases.c: the expression built at
 * that source line (NULL: no case there) and the verdict it must get. */
#pragma once

#include <aerospike/as_exp.h>

#ifdef __cplusplus
extern "C" {
#endif

as_exp* filter_case(int line, int* want);

#ifdef __cplusplus
}
#endif
