/*
 * cf_b64: RFC 4648 test vectors (section 10) both ways, the inline size
 * helpers, in-place decoding, and the validator's 7.4.0 rules (non-empty,
 * multiple of 4, alphabet, padding only at the end).
 */
#include <citrusleaf/cf_b64.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

static const struct {
	const char* raw;
	const char* encoded;
} rfc4648[] = {
	{"", ""},
	{"f", "Zg=="},
	{"fo", "Zm8="},
	{"foo", "Zm9v"},
	{"foob", "Zm9vYg=="},
	{"fooba", "Zm9vYmE="},
	{"foobar", "Zm9vYmFy"},
};

static void test_encode(void** state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(rfc4648) / sizeof(rfc4648[0]); i++) {
		char out[16];
		uint32_t n = (uint32_t)strlen(rfc4648[i].raw);
		memset(out, '#', sizeof(out));
		cf_b64_encode((const uint8_t*)rfc4648[i].raw, n, out);
		assert_int_equal(cf_b64_encoded_len(n), strlen(rfc4648[i].encoded));
		assert_memory_equal(out, rfc4648[i].encoded, strlen(rfc4648[i].encoded));
		assert_int_equal(out[cf_b64_encoded_len(n)], '#');
	}
	{
		const uint8_t bin[] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0xff, 0xfe};
		char out[12];
		cf_b64_encode(bin, sizeof(bin), out);
		assert_memory_equal(out, "AAECAwQFBv/+", 12);
	}
}

static void test_decode(void** state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(rfc4648) / sizeof(rfc4648[0]); i++) {
		uint8_t out[16];
		char in_place[16];
		uint32_t len = (uint32_t)strlen(rfc4648[i].encoded);
		uint32_t size = 99;
		cf_b64_decode(rfc4648[i].encoded, len, out, &size);
		assert_int_equal(size, strlen(rfc4648[i].raw));
		assert_memory_equal(out, rfc4648[i].raw, size);
		assert_true(cf_b64_decoded_buf_size(len) >= size);

		strcpy(in_place, rfc4648[i].encoded);
		size = 99;
		cf_b64_decode_in_place((uint8_t*)in_place, len, &size);
		assert_int_equal(size, strlen(rfc4648[i].raw));
		assert_memory_equal(in_place, rfc4648[i].raw, size);
	}
	{
		uint8_t out[9];
		uint32_t size = 0;
		assert_true(cf_b64_validate_and_decode("AAECAwQFBv/+", 12, out, &size));
		assert_int_equal(size, 9);
		assert_int_equal(out[7], 0xff);
		assert_int_equal(out[8], 0xfe);
	}
}

static void test_validate(void** state)
{
	(void)state;
	uint8_t out[16];
	uint32_t size = 77;
	const char* bad[] = {"", "Zg=", "Zg===", "Z===", "Zm9v!A==", "=Zg=", "Zg=a", "Zm9vYm\nA"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_false(cf_b64_validate_and_decode(bad[i], (uint32_t)strlen(bad[i]), out, &size));
	}
	assert_int_equal(size, 77);
	assert_false(cf_b64_validate_and_decode(NULL, 4, out, &size));
	assert_true(cf_b64_validate_and_decode("Zm8=", 4, out, &size));
	assert_int_equal(size, 2);
	{
		char buf[] = "Zm9vYmE=";
		assert_true(cf_b64_validate_and_decode_in_place((uint8_t*)buf, 8, &size));
		assert_int_equal(size, 5);
		assert_memory_equal(buf, "fooba", 5);
		strcpy(buf, "Zm9v*mE=");
		assert_false(cf_b64_validate_and_decode_in_place((uint8_t*)buf, 8, &size));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_validate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
