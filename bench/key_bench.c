/*
 * key_bench: the synchronous single-record hot path, one C program built
 * once against the public headers and linked twice (bench/key_hotpath.sh):
 * against our libaerospike and against the stock C client 7.4.0 inside the
 * npm addon. It connects (no shared memory), writes one record, then runs
 * OPS puts, gets and exists of that record, timing each phase and counting
 * the heap allocations the main thread makes while it runs (a malloc
 * interposer in this program sees both libraries' calls). System calls are
 * counted from outside, by strace on the main thread.
 *
 * usage: key_bench HOST PORT OPS [put|get|exists|all]
 * prints: "<phase> ns_per_op X allocs_per_op Y" per phase
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_record.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Outside Node the addon's load-time constructor calls this; nobody listens. */
void node_module_register(void* module);
void node_module_register(void* module)
{
	(void)module;
}

/* glibc's allocator entry points, under the names it keeps for interposers. */
extern void* __libc_malloc(size_t size);
extern void* __libc_calloc(size_t n, size_t size);
extern void* __libc_realloc(void* p, size_t size);
extern void __libc_free(void* p);

static __thread bool t_counting;
static __thread uint64_t t_allocs;

void* malloc(size_t size)
{
	if (t_counting) {
		t_allocs++;
	}
	return __libc_malloc(size);
}

void* calloc(size_t n, size_t size)
{
	if (t_counting) {
		t_allocs++;
	}
	return __libc_calloc(n, size);
}

void* realloc(void* p, size_t size)
{
	if (t_counting) {
		t_allocs++;
	}
	return __libc_realloc(p, size);
}

void free(void* p)
{
	__libc_free(p);
}

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void check(as_status status, const as_error* err, const char* what)
{
	if (status != AEROSPIKE_OK) {
		fprintf(stderr, "key_bench: %s failed: %d %s\n", what, err->code, err->message);
		exit(1);
	}
}

typedef enum { PUT, GET, EXISTS } phase;

static void run(aerospike* as, as_key* key, as_record* rec, phase which, long ops)
{
	static const char* names[] = {"put", "get", "exists"};
	as_error err;
	t_allocs = 0;
	t_counting = true;
	uint64_t start = now_ns();
	for (long i = 0; i < ops; i++) {
		as_record* got = NULL;
		switch (which) {
		case PUT:
			check(aerospike_key_put(as, &err, NULL, key, rec), &err, "put");
			break;
		case GET:
			check(aerospike_key_get(as, &err, NULL, key, &got), &err, "get");
			as_record_destroy(got);
			break;
		case EXISTS:
			check(aerospike_key_exists(as, &err, NULL, key, &got), &err, "exists");
			as_record_destroy(got);
			break;
		}
	}
	uint64_t elapsed = now_ns() - start;
	t_counting = false;
	printf("%s ns_per_op %.0f allocs_per_op %.2f\n", names[which], ops ? (double)elapsed / ops : 0,
		ops ? (double)t_allocs / ops : 0);
}

int main(int argc, char** argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: key_bench HOST PORT OPS [put|get|exists|all]\n");
		return 2;
	}
	long ops = atol(argv[3]);
	const char* only = argc > 4 ? argv[4] : "all";
	as_config config;
	as_config_init(&config);
	as_config_add_host(&config, argv[1], (uint16_t)atoi(argv[2]));
	aerospike as;
	aerospike_init(&as, &config);
	as_error err;
	check(aerospike_connect(&as, &err), &err, "connect");

	as_key key;
	as_key_init_str(&key, "test", "bench", "hot");
	as_record rec;
	as_record_inita(&rec, 2);
	as_record_set_int64(&rec, "n", 42);
	as_record_set_str(&rec, "s", "a short string value");
	check(aerospike_key_put(&as, &err, NULL, &key, &rec), &err, "first put");

	bool all = strcmp(only, "all") == 0;
	if (all || strcmp(only, "put") == 0) run(&as, &key, &rec, PUT, ops);
	if (all || strcmp(only, "get") == 0) run(&as, &key, &rec, GET, ops);
	if (all || strcmp(only, "exists") == 0) run(&as, &key, &rec, EXISTS, ops);

	as_record_destroy(&rec);
	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	return 0;
}
