/*
 * Record UDFs end to end against asim or the real cluster AEROSPIKE_HOSTS
 * names (test_cluster.h): a module registered with
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

#include "test_cluster.h"


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

static test_cluster g_cluster;
static aerospike g_as;
static const char* g_ns;
static char g_set[32];
/* The module, named for this run so that runs sharing a cluster never
 * replace or remove each other's. */
static char g_module[32];
static char g_file_name[40];

static int group_setup(void** state)
{
	(void)state;
	if (!test_cluster_start(&g_cluster, "--nodes 3 --namespace test:2")) {
		return -1;
	}
	g_ns = test_namespace();
	test_unique_name(g_set, sizeof g_set, "apply");
	test_unique_name(g_module, sizeof g_module, "apply_test");
	snprintf(g_file_name, sizeof g_file_name, "%s.lua", g_module);
	if (!test_cluster_connect(&g_cluster, &g_as)) {
		return -1;
	}
	as_error err;
	as_bytes content;
	as_bytes_init_wrap(&content, (uint8_t*)source, (uint32_t)strlen(source), false);
	char path[64];
	snprintf(path, sizeof path, "some/dir/%s", g_file_name);
	if (aerospike_udf_put(&g_as, &err, NULL, path, AS_UDF_TYPE_LUA, &content) != AEROSPIKE_OK ||
		aerospike_udf_put_wait(&g_as, &err, NULL, path, 10) != AEROSPIKE_OK) {
		print_error("udf put: %s\n", err.message);
		return -1;
	}
	return 0;
}

/* test_remove removed the module already unless it failed first: the
 * remove here is for that case, and its answer does not matter. */
static int group_teardown(void** state)
{
	(void)state;
	as_error err;
	aerospike_udf_remove(&g_as, &err, NULL, g_file_name);
	bool dropped = test_cluster_drop_set(&g_as, g_set);
	aerospike_close(&g_as, &err);
	aerospike_destroy(&g_as);
	test_cluster_stop(&g_cluster);
	return dropped ? 0 : -1;
}

static as_status apply(const char* key, const char* function, as_arraylist* args, as_val** result,
	as_error* err)
{
	as_key k;
	as_key_init_str(&k, g_ns, g_set, key);
	as_status st =
		aerospike_key_apply(&g_as, err, NULL, &k, g_module, function, (as_list*)args, result);
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
		if (strcmp(files.entries[i].name, g_file_name) == 0) {
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
	assert_int_equal(aerospike_udf_get(&g_as, &err, NULL, g_file_name, AS_UDF_TYPE_LUA, &file),
		AEROSPIKE_OK);
	assert_string_equal(file.name, g_file_name);
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
	as_key_init_str(&k, g_ns, g_set, "w");
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
	as_key_init_str(&k, g_ns, g_set, "f");
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
	as_key_init_str(&k, g_ns, g_set, "b");
	as_val* result = NULL;
	assert_int_equal(aerospike_key_apply(&g_as, &err, NULL, &k, NULL, "echo", NULL, &result),
		AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "module is NULL"));
	assert_int_equal(aerospike_key_apply(&g_as, &err, NULL, &k, g_module, NULL, NULL, &result),
		AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "function is NULL"));
	assert_int_equal(aerospike_key_apply(&g_as, &err, NULL, NULL, g_module, "echo", NULL, &result),
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
	assert_int_equal(
		aerospike_key_apply(&unconnected, &err, NULL, &k, g_module, "echo", NULL, &result),
		AEROSPIKE_ERR_CLIENT);
	assert_int_equal(aerospike_udf_put_wait(&unconnected, &err, NULL, g_file_name, 1),
		AEROSPIKE_ERR_CLIENT);
	aerospike_destroy(&unconnected);
	assert_null(result);
}

static void test_remove(void** state)
{
	(void)state;
	as_error err;
	assert_int_equal(aerospike_udf_remove(&g_as, &err, NULL, g_file_name), AEROSPIKE_OK);
	assert_int_equal(aerospike_udf_remove_wait(&g_as, &err, NULL, g_file_name, 10), AEROSPIKE_OK);
	as_udf_file file;
	as_udf_file_init(&file);
	assert_int_not_equal(aerospike_udf_get(&g_as, &err, NULL, g_file_name, AS_UDF_TYPE_LUA, &file),
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
