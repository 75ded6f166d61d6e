/*
 * A fixed list of batch calls whose requests compat/batch_wire_test.sh
 * records (asim --record) once with the stock C client 7.4.0 and once with
 * ours, then compares byte for byte. Everything that goes on the wire is
 * decided here (keys, set, policies, bins, operations), so both libraries
 * must send identical frames. What the server answers does not matter.
 *   usage: batch_wire HOST:PORT SET
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_batch.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_batch.h>
#include <aerospike/as_exp.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_record.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char* g_set;
static aerospike g_as;
static int g_failures;

static bool ignore(const as_batch_result* results, uint32_t n, void* udata)
{
	(void)results;
	(void)n;
	(void)udata;
	return true;
}

/* Only a client-side refusal means the request was not sent. */
static void check(const char* call, as_status status, const as_error* err)
{
	if (status == AEROSPIKE_ERR_CLIENT || status == AEROSPIKE_ERR_PARAM) {
		fprintf(stderr, "%s: %d %s\n", call, status, err->message);
		g_failures++;
	}
}

static void records_read(const as_policy_batch* policy)
{
	static const char* names[] = {"a", "b"};
	as_operations ops;
	as_operations_inita(&ops, 2);
	as_operations_add_read(&ops, "a");
	as_operations_add_read(&ops, "");
	as_policy_batch_read row_policy;
	as_policy_batch_read_init(&row_policy);
	row_policy.read_touch_ttl_percent = 60;

	as_batch_records records;
	as_batch_records_inita(&records, 9);
	const char* keys[] = {"r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"};
	for (int i = 0; i < 8; i++) {
		as_batch_read_record* r = as_batch_read_reserve(&records);
		/* The first two share a shape (the second repeats), the third is in
		 * another set, then bins, header only, ops, a row policy. */
		as_key_init_str(&r->key, "test", i == 2 ? "other" : g_set, keys[i]);
		switch (i) {
		case 0: case 1: case 2: r->read_all_bins = true; break;
		case 3: case 4: r->bin_names = (char**)names; r->n_bin_names = 2; break;
		case 5: break;
		case 6: r->ops = &ops; break;
		default: r->read_all_bins = true; r->policy = &row_policy; break;
		}
	}
	as_batch_read_record* last = as_batch_read_reserve(&records);
	as_key_init_int64(&last->key, "test", g_set, 77);
	last->read_all_bins = true;
	as_error err;
	check("batch_read", aerospike_batch_read(&g_as, &err, policy, &records), &err);
	as_batch_records_destroy(&records);
	as_operations_destroy(&ops);
}

static void records_write(void)
{
	as_operations write_ops;
	as_operations_inita(&write_ops, 2);
	as_operations_add_write_int64(&write_ops, "a", 10);
	as_operations_add_read(&write_ops, "a");
	write_ops.ttl = 500;
	as_operations touch_ops;
	as_operations_inita(&touch_ops, 1);
	as_operations_add_touch(&touch_ops);
	as_policy_batch_write send_key;
	as_policy_batch_write_init(&send_key);
	send_key.key = AS_POLICY_KEY_SEND;
	send_key.exists = AS_POLICY_EXISTS_CREATE_OR_REPLACE;
	send_key.durable_delete = true;
	as_policy_batch_remove gen;
	as_policy_batch_remove_init(&gen);
	gen.gen = AS_POLICY_GEN_EQ;
	gen.generation = 3;
	as_policy_batch_apply apply_policy;
	as_policy_batch_apply_init(&apply_policy);
	apply_policy.ttl = 99;
	apply_policy.commit_level = AS_POLICY_COMMIT_LEVEL_MASTER;
	as_arraylist args;
	as_arraylist_init(&args, 2, 0);
	as_arraylist_append_int64(&args, 21);
	as_arraylist_append_str(&args, "x");

	as_batch_records records;
	as_batch_records_inita(&records, 10);
	for (int i = 0; i < 2; i++) {
		as_batch_write_record* w = as_batch_write_reserve(&records);
		as_key_init_str(&w->key, "test", g_set, i ? "w2" : "w1");
		w->ops = &write_ops;
	}
	for (int i = 0; i < 2; i++) {
		as_batch_write_record* w = as_batch_write_reserve(&records);
		as_key_init_str(&w->key, "test", g_set, i ? "w4" : "w3");
		w->ops = &write_ops;
		w->policy = &send_key; /* the key goes along: never repeated */
	}
	as_batch_write_record* touch = as_batch_write_reserve(&records);
	as_key_init_str(&touch->key, "test", g_set, "w5");
	touch->ops = &touch_ops;
	for (int i = 0; i < 2; i++) {
		as_batch_remove_record* rm = as_batch_remove_reserve(&records);
		as_key_init_str(&rm->key, "test", g_set, i ? "d2" : "d1");
		rm->policy = i ? &gen : NULL;
	}
	for (int i = 0; i < 2; i++) {
		as_batch_apply_record* ap = as_batch_apply_reserve(&records);
		as_key_init_str(&ap->key, "test", g_set, i ? "u2" : "u1");
		ap->module = "wire_mod";
		ap->function = "fn";
		ap->arglist = (as_list*)&args;
		ap->policy = i ? &apply_policy : NULL;
	}
	as_batch_read_record* r = as_batch_read_reserve(&records);
	as_key_init_str(&r->key, "test", g_set, "w1");
	r->read_all_bins = true;
	as_error err;
	check("batch_write", aerospike_batch_write(&g_as, &err, NULL, &records), &err);
	as_batch_records_destroy(&records);
	as_arraylist_destroy(&args);
	as_operations_destroy(&write_ops);
	as_operations_destroy(&touch_ops);
}

static void keys_calls(void)
{
	as_batch batch;
	as_batch_inita(&batch, 4);
	as_key_init_str(as_batch_keyat(&batch, 0), "test", g_set, "k1");
	as_key_init_str(as_batch_keyat(&batch, 1), "test", g_set, "k2");
	as_key_init_int64(as_batch_keyat(&batch, 2), "test", g_set, 3);
	as_key_init_str(as_batch_keyat(&batch, 3), "test", "other", "k4");
	as_error err;
	const char* bins[] = {"a"};
	check("batch_get", aerospike_batch_get(&g_as, &err, NULL, &batch, ignore, NULL), &err);
	check("batch_get_bins",
		aerospike_batch_get_bins(&g_as, &err, NULL, &batch, bins, 1, ignore, NULL), &err);
	check("batch_exists", aerospike_batch_exists(&g_as, &err, NULL, &batch, ignore, NULL), &err);

	as_operations read_ops;
	as_operations_inita(&read_ops, 1);
	as_operations_add_read(&read_ops, "a");
	check("batch_get_ops",
		aerospike_batch_get_ops(&g_as, &err, NULL, &batch, &read_ops, ignore, NULL), &err);
	as_operations write_ops;
	as_operations_inita(&write_ops, 1);
	as_operations_add_incr(&write_ops, "n", 1);
	check("batch_operate",
		aerospike_batch_operate(&g_as, &err, NULL, NULL, &batch, &write_ops, ignore, NULL), &err);
	as_policy_batch_write send_key;
	as_policy_batch_write_init(&send_key);
	send_key.key = AS_POLICY_KEY_SEND;
	check("batch_operate send_key",
		aerospike_batch_operate(&g_as, &err, NULL, &send_key, &batch, &write_ops, ignore, NULL),
		&err);
	as_arraylist args;
	as_arraylist_init(&args, 1, 0);
	as_arraylist_append_int64(&args, 5);
	check("batch_apply",
		aerospike_batch_apply(&g_as, &err, NULL, NULL, &batch, "wire_mod", "fn", (as_list*)&args,
			ignore, NULL),
		&err);
	check("batch_remove", aerospike_batch_remove(&g_as, &err, NULL, NULL, &batch, ignore, NULL),
		&err);
	as_arraylist_destroy(&args);
	as_operations_destroy(&read_ops);
	as_operations_destroy(&write_ops);
	as_batch_destroy(&batch);
}

/* Many keys: row indexes past one byte, and the frame compressed when the
 * policy asks (zlib's fastest level in both). */
static void many_keys(bool compress)
{
	enum { n = 300 };
	static char names[n][16];
	as_batch batch;
	as_batch_init(&batch, n);
	for (int i = 0; i < n; i++) {
		snprintf(names[i], sizeof names[i], "m%d", i);
		as_key_init_str(as_batch_keyat(&batch, (uint32_t)i), "test", g_set, names[i]);
	}
	as_policy_batch p;
	as_policy_batch_init(&p);
	p.base.compress = compress;
	as_error err;
	check("batch_exists many", aerospike_batch_exists(&g_as, &err, &p, &batch, ignore, NULL), &err);
	as_batch_destroy(&batch);
}

/* Row policies with their own filter expressions. */
static void row_filters(void)
{
	as_exp_build(filter, as_exp_cmp_gt(as_exp_bin_int("a"), as_exp_int(5)));
	as_policy_batch_read read_policy;
	as_policy_batch_read_init(&read_policy);
	read_policy.filter_exp = filter;
	read_policy.read_mode_ap = AS_POLICY_READ_MODE_AP_ALL;
	as_policy_batch_write write_policy;
	as_policy_batch_write_init(&write_policy);
	write_policy.filter_exp = filter;
	write_policy.gen = AS_POLICY_GEN_GT;
	write_policy.commit_level = AS_POLICY_COMMIT_LEVEL_MASTER;
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_write_int64(&ops, "a", 1);
	ops.gen = 4;
	as_batch_records records;
	as_batch_records_inita(&records, 4);
	for (int i = 0; i < 2; i++) {
		as_batch_read_record* r = as_batch_read_reserve(&records);
		as_key_init_str(&r->key, "test", g_set, i ? "f2" : "f1");
		r->policy = &read_policy;
		r->read_all_bins = true;
		as_batch_write_record* w = as_batch_write_reserve(&records);
		as_key_init_str(&w->key, "test", g_set, i ? "f4" : "f3");
		w->policy = &write_policy;
		w->ops = &ops;
	}
	as_error err;
	check("batch_write filters", aerospike_batch_write(&g_as, &err, NULL, &records), &err);
	as_batch_records_destroy(&records);
	as_operations_destroy(&ops);
	as_exp_destroy(filter);
}

int main(int argc, char** argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: batch_wire HOST:PORT SET\n");
		return 2;
	}
	g_set = argv[2];
	as_config config;
	as_config_init(&config);
	if (!as_config_add_hosts(&config, argv[1], 3000)) {
		fprintf(stderr, "bad seed %s\n", argv[1]);
		return 2;
	}
	aerospike_init(&g_as, &config);
	as_error err;
	if (aerospike_connect(&g_as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "connect: %s\n", err.message);
		return 1;
	}
	records_read(NULL);
	/* Every header field and flag a parent policy sets. */
	as_exp_build(filter, as_exp_cmp_eq(as_exp_bin_int("a"), as_exp_int(1)));
	as_policy_batch p;
	as_policy_batch_init(&p);
	p.base.total_timeout = 4321;
	p.base.filter_exp = filter;
	p.respond_all_keys = false;
	p.allow_inline = false;
	p.allow_inline_ssd = true;
	p.read_mode_ap = AS_POLICY_READ_MODE_AP_ALL;
	p.read_mode_sc = AS_POLICY_READ_MODE_SC_LINEARIZE;
	records_read(&p);
	as_exp_destroy(filter);
	records_write();
	keys_calls();
	many_keys(false);
	many_keys(true);
	row_filters();
	aerospike_close(&g_as, &err);
	aerospike_destroy(&g_as);
	return g_failures ? 1 : 0;
}
