/*
 * as_query_validate_begin / as_query_validate against asim: the cluster key
 * a node answers to cluster-stable, the same key validating, every change of
 * the cluster (a node added or stopped, a rebalance) failing the check with
 * AEROSPIKE_ERR_CLUSTER_CHANGE and 7.4.0's text, the node's own refusals
 * (unknown namespace, migrations left) with its code and " from <address>",
 * and bad arguments answered in err, never a crash. Against the real cluster
 * AEROSPIKE_HOSTS names (test_cluster.h) the cases that change the cluster
 * or set migrations skip.
 */
#include <aerospike/aerospike.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_node.h>
#include <aerospike/as_query_validate.h>

#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "asim_process.h"
#include "client_probe.h"
#include "test_cluster.h"

static test_cluster g_cluster;
static aerospike g_as;
static const char* g_ns;

static int group_setup(void** state)
{
	(void)state;
	if (!test_cluster_start(&g_cluster, "--nodes 3 --namespace test:2")) {
		return -1;
	}
	g_ns = test_namespace();
	return test_cluster_connect(&g_cluster, &g_as) ? 0 : -1;
}

static int group_teardown(void** state)
{
	(void)state;
	as_error err;
	aerospike_close(&g_as, &err);
	aerospike_destroy(&g_as);
	test_cluster_stop(&g_cluster);
	return 0;
}

/* The client's `index`th node (modulo how many it has) with one reference. */
static as_node* node_at(uint32_t index)
{
	as_nodes* nodes = as_nodes_reserve(g_as.cluster);
	as_node* found = NULL;
	if (nodes->size > 0) {
		found = nodes->array[index % nodes->size];
		as_node_reserve(found);
	}
	as_nodes_release(nodes);
	return found;
}

/* `request` answered by `node` itself, asked at the address the client
 * uses for it ("host:port" or "[v6]:port"). */
static char* ask_node(as_node* node, const char* request)
{
	char host[128];
	snprintf(host, sizeof host, "%s", as_node_get_address_string(node));
	char* colon = strrchr(host, ':');
	assert_non_null(colon);
	*colon = '\0';
	const uint16_t port = (uint16_t)atoi(colon + 1);
	char* name = host;
	if (name[0] == '[') {
		name++;
		name[strlen(name) - 1] = '\0';
	}
	return node_info(name, port, request);
}

/* The client's node for asim's node on `port` with one reference, or NULL. */
static as_node* node_on_port(uint16_t port)
{
	char address[32];
	snprintf(address, sizeof address, "127.0.0.1:%u", (unsigned)port);
	as_nodes* nodes = as_nodes_reserve(g_as.cluster);
	as_node* found = NULL;
	for (uint32_t i = 0; i < nodes->size && !found; i++) {
		if (strcmp(as_node_get_address_string(nodes->array[i]), address) == 0) {
			found = nodes->array[i];
			as_node_reserve(found);
		}
	}
	as_nodes_release(nodes);
	return found;
}

static void control(uint16_t port, const char* request, const char* expected)
{
	char* answer = asim_info(port, request);
	assert_non_null(answer);
	if (expected) {
		assert_string_equal(answer, expected);
	}
	free(answer);
}

static uint64_t begin_ok(as_node* node)
{
	as_error err;
	uint64_t key = 0;
	assert_int_equal(as_query_validate_begin(&err, node, g_ns, 1000, &key), AEROSPIKE_OK);
	assert_int_equal(err.code, AEROSPIKE_OK);
	assert_true(key != 0);
	return key;
}

/* A check against `old_key` after the cluster changed: 7.4.0's code and
 * "Cluster is in migration: <expected>, <current>", both decimal. */
static void assert_changed(as_node* node, uint64_t old_key)
{
	const uint64_t now = begin_ok(node);
	assert_true(now != old_key);
	as_error err;
	assert_int_equal(as_query_validate(&err, node, g_ns, 1000, old_key),
		AEROSPIKE_ERR_CLUSTER_CHANGE);
	assert_int_equal(err.code, AEROSPIKE_ERR_CLUSTER_CHANGE);
	char expected[128];
	snprintf(expected, sizeof expected, "Cluster is in migration: %" PRIu64 ", %" PRIu64, old_key,
		now);
	assert_string_equal(err.message, expected);
}

static void test_begin_then_validate(void** state)
{
	(void)state;
	as_node* node = node_at(0);
	assert_non_null(node);
	const uint64_t key = begin_ok(node);
	/* The key is what the node answers, read as hex (the server writes it
	 * with %lX). */
	char request[96];
	snprintf(request, sizeof request, "cluster-stable:namespace=%s", g_ns);
	char* answer = ask_node(node, request);
	assert_non_null(answer);
	assert_true(strtoull(answer, NULL, 16) == key);
	free(answer);
	/* Every node of one cluster answers the same key. */
	as_node* other = node_at(1);
	assert_non_null(other);
	assert_true(begin_ok(other) == key);
	as_node_release(other);

	as_error err;
	err.code = AEROSPIKE_ERR_CLIENT;
	assert_int_equal(as_query_validate(&err, node, g_ns, 1000, key), AEROSPIKE_OK);
	assert_int_equal(err.code, AEROSPIKE_OK);
	/* No time limit (timeout 0) works the same. */
	assert_int_equal(as_query_validate(&err, node, g_ns, 0, key), AEROSPIKE_OK);
	as_node_release(node);
}

static void test_rebalance_changes_key(void** state)
{
	(void)state;
	if (lacks_asim("asim-rebalance")) {
		skip();
	}
	as_node* node = node_on_port(g_cluster.asim.ports[0]);
	assert_non_null(node);
	const uint64_t key = begin_ok(node);
	control(g_cluster.asim.ports[0], "asim-rebalance", "ok");
	assert_changed(node, key);
	as_node_release(node);
}

static bool sees_four_nodes(void* arg)
{
	(void)arg;
	return client_node_count(&g_as) == 4;
}

static bool sees_three_nodes(void* arg)
{
	(void)arg;
	return client_node_count(&g_as) == 3;
}

static void test_membership_changes_key(void** state)
{
	(void)state;
	if (lacks_asim("asim-add-node, asim-stop-node")) {
		skip();
	}
	as_node* node = node_on_port(g_cluster.asim.ports[0]);
	assert_non_null(node);
	const uint64_t before_add = begin_ok(node);
	char* port_text = asim_info(g_cluster.asim.ports[0], "asim-add-node");
	assert_non_null(port_text);
	const uint16_t added = (uint16_t)atoi(port_text);
	free(port_text);
	assert_true(added != 0);
	assert_changed(node, before_add);

	/* The added node answers the new key too, then stops answering at all
	 * once stopped: a network failure, named with the node's address. */
	assert_true(await_condition(sees_four_nodes, NULL, 10000));
	as_node* fresh = node_on_port(added);
	assert_non_null(fresh);
	const uint64_t before_stop = begin_ok(node);
	assert_true(begin_ok(fresh) == before_stop);
	char request[64];
	snprintf(request, sizeof request, "asim-stop-node:port=%u", (unsigned)added);
	control(g_cluster.asim.ports[0], request, "ok");
	assert_changed(node, before_stop);

	as_error err;
	uint64_t key = 7;
	assert_int_not_equal(as_query_validate_begin(&err, fresh, g_ns, 1000, &key), AEROSPIKE_OK);
	assert_true(key == 0);
	char suffix[48];
	snprintf(suffix, sizeof suffix, " from 127.0.0.1:%u", (unsigned)added);
	const size_t length = strlen(err.message);
	assert_true(length > strlen(suffix));
	assert_string_equal(err.message + length - strlen(suffix), suffix);
	as_node_release(fresh);
	assert_true(await_condition(sees_three_nodes, NULL, 10000));
	as_node_release(node);
}

/* The server's answers (thr_info.c cmd_cluster_stable): code 20 "namespace
 * not found on node", code 7 (AEROSPIKE_ERR_CLUSTER_CHANGE) "unstable
 * cluster" while migrations are left; the client adds " from <address>". */
static void test_node_refuses_unknown_namespace(void** state)
{
	(void)state;
	as_node* node = node_at(0);
	assert_non_null(node);
	as_error err;
	uint64_t key = 7;
	assert_int_equal(as_query_validate_begin(&err, node, "nope", 1000, &key),
		AEROSPIKE_ERR_NAMESPACE_NOT_FOUND);
	assert_true(key == 0);
	char expected[160];
	snprintf(expected, sizeof expected, "namespace not found on node from %s",
		as_node_get_address_string(node));
	assert_string_equal(err.message, expected);
	as_node_release(node);
}

static void test_node_refuses_while_migrating(void** state)
{
	(void)state;
	if (lacks_asim("migrations set by asim-migrations")) {
		skip();
	}
	as_node* node = node_on_port(g_cluster.asim.ports[0]);
	assert_non_null(node);
	as_error err;
	const uint64_t stable = begin_ok(node);
	control(g_cluster.asim.ports[0], "asim-migrations:ns=test;remaining=12", "ok");
	assert_int_equal(as_query_validate(&err, node, g_ns, 1000, stable),
		AEROSPIKE_ERR_CLUSTER_CHANGE);
	char expected[128];
	snprintf(expected, sizeof expected, "unstable cluster from 127.0.0.1:%u",
		(unsigned)g_cluster.asim.ports[0]);
	assert_string_equal(err.message, expected);
	control(g_cluster.asim.ports[0], "asim-migrations:ns=test;remaining=0", "ok");
	assert_int_equal(as_query_validate(&err, node, g_ns, 1000, stable), AEROSPIKE_OK);
	as_node_release(node);
}

static void test_bad_arguments(void** state)
{
	(void)state;
	as_node* node = node_at(0);
	assert_non_null(node);
	as_error err;
	uint64_t key = 7;
	assert_int_equal(as_query_validate_begin(&err, NULL, g_ns, 1000, &key), AEROSPIKE_ERR_PARAM);
	assert_int_equal(err.code, AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "node"));
	assert_true(key == 0);
	assert_int_equal(as_query_validate_begin(&err, node, NULL, 1000, &key), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "ns"));
	assert_int_equal(as_query_validate_begin(&err, node, g_ns, 1000, NULL), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "cluster_key"));
	/* A NULL err still gets the code. */
	assert_int_equal(as_query_validate_begin(NULL, NULL, g_ns, 1000, &key), AEROSPIKE_ERR_PARAM);

	/* No expected key: 7.4.0 asks nothing, so nothing else is needed. */
	assert_int_equal(as_query_validate(&err, NULL, NULL, 1000, 0), AEROSPIKE_OK);
	assert_int_equal(as_query_validate(&err, NULL, g_ns, 1000, 5), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "node"));
	assert_int_equal(as_query_validate(&err, node, NULL, 1000, 5), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "ns"));
	assert_int_equal(as_query_validate(NULL, node, g_ns, 1000, 5), AEROSPIKE_ERR_CLUSTER_CHANGE);
	as_node_release(node);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_begin_then_validate),
		cmocka_unit_test(test_rebalance_changes_key),
		cmocka_unit_test(test_membership_changes_key),
		cmocka_unit_test(test_node_refuses_unknown_namespace),
		cmocka_unit_test(test_node_refuses_while_migrating),
		cmocka_unit_test(test_bad_arguments),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
