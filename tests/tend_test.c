/*
 * Tending against asim through the public API only: connect to 1, 3 and 5
 * nodes, node names, a node joining and one leaving within two tend
 * intervals, info on every node, seeds down, a cluster-name mismatch, the
 * cluster event callback, and the stock request pattern counted by asim.
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_info.h>
#include <aerospike/as_cluster.h>

#include "asim_process.h"
#include "client_probe.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#define TEND_MS 250

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void config_for(as_config* c, const asim_process* asim)
{
	as_config_init(c);
	as_config_add_host(c, "127.0.0.1", asim->ports[0]);
	c->tender_interval = TEND_MS;
}

typedef struct {
	aerospike* as;
	int want;
} count_wait;

static bool has_count(void* arg)
{
	count_wait* w = arg;
	return client_node_count(w->as) == w->want;
}

static void connect_and_check_names(int nodes)
{
	asim_process asim;
	char args[64];
	snprintf(args, sizeof(args), "--nodes %d --namespace test:2", nodes);
	assert_true(asim_start(&asim, args));
	as_config c;
	config_for(&c, &asim);
	aerospike as;
	aerospike_init(&as, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_OK);
	assert_true(aerospike_cluster_is_connected(&as));

	int n = 0;
	char* names = NULL;
	as_cluster_get_node_names(as.cluster, &n, &names);
	assert_int_equal(n, nodes);
	for (int i = 0; i < nodes; i++) {
		char* expected = asim_info(asim.ports[i], "node");
		assert_non_null(expected);
		bool found = false;
		for (int k = 0; k < n; k++) {
			found = found || strcmp(names + k * AS_NODE_NAME_SIZE, expected) == 0;
		}
		assert_true(found);
		free(expected);
	}
	free(names);
	assert_int_equal(aerospike_close(&as, &err), AEROSPIKE_OK);
	assert_false(aerospike_cluster_is_connected(&as));
	aerospike_destroy(&as);
	asim_stop(&asim);
}

static void test_one_node(void** state) { (void)state; connect_and_check_names(1); }
static void test_three_nodes(void** state) { (void)state; connect_and_check_names(3); }
static void test_five_nodes(void** state) { (void)state; connect_and_check_names(5); }

static int events[3];
static void on_event(as_cluster_event* event)
{
	if ((int)event->type >= 0 && event->type <= AS_CLUSTER_DISCONNECTED) {
		__atomic_fetch_add(&events[event->type], 1, __ATOMIC_SEQ_CST);
	}
}

static int info_answers;
static bool count_answer(const as_error* err, const as_node* node, const char* req, char* res, void* udata)
{
	(void)err;
	(void)req;
	(void)udata;
	char* value = NULL;
	assert_int_equal(as_info_parse_single_response(res, &value), AEROSPIKE_OK);
	assert_string_equal(value, node->name);
	info_answers++;
	return true;
}

/* The "done when": three names, a fourth joins, one leaves, info on
 * each node, close. */
static void test_join_leave_and_info(void** state)
{
	(void)state;
	asim_process asim;
	assert_true(asim_start(&asim, "--nodes 3 --namespace test:2"));
	as_config c;
	config_for(&c, &asim);
	memset(events, 0, sizeof(events));
	as_config_set_cluster_event_callback(&c, on_event, NULL);
	aerospike as;
	aerospike_init(&as, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_OK);
	assert_int_equal(client_node_count(&as), 3);
	assert_int_equal(events[AS_CLUSTER_ADD_NODE], 3);

	char* port = asim_info(asim.ports[0], "asim-add-node");
	assert_non_null(port);
	long added_port = strtol(port, NULL, 10);
	free(port);
	assert_true(added_port > 0);
	long start = now_ms();
	count_wait four = {&as, 4};
	assert_true(await_condition(has_count, &four, 10 * TEND_MS));
	long join_ms = now_ms() - start;
	printf("fourth node seen after %ld ms (tend interval %d ms)\n", join_ms, TEND_MS);
	assert_true(join_ms <= 2 * TEND_MS + 100);
	assert_int_equal(events[AS_CLUSTER_ADD_NODE], 4);

	char request[64];
	snprintf(request, sizeof(request), "asim-stop-node:port=%u", asim.ports[1]);
	char* ok = asim_info(asim.ports[0], request);
	assert_string_equal(ok, "ok");
	free(ok);
	start = now_ms();
	count_wait three = {&as, 3};
	assert_true(await_condition(has_count, &three, 10 * TEND_MS));
	long leave_ms = now_ms() - start;
	printf("stopped node removed after %ld ms\n", leave_ms);
	assert_true(leave_ms <= 2 * TEND_MS + 100);
	assert_int_equal(events[AS_CLUSTER_REMOVE_NODE], 1);

	info_answers = 0;
	assert_int_equal(aerospike_info_foreach(&as, &err, NULL, "node", count_answer, NULL), AEROSPIKE_OK);
	assert_int_equal(info_answers, 3);

	as_nodes* nodes = as_nodes_reserve(as.cluster);
	for (uint32_t i = 0; i < nodes->size; i++) {
		char* res = NULL;
		assert_int_equal(aerospike_info_node(&as, &err, NULL, nodes->array[i], "build", &res), AEROSPIKE_OK);
		assert_non_null(strstr(res, "build\t"));
		free(res);
	}
	as_nodes_release(nodes);

	char* res = NULL;
	assert_int_equal(aerospike_info_host(&as, &err, NULL, "127.0.0.1", asim.ports[0], "cluster-name", &res),
		AEROSPIKE_OK);
	assert_string_equal(res, "cluster-name\tasim\n");
	free(res);
	/* Without send_as_is, ';' ':' ',' separate names, as stock 7.4.0 sends
	 * them (seen against asim: the same two lines); stock rewrites the
	 * caller's string to do it, we leave it alone (a literal would crash). */
	as_policy_info split;
	as_policy_info_init(&split);
	split.send_as_is = false;
	assert_int_equal(aerospike_info_any(&as, &err, &split, "cluster-name;cluster-name", &res),
		AEROSPIKE_OK);
	assert_string_equal(res, "cluster-name\tasim\ncluster-name\tasim\n");
	free(res);
	/* The stock client's reading of the server's "ERROR:4:unrecognized
	 * command": the code is the server's, and that is no reason to stop, so
	 * every node is asked and the last one's text comes back, naming it. */
	assert_int_equal(aerospike_info_any(&as, &err, NULL, "no-such-name", &res),
		AEROSPIKE_ERR_REQUEST_INVALID);
	assert_null(res);
	char expected[128];
	nodes = as_nodes_reserve(as.cluster);
	snprintf(expected, sizeof expected, "unrecognized command from %s",
		as_node_get_address_string(nodes->array[nodes->size - 1]));
	as_nodes_release(nodes);
	assert_string_equal(err.message, expected);

	assert_int_equal(aerospike_close(&as, &err), AEROSPIKE_OK);
	aerospike_destroy(&as);
	asim_stop(&asim);
}

static void test_cluster_name_mismatch(void** state)
{
	(void)state;
	asim_process asim;
	assert_true(asim_start(&asim, "--nodes 2 --cluster-name prod"));
	as_config c;
	config_for(&c, &asim);
	as_config_set_cluster_name(&c, "staging");
	aerospike as;
	aerospike_init(&as, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_ERR_CLIENT);
	assert_non_null(strstr(err.message, "Expected cluster name 'staging' Received 'prod'"));
	assert_null(as.cluster);
	aerospike_destroy(&as);

	config_for(&c, &asim);
	as_config_set_cluster_name(&c, "prod");
	aerospike_init(&as, &c);
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_OK);
	assert_int_equal(client_node_count(&as), 2);
	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	asim_stop(&asim);
}

static void test_all_seeds_down(void** state)
{
	(void)state;
	/* Ports of a simulator that is gone: nothing listens there any more. */
	asim_process asim;
	assert_true(asim_start(&asim, "--nodes 2"));
	asim_stop(&asim);
	as_config c;
	as_config_init(&c);
	as_config_add_host(&c, "127.0.0.1", asim.ports[0]);
	as_config_add_host(&c, "127.0.0.1", asim.ports[1]);
	aerospike as;
	aerospike_init(&as, &c);
	as_error err;
	long start = now_ms();
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_ERR_CONNECTION);
	assert_true(now_ms() - start < 5000);
	char expect[64];
	for (int i = 0; i < 2; i++) {
		snprintf(expect, sizeof(expect), "127.0.0.1:%u (", asim.ports[i]);
		assert_non_null(strstr(err.message, expect));
	}
	assert_non_null(strstr(err.message, "refused"));
	aerospike_destroy(&as);
}

static void test_some_seeds_down(void** state)
{
	(void)state;
	asim_process dead, live;
	assert_true(asim_start(&dead, "--nodes 1"));
	asim_stop(&dead);
	assert_true(asim_start(&live, "--nodes 3"));
	as_config c;
	as_config_init(&c);
	as_config_add_host(&c, "127.0.0.1", dead.ports[0]);
	as_config_add_host(&c, "localhost", live.ports[0]);
	c.tender_interval = TEND_MS;
	aerospike as;
	aerospike_init(&as, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_OK);
	assert_int_equal(client_node_count(&as), 3);
	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	asim_stop(&live);
}

typedef struct {
	asim_process* asim;
	const char* field;
	long at_least;
} stat_wait;

static bool every_node_reached(void* arg)
{
	stat_wait* w = arg;
	for (int i = 0; i < w->asim->n_ports; i++) {
		if (asim_stat(w->asim->ports[0], w->asim->ports[i], w->field) < w->at_least) {
			return false;
		}
	}
	return true;
}

static long stat_of(asim_process* asim, int node, const char* field)
{
	return asim_stat(asim->ports[0], asim->ports[node], field);
}

/* PROTOCOL.md §1: connect costs A,U,P on the seed, A,U and P on each peer,
 * R on every node, then one T per node per cycle and nothing else; R only
 * to a node whose partition generation moved; P to every node after any
 * peers-generation change. */
static void test_request_pattern(void** state)
{
	(void)state;
	asim_process asim;
	assert_true(asim_start(&asim, "--nodes 3 --namespace test:2"));
	as_config c;
	config_for(&c, &asim);
	aerospike as;
	aerospike_init(&as, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_OK);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(stat_of(&asim, i, "info.build"), 1);
		assert_int_equal(stat_of(&asim, i, "info.user-agent-set"), 1);
		assert_int_equal(stat_of(&asim, i, "info.peers-clear-std"), 1);
		assert_int_equal(stat_of(&asim, i, "info.replicas"), 1);
	}

	/* Steady state: T only. */
	stat_wait first = {&asim, "info.peers-generation", 1};
	assert_true(await_condition(every_node_reached, &first, 10 * TEND_MS));
	free(asim_info(asim.ports[0], "asim-stats-reset"));
	stat_wait three_cycles = {&asim, "info.peers-generation", 3};
	assert_true(await_condition(every_node_reached, &three_cycles, 20 * TEND_MS));
	for (int i = 0; i < 3; i++) {
		long tends = stat_of(&asim, i, "info.peers-generation");
		assert_true(tends >= 3 && tends <= 4);
		assert_int_equal(stat_of(&asim, i, "info"), tends);
		assert_int_equal(stat_of(&asim, i, "info.node"), tends);
		assert_int_equal(stat_of(&asim, i, "info.replicas"), 0);
		assert_int_equal(stat_of(&asim, i, "info.peers-clear-std"), 0);
	}

	/* One node's partition generation moves: R to that node only. */
	free(asim_info(asim.ports[0], "asim-stats-reset"));
	char request[64];
	snprintf(request, sizeof(request), "asim-bump-partition-gen:port=%u", asim.ports[2]);
	free(asim_info(asim.ports[0], request));
	stat_wait two_more = {&asim, "info.peers-generation", 2};
	assert_true(await_condition(every_node_reached, &two_more, 20 * TEND_MS));
	assert_int_equal(stat_of(&asim, 0, "info.replicas"), 0);
	assert_int_equal(stat_of(&asim, 1, "info.replicas"), 0);
	assert_int_equal(stat_of(&asim, 2, "info.replicas"), 1);

	/* One node's peers generation moves: P to every node. */
	free(asim_info(asim.ports[0], "asim-stats-reset"));
	snprintf(request, sizeof(request), "asim-bump-peers-gen:port=%u", asim.ports[1]);
	free(asim_info(asim.ports[0], request));
	assert_true(await_condition(every_node_reached, &two_more, 20 * TEND_MS));
	for (int i = 0; i < 3; i++) {
		assert_int_equal(stat_of(&asim, i, "info.peers-clear-std"), 1);
		assert_int_equal(stat_of(&asim, i, "info.replicas"), 0);
	}

	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	asim_stop(&asim);
}

/* Rack awareness adds rebalance-generation to every tend request (T'), asks
 * rack-ids with it (K) once per node at connect, and again only of a node
 * whose rebalance generation moved. */
static void test_rack_aware_pattern(void** state)
{
	(void)state;
	asim_process asim;
	assert_true(asim_start(&asim, "--nodes 3 --namespace test:2"));
	as_config c;
	config_for(&c, &asim);
	c.rack_aware = true;
	as_config_add_rack_id(&c, 2);
	aerospike as;
	aerospike_init(&as, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_OK);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(stat_of(&asim, i, "info.rack-ids"), 1);
	}

	stat_wait first = {&asim, "info.peers-generation", 1};
	assert_true(await_condition(every_node_reached, &first, 10 * TEND_MS));
	free(asim_info(asim.ports[0], "asim-stats-reset"));
	stat_wait two_cycles = {&asim, "info.peers-generation", 2};
	assert_true(await_condition(every_node_reached, &two_cycles, 20 * TEND_MS));
	for (int i = 0; i < 3; i++) {
		long tends = stat_of(&asim, i, "info.peers-generation");
		assert_int_equal(stat_of(&asim, i, "info.rebalance-generation"), tends);
		assert_int_equal(stat_of(&asim, i, "info.rack-ids"), 0);
	}

	free(asim_info(asim.ports[0], "asim-stats-reset"));
	char request[64];
	snprintf(request, sizeof(request), "asim-set-rack:port=%u;rack=2", asim.ports[1]);
	char* answer = asim_info(asim.ports[0], request);
	assert_string_equal(answer, "ok");
	free(answer);
	stat_wait racks_asked = {&asim, "info.peers-generation", 2};
	assert_true(await_condition(every_node_reached, &racks_asked, 20 * TEND_MS));
	assert_int_equal(stat_of(&asim, 0, "info.rack-ids"), 0);
	assert_int_equal(stat_of(&asim, 1, "info.rack-ids"), 1);
	assert_int_equal(stat_of(&asim, 2, "info.rack-ids"), 0);

	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	asim_stop(&asim);
}

/* use_services_alternate asks peers-clear-alt instead of -std; ip_map
 * rewrites the peer addresses a node reports (not the seeds): mapped to
 * 127.0.0.2, where asim does not listen, the peers cannot be validated and
 * only the seed is in the cluster, so the map is proven to be applied. */
static void test_alternate_services_and_ip_map(void** state)
{
	(void)state;
	asim_process asim;
	assert_true(asim_start(&asim, "--nodes 3 --namespace test:2"));
	as_config c;
	config_for(&c, &asim);
	c.use_services_alternate = true;
	aerospike as;
	aerospike_init(&as, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_OK);
	assert_int_equal(client_node_count(&as), 3);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(stat_of(&asim, i, "info.peers-clear-alt"), 1);
		assert_int_equal(stat_of(&asim, i, "info.peers-clear-std"), 0);
	}
	aerospike_close(&as, &err);
	aerospike_destroy(&as);

	static as_addr_map elsewhere[1] = {{"127.0.0.1", "127.0.0.2"}};
	config_for(&c, &asim);
	c.ip_map = elsewhere;
	c.ip_map_size = 1;
	/* Every peer maps to an address nobody listens on: as stock, a seed
	 * alone with unreachable peers fails the connect (fail_if_not_connected
	 * is the default)... */
	aerospike_init(&as, &c);
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_ERR_CLIENT);
	assert_non_null(strstr(err.message, "Peers not reachable: 127.0.0.1:"));
	aerospike_destroy(&as);
	/* ...and without it the client runs with the one node it reached. */
	config_for(&c, &asim);
	c.ip_map = elsewhere;
	c.ip_map_size = 1;
	c.fail_if_not_connected = false;
	aerospike_init(&as, &c);
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_OK);
	assert_int_equal(client_node_count(&as), 1);
	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	asim_stop(&asim);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_node),
		cmocka_unit_test(test_three_nodes),
		cmocka_unit_test(test_five_nodes),
		cmocka_unit_test(test_join_leave_and_info),
		cmocka_unit_test(test_cluster_name_mismatch),
		cmocka_unit_test(test_all_seeds_down),
		cmocka_unit_test(test_some_seeds_down),
		cmocka_unit_test(test_request_pattern),
		cmocka_unit_test(test_rack_aware_pattern),
		cmocka_unit_test(test_alternate_services_and_ip_map),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
