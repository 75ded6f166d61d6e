/*
 * Source written the way users of the stock 7.4.0 headers write it: each
 * stock_style_includes_<header>.c includes exactly one public header and
 * uses what that header's 7.4.0 counterpart makes available through its own
 * includes. Compiling them proves our include lists carry the same names;
 * running this program checks that the inline helpers they call work.
 * Each unit returns 0, or the line of its first failed check.
 */
#include <stdio.h>
#include <string.h>

int aeroshim_stock_style_aerospike(void);
int aeroshim_stock_style_aerospike_batch(void);
int aeroshim_stock_style_aerospike_index(void);
int aeroshim_stock_style_aerospike_info(void);
int aeroshim_stock_style_aerospike_key(void);
int aeroshim_stock_style_aerospike_query(void);
int aeroshim_stock_style_aerospike_scan(void);
int aeroshim_stock_style_aerospike_stats(void);
int aeroshim_stock_style_aerospike_txn(void);
int aeroshim_stock_style_aerospike_udf(void);
int aeroshim_stock_style_atomic(void);
int aeroshim_stock_style_cluster(void);
int aeroshim_stock_style_config(void);
int aeroshim_stock_style_config_file(void);
int aeroshim_stock_style_error(void);
int aeroshim_stock_style_hash_math(void);
int aeroshim_stock_style_host(void);
int aeroshim_stock_style_info(void);
int aeroshim_stock_style_log(void);
int aeroshim_stock_style_metrics(void);
int aeroshim_stock_style_node(void);
int aeroshim_stock_style_policy(void);
int aeroshim_stock_style_proto(void);
int aeroshim_stock_style_random(void);
int aeroshim_stock_style_record(void);
int aeroshim_stock_style_shm_cluster(void);
int aeroshim_stock_style_std(void);
int aeroshim_stock_style_udf_context(void);

int main(void)
{
	static const struct {
		const char* header;
		int (*run)(void);
	} units[] = {
		{ "aerospike.h", aeroshim_stock_style_aerospike },
		{ "aerospike_batch.h", aeroshim_stock_style_aerospike_batch },
		{ "aerospike_index.h", aeroshim_stock_style_aerospike_index },
		{ "aerospike_info.h", aeroshim_stock_style_aerospike_info },
		{ "aerospike_key.h", aeroshim_stock_style_aerospike_key },
		{ "aerospike_query.h", aeroshim_stock_style_aerospike_query },
		{ "aerospike_scan.h", aeroshim_stock_style_aerospike_scan },
		{ "aerospike_stats.h", aeroshim_stock_style_aerospike_stats },
		{ "aerospike_txn.h", aeroshim_stock_style_aerospike_txn },
		{ "aerospike_udf.h", aeroshim_stock_style_aerospike_udf },
		{ "as_atomic.h", aeroshim_stock_style_atomic },
		{ "as_cluster.h", aeroshim_stock_style_cluster },
		{ "as_config.h", aeroshim_stock_style_config },
		{ "as_config_file.h", aeroshim_stock_style_config_file },
		{ "as_error.h", aeroshim_stock_style_error },
		{ "as_host.h", aeroshim_stock_style_host },
		{ "as_info.h", aeroshim_stock_style_info },
		{ "as_log.h", aeroshim_stock_style_log },
		{ "as_metrics.h", aeroshim_stock_style_metrics },
		{ "as_node.h", aeroshim_stock_style_node },
		{ "as_policy.h", aeroshim_stock_style_policy },
		{ "as_proto.h", aeroshim_stock_style_proto },
		{ "as_random.h", aeroshim_stock_style_random },
		{ "as_record.h", aeroshim_stock_style_record },
		{ "as_shm_cluster.h", aeroshim_stock_style_shm_cluster },
		{ "as_std.h", aeroshim_stock_style_std },
		{ "as_udf_context.h", aeroshim_stock_style_udf_context },
		{ "citrusleaf/cf_hash_math.h", aeroshim_stock_style_hash_math },
	};
	int failures = 0;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		int line = units[i].run();
		if (line != 0) {
			/* Headers outside aerospike/ are named with their folder. */
			const char* folder = strchr(units[i].header, '/') != NULL ? "" : "aerospike/";
			fprintf(stderr, "unit for <%s%s>: check at line %d failed\n", folder,
				units[i].header, line);
			failures++;
		}
	}
	return failures == 0 ? 0 : 1;
}
