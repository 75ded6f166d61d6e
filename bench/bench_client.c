/*
 * bench_client: one aeroshim application process for bench/run.sh, written
 * against the public 7.4.0 API like a user's program. It times
 * aerospike_connect alone (process start-up and library loading excluded, as
 * stock_client.js excludes Node's), prints "connect_ms X", then either closes
 * at once or stays connected until SIGTERM/SIGINT and closes then, which is
 * what the graceful-handoff row needs from an owner. "idle" loads the library
 * and never connects: the baseline the memory and CPU rows report beside.
 *
 * usage: bench_client noshm|shm|idle HOST PORT SHM_KEY HOLD(0|1)
 */
#include <aerospike/aerospike.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested = 0;

static void on_signal(int signo)
{
	(void)signo;
	stop_requested = 1;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char** argv)
{
	bool idle = argc == 6 && strcmp(argv[1], "idle") == 0;
	if (argc != 6 || (!idle && strcmp(argv[1], "noshm") != 0 && strcmp(argv[1], "shm") != 0)) {
		fprintf(stderr, "usage: %s noshm|shm|idle HOST PORT SHM_KEY HOLD(0|1)\n", argv[0]);
		return 2;
	}
	bool hold = atoi(argv[5]) != 0;
	/* Blocked until sigsuspend so a stop request cannot slip in between the
	 * flag check and the wait. */
	sigset_t blocked, waiting;
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGTERM);
	sigaddset(&blocked, SIGINT);
	sigprocmask(SIG_BLOCK, &blocked, &waiting);
	sigdelset(&waiting, SIGTERM);
	sigdelset(&waiting, SIGINT);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	/* Should run.sh itself be SIGKILLed, its trap cannot stop us: the
	 * parent's death does, as a SIGTERM (close, so the segment goes too). */
	pid_t parent = getppid();
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != parent) {
		return 0;
	}

	/* The same settings stock_client.js gives the stock client. */
	as_config config;
	as_config_init(&config);
	as_config_add_host(&config, argv[2], (uint16_t)atoi(argv[3]));
	config.tender_interval = 1000;
	config.use_shm = strcmp(argv[1], "shm") == 0;
	config.shm_key = (int)strtoul(argv[4], NULL, 0);
	config.shm_max_nodes = 16;
	config.shm_max_namespaces = 8;
	config.shm_takeover_threshold_sec = 30;

	aerospike as;
	aerospike_init(&as, &config);

	if (idle) {
		printf("ready\n");
		fflush(stdout);
		while (!stop_requested) {
			sigsuspend(&waiting);
		}
		aerospike_destroy(&as);
		return 0;
	}

	as_error err;
	double start = now_ms();
	as_status status = aerospike_connect(&as, &err);
	double elapsed = now_ms() - start;
	if (status != AEROSPIKE_OK) {
		fprintf(stderr, "bench_client: connect failed: %d %s\n", err.code, err.message);
		aerospike_destroy(&as);
		return 1;
	}
	printf("connect_ms %.3f\n", elapsed);
	fflush(stdout);

	while (hold && !stop_requested) {
		sigsuspend(&waiting);
	}
	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	return 0;
}
