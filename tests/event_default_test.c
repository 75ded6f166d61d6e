/*
 * The event-loop functions a synchronous program calls (at shutdown, or to
 * probe for loops) behave as in 7.4.0's default build, which has no event
 * library: no loops exist, closing them answers false, nothing is found,
 * and registering an external loop fails with the stock message because the
 * capacity is 0. The inline helpers read the exported globals.
 */
#include <aerospike/as_event.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

static void test_no_loops(void** state)
{
	(void)state;
	assert_null(as_event_loops);
	assert_int_equal(as_event_loop_size, 0);
	assert_null(as_event_loop_get_by_index(0));
	assert_false(as_event_close_loops());
	as_event_destroy_loops();
	assert_null(as_event_loop_find((void*)&state));
}

static void test_external_loop_refused(void** state)
{
	(void)state;
	int fake_loop = 0;
	assert_null(as_event_set_external_loop(&fake_loop));
	as_error err;
	as_event_loop* loop = (as_event_loop*)&fake_loop;
	assert_int_equal(as_set_external_event_loop(&err, NULL, &fake_loop, &loop), AEROSPIKE_ERR_CLIENT);
	assert_string_equal(err.message, "Failed to add external loop. Capacity is 0");
	as_policy_event policy;
	as_policy_event_init(&policy);
	policy.max_commands_in_process = 3;
	assert_int_equal(as_set_external_event_loop(&err, &policy, &fake_loop, &loop),
		AEROSPIKE_ERR_CLIENT);
	assert_string_equal(err.message, "max_commands_in_process 3 must be 0 or >= 5");
	assert_int_equal(as_set_external_event_loop(&err, &policy, &fake_loop, NULL), AEROSPIKE_ERR_PARAM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_loops),
		cmocka_unit_test(test_external_loop_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
