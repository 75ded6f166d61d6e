/*
 * Tend defects a real server showed, each checked through the public API
 * against asim:
 *   - the stock log lines: "Add node", "Node X refresh failed", "Remove node";
 *   - no 16-node or 8-namespace cap when shared memory is off;
 *   - connecting a connected client succeeds, as in 7.4.0;
 *   - the shm lock file goes with the segment, after a close and after a
 *     failed connect.
 * (A garbage tend answer cannot be tested here: asim has no control that
 * makes a node answer garbage.)
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
#include <sys/shm.h>
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

typedef struct {
	asim_process asim;
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_refresh_failed_remove_lines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_twenty_nodes_without_shm, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ten_namespaces_without_shm, setup, teardown),
		cmocka_unit_test_setup_teardown(test_connect_twice, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock_file_goes_with_segment, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_shm_connect_leaves_nothing, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
