/*
 * stock_lookup: the stock C client 7.4's own follower partition lookup, for
 * comparison with lookup_bench. Node cannot time a ~10 ns call, so this loads
 * the C client out of the stock Node addon (aerospike.node exports its C API)
 * without Node, connects as a follower of an existing segment, finds the
 * namespace's table once (as_shm_find_partition_table), then times
 * as_partition_shm_get_node (master) over the same pseudo-random partitions
 * lookup_bench draws, TRIALS times LOOKUPS each.
 *
 * The addon's symbols from Node itself (V8, OpenSSL) stay unresolved: it is
 * opened with lazy binding and none of them is on the paths called here,
 * except node_module_register from its load-time constructor, stubbed below;
 * OpenSSL comes from the system library linked in.
 *
 * usage: stock_lookup ADDON HOST PORT SHM_KEY NAMESPACE TRIALS LOOKUPS
 * prints: "ns_per_lookup X" once per trial
 */
#include <aerospike/aerospike.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_shm_cluster.h>

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

/* The addon registers itself with Node when loaded; outside Node, nobody listens. */
void node_module_register(void* module)
{
	(void)module;
}

typedef as_config* (*config_init_fn)(as_config*);
typedef bool (*config_add_host_fn)(as_config*, const char*, uint16_t);
typedef aerospike* (*init_fn)(aerospike*, as_config*);
typedef as_status (*connect_fn)(aerospike*, as_error*);
typedef as_partition_table_shm* (*find_table_fn)(as_cluster_shm*, const char*);
typedef as_node* (*get_node_fn)(as_cluster*, const char*, as_partition_shm*, as_node*,
		as_policy_replica, uint8_t, uint8_t*);

static void* need(void* lib, const char* name)
{
	void* symbol = dlsym(lib, name);
	if (!symbol) {
		fprintf(stderr, "stock_lookup: the addon does not export %s\n", name);
		exit(1);
	}
	return symbol;
}

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char** argv)
{
	if (argc != 8) {
		fprintf(stderr, "usage: %s ADDON HOST PORT SHM_KEY NAMESPACE TRIALS LOOKUPS\n", argv[0]);
		return 2;
	}
	void* lib = dlopen(argv[1], RTLD_LAZY | RTLD_LOCAL);
	if (!lib) {
		fprintf(stderr, "stock_lookup: %s\n", dlerror());
		return 1;
	}
	config_init_fn config_init = (config_init_fn)need(lib, "as_config_init");
	config_add_host_fn config_add_host = (config_add_host_fn)need(lib, "as_config_add_host");
	init_fn client_init = (init_fn)need(lib, "aerospike_init");
	connect_fn client_connect = (connect_fn)need(lib, "aerospike_connect");
	find_table_fn find_table = (find_table_fn)need(lib, "as_shm_find_partition_table");
	get_node_fn get_node = (get_node_fn)need(lib, "as_partition_shm_get_node");

	key_t key = (key_t)strtoul(argv[4], NULL, 0);
	as_config config;
	config_init(&config);
	config_add_host(&config, argv[2], (uint16_t)atoi(argv[3]));
	config.use_shm = true;
	config.shm_key = key;
	config.shm_max_nodes = 16;
	config.shm_max_namespaces = 8;
	aerospike as;
	client_init(&as, &config);
	as_error err;
	if (client_connect(&as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "stock_lookup: connect: %d %s\n", err.code, err.message);
		return 1;
	}

	/* Our own read-only view of the same segment: as_shm_info's layout is
	 * private, and the partition entries are the same bytes at any address. */
	int id = shmget(key, 0, 0);
	const as_cluster_shm* shm = id < 0 ? (void*)-1 : shmat(id, NULL, SHM_RDONLY);
	if (shm == (void*)-1) {
		fprintf(stderr, "stock_lookup: cannot attach segment %s\n", argv[4]);
		return 1;
	}
	if (shm->owner_pid == (uint32_t)getpid()) {
		fprintf(stderr, "stock_lookup: this process owns the segment: start an owner first\n");
		return 1;
	}
	as_partition_table_shm* table = find_table((as_cluster_shm*)shm, argv[5]);
	if (!table) {
		fprintf(stderr, "stock_lookup: namespace %s is not in the segment\n", argv[5]);
		return 1;
	}

	long trials = atol(argv[6]);
	long lookups = atol(argv[7]);
	uint32_t state = 2463534242u; /* the generator lookup_bench uses */
	uintptr_t sink = 0;
	for (long t = 0; t < trials; t++) {
		long missing = 0;
		double start = now_ns();
		for (long i = 0; i < lookups; i++) {
			state ^= state << 13;
			state ^= state >> 17;
			state ^= state << 5;
			uint8_t replica_index = 0;
			as_node* node = get_node(as.cluster, argv[5], &table->partitions[state & 4095u], NULL,
					AS_POLICY_REPLICA_MASTER, table->replica_size, &replica_index);
			if (node) {
				sink += (uintptr_t)node;
			}
			else {
				missing++;
			}
		}
		double elapsed = now_ns() - start;
		if (missing) {
			fprintf(stderr, "stock_lookup: %ld partitions without a master\n", missing);
			return 1;
		}
		printf("ns_per_lookup %.3f\n", elapsed / (double)lookups);
	}
	fprintf(stderr, "stock_lookup: checksum %lu\n", (unsigned long)sink);
	/* _exit rather than aerospike_close: the kernel detaches the segment and
	 * the owner (and run.sh's trap) removes it; the addon's teardown is not
	 * what is measured and assumes it runs inside Node. */
	fflush(stdout);
	_exit(0);
}
