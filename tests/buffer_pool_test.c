/*
 * as_buffer_pool: requests that fit come from the queue or a fresh
 * buffer_size block (results 0 and 1), larger ones get a one-off block of
 * header plus request (2) that push frees (-2); push_limit refuses (and
 * frees) past max_buffers; buffers come back in the order they went in,
 * also after the queue grew past its first 64 slots; drop and destroy free
 * what is queued. cf_queue_sz (inline, from cf_queue.h) sees the count.
 */
#include <aerospike/as_buffer_pool.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

static void test_pop_and_push(void** state)
{
	(void)state;
	as_buffer_pool pool;
	assert_int_equal(as_buffer_pool_init(&pool, 16, 1024), 0);
	assert_int_equal(pool.header_size, 16);
	assert_int_equal(pool.buffer_size, 1024);

	as_buffer_result r;
	assert_int_equal(as_buffer_pool_pop(&pool, 100, &r), 1);
	assert_non_null(r.data);
	assert_int_equal(r.capacity, 1024 - 16);
	void* first = r.data;
	assert_int_equal(as_buffer_pool_push(&pool, first, r.capacity), 0);
	assert_int_equal(cf_queue_sz(pool.queue), 1);

	assert_int_equal(as_buffer_pool_pop(&pool, 1024 - 16, &r), 0);
	assert_ptr_equal(r.data, first);
	assert_int_equal(cf_queue_sz(pool.queue), 0);

	as_buffer_result big;
	assert_int_equal(as_buffer_pool_pop(&pool, 1024 - 15, &big), 2);
	assert_int_equal(big.capacity, 1024 - 15);
	assert_int_equal(as_buffer_pool_push(&pool, big.data, big.capacity), -2);
	assert_int_equal(cf_queue_sz(pool.queue), 0);

	assert_int_equal(as_buffer_pool_push_limit(&pool, r.data, r.capacity, 1), 0);
	assert_int_equal(as_buffer_pool_pop(&pool, 1, &big), 0);
	assert_int_equal(as_buffer_pool_push_limit(&pool, big.data, big.capacity, 1), 0);
	void* extra = malloc(1024);
	assert_int_equal(as_buffer_pool_push_limit(&pool, extra, 1024 - 16, 1), -1);
	assert_int_equal(cf_queue_sz(pool.queue), 1);
	as_buffer_pool_destroy(&pool);
}

static void test_order_growth_and_drop(void** state)
{
	(void)state;
	as_buffer_pool pool;
	assert_int_equal(as_buffer_pool_init(&pool, 0, 64), 0);
	enum { N = 200 };
	void* held[N];
	for (int i = 0; i < N; i++) {
		as_buffer_result r;
		assert_int_equal(as_buffer_pool_pop(&pool, 8, &r), 1);
		held[i] = r.data;
	}
	/* Interleave so the ring wraps before it grows. */
	for (int i = 0; i < 10; i++) {
		assert_int_equal(as_buffer_pool_push(&pool, held[i], 64), 0);
	}
	for (int i = 0; i < 5; i++) {
		as_buffer_result r;
		assert_int_equal(as_buffer_pool_pop(&pool, 8, &r), 0);
		assert_ptr_equal(r.data, held[i]);
	}
	for (int i = 10; i < N; i++) {
		assert_int_equal(as_buffer_pool_push(&pool, held[i], 64), 0);
	}
	assert_int_equal(cf_queue_sz(pool.queue), N - 5);
	for (int i = 5; i < 50; i++) {
		as_buffer_result r;
		assert_int_equal(as_buffer_pool_pop(&pool, 64, &r), 0);
		assert_ptr_equal(r.data, held[i]);
		free(r.data);
	}
	assert_int_equal(as_buffer_pool_drop_buffers(&pool, 100), 100);
	assert_int_equal(cf_queue_sz(pool.queue), N - 150);
	assert_int_equal(as_buffer_pool_drop_buffers(&pool, 1000), N - 150);
	assert_int_equal(as_buffer_pool_drop_buffers(&pool, 1), 0);
	for (int i = 0; i < 5; i++) {
		free(held[i]);
	}
	as_buffer_pool_destroy(&pool);
}

static void test_null_arguments(void** state)
{
	(void)state;
	as_buffer_result r;
	assert_int_equal(as_buffer_pool_init(NULL, 0, 1), -1);
	assert_int_equal(as_buffer_pool_pop(NULL, 1, &r), -2);
	assert_int_equal(as_buffer_pool_drop_buffers(NULL, 1), 0);
	as_buffer_pool_destroy(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pop_and_push),
		cmocka_unit_test(test_order_growth_and_drop),
		cmocka_unit_test(test_null_arguments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
