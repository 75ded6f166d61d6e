#include "client_probe.h"

#include <aerospike/as_cluster.h>

#include <stdlib.h>

int client_node_count(aerospike* as)
{
	int n = 0;
	char* names = NULL;
	as_cluster_get_node_names(as->cluster, &n, &names);
	free(names);
	return n;
}
