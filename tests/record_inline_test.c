/*
 * The header-inline surface of keys and records, compiled into this program
 * as into any 7.4.0 user's: as_record_inita's stack record, the inline
 * as_record/as_key shorthands, the as_bin accessors, every as_rec_* wrapper
 * over the record hook table, and the cf_digest helpers.
 */
#include <aerospike/as_arraylist.h>
#include <aerospike/as_hashmap.h>
#include <aerospike/as_key.h>
#include <aerospike/as_record.h>
#include <aerospike/as_record_iterator.h>
#include <citrusleaf/cf_digest.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void test_record_inita(void** state)
{
	(void)state;
	as_record rec;
	as_record_inita(&rec, 3);
	assert_false(rec.bins._free);
	assert_int_equal(rec.bins.capacity, 3);
	assert_int_equal(rec.bins.size, 0);
	assert_non_null(rec.bins.entries);
	assert_false(rec._._.free);

	static const uint8_t raw[] = {9, 8};
	assert_true(as_record_set_str(&rec, "s", "stack"));
	assert_true(as_record_set_raw(&rec, "r", raw, 2));
	assert_true(as_record_set_geojson_str(&rec, "g", "{\"type\":\"Point\",\"coordinates\":[3,4]}"));
	assert_false(as_record_set_str(&rec, "full", "no room"));
	assert_string_equal(as_record_get_str(&rec, "s"), "stack");

	as_bin* bin = &rec.bins.entries[1];
	assert_string_equal(as_bin_get_name(bin), "r");
	assert_ptr_equal(as_bin_get_value(bin), &bin->value);
	assert_int_equal(as_bin_get_type(bin), AS_BYTES);

	assert_ptr_equal(as_record_fromval(as_record_toval(&rec)), &rec);
	/* The stack entries are not freed; the values they own are. */
	as_record_destroy(&rec);
	assert_null(rec.bins.entries);
}

static void test_key_shorthands(void** state)
{
	(void)state;
	as_key key;
	assert_ptr_equal(as_key_init_str(&key, "test", "demo", "k"), &key);
	assert_ptr_equal(key.valuep, &key.value);
	assert_int_equal(as_val_type(key.valuep), AS_STRING);
	assert_false(key._free);
	as_key_destroy(&key);

	static const uint8_t raw[] = {1, 2, 3};
	assert_non_null(as_key_init_raw(&key, "test", "demo", raw, 3));
	assert_int_equal(key.value.bytes.size, 3);
	assert_int_equal(key.value.bytes.type, AS_BYTES_BLOB);

	as_key* heap = as_key_new_str("test", "demo", "k");
	assert_non_null(heap);
	assert_true(heap->_free);
	/* Same set and value, same digest, whatever the construction. */
	assert_memory_equal(as_key_digest(heap)->value,
			as_key_digest(as_key_init(&key, "test", "demo", "k"))->value, 20);
	as_key_destroy(heap);

	as_key* raw_heap = as_key_new_raw("test", "demo", raw, 3);
	assert_non_null(raw_heap);
	as_key_destroy(raw_heap);
}

static bool count_bins(const char* name, const as_val* value, void* udata)
{
	(void)name;
	(void)value;
	(*(int*)udata)++;
	return true;
}

static void test_rec_wrappers(void** state)
{
	(void)state;
	as_record* record = as_record_new(12);
	as_rec* rec = (as_rec*)record;
	assert_ptr_equal(as_rec_source(rec), record);
	assert_ptr_equal(as_rec_fromval(as_rec_toval(rec)), rec);

	assert_int_equal(as_rec_set_int64(rec, "i", 11), 1);
	assert_int_equal(as_rec_set_double(rec, "d", 0.5), 1);
	assert_int_equal(as_rec_set_str(rec, "s", "dup"), 1);
	assert_int_equal(as_rec_set_integer(rec, "i2", as_integer_new(12)), 1);
	assert_int_equal(as_rec_set_as_double(rec, "d2", as_double_new(1.5)), 1);
	assert_int_equal(as_rec_set_string(rec, "s2", as_string_new_strdup("two")), 1);
	assert_int_equal(as_rec_set_geojson(rec, "g",
			as_geojson_new(strdup("{\"type\":\"Point\",\"coordinates\":[5,6]}"), true)), 1);
	uint8_t* blob = malloc(2);
	blob[0] = 1;
	blob[1] = 2;
	assert_int_equal(as_rec_set_bytes(rec, "b", as_bytes_new_wrap(blob, 2, true)), 1);
	as_arraylist* list = as_arraylist_new(1, 1);
	as_arraylist_append_int64(list, 1);
	assert_int_equal(as_rec_set_list(rec, "l", (as_list*)list), 1);
	assert_int_equal(as_rec_set_map(rec, "m", (as_map*)as_hashmap_new(2)), 1);

	assert_int_equal(as_rec_get_int64(rec, "i"), 11);
	assert_true(as_rec_get_double(rec, "d") == 0.5);
	assert_string_equal(as_rec_get_str(rec, "s"), "dup");
	assert_int_equal(as_rec_get_integer(rec, "i2")->value, 12);
	assert_true(as_rec_get_as_double(rec, "d2")->value == 1.5);
	assert_string_equal(as_rec_get_string(rec, "s2")->value, "two");
	assert_non_null(as_rec_get_geojson(rec, "g"));
	assert_string_equal(as_rec_get_geojson_str(rec, "g"), "{\"type\":\"Point\",\"coordinates\":[5,6]}");
	assert_int_equal(as_rec_get_bytes(rec, "b")->size, 2);
	assert_non_null(as_rec_get_list(rec, "l"));
	assert_non_null(as_rec_get_map(rec, "m"));
	/* Wrong types and missing bins read as zero / NULL. */
	assert_int_equal(as_rec_get_int64(rec, "s"), 0);
	assert_true(as_rec_get_double(rec, "missing") == 0.0);
	assert_null(as_rec_get_str(rec, "i"));
	assert_null(as_rec_get_geojson_str(rec, "s"));
	assert_int_equal(as_rec_numbins(rec), 10);

	record->gen = 3;
	record->ttl = 100;
	assert_int_equal(as_rec_gen(rec), 3);
	assert_int_equal(as_rec_ttl(rec), 100);
	as_bytes* digest = as_rec_digest(rec);
	assert_int_equal(digest->size, 20);
	as_bytes_destroy(digest);

	assert_int_equal(as_rec_remove(rec, "i"), 0);
	assert_int_equal(as_val_type(as_rec_get(rec, "i")), AS_NIL);
	int n = 0;
	assert_true(as_rec_foreach(rec, count_bins, &n));
	assert_int_equal(n, 10);

	/* The NULL record answers every default. */
	assert_int_equal(as_rec_remove(NULL, "i"), 1);
	assert_int_equal(as_rec_set(NULL, "i", NULL), 1);
	assert_null(as_rec_get(NULL, "i"));
	assert_int_equal(as_rec_numbins(NULL), 0);
	assert_false(as_rec_foreach(NULL, count_bins, &n));
	assert_null(as_rec_source(NULL));
	as_rec_destroy(rec);
}

static void test_digest_helpers(void** state)
{
	(void)state;
	as_key key;
	as_key_init_int64(&key, "namespace", "set", 0);
	/* The key digest is cf_digest_compute2 over the set and the key bytes. */
	const uint8_t value[9] = {1, 0, 0, 0, 0, 0, 0, 0, 0};
	cf_digest d;
	cf_digest_compute2("set", 3, value, sizeof(value), &d);
	assert_memory_equal(as_key_digest(&key)->value, d.digest, 20);
	char text[41];
	cf_digest_string(&d, text);
	assert_string_equal(text, "93d943aae37b017ad7e011b0c1d2e2143c2fb37d");
	assert_int_equal(cf_digest_compare(&d, (const cf_digest*)key.digest.value), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_record_inita),
		cmocka_unit_test(test_key_shorthands),
		cmocka_unit_test(test_rec_wrappers),
		cmocka_unit_test(test_digest_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
