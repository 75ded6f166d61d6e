/*
 * The admin part of the key script: truncate (of a set of this run's own, by time)
 * and secondary-index create/wait/remove with their server errors. One line
 * per command, as in key_script.c. Index names are fixed and every index is
 * removed again, so runs one after another see the same cluster.
 */
#include "key_script.h"

#include <aerospike/aerospike_index.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_cdt_ctx.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#define INDEX_NUM "twin_idx_num"
#define INDEX_STR "twin_idx_str"
#define INDEX_LIST "twin_idx_list"

static void report_status(const char* name, as_status st, const as_error* err)
{
	report(name, st, err, NULL, -1);
}

/* The truncated set: this run's set name with a "t", so the truncates leave
 * the rest of the script's records for its cleanup. */
static char g_trunc_set[40];

static as_key* tkey(as_key* k, const char* name)
{
	return as_key_init_str(k, NS, g_trunc_set, name);
}

static void put_one(const char* name, const char* key)
{
	as_key k;
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "n", 1);
	as_error err;
	as_status st = aerospike_key_put(&g_as, &err, NULL, tkey(&k, key), &rec);
	report_status(name, st, &err);
	as_record_destroy(&rec);
}

/* A truncate removes what was last updated before its cut, in the server's
 * milliseconds: a record written in the very millisecond of the cut stays
 * (on a server as on asim). So the wall clock is let pass 2 ms after the
 * writes before a truncate that must remove them. */
static void let_wall_clock_pass(long ms)
{
	struct timespec start, now;
	clock_gettime(CLOCK_REALTIME, &start);
	const struct timespec nap = { 0, 250000 };
	do {
		nanosleep(&nap, NULL);
		clock_gettime(CLOCK_REALTIME, &now);
	} while ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 < ms);
}

static void truncates(void)
{
	as_key k;
	as_error err;
	snprintf(g_trunc_set, sizeof g_trunc_set, "%st", g_set);
	put_one("put_before_truncate_a", "trunc-a");
	put_one("put_before_truncate_b", "trunc-b");
	/* A cut before the server's epoch (2010) is refused. */
	as_status st = aerospike_truncate(&g_as, &err, NULL, NS, g_trunc_set, 1);
	report_status("truncate_set_past", st, &err);
	do_get("get_after_truncate_past", NULL, tkey(&k, "trunc-a"));
	let_wall_clock_pass(2);
	st = aerospike_truncate(&g_as, &err, NULL, NS, g_trunc_set, 0);
	report_status("truncate_set_now", st, &err);
	do_get("get_after_truncate_a", NULL, tkey(&k, "trunc-a"));
	do_get("get_after_truncate_b", NULL, tkey(&k, "trunc-b"));
	put_one("put_after_truncate", "trunc-a");
	do_get("get_rewritten_after_truncate", NULL, tkey(&k, "trunc-a"));
	st = aerospike_truncate(&g_as, &err, NULL, "nosuchns", g_trunc_set, 0);
	report_status("truncate_unknown_namespace", st, &err);
	/* Later than the server's clock: refused. */
	st = aerospike_truncate(&g_as, &err, NULL, NS, g_trunc_set, 0xF000000000000000ull);
	report_status("truncate_future", st, &err);
}

static void create_index(const char* name, const char* index, const char* bin,
	as_index_type type, as_index_datatype datatype, as_cdt_ctx* ctx)
{
	as_error err;
	as_index_task task;
	memset(&task, 0, sizeof task);
	as_status st = aerospike_index_create_ctx(&g_as, &err, &task, NULL, NS, g_set, bin, index,
		type, datatype, ctx);
	report_status(name, st, &err);
	if (st == AEROSPIKE_OK) {
		st = aerospike_index_create_wait(&err, &task, 10);
		report_status("index_create_wait", st, &err);
		printf("    done=%d ns=%s name=%s\n", task.done ? 1 : 0, task.ns, task.name);
	}
}

static void remove_index(const char* name, const char* index)
{
	as_error err;
	as_status st = aerospike_index_remove(&g_as, &err, NULL, NS, index);
	report_status(name, st, &err);
}

static void indexes(void)
{
	create_index("index_create_numeric", INDEX_NUM, "n", AS_INDEX_TYPE_DEFAULT, AS_INDEX_NUMERIC,
		NULL);
	create_index("index_create_again", INDEX_NUM, "n", AS_INDEX_TYPE_DEFAULT, AS_INDEX_NUMERIC,
		NULL);
	create_index("index_create_string", INDEX_STR, "s", AS_INDEX_TYPE_DEFAULT, AS_INDEX_STRING,
		NULL);
	as_cdt_ctx ctx;
	as_cdt_ctx_inita(&ctx, 1);
	as_cdt_ctx_add_map_key(&ctx, (as_val*)as_string_new_strdup("k"));
	create_index("index_create_list_ctx", INDEX_LIST, "m", AS_INDEX_TYPE_LIST, AS_INDEX_NUMERIC,
		&ctx);
	as_cdt_ctx_destroy(&ctx);
	remove_index("index_remove_numeric", INDEX_NUM);
	remove_index("index_remove_again", INDEX_NUM);
	remove_index("index_remove_string", INDEX_STR);
	remove_index("index_remove_list_ctx", INDEX_LIST);
	as_error err;
	as_status st = aerospike_index_remove(&g_as, &err, NULL, "nosuchns", INDEX_NUM);
	report_status("index_remove_unknown_namespace", st, &err);
}

void script_admin(void)
{
	truncates();
	indexes();
}
