/*
 * The direct msgpack writers of as_msgpack.h produce the bytes of the
 * MessagePack specification (smallest forms at every boundary) and of
 * 7.4.0's dialect (particle-typed blobs, fixext1 comparison values), report
 * the sizes they write, refuse to overrun a fixed buffer and count without
 * one. The expected bytes are written out from the spec, not produced by
 * the library.
 */
#include <aerospike/as_msgpack.h>
#include <aerospike/as_msgpack_ext.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hex_bytes.h"

static uint8_t g_out[70000];

static as_packer packer_over(uint8_t* buf, uint32_t capacity)
{
	as_packer pk = {NULL, NULL, buf, 0, capacity};
	return pk;
}

/* The packer holds exactly the bytes spelled in hex. */
static void check_written(const as_packer* pk, const char* hex)
{
	uint8_t expected[64];
	size_t n = hex_bytes(hex, expected);
	assert_int_equal(pk->offset, n);
	assert_memory_equal(pk->buffer, expected, n);
}

#define CHECK_INT(value, hex) \
	do { \
		as_packer pk = packer_over(g_out, sizeof(g_out)); \
		assert_int_equal(as_pack_int64(&pk, value), 0); \
		check_written(&pk, hex); \
		assert_int_equal(as_pack_int64_size(value), pk.offset); \
	} while (0)

#define CHECK_UINT(value, hex) \
	do { \
		as_packer pk = packer_over(g_out, sizeof(g_out)); \
		assert_int_equal(as_pack_uint64(&pk, value), 0); \
		check_written(&pk, hex); \
		assert_int_equal(as_pack_uint64_size(value), pk.offset); \
	} while (0)

static void test_integers_take_the_smallest_form(void** state)
{
	(void)state;
	CHECK_INT(0, "00");
	CHECK_INT(127, "7f");
	CHECK_INT(128, "cc80");
	CHECK_INT(255, "ccff");
	CHECK_INT(256, "cd0100");
	CHECK_INT(65535, "cdffff");
	CHECK_INT(65536, "ce00010000");
	CHECK_INT(4294967295LL, "ceffffffff");
	CHECK_INT(4294967296LL, "cf0000000100000000");
	CHECK_INT(INT64_MAX, "cf7fffffffffffffff");
	CHECK_INT(-1, "ff");
	CHECK_INT(-32, "e0");
	CHECK_INT(-33, "d0df");
	CHECK_INT(-128, "d080");
	CHECK_INT(-129, "d1ff7f");
	CHECK_INT(-32768, "d18000");
	CHECK_INT(-32769, "d2ffff7fff");
	CHECK_INT(INT32_MIN, "d280000000");
	CHECK_INT((int64_t)INT32_MIN - 1, "d3ffffffff7fffffff");
	CHECK_INT(INT64_MIN, "d38000000000000000");
	CHECK_UINT(127, "7f");
	CHECK_UINT(UINT64_MAX, "cfffffffffffffffff");
}

static void test_scalars(void** state)
{
	(void)state;
	as_packer pk = packer_over(g_out, sizeof(g_out));
	assert_int_equal(as_pack_nil(&pk), 0);
	assert_int_equal(as_pack_bool(&pk, true), 0);
	assert_int_equal(as_pack_bool(&pk, false), 0);
	assert_int_equal(as_pack_double(&pk, 1.0), 0);
	assert_int_equal(as_pack_float(&pk, 1.5f), 0);
	assert_int_equal(as_pack_double(&pk, -2.5), 0);
	check_written(&pk, "c0 c3 c2 cb3ff0000000000000 ca3fc00000 cbc004000000000000");
	assert_int_equal(as_pack_nil_size(), 1);
	assert_int_equal(as_pack_bool_size(), 1);
	assert_int_equal(as_pack_float_size(), 5);
	assert_int_equal(as_pack_double_size(), 9);
}

static void test_comparison_values_are_fixext1(void** state)
{
	(void)state;
	as_packer pk = packer_over(g_out, sizeof(g_out));
	assert_int_equal(as_pack_cmp_wildcard(&pk), 0);
	assert_int_equal(as_pack_cmp_inf(&pk), 0);
	check_written(&pk, "d4ff00 d4ff01");
	assert_int_equal(as_pack_cmp_inf_size(), 3);
	assert_int_equal(as_pack_cmp_wildcard_size(), 3);
	assert_int_equal(as_cmp_inf.type, AS_CMP_INF);
	assert_int_equal(as_cmp_wildcard.type, AS_CMP_WILDCARD);
	assert_int_equal(as_cmp_inf.count, 0);
	assert_false(as_cmp_wildcard.free);
	char* s = as_cmp_inf_val_tostring(&as_cmp_inf);
	assert_string_equal(s, "INF");
	free(s);
	s = as_cmp_wildcard_val_tostring(&as_cmp_wildcard);
	assert_string_equal(s, "*");
	free(s);
	assert_int_equal(as_cmp_inf_val_hashcode(&as_cmp_inf), 0);
	assert_int_equal(as_cmp_wildcard_val_hashcode(&as_cmp_wildcard), 0);
	as_cmp_inf_val_destroy((as_val*)&as_cmp_inf);
	as_cmp_wildcard_val_destroy((as_val*)&as_cmp_wildcard);
}

static void check_str_header(uint32_t size, const char* hex)
{
	as_packer pk = packer_over(g_out, sizeof(g_out));
	assert_int_equal(as_pack_str(&pk, NULL, size), 0);
	check_written(&pk, hex);
	assert_int_equal(as_pack_str_size(size), pk.offset + size);
}

static void check_bin_header(uint32_t size, const char* hex)
{
	as_packer pk = packer_over(g_out, sizeof(g_out));
	assert_int_equal(as_pack_bin(&pk, NULL, size), 0);
	check_written(&pk, hex);
	assert_int_equal(as_pack_bin_size(size), pk.offset + size);
}

static void test_str_and_bin_headers(void** state)
{
	(void)state;
	check_str_header(0, "a0");
	check_str_header(31, "bf");
	check_str_header(32, "d920");
	check_str_header(255, "d9ff");
	check_str_header(256, "da0100");
	check_str_header(65535, "daffff");
	check_str_header(65536, "db00010000");
	check_bin_header(0, "c400");
	check_bin_header(255, "c4ff");
	check_bin_header(256, "c50100");
	check_bin_header(65536, "c600010000");

	as_packer pk = packer_over(g_out, sizeof(g_out));
	assert_int_equal(as_pack_str(&pk, (const uint8_t*)"abc", 3), 0);
	assert_int_equal(as_pack_bin(&pk, (const uint8_t*)"xy", 2), 0);
	check_written(&pk, "a3616263 c4027879");
}

static void test_server_blobs_carry_their_particle_type(void** state)
{
	(void)state;
	as_packer pk = packer_over(g_out, sizeof(g_out));
	/* as_bytes blob particle 4, string 3, GeoJSON 23 */
	assert_int_equal(as_pack_bytes(&pk, (const uint8_t*)"ab", 2), 0);
	assert_int_equal(as_pack_str_with_type(&pk, 3, (const uint8_t*)"ab", 2), 0);
	assert_int_equal(as_pack_str_with_type(&pk, 23, (const uint8_t*)"", 0), 0);
	check_written(&pk, "a3046162 a3036162 a117");

	/* Without bytes only the header: the header counts the type byte too. */
	pk = packer_over(g_out, sizeof(g_out));
	assert_int_equal(as_pack_str_with_type(&pk, 3, NULL, 31), 0);
	check_written(&pk, "d920");

	static uint8_t big[300];
	memset(big, 'z', sizeof(big));
	pk = packer_over(g_out, sizeof(g_out));
	assert_int_equal(as_pack_bytes(&pk, big, 300), 0);
	assert_int_equal(pk.offset, 3 + 1 + 300);
	assert_memory_equal(g_out, "\xda\x01\x2d\x04zz", 6);
}

static void test_container_headers(void** state)
{
	(void)state;
	struct {
		uint32_t count;
		const char* list;
		const char* map;
		uint32_t size;
	} rows[] = {
		{0, "90", "80", 1},
		{15, "9f", "8f", 1},
		{16, "dc0010", "de0010", 3},
		{65535, "dcffff", "deffff", 3},
		{65536, "dd00010000", "df00010000", 5},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		as_packer pk = packer_over(g_out, sizeof(g_out));
		assert_int_equal(as_pack_list_header(&pk, rows[i].count), 0);
		check_written(&pk, rows[i].list);
		pk = packer_over(g_out, sizeof(g_out));
		assert_int_equal(as_pack_map_header(&pk, rows[i].count), 0);
		check_written(&pk, rows[i].map);
		assert_int_equal(as_pack_list_header_get_size(rows[i].count), rows[i].size);
		assert_int_equal(as_pack_map_header_get_size(rows[i].count), rows[i].size);
	}
}

static void test_ext_headers(void** state)
{
	(void)state;
	struct {
		uint32_t size;
		const char* hex;
	} rows[] = {
		{1, "d405"},        {2, "d505"},        {4, "d605"},          {8, "d705"},
		{16, "d805"},       {0, "c70005"},      {3, "c70305"},        {17, "c71105"},
		{255, "c7ff05"},    {256, "c8010005"},  {65536, "c90001000005"},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		as_packer pk = packer_over(g_out, sizeof(g_out));
		assert_int_equal(as_pack_ext_header(&pk, rows[i].size, 5), 0);
		check_written(&pk, rows[i].hex);
		assert_int_equal(as_pack_ext_header_get_size(rows[i].size), pk.offset);
	}

	/* An empty ext whose type is the flags leads an ordered map. */
	uint8_t buf[4];
	assert_int_equal(as_pack_buf_ext_header(buf, 1, 0, AS_PACKED_MAP_FLAG_K_ORDERED), -1);
	assert_int_equal(as_pack_buf_ext_header(buf, 3, 0, AS_PACKED_MAP_FLAG_K_ORDERED), 0);
	assert_memory_equal(buf, "\xc7\x00\x01", 3);
}

static void test_fixed_buffer_is_never_overrun(void** state)
{
	(void)state;
	uint8_t buf[8];
	memset(buf, 0xee, sizeof(buf));
	as_packer pk = packer_over(buf, 2);
	assert_int_equal(as_pack_int64(&pk, 300), -1);
	assert_int_equal(pk.offset, 0);
	assert_int_equal(as_pack_int64(&pk, 200), 0);
	assert_int_equal(as_pack_nil(&pk), -1);
	assert_int_equal(as_pack_append(&pk, (const unsigned char*)"x", 1), -1);
	assert_int_equal(pk.offset, 2);
	assert_int_equal(buf[2], 0xee);
	assert_null(pk.head);
	assert_int_equal(as_pack_str(&pk, (const uint8_t*)"", 0), -1);
	assert_int_equal(as_pack_append(&pk, NULL, 0), 0);
	assert_int_equal(as_pack_append(NULL, buf, 1), -1);
	assert_int_equal(as_pack_nil(NULL), -1);
}

static void test_without_buffer_only_counts(void** state)
{
	(void)state;
	as_packer pk = {NULL, NULL, NULL, 0, 0};
	assert_int_equal(as_pack_int64(&pk, -129), 0);
	assert_int_equal(as_pack_str(&pk, (const uint8_t*)"abc", 3), 0);
	assert_int_equal(as_pack_bytes(&pk, NULL, 10), 0);
	assert_int_equal(as_pack_append(&pk, NULL, 100), 0);
	assert_int_equal(pk.offset, 3 + 4 + 12 + 100);

	/* Offsets stop at INT32_MAX. */
	pk.offset = INT32_MAX - 1;
	assert_int_equal(as_pack_nil(&pk), 0);
	assert_int_equal(as_pack_nil(&pk), -1);
	assert_int_equal(pk.offset, INT32_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers_take_the_smallest_form),
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_comparison_values_are_fixext1),
		cmocka_unit_test(test_str_and_bin_headers),
		cmocka_unit_test(test_server_blobs_carry_their_particle_type),
		cmocka_unit_test(test_container_headers),
		cmocka_unit_test(test_ext_headers),
		cmocka_unit_test(test_fixed_buffer_is_never_overrun),
		cmocka_unit_test(test_without_buffer_only_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
