/*
 * aerospike_key_* against asim (3 nodes, replication factor 2) or the real
 * cluster AEROSPIKE_HOSTS names (test_cluster.h), through the public API
 * only: every value type stored and read back, the record handed
 * back the stock way (into the caller's record, grown when it is too small,
 * or a new one), exists/select/remove/operate, the write policies' server
 * answers (generation, exists, TTL), and the bad input that must get a
 * clear as_error instead of a crash: NULL arguments, an unconnected client,
 * an unknown namespace, a key without a value, a bin name over 15 bytes, an
 * operate with no operations.
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_hashmap.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_record.h>
#include <aerospike/as_stringmap.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "asim_process.h"
#include "test_cluster.h"

static test_cluster g_cluster;
static aerospike g_as;
static const char* g_ns;
static char g_set[32];

static int group_setup(void** state)
{
	(void)state;
	if (!test_cluster_start(&g_cluster, "--nodes 3 --namespace test:2")) {
		return -1;
	}
	if (!test_cluster_connect(&g_cluster, &g_as)) {
		return -1;
	}
	g_ns = test_namespace();
	test_unique_name(g_set, sizeof g_set, "keys");
	return 0;
}

static int group_teardown(void** state)
{
	(void)state;
	bool dropped = test_cluster_drop_set(&g_as, g_set);
	as_error err;
	aerospike_close(&g_as, &err);
	aerospike_destroy(&g_as);
	test_cluster_stop(&g_cluster);
	return dropped ? 0 : -1;
}

static void put_ok(as_key* key, as_record* rec)
{
	as_error err;
	as_status status = aerospike_key_put(&g_as, &err, NULL, key, rec);
	if (status != AEROSPIKE_OK) {
		fail_msg("put: %d %s", err.code, err.message);
	}
}

static void test_every_value_type_round_trips(void** state)
{
	(void)state;
	as_key key;
	as_key_init_str(&key, g_ns, g_set, "types");
	as_arraylist list;
	as_arraylist_init(&list, 3, 0);
	as_arraylist_append_int64(&list, 7);
	as_arraylist_append_str(&list, "seven");
	as_hashmap map;
	as_hashmap_init(&map, 2);
	as_stringmap_set_int64((as_map*)&map, "a", 1);
	uint8_t blob[] = {0, 1, 2, 0xff};

	as_record rec;
	as_record_inita(&rec, 8);
	as_record_set_int64(&rec, "i", -42);
	as_record_set_double(&rec, "d", 2.25);
	as_record_set_str(&rec, "s", "hello");
	as_record_set_raw(&rec, "b", blob, sizeof blob);
	as_record_set_bool(&rec, "t", true);
	as_record_set_list(&rec, "l", (as_list*)&list);
	as_record_set_map(&rec, "m", (as_map*)&map);
	as_record_set_geojson_str(&rec, "g", "{\"type\":\"Point\",\"coordinates\":[1,2]}");
	put_ok(&key, &rec);
	as_record_destroy(&rec);

	as_error err;
	as_record* got = NULL;
	assert_int_equal(aerospike_key_get(&g_as, &err, NULL, &key, &got), AEROSPIKE_OK);
	assert_non_null(got);
	assert_int_equal(got->bins.size, 8);
	assert_int_equal(got->gen, 1);
	assert_int_equal(as_record_get_int64(got, "i", 0), -42);
	assert_true(as_record_get_double(got, "d", 0) == 2.25);
	assert_string_equal(as_record_get_str(got, "s"), "hello");
	as_bytes* b = as_record_get_bytes(got, "b");
	assert_non_null(b);
	assert_int_equal(b->size, sizeof blob);
	assert_memory_equal(b->value, blob, sizeof blob);
	assert_true(as_record_get_bool(got, "t"));
	as_list* l = as_record_get_list(got, "l");
	assert_non_null(l);
	assert_int_equal(as_list_size(l), 2);
	assert_int_equal(as_list_get_int64(l, 0), 7);
	assert_string_equal(as_list_get_str(l, 1), "seven");
	as_map* m = as_record_get_map(got, "m");
	assert_non_null(m);
	assert_int_equal(as_map_size(m), 1);
	assert_non_null(as_record_get_geojson_str(got, "g"));
	as_record_destroy(got);
	aerospike_key_remove(&g_as, &err, NULL, &key);
}

static void test_record_returned_into_callers_record(void** state)
{
	(void)state;
	as_key key;
	as_key_init_int64(&key, g_ns, g_set, 11);
	as_record rec;
	as_record_inita(&rec, 3);
	as_record_set_int64(&rec, "a", 1);
	as_record_set_int64(&rec, "b", 2);
	as_record_set_int64(&rec, "c", 3);
	put_ok(&key, &rec);
	as_record_destroy(&rec);

	/* One slot for three bins: the library grows the caller's record. */
	as_record small;
	as_record_init(&small, 1);
	as_record_set_str(&small, "old", "value dropped before the read");
	as_record* target = &small;
	as_error err;
	assert_int_equal(aerospike_key_get(&g_as, &err, NULL, &key, &target), AEROSPIKE_OK);
	assert_ptr_equal(target, &small);
	assert_int_equal(small.bins.size, 3);
	assert_int_equal(as_record_get_int64(&small, "c", 0), 3);
	assert_null(as_record_get(&small, "old"));
	as_record_destroy(&small);

	/* No record pointer at all: nothing comes back, the read still succeeds. */
	assert_int_equal(aerospike_key_get(&g_as, &err, NULL, &key, NULL), AEROSPIKE_OK);
	aerospike_key_remove(&g_as, &err, NULL, &key);
}

static void test_select_exists_remove(void** state)
{
	(void)state;
	as_key key;
	as_key_init_str(&key, g_ns, g_set, "select");
	as_record rec;
	as_record_inita(&rec, 3);
	as_record_set_int64(&rec, "x", 1);
	as_record_set_int64(&rec, "y", 2);
	as_record_set_int64(&rec, "z", 3);
	put_ok(&key, &rec);
	as_record_destroy(&rec);

	as_error err;
	const char* bins[] = {"x", "z", "missing", NULL};
	as_record* got = NULL;
	assert_int_equal(aerospike_key_select(&g_as, &err, NULL, &key, bins, &got), AEROSPIKE_OK);
	assert_int_equal(got->bins.size, 2);
	assert_int_equal(as_record_get_int64(got, "z", 0), 3);
	assert_null(as_record_get(got, "y"));
	as_record_destroy(got);

	got = NULL;
	assert_int_equal(aerospike_key_select_bins(&g_as, &err, NULL, &key, bins, 1, &got),
		AEROSPIKE_OK);
	assert_int_equal(got->bins.size, 1);
	as_record_destroy(got);

	got = NULL;
	assert_int_equal(aerospike_key_exists(&g_as, &err, NULL, &key, &got), AEROSPIKE_OK);
	assert_non_null(got);
	assert_int_equal(got->bins.size, 0);
	assert_int_equal(got->gen, 1);
	as_record_destroy(got);

	assert_int_equal(aerospike_key_remove(&g_as, &err, NULL, &key), AEROSPIKE_OK);
	got = (as_record*)&err; /* must be cleared on a miss */
	assert_int_equal(aerospike_key_exists(&g_as, &err, NULL, &key, &got),
		AEROSPIKE_ERR_RECORD_NOT_FOUND);
	assert_null(got);
	assert_int_equal(aerospike_key_remove(&g_as, &err, NULL, &key), AEROSPIKE_ERR_RECORD_NOT_FOUND);
	assert_int_equal(err.code, AEROSPIKE_ERR_RECORD_NOT_FOUND);
	assert_false(err.in_doubt);
}

static void test_operate_basic_ops(void** state)
{
	(void)state;
	as_key key;
	as_key_init_str(&key, g_ns, g_set, "operate");
	as_error err;
	as_operations ops;
	as_operations_inita(&ops, 5);
	as_operations_add_write_int64(&ops, "n", 10);
	as_operations_add_incr(&ops, "n", 5);
	as_operations_add_write_str(&ops, "s", "mid");
	as_operations_add_append_str(&ops, "s", "-end");
	as_operations_add_prepend_str(&ops, "s", "start-");
	assert_int_equal(aerospike_key_operate(&g_as, &err, NULL, &key, &ops, NULL), AEROSPIKE_OK);
	as_operations_destroy(&ops);

	as_operations_inita(&ops, 2);
	as_operations_add_read(&ops, "n");
	as_operations_add_read(&ops, "s");
	as_record* got = NULL;
	assert_int_equal(aerospike_key_operate(&g_as, &err, NULL, &key, &ops, &got), AEROSPIKE_OK);
	assert_int_equal(as_record_get_int64(got, "n", 0), 15);
	assert_string_equal(as_record_get_str(got, "s"), "start-mid-end");
	as_record_destroy(got);
	as_operations_destroy(&ops);

	/* Incrementing a string bin is the server's BIN_INCOMPATIBLE_TYPE. */
	as_operations_inita(&ops, 1);
	as_operations_add_incr(&ops, "s", 1);
	assert_int_equal(aerospike_key_operate(&g_as, &err, NULL, &key, &ops, NULL),
		AEROSPIKE_ERR_BIN_INCOMPATIBLE_TYPE);
	as_operations_destroy(&ops);
	aerospike_key_remove(&g_as, &err, NULL, &key);
}

static void test_write_policies_answered_by_the_server(void** state)
{
	(void)state;
	as_key key;
	as_key_init_str(&key, g_ns, g_set, "policies");
	as_error err;
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "v", 1);
	as_policy_write p;
	as_policy_write_init(&p);

	p.exists = AS_POLICY_EXISTS_UPDATE;
	assert_int_equal(aerospike_key_put(&g_as, &err, &p, &key, &rec), AEROSPIKE_ERR_RECORD_NOT_FOUND);
	p.exists = AS_POLICY_EXISTS_CREATE;
	assert_int_equal(aerospike_key_put(&g_as, &err, &p, &key, &rec), AEROSPIKE_OK);
	assert_false(err.in_doubt); /* 7.4.0 judges doubt only for a command that failed */
	assert_int_equal(aerospike_key_put(&g_as, &err, &p, &key, &rec), AEROSPIKE_ERR_RECORD_EXISTS);
	assert_string_equal(err.message, "AEROSPIKE_ERR_RECORD_EXISTS");

	p.exists = AS_POLICY_EXISTS_IGNORE;
	p.gen = AS_POLICY_GEN_EQ;
	rec.gen = 7;
	assert_int_equal(aerospike_key_put(&g_as, &err, &p, &key, &rec),
		AEROSPIKE_ERR_RECORD_GENERATION);
	rec.gen = 1;
	assert_int_equal(aerospike_key_put(&g_as, &err, &p, &key, &rec), AEROSPIKE_OK);

	p.gen = AS_POLICY_GEN_IGNORE;
	rec.ttl = 100;
	assert_int_equal(aerospike_key_put(&g_as, &err, &p, &key, &rec), AEROSPIKE_OK);
	as_record* got = NULL;
	assert_int_equal(aerospike_key_get(&g_as, &err, NULL, &key, &got), AEROSPIKE_OK);
	assert_int_equal(got->gen, 3);
	assert_true(got->ttl > 90 && got->ttl <= 100);
	as_record_destroy(got);
	as_record_destroy(&rec);
	aerospike_key_remove(&g_as, &err, NULL, &key);
}

static long sum_stat(const char* field)
{
	long total = 0;
	for (int i = 0; i < g_cluster.asim.n_ports; i++) {
		total += asim_stat(g_cluster.asim.ports[0], g_cluster.asim.ports[i], field);
	}
	return total;
}

/* policy.base.compress: a request over 128 bytes goes compressed, and the
 * answer is asked for compressed (asim compresses it when that saves). */
static void test_compression_both_ways(void** state)
{
	(void)state;
	if (lacks_asim("compression counted by asim-stats")) {
		skip();
	}
	as_key key;
	as_key_init_str(&key, g_ns, g_set, "compressed");
	char text[4001];
	memset(text, 'z', sizeof text - 1);
	text[sizeof text - 1] = 0;
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_str(&rec, "text", text);
	as_policy_write wp;
	as_policy_write_init(&wp);
	wp.base.compress = true;
	long in_before = sum_stat("compressed_in");
	as_error err;
	assert_int_equal(aerospike_key_put(&g_as, &err, &wp, &key, &rec), AEROSPIKE_OK);
	assert_int_equal(sum_stat("compressed_in"), in_before + 1);
	as_record_destroy(&rec);

	as_policy_read rp;
	as_policy_read_init(&rp);
	rp.base.compress = true;
	long out_before = sum_stat("compressed_out");
	as_record* got = NULL;
	assert_int_equal(aerospike_key_get(&g_as, &err, &rp, &key, &got), AEROSPIKE_OK);
	assert_int_equal(sum_stat("compressed_out"), out_before + 1);
	assert_string_equal(as_record_get_str(got, "text"), text);
	as_record_destroy(got);
	aerospike_key_remove(&g_as, &err, NULL, &key);
}

/* A namespace without nsup refuses records that would expire: FORBIDDEN,
 * as a server with nsup-period 0 answers. */
static void test_forbidden_ttl(void** state)
{
	(void)state;
	if (lacks_asim("asim-ns-config sets nsup-period 0")) {
		skip();
	}
	char* answer = asim_info(g_cluster.asim.ports[0], "asim-ns-config:ns=test;nsup-period=0");
	assert_non_null(answer);
	free(answer);
	as_key key;
	as_key_init_str(&key, g_ns, g_set, "forbidden");
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "v", 1);
	rec.ttl = 100;
	as_error err;
	assert_int_equal(aerospike_key_put(&g_as, &err, NULL, &key, &rec), AEROSPIKE_ERR_FAIL_FORBIDDEN);
	assert_false(err.in_doubt);
	rec.ttl = AS_RECORD_NO_EXPIRE_TTL;
	assert_int_equal(aerospike_key_put(&g_as, &err, NULL, &key, &rec), AEROSPIKE_OK);
	answer = asim_info(g_cluster.asim.ports[0], "asim-ns-config:ns=test;nsup-period=120");
	free(answer);
	as_record_destroy(&rec);
	aerospike_key_remove(&g_as, &err, NULL, &key);
}

static void test_bad_input_gets_a_clear_error(void** state)
{
	(void)state;
	as_error err;
	as_key key;
	as_key_init_str(&key, g_ns, g_set, "bad");
	as_record* got = NULL;

	assert_int_equal(aerospike_key_get(NULL, &err, NULL, &key, &got), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "as is NULL"));
	assert_int_equal(aerospike_key_get(&g_as, &err, NULL, NULL, &got), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "key is NULL"));
	assert_int_equal(aerospike_key_put(&g_as, &err, NULL, &key, NULL), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "rec is NULL"));
	assert_int_equal(aerospike_key_operate(&g_as, &err, NULL, &key, NULL, &got),
		AEROSPIKE_ERR_PARAM);

	as_operations none;
	as_operations_inita(&none, 1);
	assert_int_equal(aerospike_key_operate(&g_as, &err, NULL, &key, &none, &got),
		AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "No operations defined");

	as_key other;
	as_key_init_str(&other, "nosuchns", g_set, "bad");
	assert_int_equal(aerospike_key_get(&g_as, &err, NULL, &other, &got),
		AEROSPIKE_ERR_NAMESPACE_NOT_FOUND);
	assert_string_equal(err.message, "Invalid namespace: nosuchns");

	const char* long_name[] = {"sixteen_chars_xx", NULL};
	assert_int_equal(aerospike_key_select(&g_as, &err, NULL, &key, long_name, &got),
		AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "Bin name too long: sixteen_chars_xx");

	as_key valueless;
	memset(&valueless, 0, sizeof valueless);
	strcpy(valueless.ns, g_ns);
	assert_int_equal(aerospike_key_get(&g_as, &err, NULL, &valueless, &got), AEROSPIKE_ERR_PARAM);

	aerospike unconnected;
	as_config config;
	as_config_init(&config);
	aerospike_init(&unconnected, &config);
	assert_int_equal(aerospike_key_get(&unconnected, &err, NULL, &key, &got), AEROSPIKE_ERR_CLIENT);
	assert_non_null(strstr(err.message, "not connected"));
	aerospike_destroy(&unconnected);
	assert_null(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_value_type_round_trips),
		cmocka_unit_test(test_record_returned_into_callers_record),
		cmocka_unit_test(test_select_exists_remove),
		cmocka_unit_test(test_operate_basic_ops),
		cmocka_unit_test(test_write_policies_answered_by_the_server),
		cmocka_unit_test(test_compression_both_ways),
		cmocka_unit_test(test_forbidden_ttl),
		cmocka_unit_test(test_bad_input_gets_a_clear_error),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
