/*
 * as_record through the public API, as 7.4.0's as_record.c behaves: every
 * setter and getter by type, replacing a bin destroys the old value, the
 * limits (15-character names, capacity) answer false without touching the
 * record, destroy frees exactly what the record owns (run under ASan's leak
 * check), the iterator, foreach, the UDF bins, the as_rec hook table, and
 * the bin functions 7.4.0 exports from _bin.c.
 */
#include <aerospike/as_arraylist.h>
#include <aerospike/as_double.h>
#include <aerospike/as_hashmap.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_record.h>
#include <aerospike/as_record_iterator.h>
#include <aerospike/as_stringmap.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Exported by 7.4.0 (and by us) but declared only in its private _bin.h and
 * as_record_hooks.c; programs that use them declare them like this. */
as_bin* as_bin_init_int64(as_bin* bin, const char* name, int64_t value);
as_bin* as_bin_init_str(as_bin* bin, const char* name, const char* value, bool free);
as_bin* as_bin_init_nil(as_bin* bin, const char* name);
void as_bin_destroy(as_bin* bin);
as_bins* as_bins_init(as_bins* bins, uint16_t capacity);
void as_bins_destroy(as_bins* bins);
bool as_bins_append(as_bins* bins, const char* name, as_bin_value* value);
void as_record_release(as_record* rec);
extern const as_rec_hooks as_record_rec_hooks;

static void test_new_and_init(void** state)
{
	(void)state;
	as_record* rec = as_record_new(3);
	assert_non_null(rec);
	assert_int_equal(rec->_._.type, AS_REC);
	assert_true(rec->_._.free);
	assert_int_equal(rec->_._.count, 1);
	assert_ptr_equal(rec->_.data, rec);
	assert_ptr_equal(rec->_.hooks, &as_record_rec_hooks);
	assert_int_equal(rec->bins.capacity, 3);
	assert_int_equal(rec->bins.size, 0);
	assert_true(rec->bins._free);
	assert_int_equal(rec->gen, 0);
	assert_int_equal(rec->ttl, 0);
	assert_null(rec->key.valuep);
	assert_false(rec->key.digest.init);
	assert_string_equal(rec->key.ns, "");
	as_record_destroy(rec);

	as_record local;
	assert_ptr_equal(as_record_init(&local, 0), &local);
	assert_false(local._._.free);
	assert_null(local.bins.entries);
	assert_int_equal(local.bins.capacity, 0);
	assert_false(as_record_set_int64(&local, "a", 1));
	as_record_destroy(&local);
	assert_null(as_record_init(NULL, 2));
	as_record_destroy(NULL);
}

static void test_scalars(void** state)
{
	(void)state;
	as_record* rec = as_record_new(8);
	assert_true(as_record_set_int64(rec, "i", -42));
	assert_true(as_record_set_double(rec, "d", 2.25));
	assert_true(as_record_set_bool(rec, "b", true));
	assert_true(as_record_set_str(rec, "s", "text"));
	assert_true(as_record_set_geojson_str(rec, "g", "{\"type\":\"Point\",\"coordinates\":[1,2]}"));
	static const uint8_t raw[] = {1, 2, 3};
	assert_true(as_record_set_raw(rec, "r", raw, 3));
	assert_true(as_record_set_raw_typep(rec, "j", raw, 2, AS_BYTES_JAVA, false));
	assert_true(as_record_set_nil(rec, "n"));
	assert_int_equal(as_record_numbins(rec), 8);

	assert_int_equal(as_record_get_int64(rec, "i", 7), -42);
	assert_int_equal(as_record_get_integer(rec, "i")->value, -42);
	assert_true(as_record_get_double(rec, "d", 0.0) == 2.25);
	assert_true(as_record_get_as_double(rec, "d")->value == 2.25);
	assert_true(as_record_get_bool(rec, "b"));
	assert_string_equal(as_record_get_str(rec, "s"), "text");
	assert_string_equal(as_record_get_string(rec, "s")->value, "text");
	assert_string_equal(as_record_get_geojson_str(rec, "g"),
			"{\"type\":\"Point\",\"coordinates\":[1,2]}");
	assert_non_null(as_record_get_geojson(rec, "g"));
	as_bytes* bytes = as_record_get_bytes(rec, "r");
	assert_non_null(bytes);
	assert_int_equal(bytes->size, 3);
	assert_memory_equal(bytes->value, raw, 3);
	assert_int_equal(bytes->type, AS_BYTES_BLOB);
	assert_int_equal(as_record_get_bytes(rec, "j")->type, AS_BYTES_JAVA);
	assert_int_equal(as_record_get_bytes(rec, "j")->size, 2);
	assert_int_equal(as_val_type(as_record_get(rec, "n")), AS_NIL);

	/* The wrong type reads as NULL or the fallback. */
	assert_int_equal(as_record_get_int64(rec, "s", 7), 7);
	assert_true(as_record_get_double(rec, "i", 0.5) == 0.5);
	assert_null(as_record_get_str(rec, "i"));
	assert_null(as_record_get_geojson_str(rec, "s"));
	assert_null(as_record_get_bytes(rec, "s"));
	assert_null(as_record_get_list(rec, "i"));
	assert_null(as_record_get_map(rec, "i"));
	assert_null(as_record_get(rec, "missing"));
	assert_null(as_record_get(rec, NULL));
	assert_null(as_record_get(NULL, "i"));

	/* get_bool also reads integers; anything else is false. */
	assert_true(as_record_get_bool(rec, "i"));
	assert_true(as_record_set_int64(rec, "i", 0));
	assert_false(as_record_get_bool(rec, "i"));
	assert_false(as_record_get_bool(rec, "s"));
	assert_false(as_record_get_bool(rec, "missing"));
	as_record_destroy(rec);
}

static void test_owned_values_and_replacement(void** state)
{
	(void)state;
	as_record rec;
	as_record_init(&rec, 4);

	/* Heap values: the record destroys them, old ones on replacement too. */
	assert_true(as_record_set_strp(&rec, "s", strdup("first"), true));
	assert_true(as_record_set_strp(&rec, "s", strdup("second"), true));
	assert_int_equal(as_record_numbins(&rec), 1);
	assert_string_equal(as_record_get_str(&rec, "s"), "second");

	assert_true(as_record_set_string(&rec, "t", as_string_new(strdup("heap"), true)));
	assert_true(as_record_set_integer(&rec, "t", as_integer_new(9)));
	assert_int_equal(as_record_get_int64(&rec, "t", 0), 9);
	assert_true(as_record_set_as_double(&rec, "x", as_double_new(1.0)));
	uint8_t* blob = malloc(4);
	memcpy(blob, "blob", 4);
	assert_true(as_record_set_bytes(&rec, "x", as_bytes_new_wrap(blob, 4, true)));
	assert_true(as_record_set_rawp(&rec, "r", (uint8_t*)strdup("raw"), 3, true));
	assert_true(as_record_set_geojson(&rec, "r",
			as_geojson_new(strdup("{\"type\":\"Point\",\"coordinates\":[0,0]}"), true)));
	assert_int_equal(as_record_numbins(&rec), 4);

	/* The key's value belongs to the record as well. */
	as_key_init_strp(&rec.key, "test", "demo", strdup("user-key"), true);
	as_record_destroy(&rec);
	assert_int_equal(rec.bins.size, 0);
	assert_null(rec.bins.entries);
	assert_null(rec.key.valuep);
}

static void test_collections(void** state)
{
	(void)state;
	as_record* rec = as_record_new(2);
	as_arraylist* list = as_arraylist_new(2, 2);
	as_arraylist_append_int64(list, 1);
	as_arraylist_append_str(list, "two");
	assert_true(as_record_set_list(rec, "l", (as_list*)list));
	as_hashmap* map = as_hashmap_new(4);
	as_stringmap_set_int64((as_map*)map, "k", 3);
	assert_true(as_record_set_map(rec, "m", (as_map*)map));
	assert_int_equal(as_list_size(as_record_get_list(rec, "l")), 2);
	assert_int_equal(as_map_size(as_record_get_map(rec, "m")), 1);
	assert_null(as_record_get_list(rec, "m"));
	as_record_destroy(rec);
}

static void test_limits(void** state)
{
	(void)state;
	as_record* rec = as_record_new(2);
	/* 15 characters fit, 16 do not. */
	assert_true(as_record_set_int64(rec, "fifteen_chars_x", 1));
	assert_false(as_record_set_int64(rec, "sixteen_chars_xx", 2));
	assert_false(as_record_set_str(rec, "sixteen_chars_xx", "v"));
	assert_false(as_record_set_nil(rec, "sixteen_chars_xx"));
	assert_int_equal(as_record_numbins(rec), 1);
	assert_int_equal(as_record_get_int64(rec, "fifteen_chars_x", 0), 1);
	assert_false(as_record_set_int64(rec, NULL, 1));
	assert_false(as_record_set_int64(NULL, "a", 1));

	/* Full: a new name is refused, an existing one is still replaced. */
	assert_true(as_record_set_int64(rec, "b", 2));
	assert_false(as_record_set_int64(rec, "c", 3));
	as_integer* refused = as_integer_new(4);
	assert_false(as_record_set_integer(rec, "c", refused));
	as_integer_destroy(refused);
	assert_true(as_record_set_int64(rec, "b", 5));
	assert_int_equal(as_record_get_int64(rec, "b", 0), 5);
	assert_int_equal(as_record_numbins(rec), 2);
	assert_int_equal(as_record_numbins(NULL), 0);
	as_record_destroy(rec);
}

static void test_gen_ttl_key(void** state)
{
	(void)state;
	as_record* rec = as_record_new(1);
	rec->gen = 7;
	rec->ttl = AS_RECORD_NO_EXPIRE_TTL;
	as_key_init_int64(&rec->key, "test", "demo", 12);
	as_rec* r = (as_rec*)rec;
	assert_int_equal(as_rec_gen(r), 7);
	assert_int_equal(as_rec_ttl(r), 0xFFFFFFFFu);
	as_key_digest(&rec->key);
	as_bytes* digest = as_rec_digest(r);
	assert_non_null(digest);
	assert_int_equal(digest->size, AS_DIGEST_VALUE_SIZE);
	assert_ptr_equal(digest->value, rec->key.digest.value);
	as_bytes_destroy(digest);
	as_record_destroy(rec);
}

typedef struct {
	int calls;
	int stop_after;
	char names[4][AS_BIN_NAME_MAX_SIZE];
} visit;

static bool visit_bin(const char* name, const as_val* value, void* udata)
{
	visit* v = udata;
	assert_non_null(value);
	strcpy(v->names[v->calls], name);
	v->calls++;
	return v->calls != v->stop_after;
}

static void test_foreach_and_iterator(void** state)
{
	(void)state;
	as_record* rec = as_record_new(3);
	as_record_set_int64(rec, "a", 1);
	as_record_set_str(rec, "b", "x");
	as_record_set_double(rec, "c", 3.0);

	visit all = {0, 0, {{0}}};
	assert_true(as_record_foreach(rec, visit_bin, &all));
	assert_int_equal(all.calls, 3);
	assert_string_equal(all.names[0], "a");
	assert_string_equal(all.names[2], "c");
	visit two = {0, 2, {{0}}};
	assert_false(as_record_foreach(rec, visit_bin, &two));
	assert_int_equal(two.calls, 2);
	assert_false(as_record_foreach(rec, NULL, NULL));

	as_record_iterator it;
	assert_ptr_equal(as_record_iterator_init(&it, rec), &it);
	const char* expected[] = {"a", "b", "c"};
	for (int i = 0; i < 3; i++) {
		assert_true(as_record_iterator_has_next(&it));
		as_bin* bin = as_record_iterator_next(&it);
		assert_non_null(bin);
		assert_string_equal(as_bin_get_name(bin), expected[i]);
	}
	assert_false(as_record_iterator_has_next(&it));
	assert_null(as_record_iterator_next(&it));
	as_record_iterator_destroy(&it);
	assert_null(it.record);

	as_record_iterator* heap = as_record_iterator_new(rec);
	assert_non_null(heap);
	assert_true(heap->_free);
	assert_int_equal(as_bin_get_type(as_record_iterator_next(heap)), AS_INTEGER);
	as_record_iterator_destroy(heap);
	assert_null(as_record_iterator_new(NULL));
	assert_null(as_record_iterator_init(&it, NULL));
	assert_false(as_record_iterator_has_next(NULL));
	assert_null(as_record_iterator_next(NULL));
	as_record_destroy(rec);
}

static void test_udf_bins(void** state)
{
	(void)state;
	as_record* rec = as_record_new(2);
	assert_null(as_record_get_udf_result(rec));
	assert_null(as_record_get_udf_error(rec));
	as_record_set_int64(rec, "SUCCESS", 10);
	as_record_set_str(rec, "FAILURE", "boom");
	assert_int_equal(as_val_type(as_record_get_udf_result(rec)), AS_INTEGER);
	assert_string_equal(as_record_get_udf_error(rec), "boom");
	as_record_destroy(rec);
}

/* The hook table reached through the as_rec inline functions. */
static void test_rec_hooks(void** state)
{
	(void)state;
	as_record* rec = as_record_new(3);
	as_rec* r = (as_rec*)rec;
	assert_int_equal(as_rec_set(r, "a", (as_val*)as_integer_new(5)), 1);
	assert_int_equal(as_rec_get_int64(r, "a"), 5);
	assert_int_equal(as_rec_numbins(r), 1);
	assert_int_equal(as_rec_set_int64(r, "b", 6), 1);
	assert_int_equal(as_rec_remove(r, "a"), 0);
	assert_int_equal(as_val_type(as_rec_get(r, "a")), AS_NIL);
	/* Hooks 7.4.0 leaves empty answer the inline defaults. */
	assert_int_equal(as_rec_size(r), 0);
	assert_null(as_rec_key(r));
	assert_null(as_rec_setname(r));
	assert_int_equal(as_rec_set_ttl(r, 5), 0);
	assert_int_equal(as_rec_last_update_time(r), 0);
	/* A full record refuses through the hooks as well. */
	assert_int_equal(as_rec_set_int64(r, "c", 1), 1);
	as_integer* extra = as_integer_new(1);
	assert_int_equal(as_rec_set(r, "d", (as_val*)extra), 0);
	as_integer_destroy(extra);

	visit v = {0, 0, {{0}}};
	assert_true(as_rec_foreach(r, visit_bin, &v));
	assert_int_equal(v.calls, 3);

	char* text = as_rec_val_tostring((as_val*)rec);
	assert_string_equal(text, "[ REC ]");
	free(text);
	assert_ptr_equal(as_record_fromval(as_record_toval(rec)), rec);
	assert_null(as_record_fromval((as_val*)&as_nil));
	as_rec_destroy(r);
}

/*
 * The hashcode mixes each bin name's characters (h += c + (h << 6) +
 * (h << 16) - h) and adds the value's hashcode.
 */
static void test_rec_hashcode(void** state)
{
	(void)state;
	as_record* rec = as_record_new(1);
	as_record_set_nil(rec, "ab");
	uint32_t h = 0;
	h += 'a' + (h << 6) + (h << 16) - h;
	h += 'b' + (h << 6) + (h << 16) - h;
	h += as_val_hashcode(&as_nil);
	assert_int_equal(as_rec_val_hashcode((as_val*)rec), h);
	assert_int_equal(as_val_hashcode(rec), h);
	as_record_destroy(rec);

	as_record* empty = as_record_new(0);
	assert_int_equal(as_rec_val_hashcode((as_val*)empty), 0);
	as_record_destroy(empty);
}

/* as_rec over caller data: the hooks see the data pointer. */
static bool count_destroy(as_rec* rec)
{
	(*(int*)rec->data)++;
	return true;
}

static void test_rec_constructors(void** state)
{
	(void)state;
	static const as_rec_hooks hooks = {.destroy = count_destroy};
	int destroyed = 0;
	as_rec local;
	assert_ptr_equal(as_rec_init(&local, &destroyed, &hooks), &local);
	assert_int_equal(local._.type, AS_REC);
	assert_false(local._.free);
	assert_ptr_equal(as_rec_source(&local), &destroyed);
	as_rec_destroy(&local);
	assert_int_equal(destroyed, 1);

	as_rec* heap = as_rec_new(&destroyed, &hooks);
	assert_non_null(heap);
	assert_true(heap->_.free);
	as_rec_destroy(heap);
	assert_int_equal(destroyed, 2);
	assert_null(as_rec_cons(NULL, false, NULL, &hooks));
	/* Without hooks every accessor answers its default. */
	as_rec bare;
	as_rec_init(&bare, NULL, NULL);
	assert_null(as_rec_get(&bare, "a"));
	assert_int_equal(as_rec_set_integer(&bare, "a", NULL), 1);
	assert_int_equal(as_rec_val_hashcode((as_val*)&bare), 0);
	as_rec_val_destroy((as_val*)&bare);
}

static void test_bins(void** state)
{
	(void)state;
	as_bin bin;
	assert_ptr_equal(as_bin_init_str(&bin, "a_name_longer_than_15", strdup("v"), true), &bin);
	/* Bins truncate (only records refuse long names). */
	assert_string_equal(bin.name, "a_name_longer_t");
	assert_ptr_equal(bin.valuep, &bin.value);
	as_bin_destroy(&bin);
	assert_string_equal(bin.name, "");
	assert_null(bin.valuep);
	as_bin_init_nil(&bin, "n");
	assert_int_equal(as_bin_get_type(&bin), AS_NIL);
	as_bin_destroy(&bin);
	assert_null(as_bin_init_int64(NULL, "a", 1));

	as_bins bins;
	assert_ptr_equal(as_bins_init(&bins, 2), &bins);
	assert_true(bins._free);
	assert_true(as_bins_append(&bins, "x", (as_bin_value*)&as_nil));
	assert_true(as_bins_append(&bins, "y", (as_bin_value*)&as_nil));
	assert_false(as_bins_append(&bins, "z", (as_bin_value*)&as_nil));
	assert_int_equal(bins.size, 2);
	as_bins_destroy(&bins);
	assert_null(bins.entries);
	assert_int_equal(bins.capacity, 0);
	assert_false(as_bins_append(NULL, "x", NULL));

	/* as_record_release empties a record without freeing the struct. */
	as_record* rec = as_record_new(1);
	as_record_set_strp(rec, "s", strdup("v"), true);
	as_record_release(rec);
	assert_int_equal(as_record_numbins(rec), 0);
	free(rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_and_init),
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_owned_values_and_replacement),
		cmocka_unit_test(test_collections),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_gen_ttl_key),
		cmocka_unit_test(test_foreach_and_iterator),
		cmocka_unit_test(test_udf_bins),
		cmocka_unit_test(test_rec_hooks),
		cmocka_unit_test(test_rec_hashcode),
		cmocka_unit_test(test_rec_constructors),
		cmocka_unit_test(test_bins),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
