/*
 * dp_bench: the data-path rows of make bench (bench/datapath.sh). One C
 * program against the public 7.4.0 headers, compiled once and linked twice:
 * against our libaerospike and against the stock C client 7.4.0 inside the
 * npm addon, so both sides run the same loop.
 *
 * usage:
 *   dp_bench lat HOST PORT OP OPS             one thread, OPS commands
 *   dp_bench threads HOST PORT OP N SECONDS   N threads, each on a key of its own
 *   dp_bench proc HOST PORT OP SHM_KEY SECONDS ID
 *                                            one thread with use_shm; prints
 *                                            "ready", waits for SIGUSR1, runs
 *   dp_bench partition                        prints the bench key's partition
 *   dp_bench stats HOST PORT                  asim's counts: "info I data D"
 * OP: get put operate exists remove (each remove after an untimed, uncounted
 * put of the record), or floor (lat only): a get written as bytes on one
 * socket of its own to PORT, no client library in the loop.
 *
 * lat prints "ops_per_s X p50_us X p99_us X p999_us X allocs_per_op X"; threads
 * the same without allocs; proc "ops N seconds S p50_us X p99_us X rss_kib R".
 * Latencies are per command, clock_gettime around each call.
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_record.h>

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>

/* Outside Node the addon's load-time constructor calls this; nobody listens. */
void node_module_register(void* module);
void node_module_register(void* module)
{
	(void)module;
}

/* Heap allocations on a thread that counts: glibc keeps these names for interposers. */
extern void* __libc_malloc(size_t size);
extern void* __libc_calloc(size_t n, size_t size);
extern void* __libc_realloc(void* p, size_t size);
extern void __libc_free(void* p);

static __thread bool t_counting;
static __thread uint64_t t_allocs;

void* malloc(size_t size)
{
	t_allocs += t_counting;
	return __libc_malloc(size);
}

void* calloc(size_t n, size_t size)
{
	t_allocs += t_counting;
	return __libc_calloc(n, size);
}

void* realloc(void* p, size_t size)
{
	t_allocs += t_counting;
	return __libc_realloc(p, size);
}

void free(void* p)
{
	__libc_free(p);
}

static const char* g_set = "bench";

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void die(const char* what)
{
	fprintf(stderr, "dp_bench: %s\n", what);
	exit(1);
}

static void check(as_status status, const as_error* err, const char* what)
{
	if (status != AEROSPIKE_OK) {
		fprintf(stderr, "dp_bench: %s failed: %d %s\n", what, err->code, err->message);
		exit(1);
	}
}

typedef enum { OP_GET, OP_PUT, OP_OPERATE, OP_EXISTS, OP_REMOVE, OP_FLOOR } op_kind;

static op_kind parse_op(const char* name)
{
	static const char* names[] = {"get", "put", "operate", "exists", "remove", "floor"};
	for (int i = 0; i < 6; i++) {
		if (strcmp(name, names[i]) == 0) {
			return (op_kind)i;
		}
	}
	die("OP is one of get put operate exists remove floor");
	return OP_GET;
}

/* What one worker needs: its client, its key, the record a put writes and the
 * operations an operate sends (both built once, outside the timed loop). */
typedef struct {
	aerospike* as;
	as_key key;
	as_record rec;
	as_operations ops;
	int floor_fd;
	uint8_t floor_req[128];
	size_t floor_len;
} worker;

static void worker_init(worker* w, aerospike* as, const char* name)
{
	w->as = as;
	w->floor_fd = -1;
	as_key_init_str(&w->key, "test", g_set, name);
	as_record_init(&w->rec, 2);
	as_record_set_int64(&w->rec, "n", 42);
	as_record_set_str(&w->rec, "s", "a short string value");
	as_operations_init(&w->ops, 2);
	as_operations_add_incr(&w->ops, "n", 1);
	as_operations_add_read(&w->ops, "n");
	if (as) {
		as_error err;
		check(aerospike_key_put(as, &err, NULL, &w->key, &w->rec), &err, "first put");
	}
}

static void put_be(uint8_t* p, uint64_t v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		p[i] = (uint8_t)v;
		v >>= 8;
	}
}

static uint8_t* put_field(uint8_t* p, uint8_t type, const void* data, uint32_t len)
{
	put_be(p, len + 1, 4);
	p[4] = type;
	memcpy(p + 5, data, len);
	return p + 5 + len;
}

/* The get a client sends for this key with default policies: proto header
 * (version 2, type 3 message), the 22-byte message header (info1 READ |
 * GET_ALL, total timeout 1000 ms), fields namespace, set and digest. */
static void floor_open(worker* w, const char* host, int port)
{
	uint8_t* p = w->floor_req + 8;
	memset(w->floor_req, 0, sizeof w->floor_req);
	p[0] = 22;
	p[1] = 1 | 2;
	put_be(p + 14, 1000, 4);
	put_be(p + 18, 3, 2);
	p += 22;
	p = put_field(p, 0, "test", 4);
	p = put_field(p, 1, g_set, (uint32_t)strlen(g_set));
	as_digest* digest = as_key_digest(&w->key);
	p = put_field(p, 4, digest->value, AS_DIGEST_VALUE_SIZE);
	w->floor_len = (size_t)(p - w->floor_req);
	put_be(w->floor_req, (2ull << 56) | (3ull << 48) | (w->floor_len - 8), 8);

	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	inet_pton(AF_INET, host, &addr.sin_addr);
	w->floor_fd = socket(AF_INET, SOCK_STREAM, 0);
	int one = 1;
	setsockopt(w->floor_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	if (connect(w->floor_fd, (struct sockaddr*)&addr, sizeof addr) != 0) {
		die("floor: connect failed");
	}
}

/* One write, then reads until the whole answer is in (one read in practice);
 * the answer must be a found record (result code 0) with its two bins. */
static void floor_get(worker* w)
{
	static __thread uint8_t reply[65536];
	if (write(w->floor_fd, w->floor_req, w->floor_len) != (ssize_t)w->floor_len) {
		die("floor: short write");
	}
	size_t got = 0;
	size_t want = 8;
	while (got < want) {
		ssize_t n = read(w->floor_fd, reply + got, sizeof reply - got);
		if (n <= 0) {
			die(n == 0 ? "floor: connection closed" : strerror(errno));
		}
		got += (size_t)n;
		if (got >= 8) {
			uint64_t size = 0;
			for (int i = 2; i < 8; i++) {
				size = size << 8 | reply[i];
			}
			want = 8 + size;
			if (want > sizeof reply) {
				die("floor: answer too large");
			}
		}
	}
	if (want < 30 || reply[13] != 0 || reply[29] != 2) {
		die("floor: the answer is not the record (result code or bin count)");
	}
}

static void one_command(worker* w, op_kind op)
{
	as_error err;
	as_record* got = NULL;
	switch (op) {
	case OP_GET:
		check(aerospike_key_get(w->as, &err, NULL, &w->key, &got), &err, "get");
		as_record_destroy(got);
		break;
	case OP_PUT:
		check(aerospike_key_put(w->as, &err, NULL, &w->key, &w->rec), &err, "put");
		break;
	case OP_OPERATE:
		check(aerospike_key_operate(w->as, &err, NULL, &w->key, &w->ops, &got), &err, "operate");
		as_record_destroy(got);
		break;
	case OP_EXISTS:
		check(aerospike_key_exists(w->as, &err, NULL, &w->key, NULL), &err, "exists");
		break;
	case OP_REMOVE:
		check(aerospike_key_remove(w->as, &err, NULL, &w->key), &err, "remove");
		break;
	case OP_FLOOR:
		floor_get(w);
		break;
	}
}

/* A remove needs a record to remove: it is written first, neither timed nor
 * counted (datapath.sh takes a run of as many puts off the system calls). */
static void before_command(worker* w, op_kind op)
{
	if (op == OP_REMOVE) {
		bool counting = t_counting;
		t_counting = false;
		one_command(w, OP_PUT);
		t_counting = counting;
	}
}

static int by_value(const void* a, const void* b)
{
	uint64_t x = *(const uint64_t*)a;
	uint64_t y = *(const uint64_t*)b;
	return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of sorted samples, in microseconds. */
static double pct_us(const uint64_t* v, size_t n, double q)
{
	if (n == 0) {
		return 0;
	}
	size_t rank = (size_t)(q * (double)n);
	if ((double)rank < q * (double)n) {
		rank++;
	}
	return (double)v[rank ? rank - 1 : 0] / 1e3;
}

static void connect_client(aerospike* as, const char* host, int port, bool shm, int shm_key)
{
	as_config config;
	as_config_init(&config);
	as_config_add_host(&config, host, (uint16_t)port);
	config.use_shm = shm;
	config.shm_key = shm_key;
	config.shm_max_nodes = 16;
	config.shm_max_namespaces = 8;
	aerospike_init(as, &config);
	as_error err;
	check(aerospike_connect(as, &err), &err, "connect");
}

static int run_lat(const char* host, int port, op_kind op, long ops)
{
	aerospike as;
	worker w;
	if (op == OP_FLOOR) {
		/* The record is written by the script's earlier rows; only the digest is computed here. */
		worker_init(&w, NULL, "hot");
		floor_open(&w, host, port);
	}
	else {
		connect_client(&as, host, port, false, 0);
		worker_init(&w, &as, "hot");
	}
	uint64_t* lat = __libc_malloc(sizeof(uint64_t) * (size_t)(ops ? ops : 1));
	t_allocs = 0;
	t_counting = true;
	uint64_t start = now_ns();
	for (long i = 0; i < ops; i++) {
		before_command(&w, op);
		uint64_t t0 = now_ns();
		one_command(&w, op);
		lat[i] = now_ns() - t0;
	}
	uint64_t elapsed = now_ns() - start;
	t_counting = false;
	qsort(lat, (size_t)ops, sizeof lat[0], by_value);
	printf("ops_per_s %.0f p50_us %.2f p99_us %.2f p999_us %.2f allocs_per_op %.2f\n",
		elapsed ? (double)ops * 1e9 / (double)elapsed : 0, pct_us(lat, (size_t)ops, 0.50),
		pct_us(lat, (size_t)ops, 0.99), pct_us(lat, (size_t)ops, 0.999),
		ops ? (double)t_allocs / (double)ops : 0);
	fflush(stdout);
	_exit(0);
}

typedef struct {
	worker w;
	op_kind op;
	uint64_t deadline;
	uint64_t* lat;
	size_t cap;
	size_t n;
} timed_run;

/* Commands until the deadline, each one's latency kept while there is room. */
static void* timed_loop(void* arg)
{
	timed_run* r = arg;
	for (;;) {
		before_command(&r->w, r->op);
		uint64_t t0 = now_ns();
		if (t0 >= r->deadline) {
			break;
		}
		one_command(&r->w, r->op);
		if (r->n < r->cap) {
			r->lat[r->n] = now_ns() - t0;
		}
		r->n++;
	}
	return NULL;
}

static void timed_init(timed_run* r, aerospike* as, op_kind op, double seconds, int id)
{
	char name[32];
	snprintf(name, sizeof name, "k%d", id);
	worker_init(&r->w, as, name);
	r->op = op;
	r->cap = (size_t)(seconds * 150000);
	r->lat = __libc_malloc(sizeof(uint64_t) * r->cap);
	r->n = 0;
}

static int run_threads(const char* host, int port, op_kind op, int n, double seconds)
{
	aerospike as;
	connect_client(&as, host, port, false, 0);
	timed_run* runs = __libc_calloc((size_t)n, sizeof *runs);
	for (int i = 0; i < n; i++) {
		timed_init(&runs[i], &as, op, seconds, 1000 + i);
	}
	pthread_t* tids = __libc_calloc((size_t)n, sizeof *tids);
	uint64_t start = now_ns();
	uint64_t deadline = start + (uint64_t)(seconds * 1e9);
	for (int i = 0; i < n; i++) {
		runs[i].deadline = deadline;
		pthread_create(&tids[i], NULL, timed_loop, &runs[i]);
	}
	size_t total = 0;
	size_t kept = 0;
	for (int i = 0; i < n; i++) {
		pthread_join(tids[i], NULL);
		total += runs[i].n;
		kept += runs[i].n < runs[i].cap ? runs[i].n : runs[i].cap;
	}
	uint64_t elapsed = now_ns() - start;
	uint64_t* all = __libc_malloc(sizeof(uint64_t) * (kept ? kept : 1));
	size_t at = 0;
	for (int i = 0; i < n; i++) {
		size_t k = runs[i].n < runs[i].cap ? runs[i].n : runs[i].cap;
		memcpy(all + at, runs[i].lat, k * sizeof(uint64_t));
		at += k;
	}
	qsort(all, kept, sizeof all[0], by_value);
	printf("ops_per_s %.0f p50_us %.2f p99_us %.2f p999_us %.2f\n",
		(double)total * 1e9 / (double)elapsed, pct_us(all, kept, 0.50), pct_us(all, kept, 0.99),
		pct_us(all, kept, 0.999));
	fflush(stdout);
	_exit(0);
}

static long rss_kib(void)
{
	FILE* f = fopen("/proc/self/status", "r");
	char line[256];
	long kib = -1;
	while (f && fgets(line, sizeof line, f)) {
		if (strncmp(line, "VmRSS:", 6) == 0) {
			kib = atol(line + 6);
		}
	}
	if (f) {
		fclose(f);
	}
	return kib;
}

/* One of many processes on one shared-memory key: connect, say so, wait for
 * the script's SIGUSR1 so all of them start together, then run. It leaves
 * with _exit: the script removes the segment, and the stock addon's teardown
 * expects Node around it. */
static int run_proc(const char* host, int port, op_kind op, int shm_key, double seconds, int id)
{
	/* Never outlive the script that waits for this process. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &usr1, NULL);
	aerospike as;
	connect_client(&as, host, port, true, shm_key);
	timed_run r;
	timed_init(&r, &as, op, seconds, id);
	printf("ready\n");
	fflush(stdout);
	int signo;
	sigwait(&usr1, &signo);
	uint64_t start = now_ns();
	r.deadline = start + (uint64_t)(seconds * 1e9);
	timed_loop(&r);
	double elapsed = (double)(now_ns() - start) / 1e9;
	size_t kept = r.n < r.cap ? r.n : r.cap;
	qsort(r.lat, kept, sizeof r.lat[0], by_value);
	printf("ops %zu seconds %.3f p50_us %.2f p99_us %.2f rss_kib %ld\n", r.n, elapsed,
		pct_us(r.lat, kept, 0.50), pct_us(r.lat, kept, 0.99), rss_kib());
	fflush(stdout);
	_exit(0);
}

/* Sums "key=N" over every node entry of an asim-stats answer. */
static unsigned long long stats_sum(const char* text, const char* key)
{
	unsigned long long total = 0;
	size_t len = strlen(key);
	for (const char* at = strstr(text, key); at; at = strstr(at + len, key)) {
		total += strtoull(at + len, NULL, 10);
	}
	return total;
}

/* asim's counts for the script, from one info request on a socket of its
 * own (a control request: asim does not count it): info frames, and data
 * commands (reads plus writes), summed over the nodes. */
static int run_stats(const char* host, int port)
{
	static char answer[1 << 20];
	const char body[] = "asim-stats\n";
	uint8_t frame[8 + sizeof body];
	put_be(frame, (2ull << 56) | (1ull << 48) | (sizeof body - 1), 8);
	memcpy(frame + 8, body, sizeof body - 1);
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	inet_pton(AF_INET, host, &addr.sin_addr);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(fd, (struct sockaddr*)&addr, sizeof addr) != 0 ||
		write(fd, frame, 8 + sizeof body - 1) != (ssize_t)(8 + sizeof body - 1)) {
		die("stats: cannot ask asim");
	}
	size_t got = 0;
	size_t want = 8;
	while (got < want) {
		ssize_t n = read(fd, answer + got, sizeof answer - 1 - got);
		if (n <= 0) {
			die("stats: no answer");
		}
		got += (size_t)n;
		if (got >= 8) {
			want = 8;
			for (int i = 2; i < 8; i++) {
				want += (size_t)(uint8_t)answer[i] << (8 * (7 - i));
			}
			if (want > sizeof answer - 1) {
				die("stats: answer too large");
			}
		}
	}
	answer[got] = 0;
	close(fd);
	printf("info %llu data %llu\n", stats_sum(answer + 8, ",info="),
		stats_sum(answer + 8, ",reads=") + stats_sum(answer + 8, ",writes="));
	return 0;
}

int main(int argc, char** argv)
{
	const char* mode = argc > 1 ? argv[1] : "";
	if (strcmp(mode, "partition") == 0) {
		worker w;
		worker_init(&w, NULL, "hot");
		const uint8_t* d = as_key_digest(&w.key)->value;
		printf("%u\n", (unsigned)((d[0] | d[1] << 8) & 4095));
		return 0;
	}
	if (strcmp(mode, "stats") == 0 && argc == 4) {
		return run_stats(argv[2], atoi(argv[3]));
	}
	if (strcmp(mode, "lat") == 0 && argc == 6) {
		return run_lat(argv[2], atoi(argv[3]), parse_op(argv[4]), atol(argv[5]));
	}
	if (strcmp(mode, "threads") == 0 && argc == 7) {
		return run_threads(argv[2], atoi(argv[3]), parse_op(argv[4]), atoi(argv[5]), atof(argv[6]));
	}
	if (strcmp(mode, "proc") == 0 && argc == 8) {
		return run_proc(argv[2], atoi(argv[3]), parse_op(argv[4]), (int)strtoul(argv[5], NULL, 0),
			atof(argv[6]), atoi(argv[7]));
	}
	fprintf(stderr,
		"usage: dp_bench lat HOST PORT OP OPS | threads HOST PORT OP N SECONDS |\n"
		"       proc HOST PORT OP SHM_KEY SECONDS ID | partition | stats HOST PORT\n");
	return 2;
}
