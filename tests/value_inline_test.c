/*
 * Lists and maps used the way a program compiled against the 7.4.0 headers
 * uses them: only the header-inline functions and macros (as_list_*,
 * as_map_*, as_stringmap_*, as_hashmap_*, as_iterator_*), which call the
 * hook tables directly. The other direction too: a list type a program
 * defines with its own hooks goes through the library's as_val dispatch
 * (destroy, hash, text), as aerospike-common's as_list.c does it.
 */
#include <aerospike/as_arraylist.h>
#include <aerospike/as_hashmap.h>
#include <aerospike/as_iterator.h>
#include <aerospike/as_list.h>
#include <aerospike/as_list_iterator.h>
#include <aerospike/as_map.h>
#include <aerospike/as_map_iterator.h>
#include <aerospike/as_pair.h>
#include <aerospike/as_stream.h>
#include <aerospike/as_stringmap.h>

#include <alloca.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void assert_text(const void* v, const char* expected)
{
	char* text = as_val_tostring(v);
	assert_non_null(text);
	assert_string_equal(text, expected);
	free(text);
}

static void test_list_inline(void** state)
{
	(void)state;
	as_arraylist storage;
	as_arraylist_inita(&storage, 8);
	as_list* list = (as_list*)&storage;

	assert_int_equal(as_list_append_int64(list, 10), 0);
	assert_int_equal(as_list_append_str(list, "b"), 0);
	assert_int_equal(as_list_prepend_double(list, 0.5), 0);
	assert_int_equal(as_list_insert_int64(list, 1, 5), 0);
	assert_int_equal(as_list_size(list), 4);
	assert_true(as_list_get_double(list, 0) == 0.5);
	assert_int_equal(as_list_get_int64(list, 1), 5);
	assert_int_equal(as_list_get_int64(list, 2), 10);
	assert_string_equal(as_list_get_str(list, 3), "b");
	assert_null(as_list_get_str(list, 9));
	assert_int_equal(as_list_get_int64(list, 9), 0);
	assert_non_null(as_list_get_integer(list, 1));
	assert_null(as_list_get_list(list, 1));
	assert_int_equal(as_list_hashcode(list), 0);
	assert_int_equal(as_list_set_str(list, 2, "ten"), 0);
	assert_text(list, "[0.5, 5, \"ten\", \"b\"]");
	assert_int_equal(as_list_remove(list, 0), 0);
	assert_int_equal(as_list_remove(list, 7), AS_ARRAYLIST_ERR_INDEX);
	assert_int_equal(as_val_type(as_list_head(list)), AS_INTEGER);

	as_list* first_two = as_list_take(list, 2);
	as_list* last = as_list_drop(list, 2);
	assert_int_equal(as_list_size(first_two), 2);
	assert_text(last, "[\"b\"]");
	/* Slices inherit block_size 0 from the stack list: they cannot grow. */
	assert_int_equal(as_list_concat(first_two, last), AS_ARRAYLIST_ERR_MAX);
	assert_text(first_two, "[5, \"ten\"]");
	as_list_destroy(last);
	as_list_destroy(first_two);

	/* Iterator storage on the stack, filled through the hook. */
	as_list_iterator it;
	assert_non_null(as_list_iterator_init(&it, list));
	int n = 0;
	while (as_iterator_has_next((as_iterator*)&it)) {
		assert_non_null(as_iterator_next((as_iterator*)&it));
		n++;
	}
	assert_int_equal(n, 3);
	as_iterator_destroy((as_iterator*)&it);

	as_iterator* heap = (as_iterator*)as_list_iterator_new(list);
	assert_true(as_iterator_has_next(heap));
	as_iterator_destroy(heap);

	assert_int_equal(as_list_trim(list, 1), 0);
	assert_int_equal(as_list_size(list), 1);
	as_list_destroy(list);

	/* A NULL list: every inline answers its default. */
	assert_int_equal(as_list_size(NULL), 0);
	assert_int_equal(as_list_append_int64(NULL, 1), 1);
	assert_null(as_list_get(NULL, 0));
	assert_false(as_list_foreach(NULL, NULL, NULL));
}

static bool sum_values(const as_val* key, const as_val* value, void* udata)
{
	(void)key;
	const as_integer* i = as_integer_fromval(value);
	*(int64_t*)udata += i ? i->value : 0;
	return true;
}

static void test_map_inline(void** state)
{
	(void)state;
	as_map* map = (as_map*)as_hashmap_new(4);
	assert_int_equal(as_stringmap_set_int64(map, "b", 2), 0);
	assert_int_equal(as_stringmap_set_int64(map, "a", 1), 0);
	assert_int_equal(as_stringmap_set_str(map, "s", "text"), 0);
	assert_int_equal(as_stringmap_set_double(map, "d", 1.25), 0);
	assert_int_equal(as_map_size(map), 4);
	assert_int_equal(as_stringmap_get_int64(map, "a"), 1);
	assert_int_equal(as_stringmap_get_int64(map, "s"), 0); /* wrong type */
	assert_string_equal(as_stringmap_get_str(map, "s"), "text");
	assert_true(as_stringmap_get_double(map, "d") == 1.25);
	assert_null(as_stringmap_get(map, "missing"));
	assert_null(as_stringmap_get_list(map, "a"));
	assert_int_equal(as_map_hashcode(map), 1);
	assert_text(map, "{\"a\":1, \"b\":2, \"d\":1.25, \"s\":\"text\"}");

	int64_t sum = 0;
	assert_true(as_map_foreach(map, sum_values, &sum));
	assert_int_equal(sum, 3);

	as_map_iterator it;
	assert_non_null(as_map_iterator_init(&it, map));
	const char* order[] = {"a", "b", "d", "s"};
	int n = 0;
	while (as_iterator_has_next((as_iterator*)&it)) {
		const as_pair* p = (const as_pair*)as_iterator_next((as_iterator*)&it);
		assert_int_equal(as_val_type(p), AS_PAIR);
		assert_string_equal(as_string_get((as_string*)p->_1), order[n]);
		n++;
	}
	assert_int_equal(n, 4);
	as_iterator_destroy((as_iterator*)&it);

	as_string key;
	as_string_init(&key, "b", false);
	assert_int_equal(as_map_remove(map, (as_val*)&key), 0);
	assert_null(as_map_get(map, (as_val*)&key));
	as_map_set_flags(map, 0x1);
	assert_int_equal(map->flags, 1);
	assert_int_equal(as_map_clear(map), 0);
	assert_int_equal(as_map_size(map), 0);
	as_map_destroy(map);

	assert_int_equal(as_map_size(NULL), 0);
	assert_int_equal(as_map_set(NULL, NULL, NULL), 1);
}

/* A program's own list type: the integers 0..n-1, no storage. */
typedef struct {
	as_list base;
	uint32_t n;
	int destroyed;
	as_integer scratch;
} range_list;

static bool range_destroy(as_list* l)
{
	((range_list*)l)->destroyed++;
	return true;
}

static uint32_t range_hash(const as_list* l)
{
	return 1000 + ((const range_list*)l)->n;
}

static uint32_t range_size(const as_list* l)
{
	return ((const range_list*)l)->n;
}

static bool range_foreach(const as_list* l, as_list_foreach_callback callback, void* udata)
{
	range_list* r = (range_list*)l;
	for (uint32_t i = 0; i < r->n; i++) {
		as_integer_init(&r->scratch, i);
		if (!callback((as_val*)&r->scratch, udata)) {
			return false;
		}
	}
	return true;
}

static const as_list_hooks range_hooks = {
	.destroy = range_destroy,
	.hashcode = range_hash,
	.size = range_size,
	.foreach = range_foreach,
};

static void test_program_hooks(void** state)
{
	(void)state;
	range_list r;
	memset(&r, 0, sizeof(r));
	r.n = 3;
	as_list_init(&r.base, &range_hooks);
	assert_int_equal(as_val_type(&r.base), AS_LIST);
	assert_int_equal(r.base.flags, 0);
	assert_int_equal(as_val_hashcode(&r.base), 1003);
	assert_text(&r.base, "[0, 1, 2]");
	assert_null(as_list_get(&r.base, 0)); /* no get hook */
	assert_int_equal(as_list_append_int64(&r.base, 1), 1);

	as_val_destroy(&r.base);
	assert_int_equal(r.destroyed, 1);
}

static int stream_destroyed;

static int stream_destroy(as_stream* s)
{
	(void)s;
	stream_destroyed++;
	return 0;
}

static as_val* stream_read(const as_stream* s)
{
	(void)s;
	return AS_STREAM_END;
}

static void test_stream_inline(void** state)
{
	(void)state;
	static const as_stream_hooks hooks = {stream_destroy, stream_read, NULL};
	int source = 0;
	as_stream* s = as_stream_new(&source, &hooks);
	assert_non_null(s);
	assert_true(s->free);
	assert_ptr_equal(as_stream_source(s), &source);
	assert_true(as_stream_readable(s));
	assert_false(as_stream_writable(s));
	assert_null(as_stream_read(s));
	assert_int_equal(as_stream_write(s, NULL), AS_STREAM_ERR);
	as_stream_destroy(s);
	assert_int_equal(stream_destroyed, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_inline),
		cmocka_unit_test(test_map_inline),
		cmocka_unit_test(test_program_hooks),
		cmocka_unit_test(test_stream_inline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
