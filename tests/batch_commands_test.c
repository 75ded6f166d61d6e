/*
 * Batch commands end to end against a 3-node asim or the real cluster
 * AEROSPIKE_HOSTS names (test_cluster.h): the records API (reads
 * of all bins, chosen bins, headers only and operations; writes, removes
 * and UDF applies, each with its own result) and the as_batch API with its
 * listener, plus the edges 7.4.0 defines: an empty batch succeeds, a key
 * on a missing namespace fails only its row (BATCH_FAILED), duplicate keys
 * each get their answer, 10,000 keys, a single key per node (sent as a
 * single-record command), both sequential and concurrent node commands.
 * Expected results are the server's (NOT_FOUND for a missing record, the
 * UDF's error text in a FAILURE bin); compat/key_twin_test.sh compares the
 * same calls with the stock client.
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_batch.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/aerospike_udf.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_batch.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_record.h>
#include <aerospike/as_string.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "test_cluster.h"

static test_cluster g_cluster;
static aerospike g_as;
static const char* g_ns;
static char g_set[32];
/* The UDF module, named for this run so that runs sharing a cluster never
 * replace or remove each other's. */
static char g_module[32];
static char g_module_file[40];

static const char udf_source[] =
	"function twice(rec, n)\n"
	"  return n * 2\n"
	"end\n"
	"function boom(rec)\n"
	"  error('boom')\n"
	"end\n";

static void put_int(const char* key, const char* bin, int64_t value)
{
	as_key k;
	as_key_init_str(&k, g_ns, g_set, key);
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, bin, value);
	as_error err;
	assert_int_equal(aerospike_key_put(&g_as, &err, NULL, &k, &rec), AEROSPIKE_OK);
	as_record_destroy(&rec);
}

static int group_setup(void** state)
{
	(void)state;
	if (!test_cluster_start(&g_cluster, "--nodes 3 --namespace test:2")) {
		return -1;
	}
	g_ns = test_namespace();
	test_unique_name(g_set, sizeof g_set, "batch");
	test_unique_name(g_module, sizeof g_module, "batch_test");
	snprintf(g_module_file, sizeof g_module_file, "%s.lua", g_module);
	if (!test_cluster_connect(&g_cluster, &g_as)) {
		return -1;
	}
	as_error err;
	as_bytes content;
	as_bytes_init_wrap(&content, (uint8_t*)udf_source, (uint32_t)strlen(udf_source), false);
	if (aerospike_udf_put(&g_as, &err, NULL, g_module_file, AS_UDF_TYPE_LUA, &content) !=
			AEROSPIKE_OK ||
		aerospike_udf_put_wait(&g_as, &err, NULL, g_module_file, 10) != AEROSPIKE_OK) {
		print_error("udf put: %s\n", err.message);
		return -1;
	}
	return 0;
}

static int group_teardown(void** state)
{
	(void)state;
	as_error err;
	bool removed = aerospike_udf_remove(&g_as, &err, NULL, g_module_file) == AEROSPIKE_OK;
	if (!removed) {
		print_error("udf remove: %s\n", err.message);
	}
	bool dropped = test_cluster_drop_set(&g_as, g_set);
	aerospike_close(&g_as, &err);
	aerospike_destroy(&g_as);
	test_cluster_stop(&g_cluster);
	return removed && dropped ? 0 : -1;
}

/* A batch row's key keeps a pointer to its value: each row gets its own
 * copy, freed with the records. */
static as_key* own_key(as_key* k, const char* name)
{
	return as_key_init_strp(k, g_ns, g_set, strdup(name), true);
}

static as_batch_read_record* read_row(as_batch_records* records, const char* key)
{
	as_batch_read_record* r = as_batch_read_reserve(records);
	own_key(&r->key, key);
	return r;
}

static void test_records_read_kinds(void** state)
{
	(void)state;
	put_int("r1", "a", 1);
	put_int("r2", "a", 2);

	as_batch_records records;
	as_batch_records_inita(&records, 5);
	read_row(&records, "r1")->read_all_bins = true;
	char* names[] = {"a"};
	as_batch_read_record* bins = read_row(&records, "r2");
	bins->bin_names = names;
	bins->n_bin_names = 1;
	read_row(&records, "r1"); /* header only */
	read_row(&records, "missing")->read_all_bins = true;
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_read(&ops, "a");
	read_row(&records, "r2")->ops = &ops;

	as_error err;
	assert_int_equal(aerospike_batch_read(&g_as, &err, NULL, &records), AEROSPIKE_OK);
	as_vector* list = &records.list;
	as_batch_read_record* r = as_vector_get(list, 0);
	assert_int_equal(r->result, AEROSPIKE_OK);
	assert_int_equal(as_record_get_int64(&r->record, "a", -1), 1);
	assert_int_equal(r->record.gen, 1);
	r = as_vector_get(list, 1);
	assert_int_equal(r->result, AEROSPIKE_OK);
	assert_int_equal(as_record_get_int64(&r->record, "a", -1), 2);
	r = as_vector_get(list, 2);
	assert_int_equal(r->result, AEROSPIKE_OK);
	assert_int_equal(r->record.bins.size, 0);
	assert_int_equal(r->record.gen, 1);
	r = as_vector_get(list, 3);
	assert_int_equal(r->result, AEROSPIKE_ERR_RECORD_NOT_FOUND);
	r = as_vector_get(list, 4);
	assert_int_equal(r->result, AEROSPIKE_OK);
	assert_int_equal(as_record_get_int64(&r->record, "a", -1), 2);
	as_operations_destroy(&ops);
	as_batch_records_destroy(&records);
}

static void test_records_write_kinds(void** state)
{
	(void)state;
	put_int("w3", "a", 3);
	as_batch_records records;
	as_batch_records_inita(&records, 4);

	as_operations write_ops;
	as_operations_inita(&write_ops, 2);
	as_operations_add_write_int64(&write_ops, "a", 10);
	as_operations_add_read(&write_ops, "a");
	as_batch_write_record* w = as_batch_write_reserve(&records);
	as_key_init_str(&w->key, g_ns, g_set, "w1");
	w->ops = &write_ops;

	as_batch_remove_record* rm = as_batch_remove_reserve(&records);
	as_key_init_str(&rm->key, g_ns, g_set, "w3");

	as_arraylist args;
	as_arraylist_init(&args, 1, 0);
	as_arraylist_append_int64(&args, 21);
	as_batch_apply_record* ap = as_batch_apply_reserve(&records);
	as_key_init_str(&ap->key, g_ns, g_set, "w4");
	ap->module = g_module;
	ap->function = "twice";
	ap->arglist = (as_list*)&args;

	as_batch_apply_record* bad = as_batch_apply_reserve(&records);
	as_key_init_str(&bad->key, g_ns, g_set, "w5");
	bad->module = g_module;
	bad->function = "boom";

	as_error err;
	/* A UDF that raises fails its row: the batch reports it. */
	assert_int_equal(aerospike_batch_write(&g_as, &err, NULL, &records), AEROSPIKE_BATCH_FAILED);
	assert_string_equal(err.message, "One or more batch sub-commands failed");
	as_vector* list = &records.list;
	as_batch_write_record* wr = as_vector_get(list, 0);
	assert_int_equal(wr->result, AEROSPIKE_OK);
	/* A write row answers every op (respond-all-ops): the write's nil, then
	 * the read's value, both named "a". */
	assert_int_equal(wr->record.bins.size, 2);
	assert_int_equal(as_integer_get((as_integer*)wr->record.bins.entries[1].valuep), 10);
	as_batch_remove_record* rr = as_vector_get(list, 1);
	assert_int_equal(rr->result, AEROSPIKE_OK);
	as_batch_apply_record* ar = as_vector_get(list, 2);
	assert_int_equal(ar->result, AEROSPIKE_OK);
	assert_int_equal(as_record_get_int64(&ar->record, "SUCCESS", -1), 42);
	as_batch_apply_record* br = as_vector_get(list, 3);
	assert_int_equal(br->result, AEROSPIKE_ERR_UDF);
	const char* failure = as_record_get_str(&br->record, "FAILURE");
	assert_non_null(failure);
	assert_non_null(strstr(failure, "boom"));

	as_key k;
	as_key_init_str(&k, g_ns, g_set, "w3");
	as_record* gone = NULL;
	assert_int_equal(aerospike_key_get(&g_as, &err, NULL, &k, &gone), AEROSPIKE_ERR_RECORD_NOT_FOUND);
	as_operations_destroy(&write_ops);
	as_arraylist_destroy(&args);
	as_batch_records_destroy(&records);
}

typedef struct {
	uint32_t calls;
	uint32_t n;
	uint32_t found;
	int64_t sum;
} listened;

/* The last integer bin named "a": a write answers every op, so an
 * increment then a read give "a" twice (nil, then the value). */
static int64_t last_a(const as_record* rec)
{
	int64_t v = 0;
	for (uint16_t i = 0; i < rec->bins.size; i++) {
		const as_bin* b = &rec->bins.entries[i];
		if (strcmp(b->name, "a") == 0 && as_val_type((as_val*)b->valuep) == AS_INTEGER) {
			v = as_integer_get((as_integer*)b->valuep);
		}
	}
	return v;
}

static bool listen(const as_batch_result* results, uint32_t n, void* udata)
{
	listened* l = udata;
	l->calls++;
	l->n = n;
	for (uint32_t i = 0; i < n; i++) {
		if (results[i].result == AEROSPIKE_OK) {
			l->found++;
			l->sum += last_a(&results[i].record);
		}
	}
	return true;
}

static void make_keys(as_batch* batch, uint32_t n, const char* prefix)
{
	as_batch_init(batch, n);
	for (uint32_t i = 0; i < n; i++) {
		char key[32];
		snprintf(key, sizeof key, "%s%u", prefix, i);
		own_key(as_batch_keyat(batch, i), key);
	}
}

static void test_keys_api(void** state)
{
	(void)state;
	for (int i = 0; i < 6; i++) {
		char key[16];
		snprintf(key, sizeof key, "k%d", i);
		put_int(key, "a", i);
	}
	as_batch batch;
	make_keys(&batch, 8, "k"); /* k6, k7 do not exist */
	as_error err;
	listened l = {0};
	assert_int_equal(aerospike_batch_get(&g_as, &err, NULL, &batch, listen, &l), AEROSPIKE_OK);
	assert_int_equal(l.calls, 1);
	assert_int_equal(l.n, 8);
	assert_int_equal(l.found, 6);
	assert_int_equal(l.sum, 0 + 1 + 2 + 3 + 4 + 5);

	memset(&l, 0, sizeof l);
	assert_int_equal(aerospike_batch_exists(&g_as, &err, NULL, &batch, listen, &l), AEROSPIKE_OK);
	assert_int_equal(l.found, 6);
	assert_int_equal(l.sum, 0);

	memset(&l, 0, sizeof l);
	const char* bins[] = {"a"};
	assert_int_equal(
		aerospike_batch_get_bins(&g_as, &err, NULL, &batch, bins, 1, listen, &l), AEROSPIKE_OK);
	assert_int_equal(l.sum, 15);

	as_operations incr;
	as_operations_inita(&incr, 2);
	as_operations_add_incr(&incr, "a", 100);
	as_operations_add_read(&incr, "a");
	memset(&l, 0, sizeof l);
	/* The missing keys are created by the increment. */
	assert_int_equal(
		aerospike_batch_operate(&g_as, &err, NULL, NULL, &batch, &incr, listen, &l), AEROSPIKE_OK);
	assert_int_equal(l.found, 8);
	assert_int_equal(l.sum, 15 + 8 * 100);
	as_operations_destroy(&incr);

	memset(&l, 0, sizeof l);
	assert_int_equal(aerospike_batch_remove(&g_as, &err, NULL, NULL, &batch, listen, &l),
		AEROSPIKE_OK);
	assert_int_equal(l.found, 8);
	memset(&l, 0, sizeof l);
	assert_int_equal(aerospike_batch_get(&g_as, &err, NULL, &batch, listen, &l), AEROSPIKE_OK);
	assert_int_equal(l.found, 0);
	as_batch_destroy(&batch);
}

static void test_keys_apply(void** state)
{
	(void)state;
	as_batch batch;
	make_keys(&batch, 5, "ap");
	as_arraylist args;
	as_arraylist_init(&args, 1, 0);
	as_arraylist_append_int64(&args, 4);
	as_error err;
	listened l = {0};
	assert_int_equal(aerospike_batch_apply(&g_as, &err, NULL, NULL, &batch, g_module, "twice",
						 (as_list*)&args, listen, &l),
		AEROSPIKE_OK);
	assert_int_equal(l.found, 5);
	as_arraylist_destroy(&args);
	as_batch_destroy(&batch);
}

/* Apply rows without an arglist (7.4.0 crashes on them in a batch of
 * several keys): the function runs with no arguments. */
static void test_apply_without_arglist(void** state)
{
	(void)state;
	enum { kRows = 10 };
	as_batch_records records;
	as_batch_records_inita(&records, kRows);
	for (int i = 0; i < kRows; i++) {
		char key[16];
		snprintf(key, sizeof key, "noargs%d", i);
		as_batch_apply_record* a = as_batch_apply_reserve(&records);
		own_key(&a->key, key);
		a->module = g_module;
		a->function = "boom";
	}
	as_error err;
	assert_int_equal(aerospike_batch_write(&g_as, &err, NULL, &records), AEROSPIKE_BATCH_FAILED);
	for (int i = 0; i < kRows; i++) {
		as_batch_apply_record* a = as_vector_get(&records.list, (uint32_t)i);
		assert_int_equal(a->result, AEROSPIKE_ERR_UDF);
	}
	as_batch_records_destroy(&records);
}

static void test_empty_batch(void** state)
{
	(void)state;
	as_batch batch;
	as_batch_init(&batch, 0);
	as_error err;
	listened l = {0};
	assert_int_equal(aerospike_batch_get(&g_as, &err, NULL, &batch, listen, &l), AEROSPIKE_OK);
	assert_int_equal(l.calls, 1);
	assert_int_equal(l.n, 0);
	as_batch_destroy(&batch);

	as_batch_records records;
	as_batch_records_inita(&records, 1);
	assert_int_equal(aerospike_batch_read(&g_as, &err, NULL, &records), AEROSPIKE_OK);
	as_batch_records_destroy(&records);
}

static void test_unknown_namespace_fails_its_rows(void** state)
{
	(void)state;
	put_int("ns1", "a", 1);
	as_batch_records records;
	as_batch_records_inita(&records, 2);
	read_row(&records, "ns1")->read_all_bins = true;
	as_batch_read_record* other = as_batch_read_reserve(&records);
	as_key_init_str(&other->key, "nosuch", g_set, "ns1");
	other->read_all_bins = true;
	as_error err;
	assert_int_equal(aerospike_batch_read(&g_as, &err, NULL, &records), AEROSPIKE_BATCH_FAILED);
	as_batch_read_record* r = as_vector_get(&records.list, 0);
	assert_int_equal(r->result, AEROSPIKE_OK);
	r = as_vector_get(&records.list, 1);
	assert_int_equal(r->result, AEROSPIKE_ERR_NAMESPACE_NOT_FOUND);
	as_batch_records_destroy(&records);

	/* Only rows that cannot go anywhere: the batch itself failed. */
	as_batch_records_inita(&records, 1);
	other = as_batch_read_reserve(&records);
	as_key_init_str(&other->key, "nosuch", g_set, "x");
	assert_int_equal(aerospike_batch_read(&g_as, &err, NULL, &records), AEROSPIKE_BATCH_FAILED);
	assert_string_equal(err.message, "Batch failed");
	as_batch_records_destroy(&records);
}

static void test_duplicates_and_many_keys(void** state)
{
	(void)state;
	enum { kKeys = 10000 };
	as_batch_records* records = as_batch_records_create(kKeys);
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_write_int64(&ops, "a", 7);
	for (uint32_t i = 0; i < kKeys; i++) {
		as_batch_write_record* w = as_batch_write_reserve(records);
		char key[32];
		snprintf(key, sizeof key, "many%u", i % (kKeys / 2)); /* each key twice */
		own_key(&w->key, key);
		w->ops = &ops;
	}
	as_error err;
	as_policy_batch policy;
	as_policy_batch_init(&policy);
	policy.concurrent = true;
	/* 10,000 rows outlast the default 1 s under TSan on a loaded machine. */
	policy.base.total_timeout = 10000;
	assert_int_equal(aerospike_batch_write(&g_as, &err, &policy, records), AEROSPIKE_OK);
	for (uint32_t i = 0; i < kKeys; i++) {
		as_batch_write_record* w = as_vector_get(&records->list, i);
		assert_int_equal(w->result, AEROSPIKE_OK);
	}
	as_batch_records_destroy(records);
	as_operations_destroy(&ops);

	as_batch batch;
	make_keys(&batch, kKeys / 2, "many");
	listened l = {0};
	assert_int_equal(aerospike_batch_get(&g_as, &err, NULL, &batch, listen, &l), AEROSPIKE_OK);
	assert_int_equal(l.found, kKeys / 2);
	assert_int_equal(l.sum, 7 * (kKeys / 2));
	as_batch_destroy(&batch);
}

static void test_bad_input(void** state)
{
	(void)state;
	as_error err;
	as_batch_records records;
	as_batch_records_inita(&records, 1);
	assert_int_equal(aerospike_batch_read(NULL, &err, NULL, &records), AEROSPIKE_ERR_PARAM);
	assert_int_equal(aerospike_batch_read(&g_as, &err, NULL, NULL), AEROSPIKE_ERR_PARAM);

	as_batch_records_destroy(&records);

	/* A read row may not write, and a write row must write: checked when a
	 * node's batch command is built. With 10 keys on 3 nodes some node gets
	 * several (a node with one key gets a single-record operate, which
	 * accepts either, as in 7.4.0). */
	enum { kRows = 10 };
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_write_int64(&ops, "a", 1);
	as_batch_records_inita(&records, kRows);
	for (int i = 0; i < kRows; i++) {
		char key[16];
		snprintf(key, sizeof key, "bad%d", i);
		read_row(&records, key)->ops = &ops;
	}
	assert_int_equal(aerospike_batch_read(&g_as, &err, NULL, &records), AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "Write operations not allowed in batch read");
	as_batch_records_destroy(&records);

	as_operations reads;
	as_operations_inita(&reads, 1);
	as_operations_add_read(&reads, "a");
	as_batch_records_inita(&records, kRows);
	for (int i = 0; i < kRows; i++) {
		as_batch_write_record* w = as_batch_write_reserve(&records);
		char key[16];
		snprintf(key, sizeof key, "bad%d", i);
		own_key(&w->key, key);
		w->ops = &reads;
	}
	assert_int_equal(aerospike_batch_write(&g_as, &err, NULL, &records), AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "Batch write operations do not contain a write");
	as_batch_records_destroy(&records);
	as_operations_destroy(&ops);
	as_operations_destroy(&reads);

	as_batch batch;
	as_batch_init(&batch, 1);
	as_key_init_str(as_batch_keyat(&batch, 0), g_ns, g_set, "x");
	assert_int_equal(aerospike_batch_get_ops(&g_as, &err, NULL, &batch, NULL, listen, NULL),
		AEROSPIKE_ERR_PARAM);
	assert_int_equal(aerospike_batch_apply(&g_as, &err, NULL, NULL, &batch, NULL, "f", NULL, listen,
						 NULL),
		AEROSPIKE_ERR_PARAM);
	as_batch_destroy(&batch);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records_read_kinds),
		cmocka_unit_test(test_records_write_kinds),
		cmocka_unit_test(test_keys_api),
		cmocka_unit_test(test_keys_apply),
		cmocka_unit_test(test_apply_without_arglist),
		cmocka_unit_test(test_empty_batch),
		cmocka_unit_test(test_unknown_namespace_fails_its_rows),
		cmocka_unit_test(test_duplicates_and_many_keys),
		cmocka_unit_test(test_bad_input),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
