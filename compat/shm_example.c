/*
 * In the style of the stock client's shared-memory example: the application
 * object is heap-allocated with aerospike_new(), use_shm is set before
 * connecting, and the cluster map is read from the segment. Run two at once
 * and the second follows the first (it sends no tend traffic). Public 7.4.0
 * API only.
 *
 * usage: shm_example HOST PORT SHM_KEY [HOLD_MS]
 * prints: "shm connected: N nodes" and "owner pid P" (read from the segment).
 * HOLD_MS keeps the connection open that long before closing.
 */
#include <aerospike/aerospike.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_shm_cluster.h>

#include <stdio.h>
#include <stdlib.h>
#include <sys/shm.h>
#include <time.h>

int main(int argc, char** argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: %s HOST PORT SHM_KEY [HOLD_MS]\n", argv[0]);
		return 2;
	}
	long hold_ms = argc > 4 ? atol(argv[4]) : 0;

	as_config config;
	as_config_init(&config);
	as_config_add_host(&config, argv[1], (uint16_t)atoi(argv[2]));
	config.use_shm = true;
	config.shm_key = (int)strtoul(argv[3], NULL, 0);
	config.shm_max_nodes = 16;
	config.shm_max_namespaces = 8;
	config.shm_takeover_threshold_sec = 30;

	aerospike* as = aerospike_new(&config);
	as_error err;
	if (aerospike_connect(as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "aerospike_connect: %d %s\n", err.code, err.message);
		aerospike_destroy(as);
		return 1;
	}

	int n_nodes = 0;
	char* names = NULL;
	as_cluster_get_node_names(as->cluster, &n_nodes, &names);
	printf("shm connected: %d nodes\n", n_nodes);
	for (int i = 0; i < n_nodes; i++) {
		printf("node %s\n", names + i * AS_NODE_NAME_SIZE);
	}
	free(names);

	/* What any process on the host can see: the segment and its owner. */
	int id = shmget((key_t)config.shm_key, 0, 0);
	if (id >= 0) {
		const as_cluster_shm* shm = shmat(id, NULL, SHM_RDONLY);
		if (shm != (void*)-1) {
			printf("owner pid %u\n", __atomic_load_n(&shm->owner_pid, __ATOMIC_ACQUIRE));
			shmdt(shm);
		}
	}
	fflush(stdout);

	if (hold_ms > 0) {
		struct timespec pause = {hold_ms / 1000, (hold_ms % 1000) * 1000000L};
		nanosleep(&pause, NULL);
	}

	int rc = 0;
	if (aerospike_close(as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "aerospike_close: %d %s\n", err.code, err.message);
		rc = 1;
	}
	aerospike_destroy(as);
	return rc;
}
