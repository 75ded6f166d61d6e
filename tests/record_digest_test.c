/*
 * Digests through the public API: cf_RIPEMD160 and cf_SHA1 against the
 * published test vectors of both algorithms (one-shot and streamed in uneven
 * pieces through the caller-allocated context); key digests against the
 * digests the Aerospike Go client's key tests pin for namespace "namespace",
 * set "set" (the server's rule, so any client's digests must agree); the
 * partition id of a digest; and what the key constructors refuse.
 */
#include <aerospike/as_double.h>
#include <aerospike/as_key.h>
#include <aerospike/as_partition.h>
#include <citrusleaf/cf_crypto.h>
#include <citrusleaf/cf_digest.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void hex(const uint8_t* bytes, size_t n, char* out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[bytes[i] >> 4];
		out[2 * i + 1] = digits[bytes[i] & 15];
	}
	out[2 * n] = '\0';
}

static void assert_digest(const uint8_t* digest, const char* expected)
{
	char text[41];
	hex(digest, 20, text);
	assert_string_equal(text, expected);
}

/* The RIPEMD-160 authors' test vectors. */
static const struct {
	const char* input;
	const char* digest;
} ripemd_vectors[] = {
	{"", "9c1185a5c5e9fc54612808977ee8f548b2258d31"},
	{"a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe"},
	{"abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"},
	{"message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36"},
	{"abcdefghijklmnopqrstuvwxyz", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc"},
	{"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		"12a053384a9c0c88e405a06c27dcf49ada62eb2b"},
	{"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
		"b0e20b6e3116640286ed3a87a5713079b21f5189"},
	{"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
		"9b752e45573d4b39f4dbd3323cab82bf63326bfb"},
};

static void test_ripemd160_vectors(void** state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(ripemd_vectors) / sizeof(ripemd_vectors[0]); i++) {
		const char* in = ripemd_vectors[i].input;
		size_t n = strlen(in);
		uint8_t out[CF_RIPEMD160_DIGEST_LENGTH];

		assert_int_equal(cf_RIPEMD160((const unsigned char*)in, n, out), 0);
		assert_digest(out, ripemd_vectors[i].digest);

		/* Streamed one byte, then 3, then the rest: crosses block edges. */
		cf_RIPEMD160_CTX ctx;
		memset(out, 0, sizeof(out));
		assert_int_equal(cf_RIPEMD160_Init(&ctx), 0);
		size_t first = n < 1 ? n : 1;
		size_t second = n - first < 3 ? n - first : 3;
		assert_int_equal(cf_RIPEMD160_Update(&ctx, in, first), 0);
		assert_int_equal(cf_RIPEMD160_Update(&ctx, in + first, second), 0);
		assert_int_equal(cf_RIPEMD160_Update(&ctx, in + first + second, n - first - second), 0);
		assert_int_equal(cf_RIPEMD160_Final(out, &ctx), 0);
		assert_digest(out, ripemd_vectors[i].digest);
	}
}

/* A million 'a', fed in pieces of 7 bytes, and in one call. */
static void test_ripemd160_million(void** state)
{
	(void)state;
	size_t n = 1000000;
	unsigned char* a = malloc(n);
	assert_non_null(a);
	memset(a, 'a', n);

	cf_RIPEMD160_CTX ctx;
	uint8_t out[20];
	cf_RIPEMD160_Init(&ctx);
	for (size_t done = 0; done < n; done += 7) {
		cf_RIPEMD160_Update(&ctx, a + done, n - done < 7 ? n - done : 7);
	}
	cf_RIPEMD160_Final(out, &ctx);
	assert_digest(out, "52783243c1697bdbe16d37f97f68f08325dc1528");
	/* The context counts bytes: total[0] holds the low word. */
	assert_int_equal(ctx.total[1], 0);

	cf_RIPEMD160(a, n, out);
	assert_digest(out, "52783243c1697bdbe16d37f97f68f08325dc1528");
	free(a);
}

/* FIPS 180 examples. */
static void test_sha1_vectors(void** state)
{
	(void)state;
	uint8_t out[CF_SHA_DIGEST_LENGTH];
	cf_SHA1((const uint8_t*)"abc", 3, out);
	assert_digest(out, "a9993e364706816aba3e25717850c26c9cd0d89d");
	cf_SHA1((const uint8_t*)"", 0, out);
	assert_digest(out, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	const char* two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	cf_SHA1((const uint8_t*)two_blocks, strlen(two_blocks), out);
	assert_digest(out, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

static void test_digest_zero_and_helpers(void** state)
{
	(void)state;
	for (int i = 0; i < CF_DIGEST_KEY_SZ; i++) {
		assert_int_equal(cf_digest_zero.digest[i], 0);
	}
	cf_digest d;
	cf_digest_compute("abc", 3, &d);
	assert_digest(d.digest, "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
	char text[2 * CF_DIGEST_KEY_SZ + 1];
	cf_digest_string(&d, text);
	assert_string_equal(text, "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
	cf_digest_string(NULL, text);
	assert_string_equal(text, "null");

	/* Two pieces hash as their concatenation; an empty first piece too. */
	cf_digest two;
	cf_digest_compute2("ab", 2, "c", 1, &two);
	assert_int_equal(cf_digest_compare(&d, &two), 0);
	cf_digest_compute2("", 0, "abc", 3, &two);
	assert_int_equal(cf_digest_compare(&d, &two), 0);
	assert_true(cf_digest_compare(&d, &cf_digest_zero) != 0);
}

static const struct {
	int64_t value;
	const char* digest;
} int_keys[] = {
	{INT64_MIN, "7185c2a47fb02c996daed26b4e01b83240aee9d4"},
	{INT64_MAX, "1698328974afa62c8e069860c1516f780d63dbb8"},
	{INT32_MIN, "d635a867b755f8f54cdc6275e6fb437df82a728c"},
	{INT32_MAX, "fa8c47b8b898af1bbcb20af0d729ca68359a2645"},
	{INT16_MIN, "7f41e9dd1f3fe3694be0430e04c8bfc7d51ec2af"},
	{INT16_MAX, "309fc9c2619c4f65ff7f4cd82085c3ee7a31fc7c"},
	{INT8_MIN, "93191e549f8f3548d7e2cfc958ddc8c65bcbe4c6"},
	{INT8_MAX, "a58f7d98bf60e10fe369c82030b1c9dee053def9"},
	{-1, "22116d253745e29fc63fdf760b6e26f7e197e01d"},
	{0, "93d943aae37b017ad7e011b0c1d2e2143c2fb37d"},
};

static void test_integer_key_digests(void** state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(int_keys) / sizeof(int_keys[0]); i++) {
		as_key key;
		assert_ptr_equal(as_key_init_int64(&key, "namespace", "set", int_keys[i].value), &key);
		assert_false(key.digest.init);
		as_digest* d = as_key_digest(&key);
		assert_ptr_equal(d, &key.digest);
		assert_true(d->init);
		assert_digest(d->value, int_keys[i].digest);
		as_key_destroy(&key);

		/* The namespace is not hashed. */
		as_key* other = as_key_new_int64("another", "set", int_keys[i].value);
		assert_non_null(other);
		assert_digest(as_key_digest(other)->value, int_keys[i].digest);
		as_key_destroy(other);
	}
}

/* Strings and blobs of n copies of one character. */
static const struct {
	char c;
	size_t n;
	const char* string_digest;
	const char* bytes_digest;
} repeated_keys[] = {
	{'s', 0, "2819b1ff6e346a43b4f5f6b77a88bc3eaac22a83", "327e2877b8815c7aeede0d5a8620d4ef8df4a4b4"},
	{'s', 1, "607cddba7cd111745ef0a3d783d57f0e83c8f311", "ca2d96dc9a184d15a7fa2927565e844e9254e001"},
	{'a', 10, "5979fb32a80da070ff356f7695455592272e36c2", "d10982327b2b04c7360579f252e164a75f83cd99"},
	{'m', 100, "f00ad7dbcb4bd8122d9681bca49b8c2ffd4beeed", "475786aa4ee664532a7d1ea69cb02e4695fcdeed"},
	{'t', 1000, "07ac412d4c33b8628ab147b8db244ce44ae527f8", "5a32b507518a49bf47fdaa3deca53803f5b2e8c3"},
	{'-', 10000, "b42e64afbfccb05912a609179228d9249ea1c1a0", "ed65c63f7a1f8c6697eb3894b6409a95461fd982"},
	{'+', 100000, "0a3e888c20bb8958537ddd4ba835e4070bd51740", "fe19770c371774ba1a1532438d4851b8a773a9e6"},
};

static void test_string_and_bytes_key_digests(void** state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(repeated_keys) / sizeof(repeated_keys[0]); i++) {
		size_t n = repeated_keys[i].n;
		char* text = malloc(n + 1);
		assert_non_null(text);
		memset(text, repeated_keys[i].c, n);
		text[n] = '\0';

		as_key key;
		assert_non_null(as_key_init(&key, "namespace", "set", text));
		assert_digest(as_key_digest(&key)->value, repeated_keys[i].string_digest);
		as_key_destroy(&key);

		/* Raw bytes are blobs (particle type 4). */
		assert_non_null(as_key_init_rawp(&key, "namespace", "set", (uint8_t*)text,
				(uint32_t)n, false));
		assert_digest(as_key_digest(&key)->value, repeated_keys[i].bytes_digest);
		as_key_destroy(&key);

		/* Heap key owning its string: destroy frees both (ASan checks). */
		as_key* owned = as_key_new_strp("namespace", "set", text, true);
		assert_non_null(owned);
		as_error err;
		assert_int_equal(as_key_set_digest(&err, owned), AEROSPIKE_OK);
		assert_digest(owned->digest.value, repeated_keys[i].string_digest);
		as_key_destroy(owned);
	}
}

/*
 * The rule itself (DATAPATH 2.1), for what the published vectors do not
 * cover: a double key is set + type 2 + the big-endian IEEE bits, and an
 * empty set hashes the value part alone.
 */
static void test_double_key_and_empty_set(void** state)
{
	(void)state;
	as_key_value value;
	as_double_init((as_double*)&value, 1.5);
	as_key key;
	assert_non_null(as_key_init_value(&key, "test", "demo", &value));
	const uint8_t expected_input[] = {'d', 'e', 'm', 'o', 2, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0};
	uint8_t expected[20];
	cf_RIPEMD160(expected_input, sizeof(expected_input), expected);
	as_digest* d = as_key_digest(&key);
	assert_non_null(d);
	assert_memory_equal(d->value, expected, 20);

	as_key no_set;
	assert_non_null(as_key_init_int64(&no_set, "test", "", 1));
	const uint8_t int_input[] = {1, 0, 0, 0, 0, 0, 0, 0, 1};
	cf_RIPEMD160(int_input, sizeof(int_input), expected);
	assert_memory_equal(as_key_digest(&no_set)->value, expected, 20);

	/* A NULL set reads as the empty set. */
	as_key null_set;
	assert_non_null(as_key_init_int64(&null_set, "test", NULL, 1));
	assert_string_equal(null_set.set, "");
	assert_memory_equal(as_key_digest(&null_set)->value, expected, 20);
}

/* The partition is the digest's first two bytes, little-endian, mod 4096. */
static void test_partition_id(void** state)
{
	(void)state;
	as_key key;
	as_key_init_int64(&key, "namespace", "set", 0); /* 93d9... */
	assert_int_equal(as_partition_getid(as_key_digest(&key)->value, 4096), 0xd993 & 4095);
	as_key_init_int64(&key, "namespace", "set", -1); /* 2211... */
	assert_int_equal(as_partition_getid(as_key_digest(&key)->value, 4096), 0x1122 & 4095);
}

static void test_digest_keys(void** state)
{
	(void)state;
	as_digest_value given;
	for (int i = 0; i < AS_DIGEST_VALUE_SIZE; i++) {
		given[i] = (uint8_t)(i * 13 + 1);
	}
	as_key key;
	assert_non_null(as_key_init_digest(&key, "test", "demo", given));
	assert_true(key.digest.init);
	assert_null(key.valuep);
	assert_memory_equal(as_key_digest(&key)->value, given, 20);
	as_key_destroy(&key);

	as_key* heap = as_key_new_digest("test", "demo", given);
	assert_non_null(heap);
	assert_true(heap->_free);
	assert_memory_equal(as_key_digest(heap)->value, given, 20);
	as_key_destroy(heap);
}

/* Namespaces up to 31 characters and sets up to 63 fit; one more is NULL. */
static void test_name_limits(void** state)
{
	(void)state;
	char ns[40];
	char set[70];
	memset(ns, 'n', sizeof(ns));
	memset(set, 's', sizeof(set));
	ns[31] = '\0';
	set[63] = '\0';

	as_key key;
	assert_non_null(as_key_init_int64(&key, ns, set, 1));
	assert_int_equal(strlen(key.ns), 31);
	assert_int_equal(strlen(key.set), 63);
	as_key* heap = as_key_new(ns, set, "k");
	assert_non_null(heap);
	as_key_destroy(heap);

	ns[31] = 'n';
	ns[32] = '\0';
	assert_null(as_key_init_int64(&key, ns, "set", 1));
	assert_null(as_key_new_int64(ns, "set", 1));
	assert_null(as_key_new_str(ns, "set", "k"));
	assert_null(as_key_new_raw(ns, "set", (const uint8_t*)"k", 1));
	ns[31] = '\0';
	set[63] = 's';
	set[64] = '\0';
	assert_null(as_key_init_str(&key, ns, set, "k"));
	assert_null(as_key_new_digest(ns, set, key.digest.value));
	assert_null(as_key_new_value(ns, set, NULL));

	/* Refused, the value stays the caller's: this one is freed here. */
	char* owned = strdup("k");
	assert_null(as_key_new_strp(ns, set, owned, true));
	free(owned);
	assert_null(as_key_init_int64(NULL, "test", "set", 1));
}

/* A value that is no key type: an error, and as_key_digest answers NULL. */
static void test_invalid_key_type(void** state)
{
	(void)state;
	as_key_value value;
	as_integer_init((as_integer*)&value, 5);
	((as_val*)&value)->type = AS_BOOLEAN;
	as_key key;
	assert_non_null(as_key_init_value(&key, "test", "demo", &value));
	as_error err;
	assert_int_equal(as_key_set_digest(&err, &key), AEROSPIKE_ERR_PARAM);
	assert_int_equal(err.code, AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "Invalid key type: 2");
	assert_false(key.digest.init);
	assert_null(as_key_digest(&key));

	/* No value at all. */
	assert_non_null(as_key_init_value(&key, "test", "demo", NULL));
	assert_int_equal(as_key_set_digest(&err, &key), AEROSPIKE_ERR_PARAM);
	assert_null(as_key_digest(&key));
	assert_int_equal(as_key_set_digest(&err, NULL), AEROSPIKE_ERR_PARAM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ripemd160_vectors),
		cmocka_unit_test(test_ripemd160_million),
		cmocka_unit_test(test_sha1_vectors),
		cmocka_unit_test(test_digest_zero_and_helpers),
		cmocka_unit_test(test_integer_key_digests),
		cmocka_unit_test(test_string_and_bytes_key_digests),
		cmocka_unit_test(test_double_key_and_empty_set),
		cmocka_unit_test(test_partition_id),
		cmocka_unit_test(test_digest_keys),
		cmocka_unit_test(test_name_limits),
		cmocka_unit_test(test_invalid_key_type),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
