/*
 * as_error_string names every as_status; the inline as_error helpers behave
 * as in 7.4.0 (truncation, in_doubt rule); the library's errors carry exact
 * messages and name the source site that produced them in func/file/line,
 * while a success leaves err as as_error_reset does.
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_info.h>
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

/* A client object over a configuration that connect must refuse; the
 * teardown destroys it whatever the test asserted. */
static int client_setup(void** state)
{
	static aerospike as;
	as_config config;
	as_config_init(&config);
	as_config_add_host(&config, "127.0.0.1", 3000);
	aerospike_init(&as, &config);
	*state = &as;
	return 0;
}

static int client_teardown(void** state)
{
	aerospike_destroy(*state);
	return 0;
}

/* An err full of a previous failure, so a test sees what the call wrote. */
static void stale(as_error* err)
{
	as_error_update(err, AEROSPIKE_ERR_TIMEOUT, "stale")
	err->in_doubt = true;
}

static bool ends_with(const char* text, const char* suffix)
{
	size_t n = strlen(text);
	size_t m = strlen(suffix);
	return n >= m && strcmp(text + n - m, suffix) == 0;
}

/* The site must be where the library produced the error, not a helper
 * header: file is a source path ending in file_suffix. */
static void assert_site(const as_error* err, const char* func, const char* file_suffix)
{
	assert_non_null(err->func);
	assert_non_null(err->file);
	if (strcmp(err->func, func) != 0 || !ends_with(err->file, file_suffix)) {
		fail_msg("site %s %s:%u, expected %s in ...%s", err->func, err->file, err->line, func,
				 file_suffix);
	}
	assert_true(err->line > 0);
	assert_false(err->in_doubt);
}

static void test_null_argument_messages(void** state)
{
	aerospike* as = *state;
	as_error err;
	char* res = NULL;

	stale(&err);
	assert_int_equal(aerospike_connect(NULL, &err), AEROSPIKE_ERR_PARAM);
	assert_int_equal(err.code, AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "aerospike_connect: as is NULL");
	assert_site(&err, "aerospike_connect", "src/capi/aerospike.cpp");

	stale(&err);
	assert_int_equal(aerospike_close(NULL, &err), AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "aerospike_close: as is NULL");
	assert_site(&err, "aerospike_close", "src/capi/aerospike.cpp");

	stale(&err);
	assert_int_equal(aerospike_info_host(as, &err, NULL, "127.0.0.1", 3000, NULL, &res),
					 AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "aerospike_info_host: req is NULL");
	assert_site(&err, "aerospike_info_host", "src/capi/aerospike_info.cpp");

	stale(&err);
	assert_int_equal(aerospike_info_any(as, &err, NULL, "build", NULL), AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "aerospike_info_any: res is NULL");

	stale(&err);
	assert_int_equal(aerospike_info_foreach(as, &err, NULL, "build", NULL, NULL),
					 AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "aerospike_info_foreach: callback is NULL");

	/* Without an err the status still comes back. */
	assert_int_equal(aerospike_connect(NULL, NULL), AEROSPIKE_ERR_PARAM);
}

static void test_config_error_names_its_site(void** state)
{
	aerospike* as = *state;
	as_error err;

	((as_host*)as_vector_get(as->config.hosts, 0))->port = 0;
	stale(&err);
	assert_int_equal(aerospike_connect(as, &err), AEROSPIKE_ERR_PARAM);
	assert_int_equal(err.code, AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "as_config.hosts[0] '127.0.0.1': port 0 is invalid");
	assert_site(&err, "check_hosts", "src/config/config_check.cpp");

	((as_host*)as_vector_get(as->config.hosts, 0))->port = 3000;
	as->config.use_shm = true;
	as->config.shm_max_nodes = 0;
	stale(&err);
	assert_int_equal(aerospike_connect(as, &err), AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "as_config.shm_max_nodes = 0 is outside 1..4096");
	assert_site(&err, "check_shm", "src/config/config_check.cpp");
	assert_null(as->cluster);
}

static void test_success_resets_err(void** state)
{
	aerospike* as = *state;
	as_error err;
	stale(&err);
	assert_int_equal(aerospike_close(as, &err), AEROSPIKE_OK);
	assert_int_equal(err.code, AEROSPIKE_OK);
	assert_string_equal(err.message, "");
	assert_null(err.func);
	assert_null(err.file);
	assert_int_equal(err.line, 0);
	assert_false(err.in_doubt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_inline_helpers),
		cmocka_unit_test_setup_teardown(test_null_argument_messages, client_setup, client_teardown),
		cmocka_unit_test_setup_teardown(test_config_error_names_its_site, client_setup,
										client_teardown),
		cmocka_unit_test_setup_teardown(test_success_resets_err, client_setup, client_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
