/*
 * Written the way a 7.4.0 user writes against <citrusleaf/cf_hash_math.h>
 * alone: the byte-order helpers come along, and every hash gives the value
 * the 7.4.0 header gives for the same input (vectors printed by a program
 * built against the stock header).
 */
#include <citrusleaf/cf_hash_math.h>

int aeroshim_stock_style_hash_math(void);

int aeroshim_stock_style_hash_math(void)
{
	static const char text[] = "aeroshim hashes this 7.4.0 vector, longer than 48 bytes!!";
	const uint8_t* bytes = (const uint8_t*)text;
	size_t len = sizeof(text) - 1;
	uint64_t halves[2];

	if (cf_swap_to_be32(1) != 0x01000000u) {
		return __LINE__;
	}
	if (cf_hash_fnv32(bytes, len) != 0xd8309d22u || cf_hash_jen32(bytes, len) != 0x87eb7aa9u) {
		return __LINE__;
	}
	if (cf_hash_fnv64(bytes, len) != 0x12e5fb6acf9747a2ULL ||
		cf_hash_jen64(bytes, len) != 0xb09cc3305a58a6c8ULL) {
		return __LINE__;
	}
	murmurHash3_x64_128(bytes, len, (uint8_t*)halves);
	if (halves[0] != 0xe7ffeec18ded5a3eULL || halves[1] != 0x183fa488dfd97a37ULL) {
		return __LINE__;
	}
	/* 21 bytes: one block and a 5-byte tail. */
	murmurHash3_x64_128(bytes, 21, (uint8_t*)halves);
	if (halves[0] != 0x18043f5dafce8b04ULL || halves[1] != 0x8775f52fea340eeaULL) {
		return __LINE__;
	}
	if (cf_wyhash64(text, len) != 0x71c37571069a4765ULL ||
		cf_wyhash64(text, 3) != 0x91cf6123723f840eULL ||
		cf_wyhash64(text, 10) != 0xd48210c97fe1a023ULL ||
		cf_wyhash64(text, 0) != 0xda3421757d70ae2dULL) {
		return __LINE__;
	}
	return cf_wyhash32(text, len) == 0x069a4765u ? 0 : __LINE__;
}
