/*
 * as_arraylist through its exported functions: growth (the capacity a
 * program observes), nil padding, error codes, ownership of elements,
 * slicing, iteration, and as_val_tostring of lists. The rules are those of
 * aerospike-common's as_arraylist.c (7.4.0), named per check.
 */
#include <aerospike/as_arraylist.h>
#include <aerospike/as_arraylist_iterator.h>
#include <aerospike/as_boolean.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_list.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_string.h>

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

/* as_arraylist.c as_arraylist_ensure: grow to capacity + blocks * block_size
 * with blocks = (missing + block_size) / block_size, so an exact multiple
 * still gets one more block. */
static void test_growth(void** state)
{
	(void)state;
	as_arraylist* list = as_arraylist_new(0, 4);
	assert_null(list->elements);
	assert_false(list->free);
	assert_int_equal(as_arraylist_append_int64(list, 1), AS_ARRAYLIST_OK);
	assert_int_equal(list->capacity, 4);
	assert_true(list->free);
	for (int64_t i = 2; i <= 5; i++) {
		as_arraylist_append_int64(list, i);
	}
	assert_int_equal(list->capacity, 8);
	assert_int_equal(as_arraylist_size(list), 5);
	as_arraylist_destroy(list);

	list = as_arraylist_new(0, 4);
	assert_int_equal(as_arraylist_set_int64(list, 7, 70), AS_ARRAYLIST_OK);
	assert_int_equal(list->capacity, 12);
	assert_int_equal(list->size, 8);
	as_arraylist_destroy(list);
}

/* block_size 0 never grows: AS_ARRAYLIST_ERR_MAX. */
static void test_fixed_capacity(void** state)
{
	(void)state;
	as_arraylist list;
	as_arraylist_inita(&list, 2);
	assert_int_equal(as_arraylist_append_int64(&list, 1), AS_ARRAYLIST_OK);
	assert_int_equal(as_arraylist_append_str(&list, "two"), AS_ARRAYLIST_OK);
	assert_int_equal(as_arraylist_append_int64(&list, 3), AS_ARRAYLIST_ERR_MAX);
	assert_int_equal(as_arraylist_insert_int64(&list, 0, 3), AS_ARRAYLIST_ERR_MAX);
	assert_int_equal(as_arraylist_size(&list), 2);
	assert_text(&list, "[1, \"two\"]");
	as_arraylist_destroy(&list);

	as_arraylist heap;
	as_arraylist_init(&heap, 1, 0);
	assert_true(heap.free);
	assert_int_equal(as_arraylist_append_int64(&heap, 1), AS_ARRAYLIST_OK);
	assert_int_equal(as_arraylist_append_int64(&heap, 2), AS_ARRAYLIST_ERR_MAX);
	as_arraylist_destroy(&heap);
}

/* as_arraylist_set/insert past the end pad with as_nil; NULL stores nil. */
static void test_padding(void** state)
{
	(void)state;
	as_arraylist* list = as_arraylist_new(2, 2);
	as_arraylist_append_int64(list, 1);
	assert_int_equal(as_arraylist_insert_int64(list, 3, 4), AS_ARRAYLIST_OK);
	assert_int_equal(as_arraylist_size(list), 4);
	assert_ptr_equal(as_arraylist_get(list, 1), &as_nil);
	assert_ptr_equal(as_arraylist_get(list, 2), &as_nil);
	assert_int_equal(as_arraylist_get_int64(list, 3), 4);
	assert_int_equal(as_arraylist_set(list, 1, NULL), AS_ARRAYLIST_OK);
	assert_ptr_equal(as_arraylist_get(list, 1), &as_nil);
	assert_text(list, "[1, NIL, NIL, 4]");
	as_arraylist_destroy(list);
}

static void test_get_bad_input(void** state)
{
	(void)state;
	as_arraylist* list = as_arraylist_new(4, 4);
	as_arraylist_append_str(list, "s");
	as_arraylist_append_double(list, 2.5);
	assert_null(as_arraylist_get(list, 2));
	assert_null(as_arraylist_get(list, UINT32_MAX));
	assert_int_equal(as_arraylist_get_int64(list, 0), 0); /* a string */
	assert_true(as_arraylist_get_double(list, 1) == 2.5);
	assert_true(as_arraylist_get_double(list, 0) == 0.0);
	assert_string_equal(as_arraylist_get_str(list, 0), "s");
	assert_null(as_arraylist_get_str(list, 1));
	assert_null(as_arraylist_get_integer(list, 0));
	assert_non_null(as_arraylist_get_string(list, 0));
	assert_int_equal(as_arraylist_remove(list, 2), AS_ARRAYLIST_ERR_INDEX);
	assert_int_equal(as_arraylist_trim(list, 2), AS_ARRAYLIST_ERR_INDEX);
	assert_int_equal(as_arraylist_hashcode(list), 0);
	assert_int_equal(as_val_hashcode(list), 0);
	as_arraylist_destroy(list);

	assert_int_equal(as_arraylist_size(NULL), 0);
	assert_null(as_arraylist_get(NULL, 0));
	assert_null(as_arraylist_head(NULL));
}

/* The list owns its elements: replace, remove, trim and destroy release. */
static void test_ownership(void** state)
{
	(void)state;
	as_integer* kept = as_integer_new(5);
	as_arraylist* list = as_arraylist_new(0, 8);
	for (int i = 0; i < 4; i++) {
		as_val_reserve(kept);
		as_arraylist_append(list, (as_val*)kept);
	}
	assert_int_equal(kept->_.count, 5);
	as_arraylist_set_int64(list, 0, 1);
	assert_int_equal(kept->_.count, 4);
	assert_int_equal(as_arraylist_remove(list, 1), AS_ARRAYLIST_OK);
	assert_int_equal(kept->_.count, 3);
	assert_int_equal(as_arraylist_size(list), 3);
	assert_int_equal(as_arraylist_trim(list, 2), AS_ARRAYLIST_OK);
	assert_int_equal(kept->_.count, 2);
	assert_int_equal(as_arraylist_size(list), 2);
	as_arraylist_destroy(list);
	assert_int_equal(kept->_.count, 1);
	as_integer_destroy(kept);
}

static void test_order_ops(void** state)
{
	(void)state;
	as_arraylist* list = as_arraylist_new(0, 2);
	as_arraylist_append_int64(list, 2);
	as_arraylist_prepend_int64(list, 1);
	as_arraylist_append_str(list, "z");
	as_arraylist_insert_str(list, 1, "mid");
	as_arraylist_prepend_double(list, 0.5);
	assert_text(list, "[0.5, 1, \"mid\", 2, \"z\"]");
	assert_int_equal(as_arraylist_get_int64(list, 1), 1);

	as_arraylist* other = as_arraylist_new(1, 1);
	as_arraylist_append_int64(other, 9);
	assert_int_equal(as_arraylist_concat(list, other), AS_ARRAYLIST_OK);
	assert_int_equal(as_arraylist_get_integer(other, 0)->_.count, 2);
	as_arraylist_destroy(other);
	assert_int_equal(as_arraylist_concat(list, list), AS_ARRAYLIST_OK);
	assert_int_equal(as_arraylist_size(list), 12);
	assert_int_equal(as_arraylist_get_int64(list, 11), 9);
	as_arraylist_destroy(list);
}

/* take/drop (as_arraylist.c) share the elements; tail is all but the
 * head (7.4.0's own tail returns its copy empty, a known defect there). */
static void test_slices(void** state)
{
	(void)state;
	as_arraylist* list = as_arraylist_new(4, 4);
	for (int64_t i = 0; i < 4; i++) {
		as_arraylist_append_int64(list, i);
	}
	as_arraylist* taken = as_arraylist_take(list, 2);
	as_arraylist* dropped = as_arraylist_drop(list, 3);
	as_arraylist* all = as_arraylist_take(list, 10);
	as_arraylist* none = as_arraylist_drop(list, 10);
	as_arraylist* rest = as_arraylist_tail(list);
	assert_text(taken, "[0, 1]");
	assert_text(dropped, "[3]");
	assert_text(all, "[0, 1, 2, 3]");
	assert_text(none, "[]");
	assert_text(rest, "[1, 2, 3]");
	assert_int_equal(taken->block_size, 4);
	assert_int_equal(as_arraylist_get_integer(list, 1)->_.count, 4);
	as_arraylist_destroy(taken);
	as_arraylist_destroy(dropped);
	as_arraylist_destroy(all);
	as_arraylist_destroy(none);
	as_arraylist_destroy(rest);
	assert_int_equal(as_arraylist_get_integer(list, 1)->_.count, 1);
	assert_int_equal(((as_integer*)as_arraylist_head(list))->value, 0);
	as_arraylist_destroy(list);

	as_arraylist empty;
	as_arraylist_init(&empty, 0, 0);
	assert_null(as_arraylist_tail(&empty));
	assert_null(as_arraylist_head(&empty));
	as_arraylist_destroy(&empty);
}

static bool count_until_string(as_val* v, void* udata)
{
	if (as_val_type(v) == AS_STRING) {
		return false;
	}
	(*(int*)udata)++;
	return true;
}

static void test_foreach_and_iterator(void** state)
{
	(void)state;
	as_arraylist* list = as_arraylist_new(0, 4);
	as_arraylist_append_int64(list, 1);
	as_arraylist_append_int64(list, 2);
	as_arraylist_append_str(list, "stop");
	as_arraylist_append_int64(list, 4);
	int seen = 0;
	assert_false(as_arraylist_foreach(list, count_until_string, &seen));
	assert_int_equal(seen, 2);

	as_arraylist_iterator it;
	as_arraylist_iterator_init(&it, list);
	int64_t sum = 0;
	while (as_arraylist_iterator_has_next(&it)) {
		const as_val* v = as_arraylist_iterator_next(&it);
		const as_integer* i = as_integer_fromval(v);
		sum += i ? i->value : 100;
	}
	assert_int_equal(sum, 107);
	assert_null(as_arraylist_iterator_next(&it));
	as_arraylist_iterator_destroy(&it);
	assert_null(it._.hooks);

	as_arraylist_iterator* heap = as_arraylist_iterator_new(list);
	assert_true(heap->_.free);
	assert_true(as_arraylist_iterator_has_next(heap));
	as_arraylist_iterator_destroy(heap);
	assert_false(as_arraylist_iterator_has_next(NULL));
	as_arraylist_destroy(list);
}

/* as_list.c as_list_val_tostring: elements without a rendering show as
 * "<NULL>"; nested collections render recursively. */
static void test_tostring_nested(void** state)
{
	(void)state;
	as_arraylist* inner = as_arraylist_new(1, 1);
	as_arraylist_append_str(inner, "x");
	as_arraylist* outer = as_arraylist_new(3, 1);
	as_arraylist_append_list(outer, (as_list*)inner);
	as_arraylist_append_bytes(outer, as_bytes_new(0));
	as_arraylist_append(outer, (as_val*)&as_true);
	assert_text(outer, "[[\"x\"], <NULL>, true]");
	as_arraylist_destroy(outer);

	as_arraylist empty;
	as_arraylist_init(&empty, 0, 0);
	assert_text(&empty, "[]");
}

/* A big list renders completely (7.4.0 grows its text buffer as needed). */
static void test_tostring_long(void** state)
{
	(void)state;
	as_arraylist* list = as_arraylist_new(0, 100);
	for (int64_t i = 0; i < 1000; i++) {
		as_arraylist_append_int64(list, 1000000 + i);
	}
	char* text = as_val_tostring(list);
	assert_int_equal(strlen(text), 2 + 1000 * 7 + 999 * 2);
	assert_memory_equal(text, "[1000000, 1000001", 17);
	assert_string_equal(text + strlen(text) - 8, "1000999]");
	free(text);
	as_arraylist_destroy(list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_fixed_capacity),
		cmocka_unit_test(test_padding),
		cmocka_unit_test(test_get_bad_input),
		cmocka_unit_test(test_ownership),
		cmocka_unit_test(test_order_ops),
		cmocka_unit_test(test_slices),
		cmocka_unit_test(test_foreach_and_iterator),
		cmocka_unit_test(test_tostring_nested),
		cmocka_unit_test(test_tostring_long),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
