/*
 * demo_client: one application process of the `make run` story. It connects
 * with the seed's shared-memory configuration, says what it sees, and stays
 * connected until SIGTERM/SIGINT, then closes (handing ownership over) and
 * exits. Written against the public 7.4.0 API only, like a user's program.
 *
 * usage: demo_client HOST PORT SHM_KEY
 */
#include <aerospike/aerospike.h>
#include <aerospike/as_cluster.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested = 0;

static void on_signal(int signo)
{
	(void)signo;
	stop_requested = 1;
}

int main(int argc, char** argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s HOST PORT SHM_KEY\n", argv[0]);
		return 2;
	}
	/* Signals stay blocked until sigsuspend so a stop request can never
	 * slip in between the flag check and the wait. */
	sigset_t blocked, waiting;
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGTERM);
	sigaddset(&blocked, SIGINT);
	sigprocmask(SIG_BLOCK, &blocked, &waiting);
	sigdelset(&waiting, SIGTERM);
	sigdelset(&waiting, SIGINT);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);

	as_config config;
	as_config_init(&config);
	as_config_add_host(&config, argv[1], (uint16_t)atoi(argv[2]));
	config.use_shm = true;
	config.shm_key = (int)strtoul(argv[3], NULL, 0);
	config.shm_max_nodes = 16;
	config.shm_max_namespaces = 8;
	config.shm_takeover_threshold_sec = 30;

	aerospike as;
	aerospike_init(&as, &config);

	as_error err;
	if (aerospike_connect(&as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "pid %d: connect failed: %d %s\n", (int)getpid(), err.code, err.message);
		aerospike_destroy(&as);
		return 1;
	}

	int n_nodes = 0;
	char* names = NULL;
	as_cluster_get_node_names(as.cluster, &n_nodes, &names);
	printf("  client pid %d connected, sees %d nodes:", (int)getpid(), n_nodes);
	for (int i = 0; i < n_nodes; i++) {
		printf(" %s", names + i * AS_NODE_NAME_SIZE);
	}
	printf("\n");
	fflush(stdout);
	free(names);

	while (!stop_requested) {
		sigsuspend(&waiting);
	}

	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	return 0;
}
