/* The client side of test_cluster.h, apart so that tests which do not link
 * the client library (asim's own) can still use the rest. */
#include "test_cluster.h"

#include <stdio.h>

void test_cluster_add_seeds(const test_cluster* cluster, as_config* config)
{
	for (int i = 0; i < cluster->n_seeds; i++) {
		as_config_add_host(config, cluster->seeds[i].host, cluster->seeds[i].port);
	}
}

bool test_cluster_connect(const test_cluster* cluster, aerospike* as)
{
	as_config config;
	as_config_init(&config);
	test_cluster_add_seeds(cluster, &config);
	aerospike_init(as, &config);
	as_error err;
	if (aerospike_connect(as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "connect to %s:%u: %d %s\n", cluster->seeds[0].host,
			(unsigned)cluster->seeds[0].port, (int)err.code, err.message);
		aerospike_destroy(as);
		return false;
	}
	return true;
}

bool test_cluster_drop_set(aerospike* as, const char* set)
{
	as_error err;
	if (aerospike_truncate(as, &err, NULL, test_namespace(), set, 0) != AEROSPIKE_OK) {
		fprintf(stderr, "truncate %s.%s: %d %s\n", test_namespace(), set, (int)err.code,
			err.message);
		return false;
	}
	return true;
}
