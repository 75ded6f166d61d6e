/*
 * Record UDFs end to end against asim: a module registered with
 * aerospike_udf_put (listed and fetched back with its SHA-1, as a server
 * lists it), aerospike_key_apply returning each kind of value, writing the
 * record from Lua, and failing the ways a server reports (AEROSPIKE_ERR_UDF
 * with the Lua error's text, *result NULL); bad arguments get a clear
 * AEROSPIKE_ERR_PARAM naming them. compat/key_twin_test.sh compares the
 * same ground, and more, with the stock client.
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/aerospike_udf.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_double.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_record.h>
#include <aerospike/as_string.h>
#include <aerospike/as_udf.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "asim_process.h"
#include "client_probe.h"

#define MODULE "apply_test"
#define FILE_NAME "apply_test.lua"

static const char source[] =
	"function echo(rec, v)\n"
	"  return v\n"
	"end\n"
	"\n"
	"function add(rec, bin, n)\n"
	"  if aerospike:exists(rec) then\n"
	"    rec[bin] = rec[bin] + n\n"
	"    aerospike:update(rec)\n"
	"  else\n"
	"    rec[bin] = n\n"
	"    aerospike:create(rec)\n"
	"  end\n"
	"  return rec[bin]\n"
	"end\n"
	"\n"
	"function fail(rec, msg)\n"
	"  error(msg)\n"
	"end\n";
/* sha1sum of `source`, computed outside this project: udf_get's hash, which
 * the client computes over what it fetched. */
static const char source_sha1[] = "a4f8d895d09166db9d1d5d42a2a43e2dedf21ea4";

static asim_process g_asim;
static aerospike g_as;
static char g_set[32];

static int group_setup(void** state)
{
	(void)state;
	if (!asim_start(&g_asim, "--nodes 3 --namespace test:2")) {
		return -1;
	}
	snprintf(g_set, sizeof g_set, "apply%ld", (long)getpid());
	if (!client_connect_local(&g_as, g_asim.ports[0])) {
		return -1;
	}
	as_error err;
	as_bytes content;
	as_bytes_init_wrap(&content, (uint8_t*)source, (uint32_t)strlen(source), false);
	if (aerospike_udf_put(&g_as, &err, NULL, "some/dir/" FILE_NAME, AS_UDF_TYPE_LUA, &content) !=
			AEROSPIKE_OK ||
		aerospike_udf_put_wait(&g_as, &err, NULL, "some/dir/" FILE_NAME, 10) != AEROSPIKE_OK) {
		print_error("udf put: %s\n", err.message);
		return -1;
	}
	return 0;
}

static int group_teardown(void** state)
{
	(void)state;
	client_close_local(&g_as);
	asim_stop(&g_asim);
	return 0;
}

static as_status apply(const char* key, const char* function, as_arraylist* args, as_val** result,
	as_error* err)
{
	as_key k;
	as_key_init_str(&k, "test", g_set, key);
	as_status st = aerospike_key_apply(&g_as, err, NULL, &k, MODULE, function, (as_list*)args, result);
	as_arraylist_destroy(args);
	return st;
}

static as_arraylist* args1(as_val* v)
{
	as_arraylist* args = as_arraylist_new(1, 1);
	as_arraylist_append(args, v);
	return args;
}

static void test_module_listed_and_fetched(void** state)
{
	(void)state;
	as_error err;
	as_udf_files files;
	as_udf_files_init(&files, 0);
	assert_int_equal(aerospike_udf_list(&g_as, &err, NULL, &files), AEROSPIKE_OK);
	bool listed = false;
	for (uint32_t i = 0; i < files.size; i++) {
		if (strcmp(files.entries[i].name, FILE_NAME) == 0) {
			/* The listed hash is the server's own (not of the content alone):
			 * 40 hex digits. */
			listed = true;
			assert_int_equal(strspn((const char*)files.entries[i].hash, "0123456789abcdef"), 40);
			assert_int_equal(files.entries[i].type, AS_UDF_TYPE_LUA);
		}
	}
	assert_true(listed);
	as_udf_files_destroy(&files);

	as_udf_file file;
	as_udf_file_init(&file);
	assert_int_equal(aerospike_udf_get(&g_as, &err, NULL, FILE_NAME, AS_UDF_TYPE_LUA, &file),
		AEROSPIKE_OK);
	assert_string_equal(file.name, FILE_NAME);
	assert_int_equal(file.content.size, strlen(source));
	assert_memory_equal(file.content.bytes, source, strlen(source));
	assert_string_equal((const char*)file.hash, source_sha1);
	as_udf_file_destroy(&file);
}

static void test_values_come_back(void** state)
{
	(void)state;
	as_error err;
	as_val* result = NULL;
	assert_int_equal(apply("v", "echo", args1((as_val*)as_integer_new(-42)), &result, &err),
		AEROSPIKE_OK);
	assert_int_equal(as_val_type(result), AS_INTEGER);
	assert_int_equal(as_integer_get((as_integer*)result), -42);
	as_val_destroy(result);

	assert_int_equal(apply("v", "echo", args1((as_val*)as_string_new_strdup("text")), &result, &err),
		AEROSPIKE_OK);
	assert_int_equal(as_val_type(result), AS_STRING);
	assert_string_equal(as_string_get((as_string*)result), "text");
	as_val_destroy(result);

	assert_int_equal(apply("v", "echo", args1((as_val*)as_double_new(0.25)), &result, &err),
		AEROSPIKE_OK);
	assert_int_equal(as_val_type(result), AS_DOUBLE);
	assert_true(as_double_get((as_double*)result) == 0.25);
	as_val_destroy(result);

	as_arraylist* list = as_arraylist_new(2, 2);
	as_arraylist_append_int64(list, 1);
	as_arraylist_append_str(list, "two");
	assert_int_equal(apply("v", "echo", args1((as_val*)list), &result, &err), AEROSPIKE_OK);
	assert_int_equal(as_val_type(result), AS_LIST);
	assert_int_equal(as_list_size((as_list*)result), 2);
	assert_int_equal(as_list_get_int64((as_list*)result, 0), 1);
	assert_string_equal(as_list_get_str((as_list*)result, 1), "two");
	as_val_destroy(result);
}

static void test_writes_from_lua(void** state)
{
	(void)state;
	as_error err;
	as_val* result = NULL;
	as_arraylist* args = as_arraylist_new(2, 2);
	as_arraylist_append_str(args, "n");
	as_arraylist_append_int64(args, 5);
	assert_int_equal(apply("w", "add", args, &result, &err), AEROSPIKE_OK);
	assert_int_equal(as_integer_get((as_integer*)result), 5);
	as_val_destroy(result);
	args = as_arraylist_new(2, 2);
	as_arraylist_append_str(args, "n");
	as_arraylist_append_int64(args, 3);
	/* No result wanted: nothing is returned, the write still happens. */
	assert_int_equal(apply("w", "add", args, NULL, &err), AEROSPIKE_OK);

	as_key k;
	as_key_init_str(&k, "test", g_set, "w");
	as_record* rec = NULL;
	assert_int_equal(aerospike_key_get(&g_as, &err, NULL, &k, &rec), AEROSPIKE_OK);
	assert_int_equal(as_record_get_int64(rec, "n", 0), 8);
	assert_int_equal(rec->gen, 2);
	as_record_destroy(rec);
}

static void test_failures(void** state)
{
	(void)state;
	as_error err;
	as_val* result = (as_val*)&err; /* any non-NULL: a failure must clear it */
	assert_int_equal(apply("f", "fail", args1((as_val*)as_string_new_strdup("it broke")), &result,
		&err), AEROSPIKE_ERR_UDF);
	assert_null(result);
	assert_non_null(strstr(err.message, "it broke"));

	result = (as_val*)&err;
	assert_int_equal(apply("f", "no_such_function", as_arraylist_new(0, 0), &result, &err),
		AEROSPIKE_ERR_UDF);
	assert_null(result);

	as_key k;
	as_key_init_str(&k, "test", g_set, "f");
	result = (as_val*)&err;
	assert_int_equal(aerospike_key_apply(&g_as, &err, NULL, &k, "no_such_module", "echo", NULL,
		&result), AEROSPIKE_ERR_UDF);
	assert_null(result);
}

static void test_bad_arguments(void** state)
{
	(void)state;
	as_error err;
	as_key k;
	as_key_init_str(&k, "test", g_set, "b");
	as_val* result = NULL;
	assert_int_equal(aerospike_key_apply(&g_as, &err, NULL, &k, NULL, "echo", NULL, &result),
		AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "module is NULL"));
	assert_int_equal(aerospike_key_apply(&g_as, &err, NULL, &k, MODULE, NULL, NULL, &result),
		AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "function is NULL"));
	assert_int_equal(aerospike_key_apply(&g_as, &err, NULL, NULL, MODULE, "echo", NULL, &result),
		AEROSPIKE_ERR_PARAM);

	as_bytes content;
	as_bytes_init_wrap(&content, (uint8_t*)"x", 1, false);
	assert_int_equal(aerospike_udf_put(&g_as, &err, NULL, "x.lua", (as_udf_type)1, &content),
		AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "Invalid udf type: 1");
	assert_int_equal(aerospike_udf_put(&g_as, &err, NULL, "x.lua", AS_UDF_TYPE_LUA, NULL),
		AEROSPIKE_ERR_PARAM);

	aerospike unconnected;
	as_config config;
	as_config_init(&config);
	aerospike_init(&unconnected, &config);
	assert_int_equal(aerospike_key_apply(&unconnected, &err, NULL, &k, MODULE, "echo", NULL, &result),
		AEROSPIKE_ERR_CLIENT);
	assert_int_equal(aerospike_udf_put_wait(&unconnected, &err, NULL, FILE_NAME, 1),
		AEROSPIKE_ERR_CLIENT);
	aerospike_destroy(&unconnected);
	assert_null(result);
}

static void test_remove(void** state)
{
	(void)state;
	as_error err;
	assert_int_equal(aerospike_udf_remove(&g_as, &err, NULL, FILE_NAME), AEROSPIKE_OK);
	assert_int_equal(aerospike_udf_remove_wait(&g_as, &err, NULL, FILE_NAME, 10), AEROSPIKE_OK);
	as_udf_file file;
	as_udf_file_init(&file);
	assert_int_not_equal(aerospike_udf_get(&g_as, &err, NULL, FILE_NAME, AS_UDF_TYPE_LUA, &file),
		AEROSPIKE_OK);
	assert_null(file.content.bytes);
	as_val* result = NULL;
	assert_int_equal(apply("r", "echo", as_arraylist_new(0, 0), &result, &err), AEROSPIKE_ERR_UDF);
	assert_null(result);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_module_listed_and_fetched),
		cmocka_unit_test(test_values_come_back),
		cmocka_unit_test(test_writes_from_lua),
		cmocka_unit_test(test_failures),
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test(test_remove),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
