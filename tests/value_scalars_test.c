/*
 * The scalar values (nil, boolean, integer, double, string, geojson, bytes,
 * pair) and as_val's dispatch, through the public API. Expected hashes and
 * texts are 7.4.0's, taken from the common library's sources (aerospike-
 * common at the 7.4.0 submodule commit): each check names the file and
 * function that decides it.
 */
#include <aerospike/as_boolean.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_pair.h>
#include <aerospike/as_string.h>
#include <aerospike/as_val.h>

#include <alloca.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Renders v, compares with expected (NULL: no rendering), frees. */
static void assert_text(const void* v, const char* expected)
{
	char* text = as_val_tostring(v);
	if (expected == NULL) {
		assert_null(text);
		return;
	}
	assert_non_null(text);
	assert_string_equal(text, expected);
	free(text);
}

/* as_val.c as_val_val_reserve/as_val_val_destroy: counted types go up and
 * down; the last destroy frees and returns NULL. */
static void test_integer_refcount(void** state)
{
	(void)state;
	as_integer* i = as_integer_new(7);
	assert_int_equal(i->_.count, 1);
	assert_true(i->_.free);
	assert_ptr_equal(as_val_reserve(i), i);
	assert_int_equal(i->_.count, 2);
	assert_ptr_equal(as_val_destroy(i), i);
	assert_int_equal(i->_.count, 1);
	assert_null(as_val_destroy(i));
}

/* as_val.c counts atomically (as_incr_uint32 / as_aaf_uint32_rls): threads
 * sharing a value may reserve and release it concurrently. */
static void* churn(void* arg)
{
	for (int i = 0; i < 200000; i++) {
		as_val_reserve((as_val*)arg);
		as_val_destroy((as_val*)arg);
	}
	return NULL;
}

static void test_concurrent_counts(void** state)
{
	(void)state;
	as_string* shared = as_string_new_strdup("shared");
	pthread_t threads[4];
	for (int i = 0; i < 4; i++) {
		assert_int_equal(pthread_create(&threads[i], NULL, churn, shared), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(threads[i], NULL);
	}
	assert_int_equal(shared->_.count, 1);
	assert_null(as_val_destroy(shared));
}

/* as_val.c: reserve is a no-op for nil and booleans (as_val_reserve_noop),
 * and a count of 0 (the constants) makes destroy return the value as is. */
static void test_uncounted_and_constants(void** state)
{
	(void)state;
	as_boolean* b = as_boolean_new(true);
	as_val_reserve(b);
	assert_int_equal(b->_.count, 1);
	assert_null(as_val_destroy(b));

	assert_ptr_equal(as_val_destroy(&as_nil), &as_nil);
	assert_ptr_equal(as_val_destroy(&as_true), &as_true);
	assert_ptr_equal(as_val_reserve(&as_false), &as_false);
	assert_int_equal(as_true._.count, 0);
	assert_int_equal(as_nil.type, AS_NIL);
	assert_true(as_true.value);
	assert_false(as_false.value);
}

/* as_val.c as_val_val_*: NULL is 0 / NULL / NULL, never a crash; unknown
 * tags are inert here (7.4.0 would call through a null slot). */
static void test_null_and_unknown(void** state)
{
	(void)state;
	assert_null(as_val_destroy(NULL));
	assert_null(as_val_reserve(NULL));
	assert_int_equal(as_val_hashcode(NULL), 0);
	assert_null(as_val_tostring(NULL));
	assert_int_equal(as_val_type(NULL), AS_UNDEF);

	as_val odd = {1, AS_CMP_EXT, false};
	assert_null(as_val_tostring(&odd));
	assert_int_equal(as_val_hashcode(&odd), 0);
	as_val past = {1, 200, false};
	assert_null(as_val_tostring(&past));
	assert_null(as_val_destroy(&past));
}

/* as_val.c as_val_tobool: true booleans and non-zero integers only. */
static void test_tobool(void** state)
{
	(void)state;
	as_integer zero, five;
	as_integer_init(&zero, 0);
	as_integer_init(&five, 5);
	as_string s;
	as_string_init(&s, "x", false);
	assert_false(as_val_tobool((as_val*)&zero));
	assert_true(as_val_tobool((as_val*)&five));
	assert_true(as_val_tobool((as_val*)&as_true));
	assert_false(as_val_tobool((as_val*)&as_false));
	assert_false(as_val_tobool((as_val*)&s));
	assert_false(as_val_tobool(NULL));
}

/* as_nil.c, as_boolean.c, as_integer.c, as_double.c: *_val_hashcode and
 * *_val_tostring. */
static void test_scalar_hash_and_text(void** state)
{
	(void)state;
	assert_text(&as_nil, "NIL");
	assert_int_equal(as_val_hashcode(&as_nil), 0);
	assert_text(&as_true, "true");
	assert_text(&as_false, "false");
	assert_int_equal(as_val_hashcode(&as_true), 1);
	assert_int_equal(as_val_hashcode(&as_false), 0);

	as_integer i;
	as_integer_init(&i, -42);
	assert_text(&i, "-42");
	as_integer_init(&i, -1);
	assert_int_equal(as_val_hashcode(&i), 0xFFFFFFFFu); /* low 32 bits */
	as_integer_init(&i, INT64_C(0x100000005));
	assert_int_equal(as_val_hashcode(&i), 5);
	as_integer_init(&i, INT64_MIN);
	assert_text(&i, "-9223372036854775808");

	/* "%.16g"; hash folds the IEEE bits: 1.5 is 0x3FF8000000000000. */
	as_double d;
	as_double_init(&d, 1.5);
	assert_text(&d, "1.5");
	assert_int_equal(as_val_hashcode(&d), 1073217536u);
	as_double_init(&d, -2.25);
	assert_int_equal(as_val_hashcode(&d), 3221356544u);
	as_double_init(&d, 1.0 / 3);
	assert_text(&d, "0.3333333333333333");
	as_double_init(&d, 1e20);
	assert_text(&d, "1e+20");
	assert_true(as_double_get(&d) == 1e20);
	assert_true(as_double_getorelse(NULL, 2.5) == 2.5);
}

/* as_integer.c/as_double.c *_val_destroy wipe a caller-owned value. */
static void test_destroy_wipes(void** state)
{
	(void)state;
	as_integer i;
	as_integer_init(&i, 9);
	assert_false(i._.free);
	as_integer_destroy(&i);
	assert_true(i.value == INT64_MIN);
	as_double d;
	as_double_init(&d, 3.0);
	as_double_destroy(&d);
	assert_true(d.value == 0.0);
}

/* as_string.c as_string_val_hashcode (h = c + (h << 6) + (h << 16) - h over
 * signed chars) and as_string_val_tostring (double quotes). */
static void test_string(void** state)
{
	(void)state;
	as_string* s = as_string_new_strdup("abc");
	assert_int_equal(s->len, SIZE_MAX);
	assert_int_equal(as_string_len(s), 3);
	assert_int_equal(s->len, 3);
	assert_int_equal(as_val_hashcode(s), 807794786u);
	assert_text(s, "\"abc\"");
	as_string_destroy(s);

	as_string high;
	as_string_init(&high, "\xe9", false);
	assert_int_equal(as_val_hashcode(&high), 4294967273u);
	as_string_init(&high, "a\xe9z", false);
	assert_int_equal(as_val_hashcode(&high), 799857330u);

	/* A length given up front is believed. */
	as_string part;
	as_string_init_wlen(&part, "abcdef", 3, false);
	assert_int_equal(as_string_len(&part), 3);
	assert_text(&part, "\"abc\"");

	as_string none;
	as_string_init(&none, NULL, false);
	assert_int_equal(as_string_len(&none), 0);
	assert_int_equal(as_val_hashcode(&none), 0);
	assert_text(&none, NULL);
	assert_int_equal(as_string_len(NULL), 0);

	char* owned = strdup("owned");
	as_string* o = as_string_new(owned, true);
	assert_ptr_equal(as_string_get(o), owned);
	assert_ptr_equal(as_string_fromval((as_val*)o), o);
	assert_null(as_integer_fromval((as_val*)o));
	as_string_destroy(o);
}

/* as_string.c as_basename: the name after the last separator, borrowed
 * when possible, a new string when the path ends in separators. */
static void test_basename(void** state)
{
	(void)state;
	as_string name;
	const char* path = "/usr/lib/x.so";
	assert_ptr_equal(as_basename(&name, path), path + 9);
	assert_string_equal(name.value, "x.so");
	assert_int_equal(name.len, 4);
	assert_false(name.free);

	assert_string_equal(as_basename(&name, "plain"), "plain");
	assert_string_equal(as_basename(&name, ""), ".");
	assert_string_equal(as_basename(&name, NULL), ".");
	assert_string_equal(as_basename(&name, "///"), "/");
	assert_string_equal(as_basename(&name, "a\\b.txt"), "b.txt");

	const char* made = as_basename(&name, "/a/dir//");
	assert_string_equal(made, "dir");
	assert_true(name.free);
	assert_int_equal(name.len, 3);
	as_string_destroy(&name);
	assert_null(name.value);
}

/* as_geojson.c: a string under another tag. */
static void test_geojson(void** state)
{
	(void)state;
	as_geojson* g = as_geojson_new_strdup("{\"type\":\"Point\"}");
	assert_int_equal(as_val_type(g), AS_GEOJSON);
	assert_int_equal(as_geojson_len(g), 16);
	assert_text(g, "\"{\"type\":\"Point\"}\"");
	as_string same;
	as_string_init(&same, g->value, false);
	assert_int_equal(as_val_hashcode(g), as_val_hashcode(&same));
	assert_null(as_string_fromval((as_val*)g));
	as_geojson_destroy(g);
}

/* as_bytes.c as_bytes_val_tostring ("DE AD 01"), as_bytes_val_hashcode
 * (the text hash over unsigned bytes), construction always BLOB. */
static void test_bytes_value(void** state)
{
	(void)state;
	uint8_t raw[] = {0xDE, 0xAD, 0x01};
	as_bytes wrap;
	as_bytes_init_wrap(&wrap, raw, 3, false);
	assert_int_equal(as_bytes_get_type(&wrap), AS_BYTES_BLOB);
	assert_int_equal(wrap.capacity, 3);
	assert_text(&wrap, "DE AD 01");

	uint8_t ff01[] = {0xFF, 0x01};
	as_bytes_init_wrap(&wrap, ff01, 2, false);
	assert_int_equal(as_val_hashcode(&wrap), 16727746u);

	as_bytes* empty = as_bytes_new(4);
	assert_non_null(empty->value);
	assert_int_equal(empty->size, 0);
	assert_int_equal(empty->capacity, 4);
	assert_true(empty->free);
	assert_text(empty, NULL); /* nothing to render */
	as_bytes_destroy(empty);
}

static void test_bytes_edit(void** state)
{
	(void)state;
	as_bytes* b = as_bytes_new(4);
	uint8_t five[] = {1, 2, 3, 4, 5};
	assert_false(as_bytes_append(b, five, 5)); /* beyond capacity */
	assert_true(as_bytes_append(b, five, 4));
	assert_false(as_bytes_append_byte(b, 9));
	assert_true(as_bytes_ensure(b, 8, true));
	assert_int_equal(as_bytes_capacity(b), 8);
	assert_false(as_bytes_ensure(b, 16, false));
	assert_true(as_bytes_append_byte(b, 9));
	assert_int_equal(as_bytes_size(b), 5);

	uint8_t out[8] = {0};
	assert_int_equal(as_bytes_copy(b, 1, out, 3), 3);
	assert_memory_equal(out, five + 1, 3);
	assert_int_equal(as_bytes_copy(b, 3, out, 3), 0); /* past size */
	assert_int_equal(as_bytes_copy(b, UINT32_MAX, out, 2), 0);
	uint8_t byte = 0;
	assert_int_equal(as_bytes_get_byte(b, 4, &byte), 1);
	assert_int_equal(byte, 9);

	assert_true(as_bytes_truncate(b, 2)); /* drops the last two */
	assert_int_equal(as_bytes_size(b), 3);
	assert_false(as_bytes_truncate(b, 4));
	assert_false(as_bytes_set(b, 7, five, 2));
	assert_true(as_bytes_set(b, 6, five, 2));
	assert_int_equal(as_bytes_size(b), 8);
	as_bytes_destroy(b);

	assert_int_equal(as_bytes_size(NULL), 0);
	assert_int_equal(as_bytes_copy(NULL, 0, out, 1), 0);
	assert_false(as_bytes_append(NULL, five, 1));
}

/* as_bytes.c as_bytes_set_var_int/get_var_int: 7 bits a byte, low first. */
static void test_var_int(void** state)
{
	(void)state;
	as_bytes b;
	as_bytes_inita(&b, 8);
	assert_int_equal(as_bytes_set_var_int(&b, 0, 300), 2);
	assert_int_equal(b.value[0], 0xAC);
	assert_int_equal(b.value[1], 0x02);
	b.size = 2;
	uint32_t v = 0;
	assert_int_equal(as_bytes_get_var_int(&b, 0, &v), 2);
	assert_int_equal(v, 300);
	assert_int_equal(as_bytes_set_var_int(&b, 7, 300), 0); /* no room */
	/* A varint cut short by the end of the bytes is malformed here. */
	b.value[0] = 0x80;
	b.size = 1;
	assert_int_equal(as_bytes_get_var_int(&b, 0, &v), 0);
}

/* as_bytes.c as_bytes_to_string(_with_prefix) and as_bytes_from_string. */
static void test_hex(void** state)
{
	(void)state;
	uint8_t raw[] = {0x0A, 0xBC};
	char text[8];
	assert_true(as_bytes_to_string(raw, 2, text, 5));
	assert_string_equal(text, "0ABC");
	assert_false(as_bytes_to_string(raw, 2, text, 4));
	assert_string_equal(text, "");
	assert_true(as_bytes_to_string_with_prefix(raw, 2, text, 7));
	assert_string_equal(text, "0x0ABC");
	assert_false(as_bytes_to_string_with_prefix(raw, 2, text, 6));
	assert_false(as_bytes_to_string_with_prefix(raw, 2, text, 1));

	uint8_t out[4];
	assert_int_equal(as_bytes_from_string(out, 4, "0xdeadBEEF"), 4);
	assert_int_equal(out[0], 0xDE);
	assert_int_equal(out[3], 0xEF);
	assert_int_equal(as_bytes_from_string(out, 4, "abc"), -1);
	assert_int_equal(as_bytes_from_string(out, 4, "zz"), -1);
	assert_int_equal(as_bytes_from_string(out, 1, "abcd"), -1);
	assert_int_equal(as_bytes_from_string(out, 4, ""), 0);
}

/* as_pair.c: "(a, b)", hash 0, destroy releases both sides. */
static void test_pair(void** state)
{
	(void)state;
	as_integer* one = as_integer_new(1);
	as_string* a = as_string_new_strdup("a");
	as_val_reserve(one);
	as_pair* p = pair_new(one, a);
	assert_text(p, "(1, \"a\")");
	assert_int_equal(as_val_hashcode(p), 0);
	assert_ptr_equal(as_pair_1(p), (as_val*)one);
	assert_ptr_equal(as_pair_2(p), (as_val*)a);
	as_pair_destroy(p);
	assert_int_equal(one->_.count, 1);
	as_integer_destroy(one);
	assert_null(as_pair_1(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integer_refcount),
		cmocka_unit_test(test_concurrent_counts),
		cmocka_unit_test(test_uncounted_and_constants),
		cmocka_unit_test(test_null_and_unknown),
		cmocka_unit_test(test_tobool),
		cmocka_unit_test(test_scalar_hash_and_text),
		cmocka_unit_test(test_destroy_wipes),
		cmocka_unit_test(test_string),
		cmocka_unit_test(test_basename),
		cmocka_unit_test(test_geojson),
		cmocka_unit_test(test_bytes_value),
		cmocka_unit_test(test_bytes_edit),
		cmocka_unit_test(test_var_int),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_pair),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
