/*
 * as_orderedmap (and as_hashmap, its alias) through the exported functions:
 * key order, the key types it accepts, ownership, the hold area for inserts
 * far from the end, iteration and rendering. Facts from aerospike-common's
 * as_orderedmap.c (7.4.0) and the value order of as_msgpack.c as_val_cmp,
 * named per check.
 */
#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_hashmap.h>
#include <aerospike/as_hashmap_iterator.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_map_iterator.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_orderedmap.h>
#include <aerospike/as_pair.h>
#include <aerospike/as_string.h>

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

static as_val* str(const char* s)
{
	return (as_val*)as_string_new_strdup(s);
}

static as_val* num(int64_t i)
{
	return (as_val*)as_integer_new(i);
}

static as_val* blob(const char* s)
{
	size_t n = strlen(s);
	uint8_t* copy = malloc(n);
	memcpy(copy, s, n);
	return (as_val*)as_bytes_new_wrap(copy, (uint32_t)n, true);
}

/* as_orderedmap.c as_orderedmap_cons: capacity rounds up past a multiple of
 * 8; as_orderedmap_init/new set flags 1 (key ordered), as_hashmap_* 0. */
static void test_construction(void** state)
{
	(void)state;
	as_orderedmap* m = as_orderedmap_new(0);
	assert_int_equal(m->capacity, 8);
	assert_int_equal(m->_.flags, 1);
	assert_int_equal(m->count, 0);
	assert_int_equal(m->hold_count, 0);
	assert_null(m->hold_table);
	as_orderedmap_destroy(m);

	as_orderedmap local;
	as_orderedmap_init(&local, 8);
	assert_int_equal(local.capacity, 16);
	as_orderedmap_destroy(&local);

	as_hashmap* h = as_hashmap_new(31);
	assert_int_equal(h->capacity, 32);
	assert_int_equal(h->_.flags, 0);
	assert_int_equal(as_hashmap_hashcode(h), 1);
	assert_int_equal(as_val_hashcode(h), 1);
	/* as_orderedmap_set_flags keeps AS_MAP_FLAGS_MASK and forces bit 0. */
	as_hashmap_set_flags(h, 0x12);
	assert_int_equal(h->_.flags, 0x13);
	as_hashmap_set_flags(h, 0x4);
	assert_int_equal(h->_.flags, 0);
	as_hashmap_destroy(h);
}

/* as_val_cmp: type tag first (integer 3 < string 4 < bytes 9), then
 * integers by value, strings by strcmp, bytes by memcmp then length. */
static void test_key_order(void** state)
{
	(void)state;
	as_orderedmap* m = as_orderedmap_new(2);
	as_orderedmap_set(m, str("b"), num(1));
	as_orderedmap_set(m, blob("ab"), num(2));
	as_orderedmap_set(m, num(10), num(3));
	as_orderedmap_set(m, str("a"), num(4));
	as_orderedmap_set(m, num(-5), num(5));
	as_orderedmap_set(m, blob("a"), num(6));
	as_orderedmap_set(m, str("ab"), num(7));
	as_orderedmap_set(m, blob("b"), num(8));
	assert_int_equal(as_orderedmap_size(m), 8);
	assert_text(m, "{-5:5, 10:3, \"a\":4, \"ab\":7, \"b\":1, 61:6, 61 62:2, 62:8}");
	as_orderedmap_destroy(m);
}

/* as_orderedmap.c is_valid_key_type: integer, string, BLOB bytes only. */
static void test_key_types(void** state)
{
	(void)state;
	as_orderedmap* m = as_orderedmap_new(4);
	as_double d;
	as_double_init(&d, 1.0);
	/* A refused entry stays the caller's. */
	as_val* one = num(1);
	assert_int_equal(as_orderedmap_set(m, (as_val*)&d, one), -1);
	assert_int_equal(one->count, 1);
	as_val_destroy(one);
	assert_int_equal(as_orderedmap_set(m, NULL, NULL), -1);
	assert_int_equal(as_orderedmap_set(m, &as_nil, NULL), -1);
	as_bytes* hll = (as_bytes*)blob("h");
	as_bytes_set_type(hll, AS_BYTES_HLL);
	assert_int_equal(as_orderedmap_set(m, (as_val*)hll, NULL), -1);
	assert_null(as_orderedmap_get(m, (as_val*)hll));
	as_bytes_destroy(hll);
	assert_int_equal(as_orderedmap_size(m), 0);
	assert_int_equal(as_orderedmap_set(NULL, &as_nil, NULL), -1);
	assert_int_equal(as_orderedmap_size(NULL), 0);
	assert_null(as_orderedmap_get(NULL, &as_nil));
	assert_int_equal(as_orderedmap_remove(m, (as_val*)&d), -1);
	as_orderedmap_destroy(m);
}

/* Lookups use a stack key; a NULL value is stored as as_nil; setting an
 * existing key releases the old key and value. */
static void test_get_set_remove(void** state)
{
	(void)state;
	as_orderedmap* m = as_orderedmap_new(4);
	as_integer* first = as_integer_new(1);
	as_val_reserve(first);
	as_orderedmap_set(m, str("k"), (as_val*)first);
	as_orderedmap_set(m, str("n"), NULL);

	as_string key;
	as_string_init(&key, "k", false);
	assert_ptr_equal(as_orderedmap_get(m, (as_val*)&key), first);
	as_string_init(&key, "n", false);
	assert_ptr_equal(as_orderedmap_get(m, (as_val*)&key), &as_nil);
	as_string_init(&key, "zz", false);
	assert_null(as_orderedmap_get(m, (as_val*)&key));

	assert_int_equal(as_orderedmap_set(m, str("k"), num(2)), 0);
	assert_int_equal(first->_.count, 1);
	as_integer_destroy(first);
	assert_int_equal(as_orderedmap_size(m), 2);

	as_string_init(&key, "k", false);
	assert_int_equal(as_orderedmap_remove(m, (as_val*)&key), 0);
	assert_int_equal(as_orderedmap_remove(m, (as_val*)&key), 0); /* absent: still 0 */
	assert_int_equal(as_orderedmap_size(m), 1);
	assert_int_equal(as_orderedmap_clear(m), 0);
	assert_int_equal(as_orderedmap_size(m), 0);
	assert_text(m, "{}");
	as_orderedmap_destroy(m);
}

/* as_orderedmap.c as_orderedmap_set: an insert at least HOLD_TABLE_CAP
 * (1000) positions before the end waits in the hold area; the hold merges
 * when it reaches 1000 entries, and before foreach/iteration/remove. */
static void test_hold_area(void** state)
{
	(void)state;
	as_orderedmap* m = as_orderedmap_new(0);
	for (int64_t k = 1499; k >= 0; k--) {
		as_orderedmap_set(m, num(k), num(k * 2));
	}
	assert_int_equal(m->count, 1000);
	assert_int_equal(m->hold_count, 500);
	assert_int_equal(as_orderedmap_size(m), 1500);
	as_integer key;
	as_integer_init(&key, 3);
	assert_int_equal(((as_integer*)as_orderedmap_get(m, (as_val*)&key))->value, 6);
	as_integer_init(&key, 1400);
	assert_int_equal(((as_integer*)as_orderedmap_get(m, (as_val*)&key))->value, 2800);
	/* Re-setting a held key replaces it in the hold. */
	as_orderedmap_set(m, num(3), num(-3));
	assert_int_equal(m->hold_count, 500);

	as_orderedmap_iterator it;
	as_orderedmap_iterator_init(&it, m);
	assert_int_equal(m->hold_count, 0);
	assert_int_equal(m->count, 1500);
	int64_t expected = 0;
	while (as_orderedmap_iterator_has_next(&it)) {
		const as_pair* p = (const as_pair*)as_orderedmap_iterator_next(&it);
		assert_int_equal(((as_integer*)p->_1)->value, expected);
		expected++;
	}
	assert_int_equal(expected, 1500);
	as_orderedmap_iterator_destroy(&it);

	for (int64_t k = 2499; k >= 1500; k--) {
		as_orderedmap_set(m, num(k - 3000), NULL); /* all at the front */
	}
	assert_int_equal(m->hold_count, 0); /* the 1000th held insert merged */
	assert_int_equal(m->count, 2500);
	as_orderedmap_destroy(m);
}

/* Random insertion order still iterates sorted, and every key is found. */
static void test_shuffled(void** state)
{
	(void)state;
	enum { N = 5000 };
	as_orderedmap* m = as_orderedmap_new(16);
	uint32_t x = 12345;
	for (int i = 0; i < N; i++) {
		x = x * 1103515245u + 12345u;
		int64_t k = (int64_t)(x % 100000);
		as_orderedmap_set(m, num(k), num(k));
	}
	uint32_t size = as_orderedmap_size(m);
	as_hashmap_iterator* it = as_hashmap_iterator_new(m);
	int64_t last = -1;
	uint32_t seen = 0;
	while (as_hashmap_iterator_has_next(it)) {
		const as_pair* p = (const as_pair*)as_hashmap_iterator_next(it);
		int64_t k = ((as_integer*)p->_1)->value;
		assert_true(k > last);
		assert_int_equal(((as_integer*)p->_2)->value, k);
		last = k;
		seen++;
	}
	assert_int_equal(seen, size);
	as_hashmap_iterator_destroy(it);
	as_orderedmap_destroy(m);
}

static bool stop_at_two(const as_val* key, const as_val* value, void* udata)
{
	(void)value;
	(*(int*)udata)++;
	return ((const as_integer*)key)->value != 2;
}

static void test_foreach(void** state)
{
	(void)state;
	as_orderedmap* m = as_orderedmap_new(4);
	for (int64_t k = 4; k >= 1; k--) {
		as_orderedmap_set(m, num(k), NULL);
	}
	int calls = 0;
	assert_false(as_orderedmap_foreach(m, stop_at_two, &calls));
	assert_int_equal(calls, 2);
	assert_false(as_orderedmap_foreach(NULL, stop_at_two, &calls));
	as_orderedmap_destroy(m);
}

/* as_map.c as_map_val_tostring: "k:v" joined by ", "; it stops at the first
 * entry whose key or value has no rendering. */
static void test_tostring(void** state)
{
	(void)state;
	as_orderedmap* m = as_orderedmap_new(4);
	as_orderedmap_set(m, num(1), str("a"));
	as_orderedmap_set(m, num(2), (as_val*)as_bytes_new(0));
	as_orderedmap_set(m, num(3), str("c"));
	assert_text(m, "{1:\"a\"}");
	as_orderedmap_destroy(m);

	as_orderedmap* nested = as_orderedmap_new(1);
	as_orderedmap* inner = as_orderedmap_new(1);
	as_orderedmap_set(inner, str("x"), (as_val*)&as_nil);
	as_orderedmap_set(nested, str("in"), (as_val*)inner);
	assert_text(nested, "{\"in\":{\"x\":NIL}}");
	as_orderedmap_destroy(nested);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_construction),
		cmocka_unit_test(test_key_order),
		cmocka_unit_test(test_key_types),
		cmocka_unit_test(test_get_set_remove),
		cmocka_unit_test(test_hold_area),
		cmocka_unit_test(test_shuffled),
		cmocka_unit_test(test_foreach),
		cmocka_unit_test(test_tostring),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
