/*
 * In the style of the stock client's info examples: ask any node, every node,
 * one chosen node and a host by address, and parse single-name responses.
 * Public 7.4.0 API only (nodes are reached through the header's inline
 * as_nodes_reserve/as_nodes_release, as stock programs do).
 *
 * usage: info_example HOST PORT
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_info.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_info.h>
#include <aerospike/as_node.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool print_node(const as_error* err, const as_node* node, const char* req, char* res,
	void* udata)
{
	int* count = udata;
	if (err->code != AEROSPIKE_OK) {
		fprintf(stderr, "foreach %s: %d %s\n", req, err->code, err->message);
		return false;
	}
	char* value = NULL;
	if (as_info_parse_single_response(res, &value) != AEROSPIKE_OK) {
		fprintf(stderr, "foreach %s: cannot parse '%s'\n", req, res);
		return false;
	}
	printf("foreach %s %s: %s\n", node->name, req, value);
	(*count)++;
	return true;
}

static int ask(const char* what, as_status status, const as_error* err, char* res)
{
	if (status != AEROSPIKE_OK) {
		fprintf(stderr, "%s: %d %s\n", what, err->code, err->message);
		return 1;
	}
	char* value = NULL;
	if (as_info_parse_single_response(res, &value) != AEROSPIKE_OK) {
		fprintf(stderr, "%s: cannot parse '%s'\n", what, res);
		free(res);
		return 1;
	}
	printf("%s: %s\n", what, value);
	free(res);
	return 0;
}

int main(int argc, char** argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s HOST PORT\n", argv[0]);
		return 2;
	}
	uint16_t port = (uint16_t)atoi(argv[2]);
	as_config config;
	as_config_init(&config);
	as_config_add_host(&config, argv[1], port);

	aerospike as;
	aerospike_init(&as, &config);
	as_error err;
	if (aerospike_connect(&as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "aerospike_connect: %d %s\n", err.code, err.message);
		aerospike_destroy(&as);
		return 1;
	}

	int failures = 0;
	char* res = NULL;
	as_status status = aerospike_info_any(&as, &err, NULL, "build", &res);
	failures += ask("any build", status, &err, res);

	res = NULL;
	status = aerospike_info_host(&as, &err, NULL, argv[1], port, "cluster-name", &res);
	failures += ask("host cluster-name", status, &err, res);

	as_nodes* nodes = as_nodes_reserve(as.cluster);
	if (nodes->size == 0) {
		fprintf(stderr, "no nodes\n");
		failures++;
	}
	for (uint32_t i = 0; i < nodes->size; i++) {
		as_node* node = nodes->array[i];
		char what[64];
		snprintf(what, sizeof(what), "node %s node", node->name);
		res = NULL;
		status = aerospike_info_node(&as, &err, NULL, node, "node", &res);
		failures += ask(what, status, &err, res);
	}
	uint32_t n_nodes = nodes->size;
	as_nodes_release(nodes);

	int count = 0;
	if (aerospike_info_foreach(&as, &err, NULL, "partition-generation", print_node, &count) !=
		AEROSPIKE_OK) {
		fprintf(stderr, "aerospike_info_foreach: %d %s\n", err.code, err.message);
		failures++;
	}
	if ((uint32_t)count != n_nodes) {
		fprintf(stderr, "foreach visited %d of %u nodes\n", count, n_nodes);
		failures++;
	}

	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	printf("info: %s\n", failures ? "FAILED" : "ok");
	return failures ? 1 : 0;
}
