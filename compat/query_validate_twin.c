/*
 * as_query_validate_begin / as_query_validate through one node, printed so
 * that compat/query_validate_twin_test.sh can compare the stock C client
 * 7.4.0 with ours on one asim: each call's status, the message (cluster
 * keys, which are random per cluster change, shown as K_OLD / K_NEW) and
 * whether a key came back.
 *   usage: query_validate_twin HOST:PORT,...
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_info.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_node.h>
#include <aerospike/as_query_validate.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static aerospike g_as;
static uint16_t g_port;

static void info(const char* request)
{
	as_error err;
	char* answer = NULL;
	if (aerospike_info_host(&g_as, &err, NULL, "127.0.0.1", g_port, request, &answer) !=
		AEROSPIKE_OK) {
		fprintf(stderr, "info %s: %s\n", request, err.message);
		exit(1);
	}
	free(answer);
}

/* `text` with the decimal forms of `old_key` and `new_key` replaced. */
static void print_message(const char* text, uint64_t old_key, uint64_t new_key)
{
	char old_text[24];
	char new_text[24];
	snprintf(old_text, sizeof old_text, "%" PRIu64, old_key);
	snprintf(new_text, sizeof new_text, "%" PRIu64, new_key);
	while (*text) {
		if (old_key && strncmp(text, old_text, strlen(old_text)) == 0) {
			fputs("K_OLD", stdout);
			text += strlen(old_text);
		}
		else if (new_key && strncmp(text, new_text, strlen(new_text)) == 0) {
			fputs("K_NEW", stdout);
			text += strlen(new_text);
		}
		else {
			putchar(*text++);
		}
	}
}

static void report(const char* call, as_status status, const as_error* err, uint64_t old_key,
	uint64_t new_key)
{
	printf("%s: status=%d message=", call, status);
	print_message(status == AEROSPIKE_OK ? "" : err->message, old_key, new_key);
	printf("\n");
}

static uint64_t begin(as_node* node, const char* call, const char* ns)
{
	as_error err;
	uint64_t key = 99;
	as_status status = as_query_validate_begin(&err, node, ns, 1000, &key);
	report(call, status, &err, 0, 0);
	printf("  key_is_zero=%d\n", key == 0);
	return key;
}

static as_node* first_seed_node(void)
{
	char address[32];
	snprintf(address, sizeof address, "127.0.0.1:%u", (unsigned)g_port);
	as_nodes* nodes = as_nodes_reserve(g_as.cluster);
	as_node* found = NULL;
	for (uint32_t i = 0; i < nodes->size && !found; i++) {
		if (strcmp(as_node_get_address_string(nodes->array[i]), address) == 0) {
			found = nodes->array[i];
			as_node_reserve(found);
		}
	}
	as_nodes_release(nodes);
	if (!found) {
		fprintf(stderr, "no node at %s\n", address);
		exit(1);
	}
	return found;
}

static void run(as_node* node)
{
	as_error err;
	const uint64_t key = begin(node, "begin", "test");
	report("validate same key", as_query_validate(&err, node, "test", 1000, key), &err, 0, 0);
	report("validate no key, no node", as_query_validate(&err, NULL, NULL, 1000, 0), &err, 0, 0);
	report("validate no time limit", as_query_validate(&err, node, "test", 0, key), &err, 0, 0);

	info("asim-rebalance");
	as_status status = as_query_validate(&err, node, "test", 1000, key);
	const uint64_t after = begin(node, "begin after rebalance", "test");
	report("validate after rebalance", status, &err, key, after);

	begin(node, "begin unknown namespace", "nope");
	begin(node, "begin empty namespace", "");

	info("asim-migrations:ns=test;remaining=3");
	begin(node, "begin while migrating", "test");
	report("validate while migrating", as_query_validate(&err, node, "test", 1000, after), &err,
		after, 0);
	info("asim-migrations:ns=test;remaining=0");
	report("validate after migrations", as_query_validate(&err, node, "test", 1000, after), &err,
		after, 0);
}

int main(int argc, char** argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s HOST:PORT,...\n", argv[0]);
		return 2;
	}
	const char* colon = strchr(argv[1], ':');
	if (!colon) {
		return 2;
	}
	g_port = (uint16_t)atoi(colon + 1);
	as_config config;
	as_config_init(&config);
	as_config_add_hosts(&config, argv[1], 3000);
	aerospike_init(&g_as, &config);
	as_error err;
	if (aerospike_connect(&g_as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "connect: %d %s\n", err.code, err.message);
		return 1;
	}
	as_node* node = first_seed_node();
	run(node);
	as_node_release(node);
	aerospike_close(&g_as, &err);
	aerospike_destroy(&g_as);
	return 0;
}
