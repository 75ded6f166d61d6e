/*
 * The record-UDF part of the key script: module management through info
 * (put, wait, list, get, remove) and aerospike_key_apply with every argument
 * and result type, record writes from Lua, and the failures a UDF can give.
 * One line per command, as in key_script.c. The module is registered and
 * removed by each run, so runs one after another see the same cluster.
 */
#include "key_script.h"

#include <aerospike/aerospike_info.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/aerospike_udf.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_boolean.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_orderedmap.h>
#include <aerospike/as_string.h>
#include <aerospike/as_stringmap.h>
#include <aerospike/as_udf.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MODULE "twin_udf"
#define MODULE_FILE "twin_udf.lua"
#define BROKEN_FILE "twin_broken.lua"

static const char module_source[] =
	"function echo(rec, value)\n"
	"  return value\n"
	"end\n"
	"\n"
	"function count_args(rec, a, b, c)\n"
	"  local n = 0\n"
	"  if a ~= nil then n = n + 1 end\n"
	"  if b ~= nil then n = n + 1 end\n"
	"  if c ~= nil then n = n + 1 end\n"
	"  return n\n"
	"end\n"
	"\n"
	"function add(rec, bin, amount)\n"
	"  if aerospike:exists(rec) then\n"
	"    rec[bin] = (rec[bin] or 0) + amount\n"
	"    aerospike:update(rec)\n"
	"  else\n"
	"    rec[bin] = amount\n"
	"    aerospike:create(rec)\n"
	"  end\n"
	"  return rec[bin]\n"
	"end\n"
	"\n"
	"function read_bin(rec, bin)\n"
	"  return rec[bin]\n"
	"end\n"
	"\n"
	"function drop_bin(rec, bin)\n"
	"  rec[bin] = nil\n"
	"  aerospike:update(rec)\n"
	"  return record.numbins(rec)\n"
	"end\n"
	"\n"
	"function meta(rec)\n"
	"  if not aerospike:exists(rec) then return 'missing' end\n"
	"  return record.gen(rec)\n"
	"end\n"
	"\n"
	"function make_list(rec)\n"
	"  local l = list()\n"
	"  list.append(l, 1)\n"
	"  list.append(l, 'two')\n"
	"  list.append(l, 3.5)\n"
	"  return l\n"
	"end\n"
	"\n"
	"function make_map(rec)\n"
	"  local m = map()\n"
	"  m['k'] = 'v'\n"
	"  return m\n"
	"end\n"
	"\n"
	"function list_size(rec, l)\n"
	"  return list.size(l)\n"
	"end\n"
	"\n"
	"function nothing(rec)\n"
	"end\n"
	"\n"
	"function truth(rec)\n"
	"  return true\n"
	"end\n"
	"\n"
	"function fail(rec, message)\n"
	"  error(message)\n"
	"end\n"
	"\n"
	"function delete(rec)\n"
	"  return aerospike:remove(rec)\n"
	"end\n";

static const char broken_source[] = "function broken(rec)\n  return (\nend\n";

static void report_status(const char* name, as_status st, const as_error* err)
{
	report(name, st, err, NULL, -1);
}

/* Applies MODULE.function to key `key` and prints the result after the line. */
static void apply(const char* name, const char* key, const char* module, const char* function,
	as_arraylist* args)
{
	as_key k;
	as_error err;
	as_val* result = NULL;
	as_status st = aerospike_key_apply(&g_as, &err, NULL, skey(&k, key), module, function,
		(as_list*)args, &result);
	report(name, st, &err, NULL, -1);
	printf("    result=");
	print_val(result);
	putchar('\n');
	as_val_destroy(result);
	if (args) {
		as_arraylist_destroy(args);
	}
}

static as_arraylist* one_arg(as_val* value)
{
	as_arraylist* args = as_arraylist_new(1, 1);
	as_arraylist_append(args, value);
	return args;
}

/* `path` may name a directory: the module is registered under its base
 * name, which is what the wait (like stock's) must be given. */
static void put_module(const char* name, const char* path, const char* file, const char* source)
{
	as_bytes content;
	as_bytes_init_wrap(&content, (uint8_t*)source, (uint32_t)strlen(source), false);
	as_error err;
	as_status st = aerospike_udf_put(&g_as, &err, NULL, path, AS_UDF_TYPE_LUA, &content);
	report_status(name, st, &err);
	if (st == AEROSPIKE_OK) {
		st = aerospike_udf_put_wait(&g_as, &err, NULL, file, 10);
		report_status("udf_put_wait", st, &err);
	}
}

static void list_modules(void)
{
	as_udf_files files;
	as_udf_files_init(&files, 0);
	as_error err;
	as_status st = aerospike_udf_list(&g_as, &err, NULL, &files);
	report_status("udf_list", st, &err);
	for (uint32_t i = 0; i < files.size; i++) {
		printf("    file=%s hash=%s type=%d\n", files.entries[i].name, (const char*)files.entries[i].hash,
			(int)files.entries[i].type);
	}
	as_udf_files_destroy(&files);
}

static void get_module(const char* name, const char* file)
{
	as_udf_file got;
	as_udf_file_init(&got);
	as_error err;
	as_status st = aerospike_udf_get(&g_as, &err, NULL, file, AS_UDF_TYPE_LUA, &got);
	report_status(name, st, &err);
	if (st == AEROSPIKE_OK) {
		printf("    name=%s size=%u same=%d hash=%s\n", got.name, got.content.size,
			got.content.size == strlen(module_source) &&
				memcmp(got.content.bytes, module_source, got.content.size) == 0,
			(const char*)got.hash);
	}
	as_udf_file_destroy(&got);
}

static void apply_values(void)
{
	apply("apply_echo_int", "udf-a", MODULE, "echo", one_arg((as_val*)as_integer_new(42)));
	apply("apply_echo_neg", "udf-a", MODULE, "echo", one_arg((as_val*)as_integer_new(-7)));
	apply("apply_echo_double", "udf-a", MODULE, "echo", one_arg((as_val*)as_double_new(2.5)));
	apply("apply_echo_str", "udf-a", MODULE, "echo", one_arg((as_val*)as_string_new_strdup("hi")));
	apply("apply_echo_bool", "udf-a", MODULE, "echo", one_arg((as_val*)as_boolean_new(true)));
	uint8_t raw[] = { 1, 2, 3 };
	apply("apply_echo_bytes", "udf-a", MODULE, "echo",
		one_arg((as_val*)as_bytes_new_wrap(raw, sizeof(raw), false)));
	as_arraylist* inner = as_arraylist_new(2, 2);
	as_arraylist_append_int64(inner, 1);
	as_arraylist_append_str(inner, "x");
	apply("apply_echo_list", "udf-a", MODULE, "echo", one_arg((as_val*)inner));
	as_orderedmap* map = as_orderedmap_new(1);
	as_stringmap_set_int64((as_map*)map, "a", 1);
	apply("apply_echo_map", "udf-a", MODULE, "echo", one_arg((as_val*)map));
	apply("apply_echo_none", "udf-a", MODULE, "echo", as_arraylist_new(0, 0));
	as_arraylist* three = as_arraylist_new(3, 3);
	as_arraylist_append_int64(three, 1);
	as_arraylist_append_str(three, "b");
	as_arraylist_append_double(three, 3.0);
	apply("apply_count_3", "udf-a", MODULE, "count_args", three);
	as_arraylist* sized = as_arraylist_new(3, 3);
	as_arraylist_append_int64(sized, 1);
	as_arraylist_append_int64(sized, 2);
	apply("apply_list_size", "udf-a", MODULE, "list_size", one_arg((as_val*)sized));
	apply("apply_make_list", "udf-a", MODULE, "make_list", as_arraylist_new(0, 0));
	apply("apply_make_map", "udf-a", MODULE, "make_map", as_arraylist_new(0, 0));
	apply("apply_nothing", "udf-a", MODULE, "nothing", as_arraylist_new(0, 0));
	apply("apply_truth", "udf-a", MODULE, "truth", as_arraylist_new(0, 0));
	apply("apply_null_args", "udf-a", MODULE, "count_args", NULL);
}

static as_arraylist* bin_and_amount(const char* bin, int64_t amount)
{
	as_arraylist* args = as_arraylist_new(2, 2);
	as_arraylist_append_str(args, bin);
	as_arraylist_append_int64(args, amount);
	return args;
}

static void apply_writes(void)
{
	as_key k;
	apply("apply_meta_missing", "udf-w", MODULE, "meta", as_arraylist_new(0, 0));
	apply("apply_add_create", "udf-w", MODULE, "add", bin_and_amount("n", 5));
	apply("apply_add_update", "udf-w", MODULE, "add", bin_and_amount("n", 3));
	apply("apply_add_other_bin", "udf-w", MODULE, "add", bin_and_amount("m", 1));
	do_get("get_after_udf_writes", NULL, skey(&k, "udf-w"));
	apply("apply_meta", "udf-w", MODULE, "meta", as_arraylist_new(0, 0));
	as_arraylist* bin = as_arraylist_new(1, 1);
	as_arraylist_append_str(bin, "n");
	apply("apply_read_bin", "udf-w", MODULE, "read_bin", bin);
	bin = as_arraylist_new(1, 1);
	as_arraylist_append_str(bin, "m");
	apply("apply_drop_bin", "udf-w", MODULE, "drop_bin", bin);
	do_get("get_after_drop_bin", NULL, skey(&k, "udf-w"));

	/* No result pointer: the command still runs. */
	as_error err;
	as_arraylist* args = bin_and_amount("n", 10);
	as_status st = aerospike_key_apply(&g_as, &err, NULL, skey(&k, "udf-w"), MODULE, "add",
		(as_list*)args, NULL);
	report_status("apply_no_result_pointer", st, &err);
	as_arraylist_destroy(args);
	do_get("get_after_no_result_pointer", NULL, skey(&k, "udf-w"));

	/* A policy: the key sent along and stored. */
	as_policy_apply policy;
	as_policy_apply_init(&policy);
	policy.key = AS_POLICY_KEY_SEND;
	args = bin_and_amount("s", 1);
	as_val* result = NULL;
	st = aerospike_key_apply(&g_as, &err, &policy, skey(&k, "udf-k"), MODULE, "add", (as_list*)args,
		&result);
	report_status("apply_send_key", st, &err);
	as_val_destroy(result);
	as_arraylist_destroy(args);
	do_get("get_after_send_key", NULL, skey(&k, "udf-k"));

	apply("apply_delete", "udf-w", MODULE, "delete", as_arraylist_new(0, 0));
	do_get("get_after_delete", NULL, skey(&k, "udf-w"));
	apply("apply_delete_k", "udf-k", MODULE, "delete", as_arraylist_new(0, 0));
}

static void apply_failures(void)
{
	apply("apply_error", "udf-f", MODULE, "fail",
		one_arg((as_val*)as_string_new_strdup("it broke")));
	apply("apply_unknown_function", "udf-f", MODULE, "no_such_function", as_arraylist_new(0, 0));
	apply("apply_unknown_module", "udf-f", "no_such_module", "echo", as_arraylist_new(0, 0));
	as_key bad;
	as_key_init_str(&bad, "nosuchns", g_set, "x");
	as_error err;
	as_val* result = NULL;
	as_status st = aerospike_key_apply(&g_as, &err, NULL, &bad, MODULE, "echo", NULL, &result);
	report_status("apply_unknown_namespace", st, &err);
	as_val_destroy(result);
}

static void module_failures(void)
{
	put_module("udf_put_broken", BROKEN_FILE, BROKEN_FILE, broken_source);
	as_bytes content;
	as_bytes_init_wrap(&content, (uint8_t*)"x", 1, false);
	as_error err;
	as_status st = aerospike_udf_put(&g_as, &err, NULL, "bad_type.lua", (as_udf_type)1, &content);
	report_status("udf_put_bad_type", st, &err);
	get_module("udf_get_missing", "no_such_file.lua");
	st = aerospike_udf_remove(&g_as, &err, NULL, "no_such_file.lua");
	report_status("udf_remove_missing", st, &err);
	char* res = NULL;
	st = aerospike_info_any(&g_as, &err, NULL, "no-such-command", &res);
	report_status("info_unknown_command", st, &err);
	free(res);
}

void script_udf(void)
{
	put_module("udf_put", "some/dir/" MODULE_FILE, MODULE_FILE, module_source);
	list_modules();
	get_module("udf_get", MODULE_FILE);
	apply_values();
	apply_writes();
	apply_failures();
	module_failures();
	as_error err;
	/* A server refuses the broken module; should one have kept it, it goes
	 * too, so the next run starts from the same cluster. */
	as_status st = aerospike_udf_remove(&g_as, &err, NULL, BROKEN_FILE);
	report_status("udf_remove_broken", st, &err);
	st = aerospike_udf_remove(&g_as, &err, NULL, MODULE_FILE);
	report_status("udf_remove", st, &err);
	if (st == AEROSPIKE_OK) {
		st = aerospike_udf_remove_wait(&g_as, &err, NULL, MODULE_FILE, 10);
		report_status("udf_remove_wait", st, &err);
	}
	list_modules();
}
