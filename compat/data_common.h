/*
 * What the compat/data_*.c examples (batch, scan, query, geospatial, UDF)
 * add to basic_common: a set of the process's own, integer keys in it, and
 * records written and removed by number.
 *
 * usage: data_NAME HOST:PORT SET [shm=KEY]
 *
 * Each run works in the set "SET-PID", so runs side by side never see each
 * other's records, indexes or modules.
 */
#ifndef COMPAT_DATA_COMMON_H
#define COMPAT_DATA_COMMON_H

#include "basic_common.h"

/* basic_start_prefixed with "data_", then ctx->set becomes "SET-PID". */
void data_start(basic_ctx* ctx, const char* name, int argc, char* argv[]);

/* Record number i of the run's set (or of another set). */
as_key* data_key(basic_ctx* ctx, as_key* key, int64_t i);
as_key* data_key_in(const char* set, as_key* key, int64_t i);

/* A name made of the run's set and a suffix, in a static buffer per slot
 * (0..3): index and module names of this run. */
const char* data_name(basic_ctx* ctx, int slot, const char* suffix);

/* Writes / removes record i, failing the example on any error. */
void data_put(basic_ctx* ctx, const as_key* key, as_record* rec);
void data_remove(basic_ctx* ctx, const as_key* key);

/* Fails unless the record's bins are exactly n in number. */
void data_expect_numbins(basic_ctx* ctx, const as_record* rec, uint16_t n, const char* what);

#endif
