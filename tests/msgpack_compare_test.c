/*
 * as_unpack_compare / as_unpack_buf_compare order encoded values as the
 * server (and 7.4.0) does: by as_val type number first, then by value;
 * lists element-wise then by length, maps by size first, ordered maps by
 * their flags ext; a wildcard equals anything and settles its container;
 * infinity sorts after every type. Malformed input is an error, and both
 * unpackers end past their values.
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

static msgpack_compare_t cmp(const char* x, const char* y)
{
	uint8_t a[128];
	uint8_t b[128];
	uint32_t na = hex_bytes(x, a);
	uint32_t nb = hex_bytes(y, b);
	return as_unpack_buf_compare(a, na, b, nb);
}

#define LESS MSGPACK_COMPARE_LESS
#define EQUAL MSGPACK_COMPARE_EQUAL
#define GREATER MSGPACK_COMPARE_GREATER
#define ERROR MSGPACK_COMPARE_ERROR

static void test_scalars(void** state)
{
	(void)state;
	assert_int_equal(cmp("01", "02"), LESS);
	assert_int_equal(cmp("02", "01"), GREATER);
	assert_int_equal(cmp("cd0100", "d1ff00"), GREATER);
	assert_int_equal(cmp("ff", "01"), LESS);
	assert_int_equal(cmp("cc05", "05"), EQUAL);
	/* Integers compare signed: the top uint 64 is -1. */
	assert_int_equal(cmp("cfffffffffffffffff", "00"), LESS);
	assert_int_equal(cmp("c0", "c0"), EQUAL);
	assert_int_equal(cmp("c2", "c3"), LESS);
	assert_int_equal(cmp("c3", "c3"), EQUAL);
	assert_int_equal(cmp("cb3ff0000000000000", "ca3fc00000"), LESS);
	assert_int_equal(cmp("ca3fc00000", "cb3ff8000000000000"), EQUAL);
}

static void test_types_order_before_values(void** state)
{
	(void)state;
	/* nil < bool < integer < string < list < map < bytes < double < geojson < inf */
	assert_int_equal(cmp("c0", "c2"), LESS);
	assert_int_equal(cmp("c3", "00"), LESS);
	assert_int_equal(cmp("7f", "a20361"), LESS);
	assert_int_equal(cmp("a20361", "90"), LESS);
	assert_int_equal(cmp("90", "80"), LESS);
	assert_int_equal(cmp("80", "a20461"), LESS);
	assert_int_equal(cmp("a20461", "cb0000000000000000"), LESS);
	assert_int_equal(cmp("cb0000000000000000", "a21761"), LESS);
	assert_int_equal(cmp("a21761", "d4ff01"), LESS);
	assert_int_equal(cmp("d4ff01", "d4ff01"), EQUAL);
}

static void test_blobs(void** state)
{
	(void)state;
	assert_int_equal(cmp("a3036162", "a403616263"), LESS);
	assert_int_equal(cmp("a20362", "a3036162"), GREATER);
	assert_int_equal(cmp("d903036162", "a3036162"), EQUAL);
	/* Blob subtypes are one as_val type; the particle byte is not compared. */
	assert_int_equal(cmp("a20461", "a20761"), EQUAL);
	/* Empty blobs have no particle byte and cannot be compared. */
	assert_int_equal(cmp("a0", "a0"), ERROR);
}

static void test_lists(void** state)
{
	(void)state;
	assert_int_equal(cmp("920102", "920103"), LESS);
	assert_int_equal(cmp("9101", "920100"), LESS);
	assert_int_equal(cmp("920100", "9101"), GREATER);
	assert_int_equal(cmp("90", "90"), EQUAL);
	assert_int_equal(cmp("90", "9100"), LESS);
	assert_int_equal(cmp("dc00020102", "920102"), EQUAL);
	/* A wildcard settles the list it is in, whatever follows. */
	assert_int_equal(cmp("9201d4ff00", "93010506"), EQUAL);
	assert_int_equal(cmp("92 9201d4ff00 02", "92 93010909 03"), LESS);
	assert_int_equal(cmp("d4ff00", "92a10361c0"), EQUAL);
	assert_int_equal(cmp("9201d4ff01", "920105"), GREATER);
}

static void test_maps(void** state)
{
	(void)state;
	/* Size first, then pairs in order. */
	assert_int_equal(cmp("81a2036101", "82a2036101a2036202"), LESS);
	assert_int_equal(cmp("81a2036109", "82a2036101a2036202"), LESS);
	assert_int_equal(cmp("81a2036101", "81a2036102"), LESS);
	assert_int_equal(cmp("81a2036200", "81a2036109"), GREATER);
	assert_int_equal(cmp("80", "80"), EQUAL);
	assert_int_equal(cmp("81a20361d4ff00", "81a2036105"), EQUAL);
	/* Ordered maps: the flags ext compares first, then the pairs. */
	assert_int_equal(cmp("82c70001c0 a2036101", "82c70001c0 a2036102"), LESS);
	assert_int_equal(cmp("82c70003c0 a2036101", "82c70001c0 a2036102"), GREATER);
	assert_int_equal(cmp("82c70001c0 a2036101", "82c70001c0 a2036101"), EQUAL);
}

static void test_malformed_is_an_error(void** state)
{
	(void)state;
	assert_int_equal(cmp("c1", "01"), ERROR);
	assert_int_equal(cmp("", "01"), ERROR);
	assert_int_equal(cmp("01", ""), ERROR);
	assert_int_equal(cmp("", ""), ERROR);
	assert_int_equal(cmp("9201", "9201"), ERROR);
	/* Decided by the first element, but the rest does not parse. */
	assert_int_equal(cmp("9201c1", "9202c1"), ERROR);
	assert_int_equal(cmp("dd ffffffff 01", "dd ffffffff 01"), ERROR);
	assert_int_equal(cmp("d4ff02", "d4ff02"), ERROR);
}

static void test_unpackers_end_past_their_values(void** state)
{
	(void)state;
	uint8_t a[] = {0x92, 0x01, 0x02, 0xc0};
	uint8_t b[] = {0x91, 0x05, 0xc0};
	as_unpacker pa = {a, 0, sizeof(a)};
	as_unpacker pb = {b, 0, sizeof(b)};
	assert_int_equal(as_unpack_compare(&pa, &pb), LESS);
	assert_int_equal(pa.offset, 3);
	assert_int_equal(pb.offset, 2);
	assert_int_equal(as_unpack_compare(&pa, &pb), EQUAL);

	uint8_t c[] = {0x82, 0xa2, 0x03, 0x61, 0x01, 0xa2, 0x03, 0x62, 0x02};
	uint8_t d[] = {0x81, 0xa2, 0x03, 0x61, 0x01};
	as_unpacker pc = {c, 0, sizeof(c)};
	as_unpacker pd = {d, 0, sizeof(d)};
	assert_int_equal(as_unpack_compare(&pc, &pd), GREATER);
	assert_int_equal(pc.offset, sizeof(c));
	assert_int_equal(pd.offset, sizeof(d));

	assert_true(as_unpack_buf_is_less(b, 2, a, 3) == false);
	assert_true(as_unpack_buf_is_less(a, 3, b, 2));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_types_order_before_values),
		cmocka_unit_test(test_blobs),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_maps),
		cmocka_unit_test(test_malformed_is_an_error),
		cmocka_unit_test(test_unpackers_end_past_their_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
