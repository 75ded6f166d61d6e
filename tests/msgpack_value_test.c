/*
 * as_pack_val / as_unpack_val / as_val_cmp and the msgpack serializer over
 * the value types. The expected bytes are 7.4.0's encoding spelled out by
 * hand: strings, blobs and GeoJSON as str with their particle byte, a
 * key-ordered map led by an empty ext holding its flags and a nil, pairs as
 * two-element lists. Decoding gives 7.4.0's values (ordered maps with their
 * flags, flagged lists, a preserve-order map as a list of keys and values),
 * re-encodes to the same bytes, and fails cleanly on bad input without
 * leaking what it had built.
 */
#include <aerospike/as_arraylist.h>
#include <aerospike/as_boolean.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_msgpack.h>
#include <aerospike/as_msgpack_ext.h>
#include <aerospike/as_msgpack_serializer.h>
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

#include "hex_bytes.h"

/* Encodes v three ways (sizing, presized buffer, serializer) and checks each. */
static void check_encoding(as_val* v, const char* hex)
{
	uint8_t expected[256];
	uint32_t n = hex_bytes(hex, expected);

	as_packer sizing = {NULL, NULL, NULL, 0, 0};
	assert_int_equal(as_pack_val(&sizing, v), 0);
	assert_int_equal(sizing.offset, n);

	uint8_t out[256];
	as_packer pk = {NULL, NULL, out, 0, sizeof(out)};
	assert_int_equal(as_pack_val(&pk, v), 0);
	assert_int_equal(pk.offset, n);
	assert_memory_equal(out, expected, n);

	as_serializer ser;
	as_msgpack_init(&ser);
	assert_int_equal(as_serializer_serialize_getsize(&ser, v), n);
	assert_int_equal(as_serializer_serialize_presized(&ser, v, out), (int32_t)n);
	assert_memory_equal(out, expected, n);
	as_buffer buf;
	as_buffer_init(&buf);
	assert_int_equal(as_serializer_serialize(&ser, v, &buf), 0);
	assert_int_equal(buf.size, n);
	assert_memory_equal(buf.data, expected, n);
	as_buffer_destroy(&buf);
	as_serializer_destroy(&ser);
}

/* Decodes hex, checks the value's type, re-encodes it to the same bytes. */
static as_val* decode(const char* hex, as_val_t type)
{
	static uint8_t in[256];
	uint32_t n = hex_bytes(hex, in);
	as_unpacker pk = {in, 0, n};
	as_val* v = NULL;
	assert_int_equal(as_unpack_val(&pk, &v), 0);
	assert_int_equal(pk.offset, n);
	assert_non_null(v);
	assert_int_equal(as_val_type(v), type);
	return v;
}

static void test_scalars(void** state)
{
	(void)state;
	as_integer i;
	as_integer_init(&i, -129);
	check_encoding((as_val*)&i, "d1ff7f");
	check_encoding((as_val*)&as_nil, "c0");
	check_encoding((as_val*)&as_true, "c3");
	check_encoding((as_val*)&as_false, "c2");
	as_double d;
	as_double_init(&d, 1.0);
	check_encoding((as_val*)&d, "cb3ff0000000000000");
	check_encoding((as_val*)&as_cmp_wildcard, "d4ff00");
	check_encoding((as_val*)&as_cmp_inf, "d4ff01");

	as_val* v = decode("cd0100", AS_INTEGER);
	assert_int_equal(as_integer_get((as_integer*)v), 256);
	as_val_destroy(v);
	v = decode("ca3fc00000", AS_DOUBLE);
	assert_true(as_double_get((as_double*)v) == 1.5);
	as_val_destroy(v);
	v = decode("c3", AS_BOOLEAN);
	assert_true(as_boolean_get((as_boolean*)v));
	as_val_destroy(v);
	v = decode("c0", AS_NIL);
	assert_ptr_equal(v, &as_nil);
}

static void test_blobs_carry_their_particle_type(void** state)
{
	(void)state;
	as_string s;
	as_string_init(&s, "abc", false);
	check_encoding((as_val*)&s, "a403616263");
	as_geojson g;
	as_geojson_init(&g, "{}", false);
	check_encoding((as_val*)&g, "a3177b7d");
	uint8_t raw[] = {1, 2};
	as_bytes b;
	as_bytes_init_wrap(&b, raw, 2, false);
	check_encoding((as_val*)&b, "a3040102");
	as_bytes_set_type(&b, AS_BYTES_PYTHON);
	check_encoding((as_val*)&b, "a3090102");

	as_val* v = decode("a403616263", AS_STRING);
	assert_string_equal(as_string_get((as_string*)v), "abc");
	as_val_destroy(v);
	v = decode("a3177b7d", AS_GEOJSON);
	assert_string_equal(as_geojson_get((as_geojson*)v), "{}");
	as_val_destroy(v);
	v = decode("a3070102", AS_BYTES);
	assert_int_equal(as_bytes_get_type((as_bytes*)v), AS_BYTES_JAVA);
	assert_int_equal(as_bytes_size((as_bytes*)v), 2);
	assert_memory_equal(as_bytes_get((as_bytes*)v), raw, 2);
	as_val_destroy(v);
	/* An empty blob has no particle byte: bytes of type 0. */
	v = decode("a0", AS_BYTES);
	assert_int_equal(as_bytes_size((as_bytes*)v), 0);
	assert_int_equal(as_bytes_get_type((as_bytes*)v), AS_BYTES_UNDEF);
	as_val_destroy(v);
	/* Strings are copied as C strings: an embedded NUL ends them. */
	v = decode("a403610062", AS_STRING);
	assert_string_equal(as_string_get((as_string*)v), "a");
	as_val_destroy(v);
}

static void test_lists_maps_pairs(void** state)
{
	(void)state;
	as_arraylist list;
	as_arraylist_init(&list, 2, 0);
	as_arraylist_append_int64(&list, 1);
	as_arraylist_append_str(&list, "a");
	check_encoding((as_val*)&list, "9201a20361");

	as_orderedmap map;
	as_orderedmap_init(&map, 2);
	as_orderedmap_set(&map, (as_val*)as_string_new_strdup("a"), (as_val*)as_integer_new(1));
	/* A new ordered map is key-ordered (flags 1), as in 7.4.0. */
	check_encoding((as_val*)&map, "82c70001c0a2036101");
	as_orderedmap_set_flags(&map, AS_PACKED_MAP_FLAG_NONE);
	check_encoding((as_val*)&map, "81a2036101");
	as_orderedmap_set_flags(&map, AS_PACKED_MAP_FLAG_KV_ORDERED);
	check_encoding((as_val*)&map, "82c70003c0a2036101");

	as_pair pair;
	as_pair_init(&pair, (as_val*)&list, (as_val*)&map);
	check_encoding((as_val*)&pair, "92 9201a20361 82c70003c0a2036101");

	/* Value order alone does not exist (set_flags would add key order). */
	map._.flags = AS_PACKED_MAP_FLAG_V_ORDERED;
	uint8_t out[64];
	as_packer pk = {NULL, NULL, out, 0, sizeof(out)};
	assert_int_not_equal(as_pack_val(&pk, (as_val*)&map), 0);
	as_orderedmap_destroy(&map);
	as_arraylist_destroy(&list);

	pk.offset = 0;
	assert_int_not_equal(as_pack_val(&pk, NULL), 0);
}

static void test_decoded_containers_keep_their_flags(void** state)
{
	(void)state;
	as_val* v = decode("82c70001c0a2036101", AS_MAP);
	assert_int_equal(((as_map*)v)->flags, AS_PACKED_MAP_FLAG_K_ORDERED);
	assert_int_equal(as_map_size((as_map*)v), 1);
	check_encoding(v, "82c70001c0a2036101");
	as_val_destroy(v);

	v = decode("93c700010102", AS_LIST);
	assert_int_equal(((as_list*)v)->flags, AS_PACKED_LIST_FLAG_ORDERED);
	assert_int_equal(as_list_size((as_list*)v), 2);
	/* 7.4.0 writes no flags element for lists. */
	check_encoding(v, "920102");
	as_val_destroy(v);

	/* Preserve order: the keys and values in turn, as a list. */
	v = decode("83c70008c0 a2036201 a2036102", AS_LIST);
	assert_int_equal(as_list_size((as_list*)v), 4);
	check_encoding(v, "94a2036201a2036102");
	as_val_destroy(v);

	/* Unordered maps decode into ordered maps, sorted by key. */
	v = decode("82a2036202a2036101", AS_MAP);
	check_encoding(v, "82a2036101a2036202");
	as_val_destroy(v);

	/* A top-level ext leaves no value, as in 7.4.0. */
	uint8_t ext[] = {0xd4, 0xff, 0x01};
	as_unpacker pk = {ext, 0, sizeof(ext)};
	as_val* none = (as_val*)&as_nil;
	assert_int_equal(as_unpack_val(&pk, &none), 0);
	assert_null(none);
	assert_int_equal(pk.offset, 3);
}

static void test_bad_input_fails_without_leaking(void** state)
{
	(void)state;
	const char* bad[] = {
		"", "c1", "cd01", "a5036162", "92 01", "93 01 a20361 c1",
		"dd ffffffff 01",            /* a count no buffer of this size can hold */
		"df ffffffff a2036101",
		"82 a2036101 a20362",        /* the last value missing */
		"92 01 d4ff00",              /* an ext in the middle of a list */
		"81 d50100 01 ",
		"82 c70001c0 d4ff01 01",     /* an ext key in an ordered map */
		"93 91 91 92 a2036101 c1",   /* nested, failing deep inside */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint8_t in[64];
		uint32_t n = hex_bytes(bad[i], in);
		as_unpacker pk = {in, 0, n};
		as_val* v = (as_val*)&as_nil;
		assert_true(as_unpack_val(&pk, &v) != 0);
		assert_ptr_equal(v, &as_nil);
	}

	/* A million levels of nesting decode without recursion. */
	size_t depth = 1000000;
	uint8_t* deep = malloc(depth + 1);
	memset(deep, 0x91, depth);
	deep[depth] = 0x01;
	as_unpacker pk = {deep, 0, (uint32_t)depth + 1};
	as_val* v = NULL;
	assert_int_equal(as_unpack_val(&pk, &v), 0);
	assert_int_equal(as_val_type(v), AS_LIST);
	as_val* inner = v;
	for (size_t i = 0; i < 3; i++) {
		inner = as_list_get((as_list*)inner, 0);
	}
	assert_int_equal(as_val_type(inner), AS_LIST);
	/* Taking it apart is the value types' business; detach one level at a time. */
	while (as_val_type(v) == AS_LIST) {
		as_val* child = as_list_get((as_list*)v, 0);
		if (child != NULL) {
			as_val_reserve(child);
		}
		as_val_destroy(v);
		v = child;
	}
	assert_int_equal(as_integer_get((as_integer*)v), 1);
	as_val_destroy(v);
	pk.offset = 0;
	pk.length = (uint32_t)depth;
	v = NULL;
	assert_true(as_unpack_val(&pk, &v) != 0);
	free(deep);
}

static void test_large_values_join_into_one_buffer(void** state)
{
	(void)state;
	size_t len = 20000;
	char* text = malloc(len + 1);
	memset(text, 'x', len);
	text[len] = 0;
	as_arraylist list;
	as_arraylist_init(&list, 3, 0);
	as_arraylist_append_int64(&list, 7);
	as_arraylist_append(&list, (as_val*)as_string_new(text, true));
	as_arraylist_append_int64(&list, 8);

	as_serializer* ser = as_msgpack_new();
	as_buffer buf;
	as_buffer_init(&buf);
	assert_int_equal(as_serializer_serialize(ser, (as_val*)&list, &buf), 0);
	assert_int_equal(buf.size, 1 + 1 + 3 + 1 + len + 1);
	assert_memory_equal(buf.data, "\x93\x07\xda\x4e\x21\x03xx", 8);
	assert_int_equal(buf.data[buf.size - 1], 8);
	assert_int_equal(buf.data[buf.size - 2], 'x');

	as_val* back = NULL;
	assert_int_equal(as_serializer_deserialize(ser, &buf, &back), 0);
	assert_int_equal(as_val_cmp(back, (as_val*)&list), MSGPACK_COMPARE_EQUAL);
	as_val_destroy(back);
	as_buffer_destroy(&buf);
	as_serializer_destroy(ser);
	as_arraylist_destroy(&list);
}

static void test_val_cmp(void** state)
{
	(void)state;
	as_integer one;
	as_integer two;
	as_integer_init(&one, 1);
	as_integer_init(&two, 2);
	as_string s;
	as_string_init(&s, "a", false);
	assert_int_equal(as_val_cmp((as_val*)&one, (as_val*)&two), MSGPACK_COMPARE_LESS);
	assert_int_equal(as_val_cmp((as_val*)&two, (as_val*)&one), MSGPACK_COMPARE_GREATER);
	assert_int_equal(as_val_cmp((as_val*)&one, (as_val*)&one), MSGPACK_COMPARE_EQUAL);
	assert_int_equal(as_val_cmp((as_val*)&one, (as_val*)&s), MSGPACK_COMPARE_LESS);
	assert_int_equal(as_val_cmp((as_val*)&as_cmp_wildcard, (as_val*)&as_cmp_wildcard),
		MSGPACK_COMPARE_EQUAL);
	/* Two infinities are not ordered in 7.4.0. */
	assert_int_equal(as_val_cmp((as_val*)&as_cmp_inf, (as_val*)&as_cmp_inf), MSGPACK_COMPARE_ERROR);

	as_arraylist a;
	as_arraylist b;
	as_arraylist_init(&a, 2, 0);
	as_arraylist_init(&b, 3, 0);
	as_arraylist_append_int64(&a, 1);
	as_arraylist_append(&a, (as_val*)&as_cmp_wildcard);
	as_arraylist_append_int64(&b, 1);
	as_arraylist_append_int64(&b, 5);
	as_arraylist_append_int64(&b, 6);
	assert_int_equal(as_val_cmp((as_val*)&a, (as_val*)&b), MSGPACK_COMPARE_EQUAL);
	as_arraylist_destroy(&a);
	as_arraylist_destroy(&b);

	/* Maps: size first, then keys; values are not consulted. */
	as_orderedmap m1;
	as_orderedmap m2;
	as_orderedmap_init(&m1, 1);
	as_orderedmap_init(&m2, 1);
	as_orderedmap_set(&m1, (as_val*)as_integer_new(1), (as_val*)as_integer_new(100));
	as_orderedmap_set(&m2, (as_val*)as_integer_new(1), (as_val*)as_integer_new(200));
	assert_int_equal(as_val_cmp((as_val*)&m1, (as_val*)&m2), MSGPACK_COMPARE_EQUAL);
	as_orderedmap_set(&m2, (as_val*)as_integer_new(0), (as_val*)as_integer_new(0));
	assert_int_equal(as_val_cmp((as_val*)&m1, (as_val*)&m2), MSGPACK_COMPARE_LESS);
	as_orderedmap_destroy(&m1);
	as_orderedmap_destroy(&m2);
}

/* Every cut of a valid encoding fails; every single-byte corruption either
 * fails or decodes to a value that is released (the sanitizer build proves
 * nothing is read past the end or leaked). */
static void test_truncations_and_corruptions(void** state)
{
	(void)state;
	uint8_t good[128];
	uint32_t n = hex_bytes("95 01 a403616263 82c70001c0 a2036101 93c70001 01 cb3ff0000000000000 c3",
		good);
	static const uint8_t noise[] = {0x00, 0x7f, 0x80, 0x8f, 0x91, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1,
		0xc7, 0xd4, 0xd9, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xff};
	for (uint32_t cut = 0; cut < n; cut++) {
		as_unpacker pk = {good, 0, cut};
		as_val* v = NULL;
		assert_true(as_unpack_val(&pk, &v) != 0);
		assert_null(v);
	}
	for (uint32_t at = 0; at < n; at++) {
		for (size_t k = 0; k < sizeof(noise); k++) {
			uint8_t bad[128];
			memcpy(bad, good, n);
			bad[at] = noise[k];
			as_unpacker pk = {bad, 0, n};
			as_val* v = NULL;
			if (as_unpack_val(&pk, &v) == 0) {
				assert_true(pk.offset <= n);
				as_val_destroy(v);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_blobs_carry_their_particle_type),
		cmocka_unit_test(test_lists_maps_pairs),
		cmocka_unit_test(test_decoded_containers_keep_their_flags),
		cmocka_unit_test(test_bad_input_fails_without_leaking),
		cmocka_unit_test(test_large_values_join_into_one_buffer),
		cmocka_unit_test(test_val_cmp),
		cmocka_unit_test(test_truncations_and_corruptions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
