/*
 * as_error_string names every as_status; the inline as_error helpers behave
 * as in 7.4.0 (truncation, in_doubt rule).
 */
#include <aerospike/as_error.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

static const struct {
	as_status code;
	const char* name;
} known[] = {
	{AEROSPIKE_OK, "AEROSPIKE_OK"},
	{AEROSPIKE_ERR_CLIENT, "AEROSPIKE_ERR_CLIENT"},
	{AEROSPIKE_ERR_PARAM, "AEROSPIKE_ERR_PARAM"},
	{AEROSPIKE_ERR_CONNECTION, "AEROSPIKE_ERR_CONNECTION"},
	{AEROSPIKE_METRICS_CONFLICT, "AEROSPIKE_METRICS_CONFLICT"},
	{AEROSPIKE_ERR_RECORD_NOT_FOUND, "AEROSPIKE_ERR_RECORD_NOT_FOUND"},
	{AEROSPIKE_ERR_TIMEOUT, "AEROSPIKE_ERR_TIMEOUT"},
	{AEROSPIKE_ERR_QUERY, "AEROSPIKE_ERR_QUERY"},
	/* 7.4.0 has no entry for these and falls through to the generic name. */
	{AEROSPIKE_ERR_GEO_INVALID_GEOJSON, "AEROSPIKE_ERR_SERVER"},
	{AEROSPIKE_ERR_UDF_NOT_FOUND, "AEROSPIKE_ERR_SERVER"},
	{(as_status)-99, "AEROSPIKE_ERR_CLIENT"},
	{(as_status)9999, "AEROSPIKE_ERR_SERVER"},
};

static void test_names(void** state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		assert_string_equal(as_error_string(known[i].code), known[i].name);
	}
	/* Every code from -20 to 2000 has a non-empty name. */
	for (int code = -20; code <= 2000; code++) {
		const char* name = as_error_string((as_status)code);
		assert_non_null(name);
		assert_true(strncmp(name, "AEROSPIKE_", 10) == 0);
	}
}

static void test_inline_helpers(void** state)
{
	(void)state;
	as_error err;
	as_error_init(&err);
	assert_int_equal(err.code, AEROSPIKE_OK);
	char big[2000];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	as_error_update(&err, AEROSPIKE_ERR_PARAM, "%s", big)
	assert_int_equal(err.code, AEROSPIKE_ERR_PARAM);
	assert_int_equal(strlen(err.message), AS_ERROR_MESSAGE_MAX_LEN - 1);
	as_error_set_message(&err, AEROSPIKE_ERR_TIMEOUT, "late")
	assert_string_equal(err.message, "late");
	as_error_set_in_doubt(&err, false, 1);
	assert_true(err.in_doubt);
	as_error_set_in_doubt(&err, true, 5);
	assert_false(err.in_doubt);
	char small[4];
	assert_true(as_strncpy(small, "abcdef", sizeof(small)));
	assert_string_equal(small, "abc");
	assert_false(as_strncpy(small, "ab", sizeof(small)));
	assert_false(as_strncpy(small, NULL, sizeof(small)));
	assert_string_equal(small, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_inline_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
