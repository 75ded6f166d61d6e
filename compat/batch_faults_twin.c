/*
 * Batch calls under asim faults, printed so that compat/batch_faults_twin_test.sh
 * can compare the stock C client 7.4.0 with ours: for each call its status,
 * in_doubt and (for timeouts and client errors) message, then every row's
 * result and in_doubt (the keys API's rows as its listener sees them). Both runs use one asim and one set, so keys land on
 * the same nodes. Node A (the last seed) misbehaves; info goes to the first.
 *   usage: batch_faults_twin HOST:PORT,HOST:PORT,HOST:PORT SET
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_batch.h>
#include <aerospike/aerospike_info.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_batch.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_record.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_KEYS 30

static aerospike g_as;
static const char* g_set;
static char g_names[N_KEYS][16];
static uint16_t g_info_port;
static uint16_t g_a;

static void info(const char* request)
{
	as_error err;
	char* answer = NULL;
	if (aerospike_info_host(&g_as, &err, NULL, "127.0.0.1", g_info_port, request, &answer) !=
		AEROSPIKE_OK) {
		fprintf(stderr, "info %s: %s\n", request, err.message);
		exit(1);
	}
	free(answer);
}

static void fault(const char* kind, int count, int ms)
{
	char request[160];
	snprintf(request, sizeof request, "asim-fault:port=%u;kind=%s;count=%d;ms=%d", g_a, kind,
		count, ms);
	info(request);
}

static void report(const char* call, as_status status, const as_error* err)
{
	printf("%s: status=%d in_doubt=%d", call, status, err->in_doubt);
	if (status == AEROSPIKE_ERR_TIMEOUT || status == AEROSPIKE_ERR_CLIENT ||
		status == AEROSPIKE_BATCH_FAILED) {
		printf(" message=%s", err->message);
	}
	printf("\n");
}

static void report_records(const as_batch_records* records)
{
	for (uint32_t i = 0; i < records->list.size; i++) {
		const as_batch_base_record* r = as_vector_get((as_vector*)&records->list, i);
		printf("    %u result=%d in_doubt=%d\n", i, r->result, r->in_doubt);
	}
	info("asim-fault-clear");
}

static as_policy_batch policy(uint32_t socket, uint32_t total, uint32_t retries)
{
	as_policy_batch p;
	as_policy_batch_init(&p);
	p.base.socket_timeout = socket;
	p.base.total_timeout = total;
	p.base.max_retries = retries;
	p.base.sleep_between_retries = 0;
	return p;
}

static void reads(const char* call, const as_policy_batch* p)
{
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS);
	for (int i = 0; i < N_KEYS; i++) {
		as_batch_read_record* r = as_batch_read_reserve(&records);
		as_key_init_str(&r->key, "test", g_set, g_names[i]);
		r->read_all_bins = true;
	}
	as_error err;
	report(call, aerospike_batch_read(&g_as, &err, p, &records), &err);
	report_records(&records);
	as_batch_records_destroy(&records);
}

static void writes_twice(const char* call, const as_policy_batch* p);

static void writes(const char* call, const as_policy_batch* p)
{
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_write_int64(&ops, "w", 1);
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS + 1);
	for (int i = 0; i < N_KEYS; i++) {
		as_batch_write_record* w = as_batch_write_reserve(&records);
		as_key_init_str(&w->key, "test", g_set, g_names[i]);
		w->ops = &ops;
	}
	as_batch_read_record* r = as_batch_read_reserve(&records);
	as_key_init_str(&r->key, "test", g_set, g_names[0]);
	r->read_all_bins = true;
	as_error err;
	report(call, aerospike_batch_write(&g_as, &err, p, &records), &err);
	report_records(&records);
	as_batch_records_destroy(&records);
	as_operations_destroy(&ops);
}

/* The same records run again once the fault is gone: what a row keeps
 * from the failed run. */
static void writes_twice(const char* call, const as_policy_batch* p)
{
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_write_int64(&ops, "w", 2);
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS);
	for (int i = 0; i < N_KEYS; i++) {
		as_batch_write_record* w = as_batch_write_reserve(&records);
		as_key_init_str(&w->key, "test", g_set, g_names[i]);
		w->ops = &ops;
	}
	as_error err;
	report(call, aerospike_batch_write(&g_as, &err, p, &records), &err);
	report_records(&records);
	/* A run initializes every row's record without freeing it (as 7.4.0
	 * does), so the program frees them first. */
	for (uint32_t i = 0; i < records.list.size; i++) {
		as_batch_base_record* r = as_vector_get(&records.list, i);
		as_record_destroy(&r->record);
	}
	report("  again", aerospike_batch_write(&g_as, &err, p, &records), &err);
	report_records(&records);
	as_batch_records_destroy(&records);
	as_operations_destroy(&ops);
}

/* Two keys per batch: most nodes get one key, so the single-record
 * commands run, with A failing as `kind` says. */
static void pairs(const char* call, const as_policy_batch* p, const char* kind, bool write)
{
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_write_int64(&ops, "w", 3);
	for (int k = 0; k + 1 < 12; k += 2) {
		as_batch_records records;
		as_batch_records_inita(&records, 2);
		for (int i = k; i < k + 2; i++) {
			if (write) {
				as_batch_write_record* w = as_batch_write_reserve(&records);
				as_key_init_str(&w->key, "test", g_set, g_names[i]);
				w->ops = &ops;
			}
			else {
				as_batch_read_record* r = as_batch_read_reserve(&records);
				as_key_init_str(&r->key, "test", g_set, g_names[i]);
				r->read_all_bins = true;
			}
		}
		fault(kind, 0, 1000);
		as_error err;
		char name[96];
		snprintf(name, sizeof name, "%s, keys %d and %d", call, k, k + 1);
		report(name, write ? aerospike_batch_write(&g_as, &err, p, &records) :
			aerospike_batch_read(&g_as, &err, p, &records), &err);
		report_records(&records);
		as_batch_records_destroy(&records);
	}
	as_operations_destroy(&ops);
}

static bool print_results(const as_batch_result* results, uint32_t n, void* udata)
{
	(void)udata;
	for (uint32_t i = 0; i < n; i++) {
		printf("    %u result=%d in_doubt=%d\n", i, results[i].result, results[i].in_doubt);
	}
	return true;
}

static void operate(const char* call, const as_policy_batch* p)
{
	as_batch batch;
	as_batch_inita(&batch, N_KEYS);
	for (int i = 0; i < N_KEYS; i++) {
		as_key_init_str(as_batch_keyat(&batch, (uint32_t)i), "test", g_set, g_names[i]);
	}
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_incr(&ops, "n", 1);
	as_error err;
	as_status status =
		aerospike_batch_operate(&g_as, &err, p, NULL, &batch, &ops, print_results, NULL);
	report(call, status, &err);
	info("asim-fault-clear");
	as_operations_destroy(&ops);
	as_batch_destroy(&batch);
}

static bool connect_and_fill(char* seeds)
{
	char* last = strrchr(seeds, ':');
	char* first = strchr(seeds, ':');
	if (!last || !first) {
		return false;
	}
	g_a = (uint16_t)atoi(last + 1);
	g_info_port = (uint16_t)atoi(first + 1);
	as_config config;
	as_config_init(&config);
	as_config_add_hosts(&config, seeds, 3000);
	aerospike_init(&g_as, &config);
	as_error err;
	if (aerospike_connect(&g_as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "connect: %s\n", err.message);
		return false;
	}
	for (int i = 0; i < N_KEYS; i++) {
		snprintf(g_names[i], sizeof g_names[i], "t%d", i);
		as_key key;
		as_key_init_str(&key, "test", g_set, g_names[i]);
		as_record rec;
		as_record_inita(&rec, 1);
		as_record_set_int64(&rec, "v", i);
		if (aerospike_key_put(&g_as, &err, NULL, &key, &rec) != AEROSPIKE_OK) {
			fprintf(stderr, "put: %s\n", err.message);
			return false;
		}
	}
	return true;
}

int main(int argc, char** argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: batch_faults_twin SEEDS SET\n");
		return 2;
	}
	g_set = argv[2];
	char seeds[256];
	snprintf(seeds, sizeof seeds, "%s", argv[1]);
	if (!connect_and_fill(seeds)) {
		return 1;
	}
	as_policy_batch p = policy(100, 300, 0);
	fault("delay", 0, 1000);
	reads("delay, no retry", &p);
	p.concurrent = true;
	fault("delay", 0, 1000);
	reads("delay, no retry, concurrent", &p);
	p = policy(100, 3000, 1);
	fault("delay", 0, 1000);
	reads("delay, one retry", &p);
	p = policy(100, 3000, 2);
	p.replica = AS_POLICY_REPLICA_MASTER;
	fault("drop", 1, 0);
	reads("drop, master only", &p);
	p = policy(0, 3000, 0);
	fault("close-mid", 1, 0);
	writes("close-mid write", &p);
	fault("close-mid", 1, 0);
	operate("close-mid operate", &p);
	p = policy(0, 3000, 2);
	fault("garbage", 1, 0);
	reads("garbage read", &p);
	fault("garbage", 1, 0);
	writes("garbage write", &p);
	p.respond_all_keys = false;
	fault("garbage", 1, 0);
	reads("garbage read, respond_all_keys false", &p);
	/* A write's timeout does not rotate the replica: the retry goes to the
	 * same node; a broken connection does, so the keys split. */
	p = policy(100, 3000, 1);
	fault("delay", 0, 1000);
	writes("delay write, one retry", &p);
	fault("close-mid", 1, 0);
	writes("close-mid write, one retry", &p);
	p = policy(100, 300, 0);
	fault("delay", 0, 1000);
	operate("delay operate", &p);
	p = policy(0, 3000, 0);
	fault("close-mid", 1, 0);
	writes_twice("close-mid write, records reused", &p);
	p = policy(100, 300, 0);
	pairs("pair delay read", &p, "delay", false);
	p = policy(0, 3000, 0);
	pairs("pair close-mid write", &p, "close-mid", true);
	pairs("pair garbage write", &p, "garbage", true);
	p.concurrent = true;
	fault("close-mid", 1, 0);
	writes("close-mid write, concurrent", &p);
	p = policy(0, 300, 0);
	fault("huge-length", 1, 0);
	reads("huge length", &p);
	fault("truncate", 1, 0);
	reads("truncated", &p);
	as_error err;
	aerospike_close(&g_as, &err);
	aerospike_destroy(&g_as);
	return 0;
}
