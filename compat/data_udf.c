/* Record UDFs from a module registered at run time: the Lua text is a
 * string of this program, put with aerospike_udf_put and waited for; the
 * module is then in aerospike_udf_list and aerospike_udf_get gives its text
 * back. aerospike_key_apply runs a read-only function (result from the
 * record), a writing one (the record changes) and one of the arguments
 * alone; a missing function is a UDF error. Once the module is removed it
 * is gone from the list and applying it fails. */
#include "data_common.h"

#include <aerospike/aerospike_key.h>
#include <aerospike/aerospike_udf.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_udf.h>

#include <stdio.h>
#include <string.h>

#define POLL_MS 20

static const char module_lua[] =
	"function greet(rec)\n"
	"  return 'hello ' .. rec['name']\n"
	"end\n"
	"\n"
	"function add(rec, bin, by)\n"
	"  rec[bin] = rec[bin] + by\n"
	"  aerospike:update(rec)\n"
	"  return rec[bin]\n"
	"end\n"
	"\n"
	"function product(rec, a, b)\n"
	"  return a * b\n"
	"end\n";

static bool listed(basic_ctx* ctx, const char* file)
{
	as_error err;
	as_udf_files files;
	as_udf_files_init(&files, 0);
	basic_expect(ctx, "udf list", aerospike_udf_list(&ctx->as, &err, NULL, &files), AEROSPIKE_OK,
		&err);
	bool found = false;
	for (uint32_t i = 0; i < files.size; i++) {
		if (strcmp(files.entries[i].name, file) == 0) {
			found = true;
		}
	}
	as_udf_files_destroy(&files);
	return found;
}

static void register_module(basic_ctx* ctx, const char* file)
{
	as_error err;
	as_bytes content;
	as_bytes_init_wrap(&content, (uint8_t*)module_lua, (uint32_t)strlen(module_lua), false);
	basic_expect(ctx, "udf put",
		aerospike_udf_put(&ctx->as, &err, NULL, file, AS_UDF_TYPE_LUA, &content), AEROSPIKE_OK,
		&err);
	basic_expect(ctx, "udf put wait", aerospike_udf_put_wait(&ctx->as, &err, NULL, file, POLL_MS),
		AEROSPIKE_OK, &err);
	if (!listed(ctx, file)) {
		basic_fail(ctx, "the module put is not in the udf list", NULL);
	}
	as_udf_file got;
	as_udf_file_init(&got);
	basic_expect(ctx, "udf get",
		aerospike_udf_get(&ctx->as, &err, NULL, file, AS_UDF_TYPE_LUA, &got), AEROSPIKE_OK, &err);
	if (got.content.size != strlen(module_lua) ||
		memcmp(got.content.bytes, module_lua, got.content.size) != 0) {
		basic_fail(ctx, "udf get did not give back the module's text", NULL);
	}
	as_udf_file_destroy(&got);
}

/* Applies function with the arguments; returns the status, *result the value. */
static as_status apply(basic_ctx* ctx, const as_key* key, const char* module, const char* fn,
	as_arraylist* args, as_val** result, as_error* err)
{
	*result = NULL;
	as_status st = aerospike_key_apply(&ctx->as, err, NULL, key, module, fn, (as_list*)args,
		result);
	if (args) {
		as_arraylist_destroy(args);
	}
	return st;
}

static void apply_functions(basic_ctx* ctx, const as_key* key, const char* module)
{
	as_error err;
	as_val* result = NULL;
	basic_expect(ctx, "apply greet", apply(ctx, key, module, "greet", NULL, &result, &err),
		AEROSPIKE_OK, &err);
	as_string* s = as_string_fromval(result);
	if (!s || strcmp(as_string_get(s), "hello world") != 0) {
		basic_fail(ctx, "greet did not answer \"hello world\"", NULL);
	}
	as_val_destroy(result);

	as_arraylist* args = as_arraylist_new(2, 0);
	as_arraylist_append_str(args, "count");
	as_arraylist_append_int64(args, 10);
	basic_expect(ctx, "apply add", apply(ctx, key, module, "add", args, &result, &err),
		AEROSPIKE_OK, &err);
	as_integer* n = as_integer_fromval(result);
	if (!n || as_integer_get(n) != 15) {
		basic_fail(ctx, "add did not answer 15", NULL);
	}
	as_val_destroy(result);
	as_record* rec = NULL;
	basic_expect(ctx, "get after add", aerospike_key_get(&ctx->as, &err, NULL, key, &rec),
		AEROSPIKE_OK, &err);
	basic_expect_int(ctx, rec, "count", 15);
	basic_expect_str(ctx, rec, "name", "world");
	as_record_destroy(rec);

	args = as_arraylist_new(2, 0);
	as_arraylist_append_int64(args, 6);
	as_arraylist_append_int64(args, 7);
	basic_expect(ctx, "apply product", apply(ctx, key, module, "product", args, &result, &err),
		AEROSPIKE_OK, &err);
	n = as_integer_fromval(result);
	if (!n || as_integer_get(n) != 42) {
		basic_fail(ctx, "product did not answer 42", NULL);
	}
	as_val_destroy(result);

	basic_expect(ctx, "apply of a function the module lacks",
		apply(ctx, key, module, "no_such_function", NULL, &result, &err), AEROSPIKE_ERR_UDF,
		&err);
	if (result) {
		as_val_destroy(result);
	}
}

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	data_start(&ctx, "udf", argc, argv);
	as_error err;
	/* Lua module names are identifiers: the pid, not the whole set name. */
	char module[64];
	char file[80];
	snprintf(module, sizeof(module), "data_udf_%s", strrchr(ctx.set, '-') + 1);
	snprintf(file, sizeof(file), "%s.lua", module);
	register_module(&ctx, file);

	as_key key;
	data_key(&ctx, &key, 1);
	as_record rec;
	as_record_inita(&rec, 2);
	as_record_set_str(&rec, "name", "world");
	as_record_set_int64(&rec, "count", 5);
	data_put(&ctx, &key, &rec);
	as_record_destroy(&rec);
	apply_functions(&ctx, &key, module);

	basic_expect(&ctx, "udf remove", aerospike_udf_remove(&ctx.as, &err, NULL, file),
		AEROSPIKE_OK, &err);
	basic_expect(&ctx, "udf remove wait",
		aerospike_udf_remove_wait(&ctx.as, &err, NULL, file, POLL_MS), AEROSPIKE_OK, &err);
	if (listed(&ctx, file)) {
		basic_fail(&ctx, "the removed module is still in the udf list", NULL);
	}
	as_val* result = NULL;
	if (apply(&ctx, &key, module, "greet", NULL, &result, &err) == AEROSPIKE_OK) {
		basic_fail(&ctx, "a function of the removed module still ran", NULL);
	}
	if (result) {
		as_val_destroy(result);
	}
	data_remove(&ctx, &key);
	return basic_finish(&ctx);
}
