/*
 * What the host can get wrong around a shared-memory key, answered by
 * aerospike_connect with an as_error that names the key, the sizes and the
 * remedy, and never by touching a segment that is not ours:
 *   - a foreign segment of another size under the key;
 *   - a segment of the right size whose ready header is garbage;
 *   - a segment another user owns with mode 0600 (needs root to set up);
 *   - a kernel whose kernel.shmmax is below the segment size (needs a private
 *     IPC namespace, so root).
 * No asim is needed: every refusal happens before a seed is contacted.
 * Keys derive from the pid so parallel runs never share one.
 *
 * A failing assertion leaves its test at once, so each test keeps what it
 * made in its fixture: the teardown detaches and removes the segment and the
 * lock file of the test's key, and the group teardown fails the run if any
 * key used here still has either.
 */
#define _GNU_SOURCE
#include <aerospike/aerospike.h>
#include <aerospike/as_shm_cluster.h>

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

/* The stock 7.4.0 size for shm_max_nodes 16 and shm_max_namespaces 8. */
#define DEFAULT_SEGMENT_SIZE 531448

static int test_key(int salt)
{
	return (int)(0x5E000000u | (((unsigned)getpid() & 0xFFFFu) << 4) | (unsigned)salt);
}

static void key_text(int key, char* out, size_t size)
{
	snprintf(out, size, "0x%08X", (unsigned)key);
}

/* src/shm/owner_file.cpp names it. */
static void lock_path(int key, char* out, size_t size)
{
	snprintf(out, size, "/dev/shm/aeroshim-%08X.owner", (unsigned)key);
}

enum { SALTS = 4 }; /* one key per test */

typedef struct {
	int key;
	int id;               /* the segment the test made, -1 when none */
	unsigned char* bytes; /* its attachment, NULL when none */
	unsigned char* before; /* a malloc'd copy of its bytes */
} fixture;

static int setup(void** state)
{
	fixture* f = calloc(1, sizeof(*f));
	if (!f) {
		return -1;
	}
	f->id = -1;
	*state = f;
	return 0;
}

static int teardown(void** state)
{
	fixture* f = *state;
	free(f->before);
	if (f->bytes) {
		shmdt(f->bytes);
	}
	if (f->id >= 0) {
		shmctl(f->id, IPC_RMID, NULL);
	}
	if (f->key != 0) {
		/* Also whatever a wrongly accepting client created under the key. */
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

static int nothing_left(void** state)
{
	(void)state;
	int left = 0;
	for (int salt = 1; salt <= SALTS; salt++) {
		int key = test_key(salt);
		char path[64];
		lock_path(key, path, sizeof(path));
		if (shmget(key, 0, 0) >= 0 || access(path, F_OK) == 0) {
			print_error("key 0x%08X left a segment or lock file\n", (unsigned)key);
			left++;
		}
	}
	return left == 0 ? 0 : -1;
}

/* Creates the test's segment under f->key and attaches it read-write. */
static void make_segment(fixture* f, size_t size, int mode)
{
	f->id = shmget(f->key, size, IPC_CREAT | IPC_EXCL | mode);
	assert_true(f->id >= 0);
	void* at = shmat(f->id, NULL, 0);
	assert_true(at != (void*)-1);
	f->bytes = at;
}

/* Connects with the seed's shared-memory settings on `key`; the seed port is
 * closed, so only a refusal before tending can make this quick. */
static as_status connect_on(int key, as_error* err)
{
	as_config config;
	as_config_init(&config);
	as_config_add_host(&config, "127.0.0.1", 1);
	config.use_shm = true;
	config.shm_key = key;
	config.conn_timeout_ms = 200;
	aerospike as;
	aerospike_init(&as, &config);
	as_status status = aerospike_connect(&as, err);
	printf("key 0x%08X: %d %s\n", (unsigned)key, status, err->message);
	fflush(stdout);
	aerospike_close(&as, NULL);
	aerospike_destroy(&as);
	return status;
}

static void assert_mentions(const char* message, const char* a, const char* b, const char* c)
{
	assert_non_null(strstr(message, a));
	assert_non_null(strstr(message, b));
	assert_non_null(strstr(message, c));
}

static void test_foreign_size_is_refused_and_kept(void** state)
{
	fixture* f = *state;
	f->key = test_key(1);
	char text[16];
	key_text(f->key, text, sizeof(text));
	make_segment(f, 4096, 0666);
	memset(f->bytes, 0x5A, 4096);

	as_error err;
	assert_int_equal(connect_on(f->key, &err), AEROSPIKE_ERR_CLIENT);
	assert_mentions(err.message, text, "4096", "531448");
	assert_non_null(strstr(err.message, "ipcrm -M"));

	/* Still there, still its owner's bytes. */
	assert_int_equal(shmget(f->key, 0, 0), f->id);
	for (int i = 0; i < 4096; i++) {
		assert_int_equal(f->bytes[i], 0x5A);
	}
}

static void test_garbage_header_is_refused_untouched(void** state)
{
	fixture* f = *state;
	f->key = test_key(2);
	char text[16];
	key_text(f->key, text, sizeof(text));
	make_segment(f, DEFAULT_SEGMENT_SIZE, 0666);
	/* Garbage everywhere, with the lock byte free and ready set, so a
	 * trusting client would both take ownership and read it. */
	for (int i = 0; i < DEFAULT_SEGMENT_SIZE; i++) {
		f->bytes[i] = (unsigned char)(i * 131 + 7);
	}
	as_cluster_shm* header = (as_cluster_shm*)f->bytes;
	header->lock = 0;
	header->ready = 1;
	f->before = malloc(DEFAULT_SEGMENT_SIZE);
	assert_non_null(f->before);
	memcpy(f->before, f->bytes, DEFAULT_SEGMENT_SIZE);

	as_error err;
	assert_int_equal(connect_on(f->key, &err), AEROSPIKE_ERR_CLIENT);
	assert_mentions(err.message, text, "ipcrm -M", "shm_max_nodes=16");
	assert_int_equal(memcmp(f->before, f->bytes, DEFAULT_SEGMENT_SIZE), 0);
	assert_int_equal(shmget(f->key, 0, 0), f->id);
}

/* Runs `body` in a child and returns its exit status: 0 pass, 77 skip. */
static int in_child(int (*body)(int key), int key)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		_exit(body(key));
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static int connect_as_nobody(int key)
{
	if (setgid(65534) != 0 || setuid(65534) != 0) {
		return 3;
	}
	as_error err;
	char text[16];
	key_text(key, text, sizeof(text));
	if (connect_on(key, &err) != AEROSPIKE_ERR_CLIENT) {
		return 4;
	}
	if (!strstr(err.message, text) || !strstr(err.message, "permission denied") ||
		!strstr(err.message, "uid 0") || !strstr(err.message, "mode 600")) {
		return 5;
	}
	return 0;
}

static void test_permission_names_owner_and_mode(void** state)
{
	fixture* f = *state;
	if (geteuid() != 0) {
		skip();
	}
	f->key = test_key(3);
	f->id = shmget(f->key, DEFAULT_SEGMENT_SIZE, IPC_CREAT | IPC_EXCL | 0600);
	assert_true(f->id >= 0);
	assert_int_equal(in_child(connect_as_nobody, f->key), 0);
}

static int connect_over_shmmax(int key)
{
	if (unshare(CLONE_NEWIPC) != 0) {
		return 77;
	}
	int fd = open("/proc/sys/kernel/shmmax", O_WRONLY);
	if (fd < 0) {
		return 77;
	}
	const char limit[] = "65536";
	ssize_t written = write(fd, limit, sizeof(limit) - 1);
	close(fd);
	if (written != (ssize_t)(sizeof(limit) - 1)) {
		return 77;
	}
	as_error err;
	if (connect_on(key, &err) != AEROSPIKE_ERR_CLIENT) {
		return 4;
	}
	if (!strstr(err.message, "kernel.shmmax") || !strstr(err.message, "65536") ||
		!strstr(err.message, "531448")) {
		return 5;
	}
	return 0;
}

static void test_kernel_limit_names_sysctl_and_size(void** state)
{
	fixture* f = *state;
	f->key = test_key(4);
	int result = in_child(connect_over_shmmax, f->key);
	if (result == 77) {
		skip();
	}
	assert_int_equal(result, 0);
	/* The refusal happened in the child's private IPC namespace. */
	assert_true(shmget(f->key, 0, 0) < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_foreign_size_is_refused_and_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_garbage_header_is_refused_untouched, setup, teardown),
		cmocka_unit_test_setup_teardown(test_permission_names_owner_and_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kernel_limit_names_sysctl_and_size, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, nothing_left);
}
