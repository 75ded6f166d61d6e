#include "client_probe.h"

#include <aerospike/as_cluster.h>

#include <stdio.h>
#include <stdlib.h>

int client_node_count(aerospike* as)
{
	int n = 0;
	char* names = NULL;
	as_cluster_get_node_names(as->cluster, &n, &names);
	free(names);
	return n;
}

bool client_connect_local(aerospike* as, uint16_t port)
{
	as_config config;
	as_config_init(&config);
	as_config_add_host(&config, "127.0.0.1", port);
	aerospike_init(as, &config);
	as_error err;
	if (aerospike_connect(as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "connect to 127.0.0.1:%u: %d %s\n", (unsigned)port, (int)err.code,
			err.message);
		aerospike_destroy(as);
		return false;
	}
	return true;
}

void client_close_local(aerospike* as)
{
	as_error err;
	aerospike_close(as, &err);
	aerospike_destroy(as);
}
