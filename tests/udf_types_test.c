/*
 * The as_udf.h types as 7.4.0 builds them: names up to 63 characters (one
 * more and the call is refused with NULL), heap forms freed by their
 * destroy, a call that owns its argument list, a files list whose entries
 * are allocated for its capacity, and the exported wire names of the types.
 * ASan checks that every destroy frees exactly what was allocated.
 */
#include <aerospike/as_arraylist.h>
#include <aerospike/as_udf.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Exported by 7.4.0 without a public declaration. */
extern char* as_udf_type_str[];
as_udf_files* as_udf_files_defaults(as_udf_files* files, bool free, uint32_t capacity);

static void test_call(void** state)
{
	(void)state;
	as_arraylist* args = as_arraylist_new(1, 1);
	as_arraylist_append_int64(args, 5);
	/* The parameters are arrays of the full size (GCC checks reads of them). */
	as_udf_module_name module = "mod";
	as_udf_function_name function = "fn";
	as_udf_call call;
	assert_ptr_equal(as_udf_call_init(&call, module, function, (as_list*)args), &call);
	assert_string_equal(call.module, "mod");
	assert_string_equal(call.function, "fn");
	assert_ptr_equal(call.arglist, (as_list*)args);
	assert_false(call._free);
	as_udf_call_destroy(&call); /* destroys the arguments too */
	assert_null(call.arglist);
	assert_string_equal(call.module, "");

	as_udf_call* heap = as_udf_call_new(NULL, NULL, NULL);
	assert_non_null(heap);
	assert_true(heap->_free);
	assert_string_equal(heap->module, "");
	as_udf_call_destroy(heap);
	as_udf_call_destroy(NULL);
}

static void test_call_name_limits(void** state)
{
	(void)state;
	char longest[AS_UDF_MODULE_MAX_SIZE + 1];
	as_udf_function_name shortest = "f";
	memset(longest, 'm', AS_UDF_MODULE_MAX_LEN);
	longest[AS_UDF_MODULE_MAX_LEN] = '\0';
	as_udf_call call;
	assert_non_null(as_udf_call_init(&call, longest, longest, NULL));
	assert_int_equal(strlen(call.module), AS_UDF_MODULE_MAX_LEN);
	assert_int_equal(strlen(call.function), AS_UDF_FUNCTION_MAX_LEN);
	as_udf_call_destroy(&call);
	longest[AS_UDF_MODULE_MAX_LEN] = 'm';
	longest[AS_UDF_MODULE_MAX_LEN + 1] = '\0';
	assert_null(as_udf_call_init(&call, longest, shortest, NULL));
	assert_null(as_udf_call_init(&call, shortest, longest, NULL));
	assert_null(as_udf_call_new(longest, shortest, NULL));
	assert_null(as_udf_call_init(NULL, shortest, shortest, NULL));
}

static void test_file(void** state)
{
	(void)state;
	as_udf_file file;
	memset(&file, 0x5a, sizeof file);
	assert_ptr_equal(as_udf_file_init(&file), &file);
	assert_string_equal(file.name, "");
	assert_null(file.content.bytes);
	assert_int_equal(file.content.size, 0);
	assert_int_equal(file.content.capacity, 0);
	assert_false(file._free);
	for (int i = 0; i < AS_UDF_FILE_HASH_SIZE; i++) {
		assert_int_equal(file.hash[i], 0);
	}
	/* Content the file owns goes with it. */
	file.content.bytes = malloc(16);
	file.content._free = true;
	file.content.size = file.content.capacity = 16;
	as_udf_file_destroy(&file);
	assert_null(file.content.bytes);
	assert_null(as_udf_file_init(NULL));

	as_udf_file* heap = as_udf_file_new();
	assert_non_null(heap);
	assert_true(heap->_free);
	as_udf_file_destroy(heap);
	as_udf_file_destroy(NULL);
}

static void test_files(void** state)
{
	(void)state;
	as_udf_files files;
	assert_ptr_equal(as_udf_files_init(&files, 3), &files);
	assert_int_equal(files.capacity, 3);
	assert_int_equal(files.size, 0);
	assert_non_null(files.entries);
	assert_false(files._free);
	as_udf_files_destroy(&files);
	assert_null(files.entries);
	assert_int_equal(files.capacity, 0);

	assert_ptr_equal(as_udf_files_init(&files, 0), &files);
	assert_null(files.entries);
	as_udf_files_destroy(&files);
	assert_null(as_udf_files_init(NULL, 1));

	as_udf_files* heap = as_udf_files_new(2);
	assert_non_null(heap);
	assert_true(heap->_free);
	assert_non_null(heap->entries);
	as_udf_files_destroy(heap);

	/* The exported helper takes the free flag as given. */
	as_udf_files* outer = malloc(sizeof(as_udf_files));
	assert_ptr_equal(as_udf_files_defaults(outer, true, 1), outer);
	assert_true(outer->_free);
	as_udf_files_destroy(outer);
}

static void test_type_names(void** state)
{
	(void)state;
	assert_int_equal(AS_UDF_TYPE_LUA, 0);
	assert_string_equal(as_udf_type_str[AS_UDF_TYPE_LUA], "LUA");
	assert_null(as_udf_type_str[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_call),
		cmocka_unit_test(test_call_name_limits),
		cmocka_unit_test(test_file),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_type_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
