/* A minimal application built against an installed aeroshim. */
#include <aerospike/aerospike.h>

#include <stdio.h>

int main(void)
{
	as_config config;
	as_config_init(&config);
	printf("shm_max_nodes=%u error=%s\n", config.shm_max_nodes, as_error_string(AEROSPIKE_ERR_PARAM));
	as_config_destroy(&config);
	return config.shm_max_nodes == 16 ? 0 : 1;
}
