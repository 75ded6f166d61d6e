/* Tests drive asim through this: start it on ephemeral ports, ask a node an
 * info question (control names included), read its counters, stop it.
 * Plain C so that C tests (public API only) and C++ tests share it.
 * When the tests run against a real cluster (test_cluster.h), asking for
 * asim here skips the test: "skipped: needs asim (...)", exit status 77. */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ASIM_MAX_NODES 64

typedef struct {
	pid_t pid;
	int n_ports;
	uint16_t ports[ASIM_MAX_NODES];
} asim_process;

/* Starts $ASIM with `args` (e.g. "--nodes 3 --namespace test:2") on ephemeral
 * ports, bounded by a --duration so it never outlives a killed test. Waits
 * for its ready line (10 s at most). */
bool asim_start(asim_process* asim, const char* args);
/* SIGTERM, then waits for it to exit (SIGKILL after 5 s). */
void asim_stop(asim_process* asim);

/* The value answered to `request` (one name) by the node on `port`, as a
 * malloc'd string, or NULL when the node cannot be reached. */
char* asim_info(uint16_t port, const char* request);
/* The same of any server's node, by host name or address and port. */
char* node_info(const char* host, uint16_t port, const char* request);

/* A counter of node `node_port` from asim-stats asked of `port`
 * ("reads", "info", "info.replicas", ...); 0 when absent, -1 on error. */
long asim_stat(uint16_t port, uint16_t node_port, const char* field);

/* Polls `condition` every 5 ms until it holds or `timeout_ms` passes. */
bool await_condition(bool (*condition)(void* arg), void* arg, int timeout_ms);

#ifdef __cplusplus
}
#endif
