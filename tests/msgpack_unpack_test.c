/*
 * The direct msgpack readers of as_msgpack.h: every integer and float form
 * of the MessagePack specification, the as_val type 7.4.0 reports for each
 * marker (blobs by their particle byte, fixext1 comparison values), element
 * sizes and skipping, and bad input: truncated elements, lengths and counts
 * past the buffer and nesting a hundred thousand deep fail cleanly (7.4.0
 * reads past the end of such input).
 */
#include <aerospike/as_msgpack.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hex_bytes.h"

static uint8_t g_in[256];

static as_unpacker unpacker_hex(const char* hex)
{
	as_unpacker pk = {g_in, 0, hex_bytes(hex, g_in)};
	return pk;
}

static int64_t int_of(const char* hex)
{
	as_unpacker pk = unpacker_hex(hex);
	int64_t v = 0;
	assert_int_equal(as_unpack_int64(&pk, &v), 0);
	assert_int_equal(pk.offset, pk.length);
	return v;
}

static void test_integer_forms(void** state)
{
	(void)state;
	assert_int_equal(int_of("00"), 0);
	assert_int_equal(int_of("7f"), 127);
	assert_int_equal(int_of("e0"), -32);
	assert_int_equal(int_of("ff"), -1);
	assert_int_equal(int_of("cc80"), 128);
	assert_int_equal(int_of("cdffff"), 65535);
	assert_int_equal(int_of("ceffffffff"), 4294967295LL);
	assert_int_equal(int_of("cf0000000100000000"), 4294967296LL);
	assert_int_equal(int_of("d080"), -128);
	assert_int_equal(int_of("d0df"), -33);
	assert_int_equal(int_of("d18000"), -32768);
	assert_int_equal(int_of("d280000000"), INT32_MIN);
	assert_int_equal(int_of("d38000000000000000"), INT64_MIN);
	/* uint 64 keeps its bits: the largest reads back as -1 signed. */
	assert_int_equal(int_of("cfffffffffffffffff"), -1);

	as_unpacker pk = unpacker_hex("cfffffffffffffffff");
	uint64_t u = 0;
	assert_int_equal(as_unpack_uint64(&pk, &u), 0);
	assert_true(u == UINT64_MAX);

	/* Truncated values and non-integers fail. */
	const char* bad[] = {"", "cc", "cd01", "ce000000", "cf00000000000000", "d3ff", "c0", "a0",
		"c1"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		pk = unpacker_hex(bad[i]);
		int64_t v;
		assert_true(as_unpack_int64(&pk, &v) < 0);
	}
}

static void test_floats_nil_and_booleans(void** state)
{
	(void)state;
	as_unpacker pk = unpacker_hex("ca3fc00000 cbc004000000000000 c0 c3 c2");
	double d = 0;
	assert_int_equal(as_unpack_double(&pk, &d), 0);
	assert_true(d == 1.5);
	assert_int_equal(as_unpack_double(&pk, &d), 0);
	assert_true(d == -2.5);
	assert_true(as_unpack_double(&pk, &d) < 0);
	assert_int_equal(as_unpack_nil(&pk), 0);
	bool b = false;
	assert_int_equal(as_unpack_boolean(&pk, &b), 0);
	assert_true(b);
	assert_int_equal(as_unpack_boolean(&pk, &b), 0);
	assert_false(b);
	assert_true(as_unpack_boolean(&pk, &b) < 0);
	assert_true(as_unpack_nil(&pk) < 0);

	pk = unpacker_hex("cb3ff00000");
	assert_true(as_unpack_double(&pk, &d) < 0);
}

static void test_peek_type(void** state)
{
	(void)state;
	struct {
		const char* hex;
		as_val_t type;
	} rows[] = {
		{"c0", AS_NIL},
		{"c3", AS_BOOLEAN},
		{"05", AS_INTEGER},
		{"f0", AS_INTEGER},
		{"d3", AS_INTEGER},
		{"cb", AS_DOUBLE},
		{"a30361", AS_STRING},
		{"a3046162", AS_BYTES},
		{"a21761", AS_GEOJSON},
		{"d90203", AS_STRING},
		{"da000217", AS_GEOJSON},
		{"c4020761", AS_BYTES},
		{"91c0", AS_LIST},
		{"dc0000", AS_LIST},
		{"80", AS_MAP},
		{"df00000000", AS_MAP},
		{"d4ff00", AS_CMP_WILDCARD},
		{"d4ff01", AS_CMP_INF},
		{"d4ff02", AS_CMP_EXT},
		{"d40100", AS_CMP_EXT},
		{"c70001", AS_CMP_EXT},
		{"d8", AS_CMP_EXT},
		{"c1", AS_UNDEF},
		{"", AS_UNDEF},
		/* The particle byte is past the end. */
		{"a3", AS_UNDEF},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		as_unpacker pk = unpacker_hex(rows[i].hex);
		assert_int_equal(as_unpack_peek_type(&pk), rows[i].type);
		assert_int_equal(pk.offset, 0);
		assert_int_equal(as_unpack_buf_peek_type(g_in, pk.length), rows[i].type);
	}
	as_unpacker pk = unpacker_hex("d4ff00");
	assert_true(as_unpack_peek_is_ext(&pk));
	pk = unpacker_hex("c9");
	assert_true(as_unpack_peek_is_ext(&pk));
	pk = unpacker_hex("c0");
	assert_false(as_unpack_peek_is_ext(&pk));
	assert_int_equal(as_unpack_peek_type(NULL), AS_UNDEF);
	assert_int_equal(as_unpack_buf_peek_type(NULL, 10), AS_UNDEF);
}

static void test_strings_and_exts(void** state)
{
	(void)state;
	as_unpacker pk = unpacker_hex("a3616263 c4027879 d9036465 66 a0");
	uint32_t n = 0;
	const uint8_t* s = as_unpack_str(&pk, &n);
	assert_non_null(s);
	assert_int_equal(n, 3);
	assert_memory_equal(s, "abc", 3);
	s = as_unpack_bin(&pk, &n);
	assert_int_equal(n, 2);
	assert_memory_equal(s, "xy", 2);
	s = as_unpack_str(&pk, &n);
	assert_memory_equal(s, "def", 3);
	s = as_unpack_str(&pk, &n);
	assert_non_null(s);
	assert_int_equal(n, 0);
	assert_null(as_unpack_str(&pk, &n));

	/* A length past the end. */
	pk = unpacker_hex("a56162");
	assert_null(as_unpack_str(&pk, &n));
	pk = unpacker_hex("dbffffffff61");
	assert_null(as_unpack_str(&pk, &n));
	pk = unpacker_hex("d9");
	assert_null(as_unpack_str(&pk, &n));

	pk = unpacker_hex("a5 0361");
	assert_int_equal(as_unpack_blob_size(&pk), 5);
	assert_int_equal(pk.offset, 1);
	pk = unpacker_hex("da01");
	assert_true(as_unpack_blob_size(&pk) < 0);

	pk = unpacker_hex("c703 05 aabbcc d4ff01 d50200");
	as_msgpack_ext ext;
	assert_int_equal(as_unpack_ext(&pk, &ext), 0);
	assert_int_equal(ext.size, 3);
	assert_int_equal(ext.type, 5);
	assert_int_equal(ext.type_offset, 2);
	assert_memory_equal(ext.data, "\xaa\xbb\xcc", 3);
	assert_int_equal(pk.offset, 6);
	assert_int_equal(as_unpack_ext(&pk, &ext), 0);
	assert_int_equal(ext.type, 0xff);
	assert_int_equal(ext.size, 1);
	assert_int_equal(ext.data[0], 1);
	/* fixext 2 with one content byte left. */
	assert_true(as_unpack_ext(&pk, &ext) < 0);
	pk = unpacker_hex("c9ffffffff01");
	assert_true(as_unpack_ext(&pk, &ext) < 0);
	pk = unpacker_hex("c0");
	assert_true(as_unpack_ext(&pk, &ext) < 0);
}

static void test_element_counts(void** state)
{
	(void)state;
	as_unpacker pk = unpacker_hex("93 dc0010 dd00010000 82 de0011 df00000002");
	assert_int_equal(as_unpack_list_header_element_count(&pk), 3);
	assert_int_equal(as_unpack_list_header_element_count(&pk), 16);
	assert_int_equal(as_unpack_list_header_element_count(&pk), 65536);
	assert_true(as_unpack_list_header_element_count(&pk) < 0);
	assert_int_equal(as_unpack_map_header_element_count(&pk), 2);
	assert_int_equal(as_unpack_map_header_element_count(&pk), 17);
	assert_int_equal(as_unpack_map_header_element_count(&pk), 2);
	assert_true(as_unpack_map_header_element_count(&pk) < 0);

	uint8_t list[] = {0xdc, 0x01, 0x00};
	assert_int_equal(as_unpack_buf_list_element_count(list, 3), 256);
	assert_true(as_unpack_buf_list_element_count(list, 2) < 0);
	assert_true(as_unpack_buf_map_element_count(list, 3) < 0);
	uint8_t map[] = {0x8f};
	assert_int_equal(as_unpack_buf_map_element_count(map, 1), 15);
	assert_true(as_unpack_buf_map_element_count(map, 0) < 0);
}

static void test_sizes_and_skipping(void** state)
{
	(void)state;
	/* [1, "ab", [nil, 1.0], {"k": true}], ext 3, then a trailing nil */
	as_unpacker pk = unpacker_hex(
		"94 01 a26162 92c0cb3ff0000000000000 81a16bc3 c70305aabbcc c0");
	assert_int_equal(as_unpack_size(&pk), 1 + 1 + 3 + 1 + 1 + 9 + 1 + 2 + 1);
	assert_int_equal(as_unpack_size(&pk), 6);
	assert_int_equal(as_unpack_size(&pk), 1);
	assert_int_equal(pk.offset, pk.length);
	assert_true(as_unpack_size(&pk) < 0);

	const char* bad[] = {
		"92 01",           /* one element missing */
		"dd ffffffff 01",  /* four billion elements in one byte */
		"df ffffffff",     /* same for a map */
		"81 01",           /* a key without its value */
		"a5 6162",         /* content past the end */
		"c8 ffff 01",      /* ext content past the end */
		"c1",              /* never used */
		"91 c1",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		pk = unpacker_hex(bad[i]);
		assert_true(as_unpack_size(&pk) < 0);
	}
}

static void test_depth_bomb(void** state)
{
	(void)state;
	size_t depth = 100000;
	uint8_t* deep = malloc(depth + 1);
	memset(deep, 0x91, depth);
	deep[depth] = 0xc0;
	as_unpacker pk = {deep, 0, (uint32_t)depth + 1};
	assert_int_equal(as_unpack_size(&pk), (int64_t)depth + 1);
	pk.offset = 0;
	pk.length = (uint32_t)depth;
	assert_true(as_unpack_size(&pk) < 0);

	/* Compared with itself it is equal; cut short, an error. */
	assert_int_equal(as_unpack_buf_compare(deep, depth + 1, deep, depth + 1), MSGPACK_COMPARE_EQUAL);
	assert_int_equal(as_unpack_buf_compare(deep, depth, deep, depth + 1), MSGPACK_COMPARE_ERROR);
	free(deep);
}

static void test_null_arguments(void** state)
{
	(void)state;
	int64_t v;
	uint32_t n;
	assert_true(as_unpack_int64(NULL, &v) < 0);
	assert_true(as_unpack_size(NULL) < 0);
	assert_null(as_unpack_str(NULL, &n));
	as_unpacker pk = {NULL, 0, 100};
	assert_true(as_unpack_size(&pk) < 0);
	assert_int_equal(as_unpack_peek_type(&pk), AS_UNDEF);
	assert_int_equal(as_unpack_compare(NULL, &pk), MSGPACK_COMPARE_ERROR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integer_forms),
		cmocka_unit_test(test_floats_nil_and_booleans),
		cmocka_unit_test(test_peek_type),
		cmocka_unit_test(test_strings_and_exts),
		cmocka_unit_test(test_element_counts),
		cmocka_unit_test(test_sizes_and_skipping),
		cmocka_unit_test(test_depth_bomb),
		cmocka_unit_test(test_null_arguments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
