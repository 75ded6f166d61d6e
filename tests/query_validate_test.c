/*
 * as_query_validate_begin / as_query_validate against asim: the cluster key
 * a node answers to cluster-stable, the same key validating, every change of
 * the cluster (a node added or stopped, a rebalance) failing the check with
 * AEROSPIKE_ERR_CLUSTER_CHANGE and 7.4.0's text, the node's own refusals
 * (unknown namespace, migrations left) with its code and " from <address>",
 * and bad arguments answered in err, never a crash.
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

static asim_process g_asim;
static aerospike g_as;

static int group_setup(void** state)
{
	(void)state;
	if (!asim_start(&g_asim, "--nodes 3 --namespace test:2")) {
		return -1;
	}
	return client_connect_local(&g_as, g_asim.ports[0]) ? 0 : -1;
}

static int group_teardown(void** state)
{
	(void)state;
	client_close_local(&g_as);
	asim_stop(&g_asim);
	return 0;
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
	assert_int_equal(as_query_validate_begin(&err, node, "test", 1000, &key), AEROSPIKE_OK);
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
	assert_int_equal(as_query_validate(&err, node, "test", 1000, old_key),
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
	as_node* node = node_on_port(g_asim.ports[1]);
	assert_non_null(node);
	const uint64_t key = begin_ok(node);
	/* The key is what the node answers, read as hex (the server writes it
	 * with %lX). */
	char* answer = asim_info(g_asim.ports[1], "cluster-stable:namespace=test");
	assert_non_null(answer);
	assert_true(strtoull(answer, NULL, 16) == key);
	free(answer);
	/* Every node of one cluster answers the same key. */
	as_node* other = node_on_port(g_asim.ports[2]);
	assert_non_null(other);
	assert_true(begin_ok(other) == key);
	as_node_release(other);

	as_error err;
	err.code = AEROSPIKE_ERR_CLIENT;
	assert_int_equal(as_query_validate(&err, node, "test", 1000, key), AEROSPIKE_OK);
	assert_int_equal(err.code, AEROSPIKE_OK);
	/* No time limit (timeout 0) works the same. */
	assert_int_equal(as_query_validate(&err, node, "test", 0, key), AEROSPIKE_OK);
	as_node_release(node);
}

static void test_rebalance_changes_key(void** state)
{
	(void)state;
	as_node* node = node_on_port(g_asim.ports[0]);
	assert_non_null(node);
	const uint64_t key = begin_ok(node);
	control(g_asim.ports[0], "asim-rebalance", "ok");
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
	as_node* node = node_on_port(g_asim.ports[0]);
	assert_non_null(node);
	const uint64_t before_add = begin_ok(node);
	char* port_text = asim_info(g_asim.ports[0], "asim-add-node");
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
	control(g_asim.ports[0], request, "ok");
	assert_changed(node, before_stop);

	as_error err;
	uint64_t key = 7;
	assert_int_not_equal(as_query_validate_begin(&err, fresh, "test", 1000, &key), AEROSPIKE_OK);
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
static void test_node_refusals(void** state)
{
	(void)state;
	as_node* node = node_on_port(g_asim.ports[0]);
	assert_non_null(node);
	char expected[128];
	as_error err;
	uint64_t key = 7;
	assert_int_equal(as_query_validate_begin(&err, node, "nope", 1000, &key),
		AEROSPIKE_ERR_NAMESPACE_NOT_FOUND);
	assert_true(key == 0);
	snprintf(expected, sizeof expected, "namespace not found on node from 127.0.0.1:%u",
		(unsigned)g_asim.ports[0]);
	assert_string_equal(err.message, expected);

	const uint64_t stable = begin_ok(node);
	control(g_asim.ports[0], "asim-migrations:ns=test;remaining=12", "ok");
	assert_int_equal(as_query_validate(&err, node, "test", 1000, stable),
		AEROSPIKE_ERR_CLUSTER_CHANGE);
	snprintf(expected, sizeof expected, "unstable cluster from 127.0.0.1:%u",
		(unsigned)g_asim.ports[0]);
	assert_string_equal(err.message, expected);
	control(g_asim.ports[0], "asim-migrations:ns=test;remaining=0", "ok");
	assert_int_equal(as_query_validate(&err, node, "test", 1000, stable), AEROSPIKE_OK);
	as_node_release(node);
}

static void test_bad_arguments(void** state)
{
	(void)state;
	as_node* node = node_on_port(g_asim.ports[0]);
	assert_non_null(node);
	as_error err;
	uint64_t key = 7;
	assert_int_equal(as_query_validate_begin(&err, NULL, "test", 1000, &key), AEROSPIKE_ERR_PARAM);
	assert_int_equal(err.code, AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "node"));
	assert_true(key == 0);
	assert_int_equal(as_query_validate_begin(&err, node, NULL, 1000, &key), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "ns"));
	assert_int_equal(as_query_validate_begin(&err, node, "test", 1000, NULL), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "cluster_key"));
	/* A NULL err still gets the code. */
	assert_int_equal(as_query_validate_begin(NULL, NULL, "test", 1000, &key), AEROSPIKE_ERR_PARAM);

	/* No expected key: 7.4.0 asks nothing, so nothing else is needed. */
	assert_int_equal(as_query_validate(&err, NULL, NULL, 1000, 0), AEROSPIKE_OK);
	assert_int_equal(as_query_validate(&err, NULL, "test", 1000, 5), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "node"));
	assert_int_equal(as_query_validate(&err, node, NULL, 1000, 5), AEROSPIKE_ERR_PARAM);
	assert_non_null(strstr(err.message, "ns"));
	assert_int_equal(as_query_validate(NULL, node, "test", 1000, 5), AEROSPIKE_ERR_CLUSTER_CHANGE);
	as_node_release(node);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_begin_then_validate),
		cmocka_unit_test(test_rebalance_changes_key),
		cmocka_unit_test(test_membership_changes_key),
		cmocka_unit_test(test_node_refusals),
		cmocka_unit_test(test_bad_arguments),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
