/*
 * Batch commands when a node misbehaves, driven by asim's fault injection
 * and node control. What is expected is 7.4.0's rule (aerospike_batch.c and
 * as_command.c), not this client's output:
 * - a node command that times out with no retry left fails the call with
 *   "Client timeout: socket=S total=T iterations=I lastNode=ADDR"; its rows
 *   stay NO_RESPONSE, other nodes' rows are answered (respond_all_keys);
 * - with retries left under SEQUENCE, the keys of a failed node command go
 *   to the replica the next index names (split retry), so every row is
 *   answered; under MASTER the command is retried on the same node;
 * - a write batch whose connection breaks after it went out leaves its
 *   unanswered write rows in doubt, and the error too; read rows never;
 * - an answer that is not a proto frame is a CLIENT error, not retried;
 * - respond_all_keys false stops at the first node command that fails;
 * - a node given one key runs the single-record command, whose client-side
 *   failure (timeout, broken connection) is the call's, in doubt for a write.
 * Elsewhere every node gets several keys, so each gets a batch-index command.
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_batch.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_batch.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_partition.h>
#include <aerospike/as_record.h>

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "asim_process.h"
#include "client_probe.h"

#define N_KEYS 48
#define N_NODES 3

static asim_process g_asim;
static aerospike g_as;
static char g_set[32];
static char g_names[N_KEYS][16];
static as_key g_keys[N_KEYS];
static uint16_t g_master[N_KEYS]; /* each key's master port */

/* A is the node that misbehaves (and the one stopped); info requests go to
 * B, which is never stopped. */
static uint16_t g_a, g_b, g_c;

static void control(const char* request)
{
	char* answer = asim_info(g_b, request);
	assert_non_null(answer);
	assert_string_equal(answer, "ok");
	free(answer);
}

static void fault(uint16_t port, const char* kind, int count, int ms)
{
	char request[160];
	snprintf(request, sizeof request, "asim-fault:port=%u;kind=%s;count=%d;ms=%d", port, kind,
		count, ms);
	control(request);
}

static uint16_t port_of(const char* name)
{
	char* stats = asim_info(g_asim.ports[0], "asim-stats");
	assert_non_null(stats);
	char* at = strstr(stats, name);
	assert_non_null(at);
	while (at > stats && at[-1] != ';') {
		at--;
	}
	uint16_t port = (uint16_t)atoi(at);
	free(stats);
	return port;
}

static uint32_t keys_of(uint16_t port)
{
	uint32_t n = 0;
	for (int i = 0; i < N_KEYS; i++) {
		n += g_master[i] == port;
	}
	return n;
}

static int group_setup(void** state)
{
	(void)state;
	if (!asim_start(&g_asim, "--nodes 3 --namespace test:2")) {
		return -1;
	}
	g_b = g_asim.ports[0];
	g_c = g_asim.ports[1];
	g_a = g_asim.ports[2];
	if (!client_connect_local(&g_as, g_b)) {
		return -1;
	}
	snprintf(g_set, sizeof g_set, "bfaults%d", (int)getpid());
	char* owners = asim_info(g_b, "asim-ownership:ns=test");
	if (!owners) {
		return -1;
	}
	as_error err;
	for (int i = 0; i < N_KEYS; i++) {
		snprintf(g_names[i], sizeof g_names[i], "f%d", i);
		as_key_init_str(&g_keys[i], "test", g_set, g_names[i]);
		as_key_set_digest(&err, &g_keys[i]);
		as_record rec;
		as_record_inita(&rec, 1);
		as_record_set_int64(&rec, "v", i);
		if (aerospike_key_put(&g_as, &err, NULL, &g_keys[i], &rec) != AEROSPIKE_OK) {
			return -1;
		}
		uint32_t partition = as_partition_getid(g_keys[i].digest.value, 4096);
		char* entry = owners;
		for (uint32_t p = 0; p < partition; p++) {
			entry = strchr(entry, ';') + 1;
		}
		char master[32] = {0};
		sscanf(entry, "%31[^,;]", master);
		g_master[i] = port_of(master);
	}
	free(owners);
	/* Each node needs two keys at least, or it would get a single-record
	 * command instead of a batch-index one. */
	if (keys_of(g_a) < 2 || keys_of(g_b) < 2 || keys_of(g_c) < 2) {
		print_error("keys spread badly: %u %u %u\n", keys_of(g_a), keys_of(g_b), keys_of(g_c));
		return -1;
	}
	return 0;
}

static int group_teardown(void** state)
{
	(void)state;
	client_close_local(&g_as);
	asim_stop(&g_asim);
	return 0;
}

static int teardown(void** state)
{
	(void)state;
	control("asim-fault-clear");
	return 0;
}

static uint64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static as_policy_batch batch_policy(uint32_t socket, uint32_t total, uint32_t retries)
{
	as_policy_batch p;
	as_policy_batch_init(&p);
	p.base.socket_timeout = socket;
	p.base.total_timeout = total;
	p.base.max_retries = retries;
	p.base.sleep_between_retries = 0;
	p.base.timeout_delay = 0;
	return p;
}

/* A read of every key (or of `order`, key indexes, when given). */
static void read_rows(as_batch_records* records, const int* order, int n)
{
	for (int i = 0; i < n; i++) {
		as_batch_read_record* r = as_batch_read_reserve(records);
		as_key_init_str(&r->key, "test", g_set, g_names[order ? order[i] : i]);
		r->read_all_bins = true;
	}
}

static as_batch_base_record* row(as_batch_records* records, int i)
{
	return as_vector_get(&records->list, (uint32_t)i);
}

/* Every row of node `port` has `result`, and no row is in doubt. */
static void expect_rows(as_batch_records* records, uint16_t port, as_status result)
{
	for (int i = 0; i < N_KEYS; i++) {
		if (g_master[i] != port) {
			continue;
		}
		as_batch_base_record* r = row(records, i);
		assert_int_equal(r->result, result);
		assert_false(r->in_doubt);
		if (result == AEROSPIKE_OK) {
			assert_int_equal(as_record_get_int64(&r->record, "v", -1), i);
		}
	}
}

static long reads_of(uint16_t port)
{
	return asim_stat(g_b, port, "reads");
}

static void test_delay_past_timeout_fails_that_node(void** state)
{
	(void)state;
	fault(g_a, "delay", 0, 1000);
	as_policy_batch p = batch_policy(100, 300, 0);
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS);
	read_rows(&records, NULL, N_KEYS);
	as_error err;
	uint64_t start = now_ms();
	assert_int_equal(aerospike_batch_read(&g_as, &err, &p, &records), AEROSPIKE_ERR_TIMEOUT);
	assert_true(now_ms() - start < 1000);
	char expected[128];
	snprintf(expected, sizeof expected,
		"Client timeout: socket=100 total=300 iterations=1 lastNode=127.0.0.1:%u", g_a);
	assert_string_equal(err.message, expected);
	assert_false(err.in_doubt);
	expect_rows(&records, g_a, AEROSPIKE_NO_RESPONSE);
	expect_rows(&records, g_b, AEROSPIKE_OK);
	expect_rows(&records, g_c, AEROSPIKE_OK);
	as_batch_records_destroy(&records);
}

static void test_delay_past_timeout_concurrent(void** state)
{
	(void)state;
	fault(g_a, "delay", 0, 1000);
	as_policy_batch p = batch_policy(100, 300, 0);
	p.concurrent = true;
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS);
	read_rows(&records, NULL, N_KEYS);
	as_error err;
	assert_int_equal(aerospike_batch_read(&g_as, &err, &p, &records), AEROSPIKE_ERR_TIMEOUT);
	assert_non_null(strstr(err.message, "Client timeout: socket=100 total=300 iterations=1"));
	expect_rows(&records, g_a, AEROSPIKE_NO_RESPONSE);
	expect_rows(&records, g_b, AEROSPIKE_OK);
	expect_rows(&records, g_c, AEROSPIKE_OK);
	as_batch_records_destroy(&records);
}

static void test_delayed_node_keys_split_to_replicas(void** state)
{
	(void)state;
	fault(g_a, "delay", 0, 1000);
	long b = reads_of(g_b), c = reads_of(g_c);
	as_policy_batch p = batch_policy(100, 3000, 1);
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS);
	read_rows(&records, NULL, N_KEYS);
	as_error err;
	assert_int_equal(aerospike_batch_read(&g_as, &err, &p, &records), AEROSPIKE_OK);
	expect_rows(&records, g_a, AEROSPIKE_OK);
	expect_rows(&records, g_b, AEROSPIKE_OK);
	expect_rows(&records, g_c, AEROSPIKE_OK);
	/* A's keys were read again by their replicas, B and C. */
	assert_int_equal(reads_of(g_b) - b + reads_of(g_c) - c,
		(long)(keys_of(g_a) + keys_of(g_b) + keys_of(g_c)));
	as_batch_records_destroy(&records);
}

static void test_master_only_retries_in_place(void** state)
{
	(void)state;
	fault(g_a, "drop", 1, 0);
	long a = reads_of(g_a), b = reads_of(g_b), c = reads_of(g_c);
	as_policy_batch p = batch_policy(100, 3000, 2);
	p.replica = AS_POLICY_REPLICA_MASTER;
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS);
	read_rows(&records, NULL, N_KEYS);
	as_error err;
	assert_int_equal(aerospike_batch_read(&g_as, &err, &p, &records), AEROSPIKE_OK);
	expect_rows(&records, g_a, AEROSPIKE_OK);
	expect_rows(&records, g_b, AEROSPIKE_OK);
	expect_rows(&records, g_c, AEROSPIKE_OK);
	/* A read its keys twice (the dropped answer's request was applied); B
	 * and C only their own. */
	assert_int_equal(reads_of(g_a) - a, 2 * (long)keys_of(g_a));
	assert_int_equal(reads_of(g_b) - b, (long)keys_of(g_b));
	assert_int_equal(reads_of(g_c) - c, (long)keys_of(g_c));
	as_batch_records_destroy(&records);
}

/* Write rows for every key, plus a read row of one of A's keys (last). */
static int write_rows(as_batch_records* records, as_operations* ops)
{
	as_operations_init(ops, 1); /* heap: it outlives this frame */
	as_operations_add_write_int64(ops, "w", 7);
	for (int i = 0; i < N_KEYS; i++) {
		as_batch_write_record* w = as_batch_write_reserve(records);
		as_key_init_str(&w->key, "test", g_set, g_names[i]);
		w->ops = ops;
	}
	int a_key = 0;
	while (g_master[a_key] != g_a) {
		a_key++;
	}
	as_batch_read_record* r = as_batch_read_reserve(records);
	as_key_init_str(&r->key, "test", g_set, g_names[a_key]);
	r->read_all_bins = true;
	return a_key;
}

/* After a write batch failed with `code` on A: its write rows are
 * unanswered and in doubt, the read row unanswered and not in doubt, and
 * every other row answered. */
static void expect_write_doubt(as_batch_records* records)
{
	for (int i = 0; i < N_KEYS; i++) {
		as_batch_base_record* r = row(records, i);
		if (g_master[i] == g_a) {
			assert_int_equal(r->result, AEROSPIKE_NO_RESPONSE);
			assert_true(r->in_doubt);
		}
		else {
			assert_int_equal(r->result, AEROSPIKE_OK);
			assert_false(r->in_doubt);
		}
	}
	as_batch_base_record* read = row(records, N_KEYS);
	assert_int_equal(read->result, AEROSPIKE_NO_RESPONSE);
	assert_false(read->in_doubt);
}

static void test_closed_connection_puts_write_rows_in_doubt(void** state)
{
	(void)state;
	fault(g_a, "close-mid", 1, 0);
	as_policy_batch p = batch_policy(0, 3000, 0);
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS + 1);
	as_operations ops;
	write_rows(&records, &ops);
	as_error err;
	assert_int_equal(aerospike_batch_write(&g_as, &err, &p, &records), AEROSPIKE_ERR_CONNECTION);
	assert_true(err.in_doubt);
	expect_write_doubt(&records);
	as_operations_destroy(&ops);
	as_batch_records_destroy(&records);
}

static void test_write_timeout_retries_on_the_same_node(void** state)
{
	(void)state;
	fault(g_a, "delay", 0, 1000);
	long faults = asim_stat(g_b, g_a, "faults");
	as_policy_batch p = batch_policy(100, 3000, 1);
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS + 1);
	as_operations ops;
	write_rows(&records, &ops);
	as_error err;
	/* A timeout says nothing of where the partition went, so a write keeps
	 * its replica: the retry goes to A again and times out too. Sent twice,
	 * A's write rows and the error are in doubt. */
	assert_int_equal(aerospike_batch_write(&g_as, &err, &p, &records), AEROSPIKE_ERR_TIMEOUT);
	char expected[128];
	snprintf(expected, sizeof expected,
		"Client timeout: socket=100 total=3000 iterations=2 lastNode=127.0.0.1:%u", g_a);
	assert_string_equal(err.message, expected);
	assert_true(err.in_doubt);
	assert_int_equal(asim_stat(g_b, g_a, "faults") - faults, 2);
	expect_write_doubt(&records);
	as_operations_destroy(&ops);
	as_batch_records_destroy(&records);
}

static void test_broken_write_connection_splits_to_replicas(void** state)
{
	(void)state;
	fault(g_a, "close-mid", 1, 0);
	as_policy_batch p = batch_policy(100, 3000, 1);
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS + 1);
	as_operations ops;
	write_rows(&records, &ops);
	as_error err;
	/* A broken connection does rotate: A's rows go to their replicas. */
	assert_int_equal(aerospike_batch_write(&g_as, &err, &p, &records), AEROSPIKE_OK);
	for (uint32_t i = 0; i < records.list.size; i++) {
		as_batch_base_record* r = row(&records, (int)i);
		assert_int_equal(r->result, AEROSPIKE_OK);
		assert_false(r->in_doubt);
	}
	as_operations_destroy(&ops);
	as_batch_records_destroy(&records);
}

typedef struct {
	uint32_t n;
	as_status result[N_KEYS];
	bool in_doubt[N_KEYS];
} keys_outcome;

static bool keep_outcome(const as_batch_result* results, uint32_t n, void* udata)
{
	keys_outcome* out = udata;
	out->n = n;
	for (uint32_t i = 0; i < n && i < N_KEYS; i++) {
		out->result[i] = results[i].result;
		out->in_doubt[i] = results[i].in_doubt;
	}
	return true;
}

static void test_closed_connection_keys_api_in_doubt(void** state)
{
	(void)state;
	fault(g_a, "close-mid", 1, 0);
	as_policy_batch p = batch_policy(0, 3000, 0);
	as_batch batch;
	as_batch_inita(&batch, N_KEYS);
	for (int i = 0; i < N_KEYS; i++) {
		as_key_init_str(as_batch_keyat(&batch, (uint32_t)i), "test", g_set, g_names[i]);
	}
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_write_int64(&ops, "w", 8);
	keys_outcome out = {0};
	as_error err;
	assert_int_equal(aerospike_batch_operate(&g_as, &err, &p, NULL, &batch, &ops, keep_outcome, &out),
		AEROSPIKE_ERR_CONNECTION);
	assert_true(err.in_doubt);
	assert_int_equal(out.n, N_KEYS);
	for (int i = 0; i < N_KEYS; i++) {
		const bool on_a = g_master[i] == g_a;
		assert_int_equal(out.result[i], on_a ? AEROSPIKE_NO_RESPONSE : AEROSPIKE_OK);
		assert_int_equal(out.in_doubt[i], on_a);
	}
	as_operations_destroy(&ops);
	as_batch_destroy(&batch);
}

static void test_garbage_is_a_client_error(void** state)
{
	(void)state;
	fault(g_a, "garbage", 1, 0);
	as_policy_batch p = batch_policy(0, 3000, 2);
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS);
	read_rows(&records, NULL, N_KEYS);
	as_error err;
	assert_int_equal(aerospike_batch_read(&g_as, &err, &p, &records), AEROSPIKE_ERR_CLIENT);
	assert_string_equal(err.message, "Invalid proto version: 222 Expected: 2");
	assert_false(err.in_doubt);
	expect_rows(&records, g_a, AEROSPIKE_NO_RESPONSE);
	expect_rows(&records, g_b, AEROSPIKE_OK);
	expect_rows(&records, g_c, AEROSPIKE_OK);
	as_batch_records_destroy(&records);

	/* Not retried, and the node serves the next batch on a new socket. */
	as_batch_records_inita(&records, N_KEYS);
	read_rows(&records, NULL, N_KEYS);
	assert_int_equal(aerospike_batch_read(&g_as, &err, &p, &records), AEROSPIKE_OK);
	expect_rows(&records, g_a, AEROSPIKE_OK);
	as_batch_records_destroy(&records);
}

static void test_huge_length_and_truncated_answers(void** state)
{
	(void)state;
	as_policy_batch p = batch_policy(0, 300, 0);
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS);
	read_rows(&records, NULL, N_KEYS);
	as_error err;
	/* A frame header declaring 2^40 bytes: refused before any allocation. */
	fault(g_a, "huge-length", 1, 0);
	assert_int_equal(aerospike_batch_read(&g_as, &err, &p, &records), AEROSPIKE_ERR_CLIENT);
	assert_string_equal(err.message, "Invalid proto size: 1099511627776");
	expect_rows(&records, g_a, AEROSPIKE_NO_RESPONSE);
	expect_rows(&records, g_b, AEROSPIKE_OK);
	as_batch_records_destroy(&records);
	/* Half an answer and silence: the total timeout ends the wait. */
	fault(g_a, "truncate", 1, 0);
	as_batch_records_inita(&records, N_KEYS);
	read_rows(&records, NULL, N_KEYS);
	uint64_t start = now_ms();
	assert_int_equal(aerospike_batch_read(&g_as, &err, &p, &records), AEROSPIKE_ERR_TIMEOUT);
	assert_true(now_ms() - start < 2000);
	expect_rows(&records, g_a, AEROSPIKE_NO_RESPONSE);
	expect_rows(&records, g_c, AEROSPIKE_OK);
	as_batch_records_destroy(&records);
}

static void test_garbage_after_a_write_is_in_doubt(void** state)
{
	(void)state;
	fault(g_a, "garbage", 1, 0);
	as_policy_batch p = batch_policy(0, 3000, 2);
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS + 1);
	as_operations ops;
	write_rows(&records, &ops);
	as_error err;
	/* A client-side error after one send: in doubt (7.4.0's
	 * as_error_set_in_doubt: sent once and code <= 0). */
	assert_int_equal(aerospike_batch_write(&g_as, &err, &p, &records), AEROSPIKE_ERR_CLIENT);
	assert_true(err.in_doubt);
	expect_write_doubt(&records);
	as_operations_destroy(&ops);
	as_batch_records_destroy(&records);
}

static void test_respond_all_keys_false_stops_at_first_failure(void** state)
{
	(void)state;
	/* B's keys first, then A's, then C's: the node commands run in that
	 * order (sequentially), and A's fails. */
	int order[N_KEYS];
	int n = 0;
	uint16_t nodes[N_NODES] = {g_b, g_a, g_c};
	for (int k = 0; k < N_NODES; k++) {
		for (int i = 0; i < N_KEYS; i++) {
			if (g_master[i] == nodes[k]) {
				order[n++] = i;
			}
		}
	}
	assert_int_equal(n, N_KEYS);
	fault(g_a, "garbage", 1, 0);
	as_policy_batch p = batch_policy(0, 3000, 2);
	p.respond_all_keys = false;
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS);
	read_rows(&records, order, N_KEYS);
	as_error err;
	assert_int_equal(aerospike_batch_read(&g_as, &err, &p, &records), AEROSPIKE_ERR_CLIENT);
	for (int i = 0; i < N_KEYS; i++) {
		as_batch_base_record* r = row(&records, i);
		assert_int_equal(r->result,
			g_master[order[i]] == g_b ? AEROSPIKE_OK : AEROSPIKE_NO_RESPONSE);
	}
	as_batch_records_destroy(&records);
}

/* Rows for one key of A and every key of B and C: A gets the single-record
 * command. `key_of_a` receives the row index of A's key. */
static void one_key_on_a(as_batch_records* records, as_operations* ops, int* key_of_a)
{
	bool a_done = false;
	int n = 0;
	for (int i = 0; i < N_KEYS; i++) {
		if (g_master[i] == g_a) {
			if (a_done) {
				continue;
			}
			a_done = true;
			*key_of_a = n;
		}
		if (ops) {
			as_batch_write_record* w = as_batch_write_reserve(records);
			as_key_init_str(&w->key, "test", g_set, g_names[i]);
			w->ops = ops;
		}
		else {
			as_batch_read_record* r = as_batch_read_reserve(records);
			as_key_init_str(&r->key, "test", g_set, g_names[i]);
			r->read_all_bins = true;
		}
		n++;
	}
}

static void test_single_key_node_timeout(void** state)
{
	(void)state;
	fault(g_a, "delay", 0, 1000);
	as_policy_batch p = batch_policy(100, 300, 0);
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS);
	int a_row = -1;
	one_key_on_a(&records, NULL, &a_row);
	as_error err;
	/* The single-record read runs under the batch's base policy: the same
	 * timeout message, its row unanswered. */
	assert_int_equal(aerospike_batch_read(&g_as, &err, &p, &records), AEROSPIKE_ERR_TIMEOUT);
	char expected[128];
	snprintf(expected, sizeof expected,
		"Client timeout: socket=100 total=300 iterations=1 lastNode=127.0.0.1:%u", g_a);
	assert_string_equal(err.message, expected);
	for (uint32_t i = 0; i < records.list.size; i++) {
		as_batch_base_record* r = row(&records, (int)i);
		assert_int_equal(r->result, (int)i == a_row ? AEROSPIKE_NO_RESPONSE : AEROSPIKE_OK);
		assert_false(r->in_doubt);
	}
	as_batch_records_destroy(&records);
}

static void test_single_key_node_write_in_doubt(void** state)
{
	(void)state;
	fault(g_a, "close-mid", 1, 0);
	as_policy_batch p = batch_policy(0, 3000, 0);
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS);
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_write_int64(&ops, "w", 9);
	int a_row = -1;
	one_key_on_a(&records, &ops, &a_row);
	as_error err;
	/* A client-side failure of the single-record write is the call's error,
	 * in doubt, and so is its row (7.4.0's as_single_execute_record). */
	assert_int_equal(aerospike_batch_write(&g_as, &err, &p, &records), AEROSPIKE_ERR_CONNECTION);
	assert_true(err.in_doubt);
	for (uint32_t i = 0; i < records.list.size; i++) {
		as_batch_base_record* r = row(&records, (int)i);
		const bool on_a = (int)i == a_row;
		assert_int_equal(r->result, on_a ? AEROSPIKE_NO_RESPONSE : AEROSPIKE_OK);
		assert_int_equal(r->in_doubt, on_a);
	}
	as_operations_destroy(&ops);
	as_batch_records_destroy(&records);
}

static bool fault_hit(void* arg)
{
	return asim_stat(g_b, g_a, "faults") > *(long*)arg;
}

static void* stop_a_once_hit(void* arg)
{
	if (await_condition(fault_hit, arg, 5000)) {
		char request[64];
		snprintf(request, sizeof request, "asim-stop-node:port=%u", g_a);
		char* answer = asim_info(g_b, request);
		free(answer);
	}
	return NULL;
}

/* Last: A stays out of the cluster the client sees. */
static void test_node_stopped_mid_batch_split_to_replicas(void** state)
{
	(void)state;
	long hits = asim_stat(g_b, g_a, "faults");
	long b = reads_of(g_b), c = reads_of(g_c);
	/* A holds its answer long enough to be stopped while the batch waits. */
	fault(g_a, "delay", 1, 3000);
	pthread_t stopper;
	assert_int_equal(pthread_create(&stopper, NULL, stop_a_once_hit, &hits), 0);
	as_policy_batch p = batch_policy(0, 8000, 2);
	as_batch_records records;
	as_batch_records_inita(&records, N_KEYS);
	read_rows(&records, NULL, N_KEYS);
	as_error err;
	uint64_t start = now_ms();
	as_status status = aerospike_batch_read(&g_as, &err, &p, &records);
	uint64_t took = now_ms() - start;
	pthread_join(stopper, NULL);
	assert_int_equal(status, AEROSPIKE_OK);
	assert_true(took < 2500); /* the closed socket was the failure, not the delay */
	expect_rows(&records, g_a, AEROSPIKE_OK);
	expect_rows(&records, g_b, AEROSPIKE_OK);
	expect_rows(&records, g_c, AEROSPIKE_OK);
	assert_int_equal(reads_of(g_b) - b + reads_of(g_c) - c,
		(long)(keys_of(g_a) + keys_of(g_b) + keys_of(g_c)));
	as_batch_records_destroy(&records);
	char request[64];
	snprintf(request, sizeof request, "asim-start-node:port=%u", g_a);
	control(request);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_delay_past_timeout_fails_that_node, teardown),
		cmocka_unit_test_teardown(test_delay_past_timeout_concurrent, teardown),
		cmocka_unit_test_teardown(test_delayed_node_keys_split_to_replicas, teardown),
		cmocka_unit_test_teardown(test_master_only_retries_in_place, teardown),
		cmocka_unit_test_teardown(test_closed_connection_puts_write_rows_in_doubt, teardown),
		cmocka_unit_test_teardown(test_closed_connection_keys_api_in_doubt, teardown),
		cmocka_unit_test_teardown(test_write_timeout_retries_on_the_same_node, teardown),
		cmocka_unit_test_teardown(test_broken_write_connection_splits_to_replicas, teardown),
		cmocka_unit_test_teardown(test_garbage_is_a_client_error, teardown),
		cmocka_unit_test_teardown(test_huge_length_and_truncated_answers, teardown),
		cmocka_unit_test_teardown(test_garbage_after_a_write_is_in_doubt, teardown),
		cmocka_unit_test_teardown(test_respond_all_keys_false_stops_at_first_failure, teardown),
		cmocka_unit_test_teardown(test_single_key_node_timeout, teardown),
		cmocka_unit_test_teardown(test_single_key_node_write_in_doubt, teardown),
		cmocka_unit_test_teardown(test_node_stopped_mid_batch_split_to_replicas, teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
