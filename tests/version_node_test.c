/*
 * as_version.h as 7.4.0 has it (sscanf's reading, three parts at least,
 * field-by-field differences) and the node lookups of as_cluster.h: the
 * round-robin as_node_get_random over active nodes and as_node_get_by_name,
 * both reserving what they return. aerospike_index_stat_command picks the
 * 8.1 syntax by the node's version.
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_index.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_node.h>
#include <aerospike/as_version.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "asim_process.h"

/* Exported by 7.4.0 without a public declaration. */
void aerospike_index_stat_command(as_node* node, as_index_task* task, char* command,
	size_t command_size);

static void test_version_from_string(void** state)
{
	(void)state;
	as_version v;
	assert_true(as_version_from_string(&v, "8.1.0.1"));
	assert_int_equal(v.major, 8);
	assert_int_equal(v.minor, 1);
	assert_int_equal(v.patch, 0);
	assert_int_equal(v.build, 1);
	assert_true(as_version_from_string(&v, "7.2.3"));
	assert_int_equal(v.build, 0);
	assert_true(as_version_from_string(&v, "6.4.0.7-rc1"));
	assert_int_equal(v.build, 7);
	assert_false(as_version_from_string(&v, "8.1"));
	assert_false(as_version_from_string(&v, "x.1.2"));
	assert_false(as_version_from_string(&v, ""));
}

static void test_version_compare_and_text(void** state)
{
	(void)state;
	as_version a = { 8, 1, 0, 0 };
	assert_int_equal(as_version_compare(&a, &as_server_version_8_1), 0);
	assert_true(as_version_compare(&as_server_version_8_1_1, &a) > 0);
	assert_true(as_version_compare(&a, &as_server_version_8_1_3) < 0);
	as_version old = { 7, 9, 9, 9 };
	assert_int_equal(as_version_compare(&old, &a), -1); /* the major's difference */
	as_version build = { 8, 1, 3, 4 };
	assert_int_equal(as_version_compare(&build, &as_server_version_8_1_3), 4);
	char text[32];
	as_version_to_string(&build, text, sizeof text);
	assert_string_equal(text, "8.1.3.4");
	as_version_to_string(&build, text, 4);
	assert_string_equal(text, "8.1");
}

static void test_node_lookups(void** state)
{
	(void)state;
	asim_process asim;
	assert_true(asim_start(&asim, "--nodes 3 --namespace test:2"));
	as_config config;
	as_config_init(&config);
	as_config_add_host(&config, "127.0.0.1", asim.ports[0]);
	aerospike as;
	aerospike_init(&as, &config);
	as_error err;
	assert_int_equal(aerospike_connect(&as, &err), AEROSPIKE_OK);

	/* Round robin: three calls name the three nodes. */
	char seen[3][AS_NODE_NAME_SIZE];
	for (int i = 0; i < 3; i++) {
		as_node* node = as_node_get_random(as.cluster);
		assert_non_null(node);
		strcpy(seen[i], node->name);
		for (int j = 0; j < i; j++) {
			assert_string_not_equal(seen[i], seen[j]);
		}
		as_node* same = as_node_get_by_name(as.cluster, node->name);
		assert_ptr_equal(same, node);
		as_node_release(same);
		as_node_release(node);
	}
	assert_null(as_node_get_by_name(as.cluster, "NO_SUCH_NODE"));

	/* asim's build is 8.1.0.1: the 8.1 status command. */
	as_index_task task;
	memset(&task, 0, sizeof task);
	strcpy(task.ns, "test");
	strcpy(task.name, "idx");
	as_node* node = as_node_get_random(as.cluster);
	char command[128];
	aerospike_index_stat_command(node, &task, command, sizeof command);
	assert_string_equal(command, "sindex-stat:namespace=test;indexname=idx");
	as_version before = node->version;
	node->version = (as_version){ 8, 0, 9, 0 };
	aerospike_index_stat_command(node, &task, command, sizeof command);
	assert_string_equal(command, "sindex/test/idx");
	node->version = before;
	as_node_release(node);

	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	asim_stop(&asim);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version_from_string),
		cmocka_unit_test(test_version_compare_and_text),
		cmocka_unit_test(test_node_lookups),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
