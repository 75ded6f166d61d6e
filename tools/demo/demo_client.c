/*
 * demo_client: one application process of the `make run` story. It connects
 * with the seed's shared-memory configuration, says what it sees, and stays
 * connected until SIGTERM/SIGINT, then closes (handing ownership over) and
 * exits. Written against the public 7.4.0 API only, like a user's program.
 *
 * With `load` it meanwhile puts and gets records of its own as fast as it
 * can, checking every value it reads, and once a second appends
 * "ops N errors E" (totals so far) to stdout, which the story samples; each
 * failure goes to stderr. Without it, it only holds the segment (the asshm
 * tests use it so).
 *
 * usage: demo_client HOST PORT SHM_KEY [load]
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_record.h>

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested = 0;

static void on_signal(int signo)
{
	(void)signo;
	stop_requested = 1;
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One put of `value` under this process's key number `i`, and a get that
 * must return it. Returns the number of failed commands (0, 1 or 2). */
static int put_and_get(aerospike* as, int i, int64_t value)
{
	char name[64];
	snprintf(name, sizeof(name), "demo-%d-%d", (int)getpid(), i);
	as_key key;
	as_key_init_str(&key, "test", "demo", name);

	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "n", value);
	as_error err;
	int failures = 0;
	if (aerospike_key_put(as, &err, NULL, &key, &rec) != AEROSPIKE_OK) {
		fprintf(stderr, "pid %d: put %s failed: %d %s\n", (int)getpid(), name, err.code, err.message);
		failures++;
	}
	as_record_destroy(&rec);

	as_record* got = NULL;
	if (aerospike_key_get(as, &err, NULL, &key, &got) != AEROSPIKE_OK) {
		fprintf(stderr, "pid %d: get %s failed: %d %s\n", (int)getpid(), name, err.code, err.message);
		failures++;
	}
	else if (failures == 0 && as_record_get_int64(got, "n", -1) != value) {
		fprintf(stderr, "pid %d: get %s read %lld, wrote %lld\n", (int)getpid(), name,
				(long long)as_record_get_int64(got, "n", -1), (long long)value);
		failures++;
	}
	as_record_destroy(got);
	as_key_destroy(&key);
	return failures;
}

int main(int argc, char** argv)
{
	bool load = argc == 5 && strcmp(argv[4], "load") == 0;
	if (argc != 4 && !load) {
		fprintf(stderr, "usage: %s HOST PORT SHM_KEY [load]\n", argv[0]);
		return 2;
	}
	/* Signals stay blocked until sigsuspend (or, under load, are checked
	 * between commands) so a stop request can never slip in between the
	 * flag check and the wait. */
	sigset_t blocked, waiting;
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGTERM);
	sigaddset(&blocked, SIGINT);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	if (!load) {
		sigprocmask(SIG_BLOCK, &blocked, &waiting);
		sigdelset(&waiting, SIGTERM);
		sigdelset(&waiting, SIGINT);
	}

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

	while (!load && !stop_requested) {
		sigsuspend(&waiting);
	}
	unsigned long long ops = 0, errors = 0;
	double next_report = now_s() + 1;
	for (int64_t i = 1; load && !stop_requested; i++) {
		errors += (unsigned long long)put_and_get(&as, (int)(i % 100), i);
		ops += 2;
		if (now_s() >= next_report) {
			printf("ops %llu errors %llu\n", ops, errors);
			fflush(stdout);
			next_report += 1;
		}
	}
	if (load) {
		printf("ops %llu errors %llu\n", ops, errors);
		fflush(stdout);
	}

	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	return 0;
}
