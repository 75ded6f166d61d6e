/*
 * The containers batch commands take their keys in, as 7.4.0 builds and
 * frees them: as_batch from the heap (keys in the same block), initialized
 * in place (keys apart, none for 0) or on the stack, and as_batch_records
 * with every kind of record the reserve helpers hand out. Destroying either
 * destroys every key and record in it; ASan's leak check holds the test to
 * exactly that.
 */
#include <aerospike/aerospike_batch.h>
#include <aerospike/as_batch.h>
#include <aerospike/as_key.h>
#include <aerospike/as_record.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void fill_keys(as_batch* batch)
{
	for (uint32_t i = 0; i < batch->keys.size; i++) {
		/* Heap strings the keys own: the destroy must free them. */
		char* name = malloc(16);
		strcpy(name, i % 2 ? "odd" : "even");
		as_key_init_str(as_batch_keyat(batch, i), "test", "set", name);
		as_batch_keyat(batch, i)->value.string.free = true;
	}
}

static void test_batch_new_init_inita(void** state)
{
	(void)state;
	as_batch* heap = as_batch_new(3);
	assert_non_null(heap);
	assert_true(heap->_free);
	assert_false(heap->keys._free);
	assert_ptr_equal(heap->keys.entries, (as_key*)(heap + 1));
	assert_int_equal(heap->keys.size, 3);
	fill_keys(heap);
	assert_null(as_batch_keyat(heap, 3));
	as_batch_destroy(heap);

	as_batch placed;
	assert_ptr_equal(as_batch_init(&placed, 2), &placed);
	assert_false(placed._free);
	assert_true(placed.keys._free);
	fill_keys(&placed);
	as_batch_destroy(&placed);
	assert_null(placed.keys.entries);
	assert_int_equal(placed.keys.size, 0);

	assert_ptr_equal(as_batch_init(&placed, 0), &placed);
	assert_null(placed.keys.entries);
	as_batch_destroy(&placed);
	assert_null(as_batch_init(NULL, 1));
	as_batch_destroy(NULL);

	as_batch stacked;
	as_batch_inita(&stacked, 2);
	fill_keys(&stacked);
	as_batch_destroy(&stacked);
}

static void test_batch_records(void** state)
{
	(void)state;
	as_batch_records records;
	/* Room for every record up front, as stock's examples make it: a key
	 * points into itself (valuep), so a record moved by the vector growing
	 * after its key was set would point into freed memory, with stock's
	 * library as with ours. */
	as_batch_records_init(&records, 4);
	as_batch_read_record* read = as_batch_read_reserve(&records);
	assert_int_equal(read->type, AS_BATCH_READ);
	as_key_init_int64(&read->key, "test", "set", 1);
	read->read_all_bins = true;
	as_batch_write_record* write = as_batch_write_reserve(&records);
	assert_int_equal(write->type, AS_BATCH_WRITE);
	assert_true(write->has_write);
	as_key_init_str(&write->key, "test", "set", "w");
	as_batch_apply_record* apply = as_batch_apply_reserve(&records);
	assert_int_equal(apply->type, AS_BATCH_APPLY);
	as_key_init_int64(&apply->key, "test", "set", 3);
	as_batch_remove_record* removal = as_batch_remove_reserve(&records);
	assert_int_equal(removal->type, AS_BATCH_REMOVE);
	as_key_init_int64(&removal->key, "test", "set", 4);
	assert_int_equal(records.list.size, 4);

	/* A result record with bins, as a command would leave it. */
	as_batch_base_record* first = as_vector_get(&records.list, 0);
	as_record_init(&first->record, 2);
	as_record_set_str(&first->record, "s", "text");
	as_record_set_int64(&first->record, "i", 7);
	as_batch_records_destroy(&records);

	as_batch_records* heap = as_batch_read_create(2);
	as_key_init_int64(&as_batch_read_reserve(heap)->key, "test", "set", 9);
	as_batch_read_destroy(heap);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_batch_new_init_inita),
		cmocka_unit_test(test_batch_records),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
