/*
 * The batch part of the key script: the records API (reads of every kind,
 * writes, removes, UDF applies, rows that fail) and the as_batch API with
 * its listener, sequential and concurrent, with the edges 7.4.0 defines
 * (empty batches, duplicate keys, a namespace the cluster lacks, rows that
 * break the rules). One line per call, then one per row, as in
 * key_script.c; the keys are this run's own set, so the stock client and
 * this one see the same records on the same nodes.
 */
#include "key_script.h"

#include <aerospike/aerospike_batch.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/aerospike_udf.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_batch.h>
#include <aerospike/as_operations.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MODULE "twin_batch"

static const char module_source[] =
	"function twice(rec, n)\n"
	"  return n * 2\n"
	"end\n"
	"function boom(rec)\n"
	"  error('boom')\n"
	"end\n"
	"function stamp(rec, v)\n"
	"  rec['u'] = v\n"
	"  if aerospike:exists(rec) then aerospike:update(rec) else aerospike:create(rec) end\n"
	"  return v\n"
	"end\n";

/* A record a UDF apply or a remove leaves in its row depends on how the
 * row went: a node given one key runs the single-record command, which
 * sets no generation or TTL there, a node given several answers them. The
 * node a key lands on depends on this run's set, so only what is the same
 * either way is printed: the result, and an apply's SUCCESS value. */
static void report_row(const char* name, as_status result, const as_record* rec, bool path_free)
{
	as_error none;
	as_error_init(&none);
	report(name, result, &none, result == AEROSPIKE_OK && path_free ? rec : NULL, -1);
	if (result == AEROSPIKE_OK && !path_free && rec->bins.size > 0) {
		printf("    %s=", rec->bins.entries[0].name);
		print_val((const as_val*)rec->bins.entries[0].valuep);
		printf("\n");
	}
}

static void report_rows(const as_batch_records* records)
{
	const as_vector* list = &records->list;
	for (uint32_t i = 0; i < list->size; i++) {
		const as_batch_base_record* r = as_vector_get((as_vector*)list, i);
		char name[48];
		snprintf(name, sizeof name, "  row%u type=%u in_doubt=%d", i, (unsigned)r->type,
			r->in_doubt ? 1 : 0);
		report_row(name, r->result, &r->record,
			r->type != AS_BATCH_APPLY && r->type != AS_BATCH_REMOVE);
	}
}

/* udata: non-NULL for the applies and removes (see report_row). */
static bool print_results(const as_batch_result* results, uint32_t n, void* udata)
{
	printf("    listener n=%u\n", n);
	for (uint32_t i = 0; i < n; i++) {
		char name[48];
		snprintf(name, sizeof name, "  key%u in_doubt=%d", i, results[i].in_doubt ? 1 : 0);
		report_row(name, results[i].result, &results[i].record, udata == NULL);
	}
	return true;
}

static void put_n(const char* key, int64_t n)
{
	as_key k;
	as_record rec;
	as_record_inita(&rec, 2);
	as_record_set_int64(&rec, "n", n);
	as_record_set_str(&rec, "s", key);
	as_error err;
	aerospike_key_put(&g_as, &err, NULL, skey(&k, key), &rec);
	as_record_destroy(&rec);
}

/* A batch row's key keeps a pointer to its value: each row gets its own
 * copy, freed with the records. */
static as_key* own_key(as_key* k, const char* name)
{
	return as_key_init_strp(k, NS, g_set, strdup(name), true);
}

static as_batch_read_record* read_row(as_batch_records* records, const char* key)
{
	as_batch_read_record* r = as_batch_read_reserve(records);
	own_key(&r->key, key);
	return r;
}

static void batch_reads(void)
{
	for (int i = 0; i < 8; i++) {
		char key[16];
		snprintf(key, sizeof key, "b%d", i);
		put_n(key, i);
	}
	as_batch_records records;
	as_batch_records_inita(&records, 12);
	static char* names[] = {"n"};
	as_operations ops;
	as_operations_inita(&ops, 2);
	as_operations_add_read(&ops, "s");
	as_operations_add_read(&ops, "n");
	for (int i = 0; i < 12; i++) {
		char key[16];
		snprintf(key, sizeof key, "b%d", i % 10); /* b8, b9 missing; b0, b1 twice */
		as_batch_read_record* r = read_row(&records, key);
		switch (i % 4) {
		case 0: r->read_all_bins = true; break;
		case 1: r->bin_names = names; r->n_bin_names = 1; break;
		case 2: break; /* header only */
		default: r->ops = &ops; break;
		}
	}
	as_error err;
	as_status st = aerospike_batch_read(&g_as, &err, NULL, &records);
	report("batch_read kinds", st, &err, NULL, -1);
	report_rows(&records);

	/* A batch call re-initialises every row's record, as 7.4.0 does, so a
	 * reused list's records are destroyed first. */
	for (uint32_t i = 0; i < records.list.size; i++) {
		as_batch_base_record* r = as_vector_get(&records.list, i);
		as_record_destroy(&r->record);
	}
	as_policy_batch policy;
	as_policy_batch_init(&policy);
	policy.concurrent = true;
	policy.respond_all_keys = false;
	st = aerospike_batch_read(&g_as, &err, &policy, &records);
	report("batch_read concurrent", st, &err, NULL, -1);
	report_rows(&records);
	as_batch_records_destroy(&records);
	as_operations_destroy(&ops);

	as_batch_records_inita(&records, 1);
	st = aerospike_batch_read(&g_as, &err, NULL, &records);
	report("batch_read empty", st, &err, NULL, -1);
	as_batch_records_destroy(&records);

	as_batch_records_inita(&records, 2);
	read_row(&records, "b1")->read_all_bins = true;
	as_batch_read_record* other = as_batch_read_reserve(&records);
	as_key_init_str(&other->key, "nosuch", g_set, "b1");
	other->read_all_bins = true;
	st = aerospike_batch_read(&g_as, &err, NULL, &records);
	report("batch_read unknown namespace", st, &err, NULL, -1);
	report_rows(&records);
	as_batch_records_destroy(&records);
}

static void batch_writes(void)
{
	as_batch_records records;
	as_batch_records_inita(&records, 10);
	as_operations writes;
	as_operations_inita(&writes, 2);
	as_operations_add_incr(&writes, "n", 10);
	as_operations_add_read(&writes, "n");
	as_arraylist args;
	as_arraylist_init(&args, 1, 0);
	as_arraylist_append_int64(&args, 21);
	for (int i = 0; i < 10; i++) {
		char key[16];
		snprintf(key, sizeof key, "b%d", i);
		switch (i % 4) {
		case 0: {
			as_batch_write_record* w = as_batch_write_reserve(&records);
			own_key(&w->key, key);
			w->ops = &writes;
			break;
		}
		case 1: {
			as_batch_remove_record* r = as_batch_remove_reserve(&records);
			own_key(&r->key, key);
			break;
		}
		case 2: {
			as_batch_apply_record* a = as_batch_apply_reserve(&records);
			own_key(&a->key, key);
			a->module = MODULE;
			a->function = "twice";
			a->arglist = (as_list*)&args;
			break;
		}
		default: {
			as_batch_apply_record* a = as_batch_apply_reserve(&records);
			own_key(&a->key, key);
			a->module = MODULE;
			a->function = "boom";
			/* 7.4.0 frees garbage for a batch apply row with no arglist
			 * (it serializes NULL): stock programs always pass a list. */
			a->arglist = (as_list*)&args;
			break;
		}
		}
	}
	as_error err;
	as_status st = aerospike_batch_write(&g_as, &err, NULL, &records);
	report("batch_write kinds", st, &err, NULL, -1);
	report_rows(&records);
	as_batch_records_destroy(&records);

	as_policy_batch_write generation;
	as_policy_batch_write_init(&generation);
	generation.gen = AS_POLICY_GEN_EQ;
	as_operations stale;
	as_operations_inita(&stale, 1);
	as_operations_add_write_int64(&stale, "n", 0);
	stale.gen = 99;
	as_batch_records_inita(&records, 3);
	for (int i = 0; i < 3; i++) {
		char key[16];
		snprintf(key, sizeof key, "b%d", 4 + i);
		as_batch_write_record* w = as_batch_write_reserve(&records);
		own_key(&w->key, key);
		w->ops = &stale;
		w->policy = &generation;
	}
	st = aerospike_batch_write(&g_as, &err, NULL, &records);
	report("batch_write generation", st, &err, NULL, -1);
	report_rows(&records);
	as_batch_records_destroy(&records);
	as_operations_destroy(&stale);
	as_operations_destroy(&writes);
	as_arraylist_destroy(&args);
}

static void make_keys(as_batch* batch, uint32_t n)
{
	as_batch_init(batch, n);
	for (uint32_t i = 0; i < n; i++) {
		char key[16];
		snprintf(key, sizeof key, "b%u", i);
		own_key(as_batch_keyat(batch, i), key);
	}
}

static void batch_keys(void)
{
	as_batch batch;
	make_keys(&batch, 10);
	as_error err;
	as_status st = aerospike_batch_get(&g_as, &err, NULL, &batch, print_results, NULL);
	report("batch_get", st, &err, NULL, -1);
	st = aerospike_batch_exists(&g_as, &err, NULL, &batch, print_results, NULL);
	report("batch_exists", st, &err, NULL, -1);
	const char* bins[] = {"s"};
	st = aerospike_batch_get_bins(&g_as, &err, NULL, &batch, bins, 1, print_results, NULL);
	report("batch_get_bins", st, &err, NULL, -1);

	as_operations reads;
	as_operations_inita(&reads, 1);
	as_operations_add_read(&reads, "n");
	st = aerospike_batch_get_ops(&g_as, &err, NULL, &batch, &reads, print_results, NULL);
	report("batch_get_ops", st, &err, NULL, -1);
	as_operations_destroy(&reads);

	as_operations incr;
	as_operations_inita(&incr, 2);
	as_operations_add_incr(&incr, "n", 1);
	as_operations_add_read(&incr, "n");
	st = aerospike_batch_operate(&g_as, &err, NULL, NULL, &batch, &incr, print_results, NULL);
	report("batch_operate", st, &err, NULL, -1);
	as_operations_destroy(&incr);

	as_arraylist args;
	as_arraylist_init(&args, 1, 0);
	as_arraylist_append_str(&args, "x");
	st = aerospike_batch_apply(&g_as, &err, NULL, NULL, &batch, MODULE, "stamp", (as_list*)&args,
		print_results, &args);
	report("batch_apply", st, &err, NULL, -1);
	as_arraylist_destroy(&args);

	st = aerospike_batch_remove(&g_as, &err, NULL, NULL, &batch, print_results, &batch);
	report("batch_remove", st, &err, NULL, -1);
	st = aerospike_batch_get(&g_as, &err, NULL, &batch, print_results, NULL);
	report("batch_get after remove", st, &err, NULL, -1);
	as_batch_destroy(&batch);

	as_batch_init(&batch, 0);
	st = aerospike_batch_get(&g_as, &err, NULL, &batch, print_results, NULL);
	report("batch_get empty", st, &err, NULL, -1);
	as_batch_destroy(&batch);
}

static void batch_bad_rows(void)
{
	as_operations writes;
	as_operations_inita(&writes, 1);
	as_operations_add_write_int64(&writes, "n", 1);
	as_batch_records records;
	as_batch_records_inita(&records, 10);
	for (int i = 0; i < 10; i++) {
		char key[16];
		snprintf(key, sizeof key, "bad%d", i);
		read_row(&records, key)->ops = &writes;
	}
	as_error err;
	as_status st = aerospike_batch_read(&g_as, &err, NULL, &records);
	report("batch_read with a write", st, &err, NULL, -1);
	as_batch_records_destroy(&records);
	as_operations_destroy(&writes);

	as_batch batch;
	make_keys(&batch, 4);
	as_operations none;
	as_operations_inita(&none, 1);
	st = aerospike_batch_get_ops(&g_as, &err, NULL, &batch, &none, print_results, NULL);
	report("batch_get_ops no operations", st, &err, NULL, -1);
	as_operations_destroy(&none);
	as_batch_destroy(&batch);
}

void script_batch(void)
{
	as_error err;
	as_bytes content;
	as_bytes_init_wrap(&content, (uint8_t*)module_source, (uint32_t)strlen(module_source), false);
	as_status st = aerospike_udf_put(&g_as, &err, NULL, MODULE ".lua", AS_UDF_TYPE_LUA, &content);
	if (st == AEROSPIKE_OK) {
		st = aerospike_udf_put_wait(&g_as, &err, NULL, MODULE ".lua", 10);
	}
	report("batch module put", st, &err, NULL, -1);
	batch_reads();
	batch_writes();
	batch_keys();
	batch_bad_rows();
	st = aerospike_udf_remove(&g_as, &err, NULL, MODULE ".lua");
	report("batch module remove", st, &err, NULL, -1);
}
