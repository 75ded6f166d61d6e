/*
 * The command path in the process situations the stock client handles
 * badly (DATAPATH.md section 3): a process holding 2,000 open files before it
 * connects (our sockets land above FD_SETSIZE, where select() cannot go;
 * we wait with poll), every socket close-on-exec, and fork(): a child keeps
 * using the client its parent connected, on sockets of its own, with and
 * without shared memory, while the parent goes on with its own. Against asim
 * or the real cluster AEROSPIKE_HOSTS names (test_cluster.h).
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_record.h>

#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "test_cluster.h"

static test_cluster g_cluster;
static char g_set[32];

static void close_client(aerospike* as)
{
	as_error err;
	aerospike_close(as, &err);
	aerospike_destroy(as);
}

static int group_setup(void** state)
{
	(void)state;
	test_unique_name(g_set, sizeof g_set, "proc");
	return test_cluster_start(&g_cluster, "--nodes 2 --namespace test:2") ? 0 : -1;
}

static int group_teardown(void** state)
{
	(void)state;
	aerospike as;
	bool connected = test_cluster_connect(&g_cluster, &as);
	bool dropped = connected && test_cluster_drop_set(&as, g_set);
	if (connected) {
		close_client(&as);
	}
	test_cluster_stop(&g_cluster);
	return dropped ? 0 : -1;
}

static int shm_key(void)
{
	return (int)(0x5B000000u | ((unsigned)getpid() & 0xFFFFFFu));
}

static void connect_client(aerospike* as, bool use_shm)
{
	as_config config;
	as_config_init(&config);
	test_cluster_add_seeds(&g_cluster, &config);
	config.use_shm = use_shm;
	config.shm_key = shm_key();
	aerospike_init(as, &config);
	as_error err;
	if (aerospike_connect(as, &err) != AEROSPIKE_OK) {
		fail_msg("connect: %s", err.message);
	}
}

/* Puts bin n = value into key `name`, then reads it back; 0 on success. */
static int put_get(aerospike* as, const char* name, int64_t value)
{
	as_key key;
	as_key_init_str(&key, test_namespace(), g_set, name);
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "n", value);
	as_error err;
	as_status status = aerospike_key_put(as, &err, NULL, &key, &rec);
	as_record_destroy(&rec);
	if (status != AEROSPIKE_OK) {
		fprintf(stderr, "put %s: %d %s\n", name, err.code, err.message);
		return 1;
	}
	as_record* got = NULL;
	status = aerospike_key_get(as, &err, NULL, &key, &got);
	int64_t read = got ? as_record_get_int64(got, "n", -1) : -1;
	as_record_destroy(got);
	if (status != AEROSPIKE_OK || read != value) {
		fprintf(stderr, "get %s: %d %s (n = %lld)\n", name, err.code, err.message, (long long)read);
		return 1;
	}
	return 0;
}

static void test_thousands_of_open_files(void** state)
{
	(void)state;
	struct rlimit limit;
	getrlimit(RLIMIT_NOFILE, &limit);
	if (limit.rlim_cur < 2100 && limit.rlim_max >= 2100) {
		limit.rlim_cur = 2100;
		setrlimit(RLIMIT_NOFILE, &limit);
	}
	getrlimit(RLIMIT_NOFILE, &limit);
	assert_true(limit.rlim_cur >= 2100);
	int files[2000];
	for (int i = 0; i < 2000; i++) {
		files[i] = open("/dev/null", O_RDONLY | O_CLOEXEC);
		assert_true(files[i] >= 0);
	}
	aerospike as;
	connect_client(&as, false);
	assert_int_equal(put_get(&as, "many-files", 2000), 0);
	close_client(&as);
	for (int i = 0; i < 2000; i++) {
		close(files[i]);
	}
}

static void test_sockets_close_on_exec(void** state)
{
	(void)state;
	aerospike as;
	connect_client(&as, false);
	assert_int_equal(put_get(&as, "cloexec", 1), 0);
	DIR* dir = opendir("/proc/self/fd");
	assert_non_null(dir);
	int sockets = 0;
	for (struct dirent* e; (e = readdir(dir)) != NULL;) {
		char path[300], target[64];
		snprintf(path, sizeof path, "/proc/self/fd/%s", e->d_name);
		ssize_t n = readlink(path, target, sizeof target - 1);
		if (n <= 0) {
			continue;
		}
		target[n] = 0;
		if (strncmp(target, "socket:", 7) != 0) {
			continue;
		}
		int fd = atoi(e->d_name);
		assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
		sockets++;
	}
	closedir(dir);
	assert_true(sockets >= 1);
	close_client(&as);
}

static void fork_and_use(bool use_shm)
{
	aerospike as;
	connect_client(&as, use_shm);
	assert_int_equal(put_get(&as, "before-fork", 1), 0);
	pid_t child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		int failed = 0;
		for (int i = 0; i < 20; i++) {
			failed |= put_get(&as, "child", i);
		}
		_exit(failed);
	}
	int failed = 0;
	for (int i = 0; i < 20; i++) {
		failed |= put_get(&as, "parent", i);
	}
	int status = 0;
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(failed, 0);
	close_client(&as);
	if (use_shm) {
		int id = shmget(shm_key(), 0, 0);
		assert_int_equal(id, -1); /* the last process out removed it */
	}
}

static void test_fork_without_shared_memory(void** state)
{
	(void)state;
	fork_and_use(false);
}

static void test_fork_with_shared_memory(void** state)
{
	(void)state;
	fork_and_use(true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thousands_of_open_files),
		cmocka_unit_test(test_sockets_close_on_exec),
		cmocka_unit_test(test_fork_without_shared_memory),
		cmocka_unit_test(test_fork_with_shared_memory),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
