/*
 * Source written the way users of the stock 7.4.0 headers write it: each
 * stock_style_includes_<header>.c includes exactly one public header and
 * uses what that header's 7.4.0 counterpart makes available through its own
 * includes. Compiling them proves our include lists carry the same names;
 * running this program checks that the inline helpers they call work.
 * Each unit returns 0, or the line of its first failed check.
 */
#include <stdio.h>

int aeroshim_stock_style_aerospike(void);
int aeroshim_stock_style_aerospike_info(void);
int aeroshim_stock_style_atomic(void);
int aeroshim_stock_style_cluster(void);
int aeroshim_stock_style_config(void);
int aeroshim_stock_style_error(void);
int aeroshim_stock_style_host(void);
int aeroshim_stock_style_info(void);
int aeroshim_stock_style_log(void);
int aeroshim_stock_style_metrics(void);
int aeroshim_stock_style_node(void);
int aeroshim_stock_style_policy(void);
int aeroshim_stock_style_record(void);
int aeroshim_stock_style_shm_cluster(void);
int aeroshim_stock_style_std(void);

int main(void)
{
	static const struct {
		const char* header;
		int (*run)(void);
	} units[] = {
		{ "aerospike.h", aeroshim_stock_style_aerospike },
		{ "aerospike_info.h", aeroshim_stock_style_aerospike_info },
		{ "as_atomic.h", aeroshim_stock_style_atomic },
		{ "as_cluster.h", aeroshim_stock_style_cluster },
		{ "as_config.h", aeroshim_stock_style_config },
		{ "as_error.h", aeroshim_stock_style_error },
		{ "as_host.h", aeroshim_stock_style_host },
		{ "as_info.h", aeroshim_stock_style_info },
		{ "as_log.h", aeroshim_stock_style_log },
		{ "as_metrics.h", aeroshim_stock_style_metrics },
		{ "as_node.h", aeroshim_stock_style_node },
		{ "as_policy.h", aeroshim_stock_style_policy },
		{ "as_record.h", aeroshim_stock_style_record },
		{ "as_shm_cluster.h", aeroshim_stock_style_shm_cluster },
		{ "as_std.h", aeroshim_stock_style_std },
	};
	int failures = 0;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		int line = units[i].run();
		if (line != 0) {
			fprintf(stderr, "unit for <aerospike/%s>: check at line %d failed\n", units[i].header,
				line);
			failures++;
		}
	}
	return failures == 0 ? 0 : 1;
}
