/*
 * Tend defects a real server showed, each checked through the public API
 * against asim:
 *   - the stock log lines: "Add node", "Node X refresh failed", "Remove node";
 *   - no 16-node or 8-namespace cap when shared memory is off;
 *   - connecting a connected client succeeds, as in 7.4.0;
 *   - the shm lock file goes with the segment, after a close and after a
 *     failed connect;
 *   - a garbage tend, replicas or peers answer is a logged failure, a cycle
 *     without any seed a "Tend error", a segment too small 7.4.0's capacity
 *     errors. asim has no
 *     control that makes a node answer garbage, so an info proxy in front of
 *     a one-node asim answers chosen requests with garbage itself.
 *
 * A failing assertion leaves its test at once, so everything a test makes
 * lives in its fixture and the teardown stops asim, closes the client,
 * removes the test's segment and lock file and unhooks the log callback.
 */
#include <aerospike/aerospike.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_log.h>

#include "asim_process.h"
#include "client_probe.h"

#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#define TEND_MS 250

/* Log lines the client emitted, kept in order: the tend thread writes, the
 * test reads, so every access holds the mutex. */
#define MAX_LINES 4096
#define LINE_SIZE 512

typedef struct {
	as_log_level level;
	char text[LINE_SIZE];
} log_line;

static pthread_mutex_t log_mutex = PTHREAD_MUTEX_INITIALIZER;
static log_line lines[MAX_LINES];
static int n_lines;

static bool capture(as_log_level level, const char* func, const char* file, uint32_t line, const char* fmt, ...)
{
	(void)func;
	(void)file;
	(void)line;
	pthread_mutex_lock(&log_mutex);
	if (n_lines < MAX_LINES) {
		va_list args;
		va_start(args, fmt);
		vsnprintf(lines[n_lines].text, LINE_SIZE, fmt, args);
		va_end(args);
		lines[n_lines].level = level;
		n_lines++;
	}
	pthread_mutex_unlock(&log_mutex);
	return true;
}

static void capture_logs(void)
{
	pthread_mutex_lock(&log_mutex);
	n_lines = 0;
	pthread_mutex_unlock(&log_mutex);
	as_log_set_level(AS_LOG_LEVEL_INFO);
	as_log_set_callback(capture);
}

/* Index of the first line at `level` that starts with `prefix`, or -1. */
static int find_line(as_log_level level, const char* prefix)
{
	int found = -1;
	pthread_mutex_lock(&log_mutex);
	for (int i = 0; i < n_lines && found < 0; i++) {
		if (lines[i].level == level && strncmp(lines[i].text, prefix, strlen(prefix)) == 0) {
			found = i;
		}
	}
	pthread_mutex_unlock(&log_mutex);
	return found;
}

/* How many lines at `level` or more severe were logged; prints them so a
 * failure shows what the client complained about. */
static int lines_at_most(as_log_level level)
{
	int count = 0;
	pthread_mutex_lock(&log_mutex);
	for (int i = 0; i < n_lines; i++) {
		if (lines[i].level <= level) {
			printf("logged (level %d): %s\n", (int)lines[i].level, lines[i].text);
			count++;
		}
	}
	pthread_mutex_unlock(&log_mutex);
	return count;
}


/* An info proxy on an ephemeral loopback port in front of one asim node:
 * forwards each request frame and its answer, except that a request whose
 * body contains `garble` is answered by the proxy with a body that holds
 * none of the asked names. One thread polls every connection; the client
 * sends one request at a time on a connection, so waiting for the node's
 * answer inside the loop is enough. */
#define PROXY_MAX_PAIRS 16

typedef struct {
	int listener;
	uint16_t port;
	uint16_t upstream;
	int stop_pipe[2];
	pthread_t thread;
	bool running;
	const char* garble; /* atomically swapped; NULL forwards everything */
	int clients[PROXY_MAX_PAIRS];
	int servers[PROXY_MAX_PAIRS];
	int n_pairs;
} info_proxy;

static bool read_exact(int fd, void* buf, size_t len)
{
	char* p = buf;
	while (len > 0) {
		ssize_t n = read(fd, p, len);
		if (n <= 0) {
			if (n < 0 && errno == EINTR) {
				continue;
			}
			return false;
		}
		p += n;
		len -= (size_t)n;
	}
	return true;
}

static bool write_exact(int fd, const void* buf, size_t len)
{
	const char* p = buf;
	while (len > 0) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
		if (n <= 0) {
			if (n < 0 && errno == EINTR) {
				continue;
			}
			return false;
		}
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* One frame: the 8-byte header (version, type, 48-bit big-endian size) and
 * its body, NUL-terminated, in one malloc'd block. */
static char* read_frame(int fd, size_t* total)
{
	unsigned char header[8];
	if (!read_exact(fd, header, sizeof(header))) {
		return NULL;
	}
	uint64_t size = 0;
	for (int i = 2; i < 8; i++) {
		size = (size << 8) | header[i];
	}
	if (size > (64u << 20)) {
		return NULL;
	}
	char* frame = malloc(8 + size + 1);
	if (!frame) {
		return NULL;
	}
	memcpy(frame, header, 8);
	if (!read_exact(fd, frame + 8, size)) {
		free(frame);
		return NULL;
	}
	frame[8 + size] = '\0';
	*total = 8 + size;
	return frame;
}

static bool answer_garbage(int fd)
{
	static const char body[] = "garbage\n";
	unsigned char frame[8 + sizeof(body) - 1] = {2, 1};
	const uint64_t size = sizeof(body) - 1;
	for (int i = 0; i < 6; i++) {
		frame[7 - i] = (unsigned char)(size >> (8 * i));
	}
	memcpy(frame + 8, body, size);
	return write_exact(fd, frame, sizeof(frame));
}

static int connect_loopback(uint16_t port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd >= 0 && connect(fd, (struct sockaddr*)&addr, sizeof(addr)) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static void drop_pair(info_proxy* p, int i)
{
	close(p->clients[i]);
	close(p->servers[i]);
	p->n_pairs--;
	p->clients[i] = p->clients[p->n_pairs];
	p->servers[i] = p->servers[p->n_pairs];
}

/* Relays one request of pair i; false when either side is gone. */
static bool relay(info_proxy* p, int i)
{
	size_t len = 0;
	char* request = read_frame(p->clients[i], &len);
	if (!request) {
		return false;
	}
	const char* garble = __atomic_load_n(&p->garble, __ATOMIC_ACQUIRE);
	bool ok;
	if (garble && strstr(request + 8, garble)) {
		ok = answer_garbage(p->clients[i]);
	} else {
		ok = write_exact(p->servers[i], request, len);
		char* answer = ok ? read_frame(p->servers[i], &len) : NULL;
		ok = answer && write_exact(p->clients[i], answer, len);
		free(answer);
	}
	free(request);
	return ok;
}

static void* proxy_loop(void* arg)
{
	info_proxy* p = arg;
	for (;;) {
		struct pollfd fds[2 + PROXY_MAX_PAIRS];
		fds[0] = (struct pollfd){.fd = p->stop_pipe[0], .events = POLLIN};
		fds[1] = (struct pollfd){.fd = p->listener, .events = POLLIN};
		const int pairs = p->n_pairs;
		for (int i = 0; i < pairs; i++) {
			fds[2 + i] = (struct pollfd){.fd = p->clients[i], .events = POLLIN};
		}
		if (poll(fds, (nfds_t)(2 + pairs), -1) < 0) {
			if (errno == EINTR) {
				continue;
			}
			break;
		}
		if (fds[0].revents) {
			break;
		}
		/* Highest index first: dropping a pair moves the last one into
		 * its slot, which has been handled already. */
		for (int i = pairs - 1; i >= 0; i--) {
			if (fds[2 + i].revents && !relay(p, i)) {
				drop_pair(p, i);
			}
		}
		if (fds[1].revents & POLLIN) {
			int client = accept(p->listener, NULL, NULL);
			int server = client >= 0 ? connect_loopback(p->upstream) : -1;
			if (server >= 0 && p->n_pairs < PROXY_MAX_PAIRS) {
				p->clients[p->n_pairs] = client;
				p->servers[p->n_pairs] = server;
				p->n_pairs++;
			} else {
				if (client >= 0) {
					close(client);
				}
				if (server >= 0) {
					close(server);
				}
			}
		}
	}
	while (p->n_pairs > 0) {
		drop_pair(p, p->n_pairs - 1);
	}
	return NULL;
}

static bool proxy_start(info_proxy* p, uint16_t upstream)
{
	memset(p, 0, sizeof(*p));
	p->upstream = upstream;
	p->listener = socket(AF_INET, SOCK_STREAM, 0);
	if (p->listener < 0) {
		return false;
	}
	struct sockaddr_in addr = {.sin_family = AF_INET};
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof(addr);
	if (bind(p->listener, (struct sockaddr*)&addr, sizeof(addr)) != 0 || listen(p->listener, 16) != 0 ||
		getsockname(p->listener, (struct sockaddr*)&addr, &len) != 0 || pipe(p->stop_pipe) != 0) {
		close(p->listener);
		return false;
	}
	p->port = ntohs(addr.sin_port);
	if (pthread_create(&p->thread, NULL, proxy_loop, p) != 0) {
		close(p->listener);
		close(p->stop_pipe[0]);
		close(p->stop_pipe[1]);
		return false;
	}
	p->running = true;
	return true;
}

static void proxy_stop(info_proxy* p)
{
	if (!p->running) {
		return;
	}
	ssize_t written = write(p->stop_pipe[1], "x", 1);
	(void)written;
	pthread_join(p->thread, NULL);
	close(p->listener);
	close(p->stop_pipe[0]);
	close(p->stop_pipe[1]);
	p->running = false;
}

typedef struct {
	asim_process asim;
	info_proxy proxy;
	aerospike as;
	bool as_ready; /* aerospike_init was called */
	int key;       /* the test's shm key, 0 when it uses none */
} fixture;

static int next_salt;

static int test_key(void)
{
	return (int)(0x53000000u | (((unsigned)getpid() & 0xFFFFu) << 8) | (unsigned)++next_salt);
}

/* src/shm/owner_file.cpp names it. */
static void lock_path(int key, char* out, size_t size)
{
	snprintf(out, size, "/dev/shm/aeroshim-%08X.owner", (unsigned)key);
}

static bool segment_exists(int key)
{
	return shmget(key, 0, 0) >= 0 || errno != ENOENT;
}

static bool lock_file_exists(int key)
{
	char path[64];
	lock_path(key, path, sizeof(path));
	return access(path, F_OK) == 0;
}

static int setup(void** state)
{
	fixture* f = calloc(1, sizeof(*f));
	if (!f) {
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void** state)
{
	fixture* f = *state;
	if (f->as_ready) {
		as_error err;
		if (f->as.cluster) {
			aerospike_close(&f->as, &err);
		}
		aerospike_destroy(&f->as);
	}
	proxy_stop(&f->proxy);
	asim_stop(&f->asim);
	as_log_set_callback(NULL);
	if (f->key) {
		int id = shmget(f->key, 0, 0);
		if (id >= 0) {
			shmctl(id, IPC_RMID, NULL);
		}
		char path[64];
		lock_path(f->key, path, sizeof(path));
		unlink(path);
	}
	free(f);
	return 0;
}

static void init_client(fixture* f, as_config* c)
{
	aerospike_init(&f->as, c);
	f->as_ready = true;
}

static void config_for(as_config* c, const fixture* f)
{
	as_config_init(c);
	as_config_add_host(c, "127.0.0.1", f->asim.ports[0]);
	c->tender_interval = TEND_MS;
}

static bool client_has_name(aerospike* as, const char* name)
{
	int n = 0;
	char* names = NULL;
	as_cluster_get_node_names(as->cluster, &n, &names);
	bool found = false;
	for (int k = 0; k < n; k++) {
		found = found || strcmp(names + k * AS_NODE_NAME_SIZE, name) == 0;
	}
	free(names);
	return found;
}

typedef struct {
	const char* prefix;
} line_wait;

static bool line_logged(void* arg)
{
	line_wait* w = arg;
	return find_line(AS_LOG_LEVEL_INFO, w->prefix) >= 0;
}

/* Stock logs every node it adds and removes at info, and each failed
 * refresh of a node before removing it. */
static void test_add_refresh_failed_remove_lines(void** state)
{
	fixture* f = *state;
	assert_true(asim_start(&f->asim, "--nodes 3 --namespace test:2"));
	capture_logs();
	as_config c;
	config_for(&c, f);
	init_client(f, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&f->as, &err), AEROSPIKE_OK);
	assert_int_equal(client_node_count(&f->as), 3);

	char names[3][AS_NODE_NAME_SIZE];
	for (int i = 0; i < 3; i++) {
		char* name = asim_info(f->asim.ports[i], "node");
		assert_non_null(name);
		snprintf(names[i], sizeof(names[i]), "%s", name);
		free(name);
		assert_true(client_has_name(&f->as, names[i]));
		char expected[128];
		snprintf(expected, sizeof(expected), "Add node %s 127.0.0.1:%u", names[i], f->asim.ports[i]);
		assert_true(find_line(AS_LOG_LEVEL_INFO, expected) >= 0);
	}

	char request[64];
	snprintf(request, sizeof(request), "asim-stop-node:port=%u", f->asim.ports[1]);
	char* ok = asim_info(f->asim.ports[0], request);
	assert_non_null(ok);
	assert_string_equal(ok, "ok");
	free(ok);

	char removed[128];
	snprintf(removed, sizeof(removed), "Remove node %s ", names[1]);
	line_wait w = {removed};
	assert_true(await_condition(line_logged, &w, 20 * TEND_MS));
	char failed[128];
	snprintf(failed, sizeof(failed), "Node %s refresh failed: ", names[1]);
	int failed_at = find_line(AS_LOG_LEVEL_INFO, failed);
	assert_true(failed_at >= 0);
	assert_true(failed_at < find_line(AS_LOG_LEVEL_INFO, removed));
	assert_int_equal(client_node_count(&f->as), 2);
	assert_false(client_has_name(&f->as, names[1]));
}

/* Without shared memory stock has no node cap: all 20 nodes of a 20-node
 * cluster are in the client, every one the master of some partition, and
 * none was refused a map entry (which would be logged as a warning). */
static void test_twenty_nodes_without_shm(void** state)
{
	fixture* f = *state;
	assert_true(asim_start(&f->asim, "--nodes 20 --namespace test:2"));
	capture_logs();
	as_config c;
	config_for(&c, f);
	c.use_shm = false;
	init_client(f, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&f->as, &err), AEROSPIKE_OK);
	assert_int_equal(client_node_count(&f->as), 20);

	/* asim's ownership answer lists each partition's replicas, master
	 * first: the client knows every master. */
	char* ownership = asim_info(f->asim.ports[0], "asim-ownership:ns=test");
	assert_non_null(ownership);
	int partitions = 0;
	bool all_known = true;
	char* save = NULL;
	for (char* entry = strtok_r(ownership, ";", &save); entry; entry = strtok_r(NULL, ";", &save)) {
		char* comma = strchr(entry, ',');
		if (comma) {
			*comma = '\0';
		}
		all_known = all_known && client_has_name(&f->as, entry);
		partitions++;
	}
	free(ownership);
	assert_int_equal(partitions, 4096);
	assert_true(all_known);
	for (int i = 0; i < 20; i++) {
		char* name = asim_info(f->asim.ports[i], "node");
		assert_non_null(name);
		bool known = client_has_name(&f->as, name);
		free(name);
		assert_true(known);
	}
	assert_int_equal(lines_at_most(AS_LOG_LEVEL_WARN), 0);
}

/* Nor a namespace cap: ten namespaces are taken without a complaint. */
static void test_ten_namespaces_without_shm(void** state)
{
	fixture* f = *state;
	char args[256] = "--nodes 3";
	for (int i = 0; i < 10; i++) {
		size_t used = strlen(args);
		snprintf(args + used, sizeof(args) - used, " --namespace ns%d:2", i);
	}
	assert_true(asim_start(&f->asim, args));
	capture_logs();
	as_config c;
	config_for(&c, f);
	c.use_shm = false;
	init_client(f, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&f->as, &err), AEROSPIKE_OK);
	assert_int_equal(client_node_count(&f->as), 3);
	assert_int_equal(lines_at_most(AS_LOG_LEVEL_WARN), 0);
}

/* 7.4.0 returns OK when asked to connect a connected client. */
static void test_connect_twice(void** state)
{
	fixture* f = *state;
	assert_true(asim_start(&f->asim, "--nodes 2 --namespace test:2"));
	as_config c;
	config_for(&c, f);
	init_client(f, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&f->as, &err), AEROSPIKE_OK);
	as_cluster* first = f->as.cluster;
	as_error_reset(&err);
	assert_int_equal(aerospike_connect(&f->as, &err), AEROSPIKE_OK);
	assert_int_equal(err.code, AEROSPIKE_OK);
	assert_ptr_equal(f->as.cluster, first);
	assert_true(aerospike_cluster_is_connected(&f->as));
	assert_int_equal(client_node_count(&f->as), 2);
}

/* The last client of a key takes the lock file with the segment. */
static void test_lock_file_goes_with_segment(void** state)
{
	fixture* f = *state;
	f->key = test_key();
	assert_true(asim_start(&f->asim, "--nodes 2 --namespace test:2"));
	as_config c;
	config_for(&c, f);
	c.use_shm = true;
	c.shm_key = f->key;
	init_client(f, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&f->as, &err), AEROSPIKE_OK);
	assert_true(segment_exists(f->key));
	assert_true(lock_file_exists(f->key));
	assert_int_equal(aerospike_close(&f->as, &err), AEROSPIKE_OK);
	assert_false(segment_exists(f->key));
	assert_false(lock_file_exists(f->key));
}

/* A connect that fails leaves neither behind. */
static void test_failed_shm_connect_leaves_nothing(void** state)
{
	fixture* f = *state;
	f->key = test_key();
	/* The port of a simulator that is gone: nobody listens there. */
	assert_true(asim_start(&f->asim, "--nodes 1"));
	uint16_t dead_port = f->asim.ports[0];
	asim_stop(&f->asim);
	as_config c;
	as_config_init(&c);
	as_config_add_host(&c, "127.0.0.1", dead_port);
	c.use_shm = true;
	c.shm_key = f->key;
	c.fail_if_not_connected = true;
	init_client(f, &c);
	as_error err;
	assert_int_not_equal(aerospike_connect(&f->as, &err), AEROSPIKE_OK);
	assert_null(f->as.cluster);
	assert_false(segment_exists(f->key));
	assert_false(lock_file_exists(f->key));
}

typedef struct {
	as_log_level level;
	const char* prefix;
} level_line_wait;

static bool level_line_logged(void* arg)
{
	level_line_wait* w = arg;
	return find_line(w->level, w->prefix) >= 0;
}

/* A client tending one asim node through the proxy; names the node. */
static void connect_through_proxy(fixture* f, char* name, size_t size)
{
	assert_true(asim_start(&f->asim, "--nodes 1 --namespace test:1"));
	assert_true(proxy_start(&f->proxy, f->asim.ports[0]));
	char* answer = asim_info(f->asim.ports[0], "node");
	assert_non_null(answer);
	snprintf(name, size, "%s", answer);
	free(answer);
	capture_logs();
	as_config c;
	as_config_init(&c);
	as_config_add_host(&c, "127.0.0.1", f->proxy.port);
	c.tender_interval = TEND_MS;
	init_client(f, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&f->as, &err), AEROSPIKE_OK);
	assert_true(client_has_name(&f->as, name));
}

/* A tend answer without the generations is a failed refresh, logged at
 * info with the node's name as stock does, never taken silently. */
static void test_garbage_tend_answer_is_logged(void** state)
{
	fixture* f = *state;
	char name[AS_NODE_NAME_SIZE];
	connect_through_proxy(f, name, sizeof(name));
	__atomic_store_n(&f->proxy.garble, "peers-generation", __ATOMIC_RELEASE);
	char failed[128];
	snprintf(failed, sizeof(failed), "Node %s refresh failed: ", name);
	level_line_wait w = {AS_LOG_LEVEL_INFO, failed};
	assert_true(await_condition(level_line_logged, &w, 8 * TEND_MS));
}

/* The proxy garbles the answer to `garbled`, then the asim control `bump`
 * moves the generation that makes the tender ask for it: the warning that
 * starts "Node NAME <what> refresh failed: <after>" must be logged. */
static void garble_and_await_warning(fixture* f, const char* garbled, const char* bump, const char* what,
	const char* after)
{
	char name[AS_NODE_NAME_SIZE];
	connect_through_proxy(f, name, sizeof(name));
	__atomic_store_n(&f->proxy.garble, garbled, __ATOMIC_RELEASE);
	char request[64];
	snprintf(request, sizeof(request), "%s:port=%u", bump, f->asim.ports[0]);
	char* ok = asim_info(f->asim.ports[0], request);
	assert_non_null(ok);
	assert_string_equal(ok, "ok");
	free(ok);
	char failed[128];
	snprintf(failed, sizeof(failed), "Node %s %s refresh failed: %s", name, what, after);
	level_line_wait w = {AS_LOG_LEVEL_WARN, failed};
	assert_true(await_condition(level_line_logged, &w, 8 * TEND_MS));
}

/* Likewise a garbage replicas answer after the partition generation moved:
 * a warning naming the node. */
static void test_garbage_replicas_answer_is_logged(void** state)
{
	garble_and_await_warning(*state, "replicas", "asim-bump-partition-gen", "partition", "");
}

/* A garbage peers answer after the peers generation moved: 7.4.0's
 * as_cluster_tend logs "Node %s peers refresh failed: %s %s" as a warning. */
static void test_garbage_peers_answer_is_logged(void** state)
{
	garble_and_await_warning(*state, "peers-clear-std", "asim-bump-peers-gen", "peers", "AEROSPIKE_ERR_");
}

/* The only node stops: after its failed refreshes it is removed, and every
 * cycle that then finds no seed logs 7.4.0's tend thread warning
 * (as_cluster_tender: "Tend error: %s %s"). */
static void test_tend_error_when_no_seed_answers(void** state)
{
	fixture* f = *state;
	assert_true(asim_start(&f->asim, "--nodes 1 --namespace test:1"));
	capture_logs();
	as_config c;
	config_for(&c, f);
	init_client(f, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&f->as, &err), AEROSPIKE_OK);
	char request[64];
	snprintf(request, sizeof(request), "asim-stop-node:port=%u", f->asim.ports[0]);
	char* ok = asim_info(f->asim.ports[0], request);
	assert_non_null(ok);
	free(ok);
	level_line_wait w = {AS_LOG_LEVEL_WARN, "Tend error: AEROSPIKE_ERR_CONNECTION Failed to connect"};
	assert_true(await_condition(level_line_logged, &w, 20 * TEND_MS));
	int removed = find_line(AS_LOG_LEVEL_INFO, "Remove node ");
	assert_true(removed >= 0);
	assert_true(removed < find_line(AS_LOG_LEVEL_WARN, "Tend error: "));
}

/* Whether exactly one of `count` texts was logged at `level`. */
static bool one_of_logged(as_log_level level, char texts[][128], int count)
{
	int found = 0;
	for (int i = 0; i < count; i++) {
		found += find_line(level, texts[i]) >= 0;
	}
	return found == 1;
}

/* A segment too small for the cluster: 7.4.0's errors, spelling included
 * (as_shm_add_nodes, as_shm_add_partition_table). */
static void test_shm_capacity_errors(void** state)
{
	fixture* f = *state;
	f->key = test_key();
	assert_true(asim_start(&f->asim, "--nodes 3 --namespace ns0:2 --namespace ns1:2"));
	capture_logs();
	as_config c;
	config_for(&c, f);
	c.use_shm = true;
	c.shm_key = f->key;
	c.shm_max_nodes = 2;
	c.shm_max_namespaces = 1;
	init_client(f, &c);
	as_error err;
	assert_int_equal(aerospike_connect(&f->as, &err), AEROSPIKE_OK);

	char nodes[3][128];
	for (int i = 0; i < 3; i++) {
		char* name = asim_info(f->asim.ports[i], "node");
		assert_non_null(name);
		snprintf(nodes[i], sizeof(nodes[i]),
			"Failed to add node %s 127.0.0.1:%u. Shared memory capacity exceeeded: 2", name,
			f->asim.ports[i]);
		free(name);
	}
	assert_true(one_of_logged(AS_LOG_LEVEL_ERROR, nodes, 3));
	char tables[2][128];
	for (int i = 0; i < 2; i++) {
		snprintf(tables[i], sizeof(tables[i]),
			"Failed to add partition table namespace ns%d. Shared memory capacity exceeeded: 1", i);
	}
	assert_true(one_of_logged(AS_LOG_LEVEL_ERROR, tables, 2));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_refresh_failed_remove_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_twenty_nodes_without_shm, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ten_namespaces_without_shm, setup, teardown),
		cmocka_unit_test_setup_teardown(test_connect_twice, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock_file_goes_with_segment, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_shm_connect_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garbage_tend_answer_is_logged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garbage_replicas_answer_is_logged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garbage_peers_answer_is_logged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tend_error_when_no_seed_answers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_shm_capacity_errors, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
