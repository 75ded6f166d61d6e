/* The cluster a server-only test runs against. Normally an asim the test
 * starts; with AEROSPIKE_HOSTS=host:port[,host:port...] set, the real cluster
 * it names instead (namespace AEROSPIKE_NAMESPACE, default "test"), which the
 * test must leave as it found it: its sets, UDF modules and index names carry
 * the pid (test_unique_name) and are removed at the end.
 *
 * A test that needs asim itself (its asim-* controls, counters or exact
 * node names) says so: asim_start and asim controls end the process with
 * "skipped: needs asim (...)" and exit status 77 (ctest's SKIP_RETURN_CODE)
 * when the cluster is a real one, and a cmocka case needing asim asks
 * lacks_asim("why") first and calls skip(). */
#pragma once

#include <aerospike/aerospike.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "asim_process.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What tests exit with when they cannot run here; ctest counts it skipped. */
#define TEST_SKIPPED_EXIT 77

typedef struct {
	char host[256];
	uint16_t port;
} test_seed;

typedef struct {
	bool real;
	/* Started only when the cluster is not a real one. */
	asim_process asim;
	int n_seeds;
	test_seed seeds[ASIM_MAX_NODES];
} test_cluster;

/* True when AEROSPIKE_HOSTS names a real cluster for the tests. */
bool test_cluster_is_real(void);

/* The real cluster AEROSPIKE_HOSTS names, or asim started with `asim_args`
 * (which must create namespace "test"); false, the reason printed, when
 * neither can be had. */
bool test_cluster_start(test_cluster* cluster, const char* asim_args);
/* Stops the asim test_cluster_start started; nothing for a real cluster. */
void test_cluster_stop(test_cluster* cluster);

/* Every seed of `cluster` added to `config` (already initialized). */
void test_cluster_add_seeds(const test_cluster* cluster, as_config* config);
/* Initializes `as` with the default configuration and every seed and
 * connects it; false (the reason printed, `as` destroyed) when it cannot. */
bool test_cluster_connect(const test_cluster* cluster, aerospike* as);

/* The namespace tests write to: AEROSPIKE_NAMESPACE on a real cluster
 * ("test" when unset), "test" on asim. */
const char* test_namespace(void);

/* `prefix` followed by the pid, into `out`: a set, module or index name no
 * other run uses at the same time. */
void test_unique_name(char* out, size_t size, const char* prefix);

/* Removes every record of `set` in test_namespace() (a truncate), so that
 * a run leaves nothing behind on a real cluster; false, the reason
 * printed, when the cluster refuses. */
bool test_cluster_drop_set(aerospike* as, const char* set);

/* On a real cluster: prints "skipped: needs asim (<what>)" and returns
 * true, for the caller to skip; on asim: false. */
bool lacks_asim(const char* what);
/* On a real cluster: prints "skipped: needs asim (<what>)" and exits with
 * TEST_SKIPPED_EXIT; on asim: returns. */
void asim_require(const char* what);

#ifdef __cplusplus
}
#endif
