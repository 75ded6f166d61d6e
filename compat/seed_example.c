/*
 * The seed's snippet, unchanged, inside a main: shared-memory tending enabled
 * before aerospike_connect(). Compiled with a plain `cc` against include/ and
 * linked against the library by the compat_seed_example test.
 *
 * usage: seed_example [HOST [PORT [SHM_KEY]]]
 * (SHM_KEY only lets parallel tests avoid the seed's key; the snippet is as given.)
 */
#include <aerospike/aerospike.h>

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char** argv)
{
	const char* host = argc > 1 ? argv[1] : "127.0.0.1";
	uint16_t port = (uint16_t)(argc > 2 ? atoi(argv[2]) : 3000);

	as_config config;
	as_config_init(&config);
	as_config_add_host(&config, host, port);
	config.use_shm = true;
	config.shm_key = 0xA5000000;
	config.shm_max_nodes = 16;
	config.shm_max_namespaces = 8;
	config.shm_takeover_threshold_sec = 30;
	if (argc > 3) {
		config.shm_key = (int)strtoul(argv[3], NULL, 0);
	}

	aerospike as;
	aerospike_init(&as, &config);

	as_error err;
	as_status status = aerospike_connect(&as, &err);
	printf("aerospike_connect: %d %s\n", status, err.message);
	if (status == AEROSPIKE_OK) {
		aerospike_close(&as, &err);
	}
	aerospike_destroy(&as);
	return status == AEROSPIKE_OK ? 0 : 1;
}
