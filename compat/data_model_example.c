/*
 * The data model the way the stock examples' shared helper and user programs
 * touch it: records and operations built on the stack with the header macros,
 * lists and maps read and written through the header-inline functions (which
 * dispatch through the hook tables the library exports), keys and their
 * digests, an expression built by macros, everything released at the end so
 * that AddressSanitizer (the sanitizer pass links this with it) sees no leak.
 *
 * No cluster is needed. It prints what each call returned, one line each,
 * and "data model: ok" last; compat/stock_twin_test.sh runs the same object
 * linked against the stock 7.4.0 library and against ours and compares the
 * two outputs line for line. CHECK stops only where going on would crash.
 */
#include <aerospike/as_arraylist.h>
#include <aerospike/as_exp.h>
#include <aerospike/as_hashmap.h>
#include <aerospike/as_key.h>
#include <aerospike/as_list_operations.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_record.h>
#include <aerospike/as_record_iterator.h>
#include <aerospike/as_stringmap.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond)                                                 \
	do {                                                            \
		if (!(cond)) {                                              \
			printf("FAIL line %d: %s\n", __LINE__, #cond);          \
			exit(1);                                                \
		}                                                           \
	} while (0)

static void lists(void)
{
	as_arraylist list;
	as_arraylist_inita(&list, 4);
	as_list* l = (as_list*)&list;
	/* One past the stack capacity: what a list the macro made does when full. */
	for (int64_t i = 0; i < 5; i++) {
		printf("append %d: %d\n", (int)i, as_list_append_int64(l, i * 10));
	}
	as_list_set_str(l, 3, "three");
	printf("size: %u\n", as_list_size(l));
	printf("get 1: %d\n", (int)as_list_get_int64(l, 1));
	printf("get 3: %s\n", as_list_get_str(l, 3));
	printf("get 99: %d\n", (int)as_list_get_int64(l, 99));
	printf("get 3 as int: %d\n", (int)as_list_get_int64(l, 3));

	char* text = as_val_tostring(l);
	printf("list: %s\n", text);
	free(text);
	as_arraylist_destroy(&list);
}

static void maps(void)
{
	as_hashmap map;
	as_hashmap_init(&map, 8);
	as_map* m = (as_map*)&map;
	printf("set b: %d\n", as_stringmap_set_int64(m, "b", 2));
	printf("set a: %d\n", as_stringmap_set_int64(m, "a", 1));
	printf("set c: %d\n", as_stringmap_set_str(m, "c", "three"));
	printf("set b again: %d\n", as_stringmap_set_int64(m, "b", 20));
	printf("size: %u\n", as_map_size(m));
	printf("get a: %d\n", (int)as_stringmap_get_int64(m, "a"));
	printf("get c: %s\n", as_stringmap_get_str(m, "c"));
	printf("get z: %d\n", (int)as_stringmap_get_int64(m, "z"));

	/* as_hashmap is 7.4.0's alias of the key-ordered map. */
	char* text = as_val_tostring(m);
	printf("map: %s\n", text);
	free(text);
	as_hashmap_destroy(&map);
}

static void records(void)
{
	as_record rec;
	as_record_inita(&rec, 4);
	printf("set count: %d\n", as_record_set_int64(&rec, "count", 42));
	printf("set name: %d\n", as_record_set_str(&rec, "name", "aeroshim"));
	as_arraylist* tags = as_arraylist_new(2, 2);
	as_list_append_str((as_list*)tags, "x");
	printf("set tags: %d\n", as_record_set_list(&rec, "tags", (as_list*)tags));
	printf("set long name: %d\n", as_record_set_int64(&rec, "a_bin_name_too_long", 1));
	printf("set count again: %d\n", as_record_set_int64(&rec, "count", 43));
	printf("numbins: %u\n", as_record_numbins(&rec));
	printf("get count: %d\n", (int)as_record_get_int64(&rec, "count", -1));
	printf("get absent: %d\n", (int)as_record_get_int64(&rec, "absent", -1));
	printf("get name: %s\n", as_record_get_str(&rec, "name"));

	as_record_iterator it;
	as_record_iterator_init(&it, &rec);
	int seen = 0;
	while (as_record_iterator_has_next(&it)) {
		as_bin* bin = as_record_iterator_next(&it);
		printf("bin %s type %d\n", as_bin_get_name(bin), (int)as_bin_get_type(bin));
		seen++;
	}
	as_record_iterator_destroy(&it);
	printf("bins seen: %d\n", seen);
	char* text = as_val_tostring(&rec);
	printf("record: %s\n", text ? text : "(null)");
	free(text);
	as_record_destroy(&rec);
}

static void keys(void)
{
	as_key key;
	as_key_init_str(&key, "test", "demo", "k1");
	as_digest* digest = as_key_digest(&key);
	CHECK(digest != NULL && digest->init);
	printf("digest test/demo/k1: ");
	for (int i = 0; i < AS_DIGEST_VALUE_SIZE; i++) {
		printf("%02x", digest->value[i]);
	}
	printf("\n");
	as_key_destroy(&key);

	as_key* heap = as_key_new_int64("test", "demo", 7);
	CHECK(heap != NULL);
	digest = as_key_digest(heap);
	CHECK(digest != NULL);
	printf("digest test/demo/7: ");
	for (int i = 0; i < AS_DIGEST_VALUE_SIZE; i++) {
		printf("%02x", digest->value[i]);
	}
	printf("\n");
	as_key_destroy(heap);
}

static void operations(void)
{
	as_operations ops;
	as_operations_inita(&ops, 3);
	printf("write: %d\n", as_operations_add_write_int64(&ops, "count", 1));
	printf("incr: %d\n", as_operations_add_incr(&ops, "count", 2));
	printf("list append: %d\n",
		as_operations_list_append(&ops, "tags", NULL, NULL, (as_val*)as_string_new_strdup("y")));
	printf("one too many: %d\n", as_operations_add_touch(&ops));
	printf("ops: %u of %u\n", ops.binops.size, ops.binops.capacity);
	for (uint32_t i = 0; i < ops.binops.size; i++) {
		as_binop* op = &ops.binops.entries[i];
		char* value = as_val_tostring((as_val*)op->bin.valuep);
		printf("op %u: %d %s %s\n", i, (int)op->op, op->bin.name, value ? value : "(null)");
		free(value);
	}
	as_operations_destroy(&ops);

	as_exp_build(filter, as_exp_cmp_gt(as_exp_bin_int("count"), as_exp_int(10)));
	CHECK(filter != NULL);
	printf("expression: %u bytes:", filter->packed_sz);
	for (uint32_t i = 0; i < filter->packed_sz; i++) {
		printf(" %02x", filter->packed[i]);
	}
	printf("\n");
	as_exp_destroy(filter);
}

int main(void)
{
	lists();
	maps();
	records();
	keys();
	operations();
	printf("data model: ok\n");
	return 0;
}
