/*
 * In the style of the stock client's connect example: seed hosts from the
 * command line, connect (the tender runs in this process), report what the
 * cluster looks like, close. Public 7.4.0 API only.
 *
 * usage: connect_example HOST PORT [PORT...]
 * prints: "connected: N nodes" then one "node NAME" line per node.
 */
#include <aerospike/aerospike.h>
#include <aerospike/as_cluster.h>

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char** argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: %s HOST PORT [PORT...]\n", argv[0]);
		return 2;
	}
	as_config config;
	as_config_init(&config);
	for (int i = 2; i < argc; i++) {
		as_config_add_host(&config, argv[1], (uint16_t)atoi(argv[i]));
	}

	aerospike as;
	aerospike_init(&as, &config);

	as_error err;
	if (aerospike_connect(&as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "aerospike_connect: %d %s\n", err.code, err.message);
		aerospike_destroy(&as);
		return 1;
	}
	if (!aerospike_cluster_is_connected(&as)) {
		fprintf(stderr, "connected, but aerospike_cluster_is_connected says no\n");
		aerospike_close(&as, &err);
		aerospike_destroy(&as);
		return 1;
	}

	int n_nodes = 0;
	char* names = NULL;
	as_cluster_get_node_names(as.cluster, &n_nodes, &names);
	printf("connected: %d nodes\n", n_nodes);
	for (int i = 0; i < n_nodes; i++) {
		printf("node %s\n", names + i * AS_NODE_NAME_SIZE);
	}
	free(names);

	int rc = 0;
	if (aerospike_close(&as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "aerospike_close: %d %s\n", err.code, err.message);
		rc = 1;
	}
	aerospike_destroy(&as);
	return rc;
}
