/*
 * What the parts of the key script share (compat/key_script.c holds the
 * printing and main; compat/key_script_udf.c the record-UDF part,
 * compat/key_script_admin.c truncate and indexes, compat/key_script_batch.c
 * the batch commands, compat/key_script_scan.c scans,
 * compat/key_script_aggregate.c query aggregations).
 */
#ifndef KEY_SCRIPT_H
#define KEY_SCRIPT_H

#include <aerospike/aerospike.h>
#include <aerospike/as_error.h>
#include <aerospike/as_key.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_record.h>
#include <aerospike/as_val.h>

#define NS "test"

/* The connected client, and this run's own set (named after the pid). */
extern aerospike g_as;
extern char g_set[32];

/* One line for a command: its number, name, status, in_doubt and message
 * (ports and node names normalized), ret when >= 0, and the record. */
void report(const char* name, as_status st, const as_error* err, const as_record* rec, int ret);
void print_val(const as_val* v);
void print_message(const char* msg);
as_key* skey(as_key* k, const char* name);
void do_get(const char* name, const as_policy_read* pol, const as_key* k);

/* Registers a module, applies its functions every way the script covers,
 * and removes it again. */
void script_udf(void);

/* Truncates this run's set and creates and removes secondary indexes. */
void script_admin(void);

/* Every batch command over this run's set, row by row. */
void script_batch(void);

/* Foreground scans of a set of this run's own. */
void script_scan(void);

/* Query aggregations from a module it writes into user_path (the Lua user
 * path main() set before connecting) and registers. */
void script_aggregate(const char* user_path);

#endif
