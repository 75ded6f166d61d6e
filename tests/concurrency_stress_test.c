/*
 * Sixteen threads run commands on keys of their own (put, get, operate,
 * remove and a batch read, in a loop) while the cluster changes under them:
 * the tender adds, stops and starts nodes and asim rebalances, and the
 * shared map changes owner. Helper processes (this program run with
 * --owner) attach to the segment first, the first owning and tending it;
 * between cluster changes the owning helper goes, by close and by kill -9
 * in turn, and another helper or this process takes the map over, until
 * this process tends it alone through the last changes.
 *
 * Every answer is checked against what the thread wrote: a value read is
 * the last one the thread knows applied, or one of its writes still in
 * doubt (a write that timed out may land at any later time), and always
 * carries the key's own name; an operate reads back what it wrote. Errors
 * must be of the kinds a cluster change explains (timeouts, connection
 * errors, no node for the partition, ...), never wrong data. Written for
 * ThreadSanitizer (make test SANITIZE=thread), meaningful in every build.
 */
#define _GNU_SOURCE
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_batch.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_record.h>
#include <aerospike/as_shm_cluster.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "asim_process.h"
#include "client_probe.h"

#define N_WORKERS 16
#define KEYS_PER_WORKER 4
/* Writes in doubt remembered per key; past that only identity is checked. */
#define MAX_PENDING 256
#define ABSENT INT64_C(-1)
#define TEND_MS 250
/* Commands every worker must have answered between two cluster changes. */
#define STEP_ANSWERS 10
#define STEP_TIMEOUT_MS 30000
#define NODES_TIMEOUT_MS 20000
/* Processes that own the segment before this one; the run's length. */
#define N_HELPERS 3
#define MIN_RUN_MS 10000
#define MAX_CHANGES 64

typedef struct {
	char name[24];
	/* The value last known applied (ABSENT after a remove). */
	int64_t definite;
	/* Values (ABSENT for a remove) of writes in doubt: any may still land. */
	int64_t pending[MAX_PENDING];
	int n_pending;
	bool overflow;
} key_state;

typedef struct {
	int id;
	pthread_t thread;
	uint32_t seq;
	key_state keys[KEYS_PER_WORKER];
	/* Commands answered with data (OK or NOT_FOUND), each answer checked;
	 * read by the main thread while the worker runs. */
	atomic_long answered;
	long errors;
	long in_doubt;
	long exact_checks;
	char problem[512];
} worker;

static asim_process g_asim;
static aerospike g_as;
static char g_set[32];
static int g_key;
static atomic_bool g_stop;
/* Set with a worker's first problem, so the main thread stops waiting. */
static atomic_bool g_any_problem;
static worker g_workers[N_WORKERS];
static as_policy_read g_read;
static as_policy_write g_write;
static as_policy_operate g_operate;
static as_policy_remove g_remove;
static as_policy_batch g_batch;

typedef struct {
	pid_t pid;
	int stdin_fd; /* closing it asks the helper to close its client and exit */
} helper;

static helper g_helpers[N_HELPERS];
static int g_owner_changes;
static int g_cluster_changes;

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static void shared_config(as_config* c, uint16_t port, int key)
{
	as_config_init(c);
	as_config_add_host(c, "127.0.0.1", port);
	c->use_shm = true;
	c->shm_key = key;
	c->tender_interval = TEND_MS;
}

/* --owner PORT KEY: attach to the segment (owning it when first), say
 * "ready", keep the client until stdin closes, then close it. */
static int owner_main(const char* port, const char* key)
{
	as_config config;
	shared_config(&config, (uint16_t)atoi(port), (int)strtol(key, NULL, 0));
	aerospike as;
	aerospike_init(&as, &config);
	as_error err;
	if (aerospike_connect(&as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "helper %d: connect: %d %s\n", (int)getpid(), err.code, err.message);
		aerospike_destroy(&as);
		return 1;
	}
	if (write(STDOUT_FILENO, "ready\n", 6) != 6) {
		return 1;
	}
	char c;
	while (read(STDIN_FILENO, &c, 1) > 0) {
	}
	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	return 0;
}

/* Starts this program with --owner and waits for its "ready" line. */
static bool spawn_helper(helper* h)
{
	char port[16], key[16];
	snprintf(port, sizeof port, "%u", (unsigned)g_asim.ports[0]);
	snprintf(key, sizeof key, "0x%08X", (unsigned)g_key);
	char* argv[] = {"concurrency_stress_test", "--owner", port, key, NULL};
	int in[2], out[2];
	if (pipe2(in, O_CLOEXEC) != 0) {
		return false;
	}
	if (pipe2(out, O_CLOEXEC) != 0) {
		close(in[0]);
		close(in[1]);
		return false;
	}
	/* Only async-signal-safe calls in the child: the workers are running. */
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent) {
			_exit(127);
		}
		dup2(in[0], STDIN_FILENO);
		dup2(out[1], STDOUT_FILENO);
		execv("/proc/self/exe", argv);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	if (pid < 0) {
		close(in[1]);
		close(out[0]);
		return false;
	}
	h->pid = pid;
	h->stdin_fd = in[1];
	char line[16] = {0};
	size_t used = 0;
	long deadline = now_ms() + 20000;
	while (used < 6) {
		struct pollfd p = {out[0], POLLIN, 0};
		long left = deadline - now_ms();
		if (left <= 0 || poll(&p, 1, (int)left) <= 0) {
			break;
		}
		ssize_t n = read(out[0], line + used, sizeof line - 1 - used);
		if (n <= 0) {
			break;
		}
		used += (size_t)n;
	}
	close(out[0]);
	return strcmp(line, "ready\n") == 0;
}

/* Reaps the helper (killed or asked to close), 10 s at most; its exit status. */
static int reap_helper(helper* h)
{
	int status = -1;
	long deadline = now_ms() + 10000;
	while (h->pid > 0) {
		pid_t done = waitpid(h->pid, &status, WNOHANG);
		if (done == h->pid || (done < 0 && errno != EINTR)) {
			break;
		}
		if (now_ms() > deadline) {
			kill(h->pid, SIGKILL);
			waitpid(h->pid, &status, 0);
			break;
		}
		struct timespec pause = {0, 2000000};
		nanosleep(&pause, NULL);
	}
	h->pid = 0;
	if (h->stdin_fd > 0) {
		close(h->stdin_fd);
		h->stdin_fd = 0;
	}
	return status;
}

/* --- the segment's header, read-only, to see who owns the map ---------- */

static as_cluster_shm* g_header;

static uint32_t owner_pid(void)
{
	return __atomic_load_n(&g_header->owner_pid, __ATOMIC_ACQUIRE);
}

typedef struct {
	pid_t candidates[N_HELPERS + 1];
	int n;
} owner_set;

static bool owner_is_one_of(void* arg)
{
	const owner_set* set = arg;
	uint32_t owner = owner_pid();
	for (int i = 0; i < set->n; i++) {
		if (owner == (uint32_t)set->candidates[i]) {
			return true;
		}
	}
	return false;
}

/* --- what the workers check ------------------------------------------- */

static bool cluster_change_error(as_status status)
{
	switch (status) {
		case AEROSPIKE_ERR_TIMEOUT:
		case AEROSPIKE_ERR_CONNECTION:
		case AEROSPIKE_ERR_INVALID_NODE:
		case AEROSPIKE_ERR_CLUSTER:
		case AEROSPIKE_ERR_CLUSTER_CHANGE:
		case AEROSPIKE_ERR_NO_MORE_CONNECTIONS:
		case AEROSPIKE_MAX_ERROR_RATE:
			return true;
		default:
			return false;
	}
}

static void problem(worker* w, const char* format, ...)
{
	if (w->problem[0]) {
		return;
	}
	int used = snprintf(w->problem, sizeof w->problem, "worker %d: ", w->id);
	va_list args;
	va_start(args, format);
	vsnprintf(w->problem + used, sizeof w->problem - (size_t)used, format, args);
	va_end(args);
	atomic_store(&g_any_problem, true);
}

/* Every value a worker writes is unique and names its key: worker, key
 * index and a sequence number. */
static int64_t next_value(worker* w, int k)
{
	return ((int64_t)(w->id * KEYS_PER_WORKER + k) << 32) | ++w->seq;
}

static void remember_in_doubt(key_state* ks, int64_t value)
{
	if (ks->n_pending < MAX_PENDING) {
		ks->pending[ks->n_pending++] = value;
	}
	else {
		ks->overflow = true;
	}
}

/* A value (or ABSENT) the store answered for key k. */
static void check_value(worker* w, int k, int64_t got, const char* what)
{
	key_state* ks = &w->keys[k];
	if (got != ABSENT && ((got >> 32) != w->id * KEYS_PER_WORKER + k || (uint32_t)got > w->seq)) {
		problem(w, "%s %s: value 0x%llx was never written to this key", what, ks->name,
			(unsigned long long)got);
		return;
	}
	if (!ks->overflow) {
		bool possible = got == ks->definite;
		for (int i = 0; i < ks->n_pending && !possible; i++) {
			possible = got == ks->pending[i];
		}
		if (!possible) {
			problem(w, "%s %s: read 0x%llx, but the last write applied was 0x%llx (%d in doubt)",
				what, ks->name, (unsigned long long)got, (unsigned long long)ks->definite,
				ks->n_pending);
			return;
		}
		w->exact_checks++;
	}
	ks->definite = got;
}

static void check_record(worker* w, int k, const as_record* rec, const char* what)
{
	const char* name = as_record_get_str(rec, "k");
	if (!name || strcmp(name, w->keys[k].name) != 0) {
		problem(w, "%s %s: the record's key bin is '%s'", what, w->keys[k].name,
			name ? name : "(none)");
		return;
	}
	as_integer* v = as_record_get_integer(rec, "v");
	if (!v) {
		problem(w, "%s %s: no integer bin v", what, w->keys[k].name);
		return;
	}
	check_value(w, k, as_integer_get(v), what);
}

/* An error a command answered: of a kind a cluster change explains, or a problem. */
static void settle_error(worker* w, as_status status, const as_error* err, const char* what,
	int k)
{
	if (!cluster_change_error(status)) {
		problem(w, "%s %s: %d %s", what, w->keys[k].name, status, err->message);
		return;
	}
	w->errors++;
}

static void settle_write(worker* w, int k, int64_t value, as_status status, const as_error* err,
	const char* what)
{
	key_state* ks = &w->keys[k];
	if (status == AEROSPIKE_OK) {
		ks->definite = value;
		atomic_fetch_add(&w->answered, 1);
		return;
	}
	settle_error(w, status, err, what, k);
	if (err->in_doubt) {
		remember_in_doubt(ks, value);
		w->in_doubt++;
	}
}

static void do_put(worker* w, int k)
{
	as_key key;
	as_key_init_str(&key, "test", g_set, w->keys[k].name);
	int64_t value = next_value(w, k);
	as_record rec;
	as_record_inita(&rec, 2);
	as_record_set_int64(&rec, "v", value);
	as_record_set_str(&rec, "k", w->keys[k].name);
	as_error err;
	as_status status = aerospike_key_put(&g_as, &err, &g_write, &key, &rec);
	settle_write(w, k, value, status, &err, "put");
	as_record_destroy(&rec);
	as_key_destroy(&key);
}

static void do_get(worker* w, int k)
{
	as_key key;
	as_key_init_str(&key, "test", g_set, w->keys[k].name);
	as_record* rec = NULL;
	as_error err;
	as_status status = aerospike_key_get(&g_as, &err, &g_read, &key, &rec);
	if (status == AEROSPIKE_OK) {
		check_record(w, k, rec, "get");
		atomic_fetch_add(&w->answered, 1);
	}
	else if (status == AEROSPIKE_ERR_RECORD_NOT_FOUND) {
		check_value(w, k, ABSENT, "get");
		atomic_fetch_add(&w->answered, 1);
	}
	else {
		settle_error(w, status, &err, "get", k);
	}
	as_record_destroy(rec);
	as_key_destroy(&key);
}

/* Writes both bins and reads v back in one command: it must be the value written. */
static void do_operate(worker* w, int k)
{
	as_key key;
	as_key_init_str(&key, "test", g_set, w->keys[k].name);
	int64_t value = next_value(w, k);
	as_operations ops;
	as_operations_inita(&ops, 3);
	as_operations_add_write_int64(&ops, "v", value);
	as_operations_add_write_str(&ops, "k", w->keys[k].name);
	as_operations_add_read(&ops, "v");
	as_record* rec = NULL;
	as_error err;
	as_status status = aerospike_key_operate(&g_as, &err, &g_operate, &key, &ops, &rec);
	if (status == AEROSPIKE_OK) {
		int64_t back = rec ? as_record_get_int64(rec, "v", ABSENT) : ABSENT;
		if (back != value) {
			problem(w, "operate %s: read back 0x%llx after writing 0x%llx", w->keys[k].name,
				(unsigned long long)back, (unsigned long long)value);
		}
	}
	settle_write(w, k, value, status, &err, "operate");
	as_record_destroy(rec);
	as_operations_destroy(&ops);
	as_key_destroy(&key);
}

static void do_remove(worker* w, int k)
{
	as_key key;
	as_key_init_str(&key, "test", g_set, w->keys[k].name);
	as_error err;
	as_status status = aerospike_key_remove(&g_as, &err, &g_remove, &key);
	if (status == AEROSPIKE_ERR_RECORD_NOT_FOUND) {
		check_value(w, k, ABSENT, "remove");
		atomic_fetch_add(&w->answered, 1);
	}
	else {
		settle_write(w, k, ABSENT, status, &err, "remove");
	}
	as_key_destroy(&key);
}

/* All of the worker's keys in one batch; rows a failed node leaves
 * unanswered keep NO_RESPONSE. */
static void do_batch(worker* w)
{
	as_batch_records records;
	as_batch_records_inita(&records, KEYS_PER_WORKER);
	for (int k = 0; k < KEYS_PER_WORKER; k++) {
		as_batch_read_record* r = as_batch_read_reserve(&records);
		as_key_init_str(&r->key, "test", g_set, w->keys[k].name);
		r->read_all_bins = true;
	}
	as_error err;
	as_status status = aerospike_batch_read(&g_as, &err, &g_batch, &records);
	if (status == AEROSPIKE_BATCH_FAILED) {
		/* Rows no node could take (their partition has none just now) carry
		 * their own status, checked below. */
		w->errors++;
	}
	else if (status != AEROSPIKE_OK) {
		settle_error(w, status, &err, "batch read", 0);
	}
	for (int k = 0; k < KEYS_PER_WORKER; k++) {
		as_batch_read_record* r = as_vector_get(&records.list, (uint32_t)k);
		if (r->result == AEROSPIKE_OK) {
			check_record(w, k, &r->record, "batch read");
			atomic_fetch_add(&w->answered, 1);
		}
		else if (r->result == AEROSPIKE_ERR_RECORD_NOT_FOUND) {
			check_value(w, k, ABSENT, "batch read");
			atomic_fetch_add(&w->answered, 1);
		}
		else if (r->result != AEROSPIKE_NO_RESPONSE && !cluster_change_error(r->result)) {
			problem(w, "batch read %s: row answered %d", w->keys[k].name, r->result);
		}
	}
	as_batch_records_destroy(&records);
}

static void* work(void* arg)
{
	worker* w = arg;
	for (uint32_t round = 0; !atomic_load(&g_stop) && !w->problem[0]; round++) {
		int k = (int)(round % KEYS_PER_WORKER);
		do_put(w, k);
		do_get(w, k);
		do_operate(w, k);
		do_batch(w);
		if (round % 3 == 2) {
			do_remove(w, k);
			do_get(w, k);
		}
	}
	return NULL;
}

/* --- conditions the main thread awaits -------------------------------- */

static long g_marks[N_WORKERS];

static void mark_progress(void)
{
	for (int i = 0; i < N_WORKERS; i++) {
		g_marks[i] = atomic_load(&g_workers[i].answered);
	}
}

static bool every_worker_answered(void* arg)
{
	(void)arg;
	if (atomic_load(&g_any_problem)) {
		return true;
	}
	for (int i = 0; i < N_WORKERS; i++) {
		if (atomic_load(&g_workers[i].answered) < g_marks[i] + STEP_ANSWERS) {
			return false;
		}
	}
	return true;
}

static bool node_count_is(void* arg)
{
	return client_node_count(&g_as) == *(int*)arg;
}

/* --- the run ---------------------------------------------------------- */

static char g_failure[512];

static bool step_failed(const char* format, ...)
{
	va_list args;
	va_start(args, format);
	vsnprintf(g_failure, sizeof g_failure, format, args);
	va_end(args);
	return false;
}

/* The workers each answer STEP_ANSWERS more commands in the cluster as it is now. */
static bool run_a_while(const char* state)
{
	mark_progress();
	if (!await_condition(every_worker_answered, NULL, STEP_TIMEOUT_MS)) {
		return step_failed("the workers stalled %s", state);
	}
	if (atomic_load(&g_any_problem)) {
		return step_failed("a worker found a problem %s", state);
	}
	return true;
}

static bool control(const char* request, char* answer, size_t size)
{
	char* value = asim_info(g_asim.ports[0], request);
	if (!value || strncmp(value, "ERROR", 5) == 0) {
		step_failed("%s answered %s", request, value ? value : "nothing");
		free(value);
		return false;
	}
	if (answer) {
		snprintf(answer, size, "%s", value);
	}
	free(value);
	return true;
}

static bool await_nodes(int n, const char* after)
{
	if (!await_condition(node_count_is, &n, NODES_TIMEOUT_MS)) {
		return step_failed("%s: the client sees %d nodes, not %d", after, client_node_count(&g_as),
			n);
	}
	return true;
}

static bool await_owner(owner_set set, const char* after)
{
	if (!await_condition(owner_is_one_of, &set, 10000)) {
		return step_failed("%s: the map's owner is pid %u", after, owner_pid());
	}
	return true;
}

static bool set_node(const char* verb, uint16_t port)
{
	char request[64];
	snprintf(request, sizeof request, "asim-%s-node:port=%u", verb, (unsigned)port);
	return control(request, NULL, 0);
}

/* Cluster change number n, one of a cycle of four that leaves the node
 * count where it was: a node joins, the second seed node stops, starts
 * again, then asim rebalances and the node that joined stops. */
static int g_nodes = 3;
static uint16_t g_joined;

static bool change_cluster(int n)
{
	char answer[32];
	g_cluster_changes++;
	switch (n % 4) {
		case 0:
			if (!control("asim-add-node", answer, sizeof answer)) {
				return false;
			}
			g_joined = (uint16_t)atoi(answer);
			return await_nodes(++g_nodes, "asim-add-node");
		case 1:
			return set_node("stop", g_asim.ports[1]) && await_nodes(--g_nodes, "asim-stop-node");
		case 2:
			return set_node("start", g_asim.ports[1]) && await_nodes(++g_nodes, "asim-start-node");
		default:
			return control("asim-rebalance", NULL, 0) && run_a_while("after a rebalance") &&
				set_node("stop", g_joined) && await_nodes(--g_nodes, "asim-stop-node (joined)");
	}
}

/* The helper that owns the map, or -1. */
static int owning_helper(void)
{
	for (int i = 0; i < N_HELPERS; i++) {
		if (g_helpers[i].pid > 0 && owner_pid() == (uint32_t)g_helpers[i].pid) {
			return i;
		}
	}
	return -1;
}

static int live_helper(void)
{
	for (int i = 0; i < N_HELPERS; i++) {
		if (g_helpers[i].pid > 0) {
			return i;
		}
	}
	return -1;
}

/* Helper i goes: asked to close (its client hands the map on) or killed. */
static bool end_helper(int i, bool gracefully)
{
	if (!gracefully) {
		kill(g_helpers[i].pid, SIGKILL);
		reap_helper(&g_helpers[i]);
		return true;
	}
	close(g_helpers[i].stdin_fd);
	g_helpers[i].stdin_fd = 0;
	int status = reap_helper(&g_helpers[i]);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		return step_failed("helper %d's close ended with status 0x%x", i, status);
	}
	return true;
}

static owner_set live_owners(void)
{
	owner_set set = {{getpid()}, 1};
	for (int i = 0; i < N_HELPERS; i++) {
		if (g_helpers[i].pid > 0) {
			set.candidates[set.n++] = g_helpers[i].pid;
		}
	}
	return set;
}

/* While helpers are left, a cluster change (tended by the owning helper),
 * then an owner change: the owning helper closes or, every other time, is
 * killed with -9 (when this process owns already, a follower goes). Then
 * this process tends alone through more changes, at least MIN_RUN_MS in
 * all. Each change is followed by a stretch of work. */
static bool change_cluster_and_owner(long started)
{
	int n = 0;
	for (int i; (i = live_helper()) >= 0; n++) {
		if (!change_cluster(n) || !run_a_while("after a cluster change")) {
			return false;
		}
		int owner = owning_helper();
		bool gracefully = n % 2 == 0;
		uint32_t before = owner_pid();
		if (!end_helper(owner >= 0 ? owner : i, gracefully) ||
			!await_owner(live_owners(), gracefully ? "a helper's close" : "a helper's kill -9")) {
			return false;
		}
		if (owner_pid() != before) {
			g_owner_changes++;
			printf("owner change %d: pid %u to pid %u (%s)\n", g_owner_changes, before, owner_pid(),
				gracefully ? "close" : "kill -9");
		}
		if (!run_a_while("after an owner change")) {
			return false;
		}
	}
	if (owner_pid() != (uint32_t)getpid()) {
		return step_failed("the helpers are gone but the owner is pid %u", owner_pid());
	}
	for (; n < MAX_CHANGES && (n % 4 != 0 || now_ms() - started < MIN_RUN_MS); n++) {
		if (!change_cluster(n) || !run_a_while("after a cluster change")) {
			return false;
		}
	}
	return true;
}

static void init_policies(void)
{
	/* Short bounds so that a stopped node costs a thread little time. */
	as_policy_read_init(&g_read);
	g_read.base.socket_timeout = 500;
	g_read.base.total_timeout = 2000;
	as_policy_write_init(&g_write);
	g_write.base.socket_timeout = 500;
	g_write.base.total_timeout = 2000;
	as_policy_operate_init(&g_operate);
	g_operate.base.socket_timeout = 500;
	g_operate.base.total_timeout = 2000;
	as_policy_remove_init(&g_remove);
	g_remove.base.socket_timeout = 500;
	g_remove.base.total_timeout = 2000;
	as_policy_batch_init(&g_batch);
	g_batch.base.socket_timeout = 500;
	g_batch.base.total_timeout = 2000;
}

static void lock_file_path(char* path, size_t size)
{
	snprintf(path, size, "/dev/shm/aeroshim-%08X.owner", (unsigned)g_key);
}

static void test_commands_while_cluster_and_owner_change(void** state)
{
	(void)state;
	init_policies();
	for (int i = 0; i < N_HELPERS; i++) {
		assert_true(spawn_helper(&g_helpers[i]));
		if (i == 0) {
			int id = shmget(g_key, 0, 0);
			assert_true(id >= 0);
			g_header = shmat(id, NULL, SHM_RDONLY);
			assert_true(g_header != (void*)-1);
		}
		/* The first helper created the segment and owns it. */
		assert_int_equal(owner_pid(), (uint32_t)g_helpers[0].pid);
	}

	as_config config;
	shared_config(&config, g_asim.ports[0], g_key);
	aerospike_init(&g_as, &config);
	as_error err;
	if (aerospike_connect(&g_as, &err) != AEROSPIKE_OK) {
		fail_msg("connect: %d %s", err.code, err.message);
	}
	assert_int_equal(owner_pid(), (uint32_t)g_helpers[0].pid);
	int three = 3;
	assert_true(await_condition(node_count_is, &three, NODES_TIMEOUT_MS));

	long started = now_ms();
	atomic_store(&g_stop, false);
	int running = 0;
	for (; running < N_WORKERS; running++) {
		worker* w = &g_workers[running];
		memset(w, 0, sizeof *w);
		w->id = running;
		for (int k = 0; k < KEYS_PER_WORKER; k++) {
			snprintf(w->keys[k].name, sizeof w->keys[k].name, "w%02d-k%d", running, k);
			/* The set is new to this run: every key starts absent. */
			w->keys[k].definite = ABSENT;
		}
		if (pthread_create(&w->thread, NULL, work, w) != 0) {
			break;
		}
	}
	bool changed = running == N_WORKERS ? change_cluster_and_owner(started) :
										  step_failed("pthread_create");
	atomic_store(&g_stop, true);
	for (int i = 0; i < running; i++) {
		pthread_join(g_workers[i].thread, NULL);
	}
	long answered = 0, errors = 0, in_doubt = 0, exact = 0;
	for (int i = 0; i < running; i++) {
		answered += atomic_load(&g_workers[i].answered);
		errors += g_workers[i].errors;
		in_doubt += g_workers[i].in_doubt;
		exact += g_workers[i].exact_checks;
	}
	printf("%d workers, %.1f s, %d cluster changes, %d owner changes: %ld answers checked (%ld "
		   "exactly), %ld errors of a cluster change, %ld writes in doubt\n",
		running, (double)(now_ms() - started) / 1000.0, g_cluster_changes, g_owner_changes,
		answered, exact, errors, in_doubt);
	/* The last process out removes the segment and its lock file. */
	shmdt(g_header);
	g_header = NULL;
	aerospike_close(&g_as, &err);
	aerospike_destroy(&g_as);
	bool segment_left = shmget(g_key, 0, 0) >= 0;
	char path[64];
	lock_file_path(path, sizeof path);
	bool lock_file_left = access(path, F_OK) == 0;

	for (int i = 0; i < running; i++) {
		if (g_workers[i].problem[0]) {
			fail_msg("%s", g_workers[i].problem);
		}
	}
	if (!changed) {
		fail_msg("%s", g_failure);
	}
	assert_true(exact > 0);
	assert_true(g_owner_changes >= 1);
	assert_false(segment_left);
	assert_false(lock_file_left);
}

static int group_setup(void** state)
{
	(void)state;
	snprintf(g_set, sizeof g_set, "stress%d", (int)getpid());
	g_key = (int)(0x51000000u | ((unsigned)getpid() & 0xFFFFFFu));
	return asim_start(&g_asim, "--nodes 3 --namespace test:2") ? 0 : -1;
}

/* Whatever failed: no helper, segment or lock file outlives the test. */
static int group_teardown(void** state)
{
	(void)state;
	for (int i = 0; i < N_HELPERS; i++) {
		if (g_helpers[i].pid > 0) {
			kill(g_helpers[i].pid, SIGKILL);
			reap_helper(&g_helpers[i]);
		}
	}
	if (g_header) {
		shmdt(g_header);
	}
	int id = shmget(g_key, 0, 0);
	if (id >= 0) {
		shmctl(id, IPC_RMID, NULL);
	}
	char path[64];
	lock_file_path(path, sizeof path);
	unlink(path);
	asim_stop(&g_asim);
	return 0;
}

int main(int argc, char* argv[])
{
	if (argc == 4 && strcmp(argv[1], "--owner") == 0) {
		return owner_main(argv[2], argv[3]);
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commands_while_cluster_and_owner_change),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
