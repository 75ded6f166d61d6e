/*
 * Connect/close/connect cycles, private and shared, and application threads
 * reading the cluster while the tender changes it. Written for the
 * sanitizer builds as much as for the plain one: under ASan every cycle
 * must free what it took, under TSan readers and the tend thread must only
 * meet through the documented atomics and reference counts. Against asim or
 * the real cluster AEROSPIKE_HOSTS names (test_cluster.h), where the
 * membership changes, which need asim, skip.
 */
#define _GNU_SOURCE
#include <aerospike/aerospike.h>

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <unistd.h>

#include <cmocka.h>

#include "asim_process.h"
#include "client_probe.h"
#include "test_cluster.h"

#define TEND_MS 250

static test_cluster cluster;
/* How many nodes every connection must see: asim's three, or as many as the
 * real cluster showed the first connection. */
static int nodes;

static int start_cluster(void** state)
{
	(void)state;
	if (!test_cluster_start(&cluster, "--nodes 3 --namespace test:2")) {
		return -1;
	}
	nodes = 3;
	if (cluster.real) {
		aerospike as;
		if (!test_cluster_connect(&cluster, &as)) {
			return -1;
		}
		nodes = client_node_count(&as);
		client_close_local(&as);
	}
	return nodes > 0 ? 0 : -1;
}

static int stop_cluster(void** state)
{
	(void)state;
	test_cluster_stop(&cluster);
	return 0;
}

static void config_for(as_config* c)
{
	as_config_init(c);
	test_cluster_add_seeds(&cluster, c);
	c->tender_interval = TEND_MS;
}

static void test_private_cycles(void** state)
{
	(void)state;
	for (int i = 0; i < 20; i++) {
		as_config c;
		config_for(&c);
		aerospike as;
		aerospike_init(&as, &c);
		as_error err;
		assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_OK);
		assert_int_equal(client_node_count(&as), nodes);
		assert_int_equal(aerospike_close(&as, &err), AEROSPIKE_OK);
		assert_false(aerospike_cluster_is_connected(&as));
		aerospike_destroy(&as);
	}
}

static void test_shared_cycles(void** state)
{
	(void)state;
	int key = (int)(0x5D000000u | ((unsigned)getpid() & 0xFFFFFu));
	for (int i = 0; i < 10; i++) {
		as_config c;
		config_for(&c);
		c.use_shm = true;
		c.shm_key = key;
		aerospike* as = aerospike_new(&c);
		as_error err;
		assert_int_equal(aerospike_connect(as, &err), AEROSPIKE_OK);
		assert_int_equal(client_node_count(as), nodes);
		assert_true(shmget(key, 0, 0) >= 0);
		assert_int_equal(aerospike_close(as, &err), AEROSPIKE_OK);
		aerospike_destroy(as);
		/* The only process on the key removed the segment on close. */
		assert_true(shmget(key, 0, 0) < 0);
	}
	char lock_file[64];
	snprintf(lock_file, sizeof(lock_file), "/dev/shm/aeroshim-%08X.owner", (unsigned)key);
	unlink(lock_file);
}

typedef struct {
	aerospike* as;
	atomic_bool stop;
	long reads;
	int min_seen;
	int max_seen;
} reader;

static void* read_cluster(void* arg)
{
	reader* r = arg;
	r->min_seen = 1000;
	while (!atomic_load(&r->stop)) {
		int n = client_node_count(r->as);
		if (n < r->min_seen) {
			r->min_seen = n;
		}
		if (n > r->max_seen) {
			r->max_seen = n;
		}
		aerospike_cluster_is_connected(r->as);
		r->reads++;
	}
	return NULL;
}

typedef struct {
	aerospike* as;
	int want;
} count_wait;

static bool has_nodes(void* arg)
{
	count_wait* w = arg;
	return client_node_count(w->as) == w->want;
}

static void test_readers_during_membership_changes(void** state)
{
	(void)state;
	if (lacks_asim("asim-add-node, asim-stop-node, asim-start-node")) {
		skip();
	}
	as_config c;
	config_for(&c);
	aerospike as;
	aerospike_init(&as, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_OK);

	reader readers[2];
	pthread_t threads[2];
	for (int i = 0; i < 2; i++) {
		memset(&readers[i], 0, sizeof(readers[i]));
		readers[i].as = &as;
		atomic_init(&readers[i].stop, false);
		assert_int_equal(pthread_create(&threads[i], NULL, read_cluster, &readers[i]), 0);
	}

	char* port = asim_info(cluster.asim.ports[0], "asim-add-node");
	assert_non_null(port);
	count_wait four = {&as, 4};
	assert_true(await_condition(has_nodes, &four, 8 * TEND_MS));
	char request[64];
	snprintf(request, sizeof(request), "asim-stop-node:port=%s", port);
	free(asim_info(cluster.asim.ports[0], request));
	count_wait three = {&as, 3};
	assert_true(await_condition(has_nodes, &three, 40 * TEND_MS));
	snprintf(request, sizeof(request), "asim-start-node:port=%s", port);
	free(asim_info(cluster.asim.ports[0], request));
	assert_true(await_condition(has_nodes, &four, 8 * TEND_MS));
	free(port);

	for (int i = 0; i < 2; i++) {
		atomic_store(&readers[i].stop, true);
		pthread_join(threads[i], NULL);
		printf("reader %d: %ld reads, saw %d..%d nodes\n", i, readers[i].reads, readers[i].min_seen,
			   readers[i].max_seen);
		assert_true(readers[i].reads > 0);
		assert_true(readers[i].min_seen >= 3);
		assert_true(readers[i].max_seen == 4);
	}
	assert_int_equal(aerospike_close(&as, &err), AEROSPIKE_OK);
	aerospike_destroy(&as);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_private_cycles),
		cmocka_unit_test(test_shared_cycles),
		cmocka_unit_test(test_readers_during_membership_changes),
	};
	return cmocka_run_group_tests(tests, start_cluster, stop_cluster);
}
