/*
 * takeover_timer: signals the current tend owner of a shared-memory segment
 * and measures how long the fleet takes to name a new owner. Used by the
 * `make run` story and by the handoff benchmarks; it only reads the segment
 * (attached read-only), through the public as_shm_cluster.h layout.
 *
 * usage: takeover_timer SHM_KEY SIGNAL TIMEOUT_MS
 * prints: "<old pid> <new pid> <milliseconds>" and exits 0, or exits 1 on timeout.
 */
#include <aerospike/as_shm_cluster.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char** argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s SHM_KEY SIGNAL TIMEOUT_MS\n", argv[0]);
		return 2;
	}
	key_t key = (key_t)strtoul(argv[1], NULL, 0);
	int signo = atoi(argv[2]);
	double timeout_ms = atof(argv[3]);

	int id = shmget(key, 0, 0);
	if (id < 0) {
		fprintf(stderr, "no segment with key %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	const as_cluster_shm* shm = shmat(id, NULL, SHM_RDONLY);
	if (shm == (void*)-1) {
		fprintf(stderr, "cannot attach segment %s: %s\n", argv[1], strerror(errno));
		return 1;
	}

	uint32_t old_owner = __atomic_load_n(&shm->owner_pid, __ATOMIC_ACQUIRE);
	if (old_owner == 0 || kill((pid_t)old_owner, signo) != 0) {
		fprintf(stderr, "cannot signal owner pid %u: %s\n", old_owner, strerror(errno));
		shmdt(shm);
		return 1;
	}
	double start = now_ms();
	for (;;) {
		uint32_t owner = __atomic_load_n(&shm->owner_pid, __ATOMIC_ACQUIRE);
		uint8_t locked = __atomic_load_n(&shm->lock, __ATOMIC_ACQUIRE);
		if (owner != old_owner && owner != 0 && locked) {
			printf("%u %u %.2f\n", old_owner, owner, now_ms() - start);
			break;
		}
		if (now_ms() - start > timeout_ms) {
			fprintf(stderr, "no new owner within %.0f ms\n", timeout_ms);
			shmdt(shm);
			return 1;
		}
		struct timespec pause = {0, 100000}; /* 0.1 ms resolution is plenty */
		nanosleep(&pause, NULL);
	}
	shmdt(shm);
	return 0;
}
