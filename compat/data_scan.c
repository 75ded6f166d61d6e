/* Scans of one set: records 0..N-1 plus a few in a neighbouring set. A
 * standard scan must deliver each of the set's records exactly once with
 * all its bins, a projection only the chosen bin, a no-bins scan only the
 * metadata, and a scan of the neighbouring set only its records. */
#include "data_common.h"

#include <aerospike/aerospike_scan.h>
#include <aerospike/as_scan.h>

#include <stdio.h>
#include <string.h>

#define N_ROWS 40
#define N_OTHER 3

typedef enum { SEE_ALL, SEE_S_ONLY, SEE_NO_BINS } scan_view;

typedef struct {
	basic_ctx* ctx;
	scan_view view;
	int64_t n_rows;
	uint32_t seen[N_ROWS];
	uint32_t records;
	uint32_t ends;
} scan_state;

static void text_of(int64_t i, char* buf, size_t size)
{
	snprintf(buf, size, "scan-%d", (int)i);
}

static int64_t row_of(scan_state* st, const as_record* rec)
{
	int64_t i = -1;
	if (st->view == SEE_S_ONLY) {
		const char* s = as_record_get_str(rec, "s");
		int n = 0;
		if (!s || sscanf(s, "scan-%d", &n) != 1) {
			basic_fail(st->ctx, "a projected record has no bin s of the form scan-N", NULL);
		}
		i = n;
	}
	else {
		as_integer* n = as_record_get_integer(rec, "n");
		if (!n) {
			basic_fail(st->ctx, "a scanned record has no integer bin n", NULL);
		}
		i = as_integer_get(n);
	}
	if (i < 0 || i >= st->n_rows) {
		basic_fail(st->ctx, "a scanned record is none of the set's", NULL);
	}
	return i;
}

static bool on_record(const as_val* val, void* udata)
{
	scan_state* st = udata;
	if (!val) {
		st->ends++;
		return true;
	}
	const as_record* rec = as_record_fromval(val);
	if (!rec) {
		basic_fail(st->ctx, "a scan delivered something that is not a record", NULL);
	}
	st->records++;
	if (st->view == SEE_NO_BINS) {
		data_expect_numbins(st->ctx, rec, 0, "no-bins scan");
		return true;
	}
	int64_t i = row_of(st, rec);
	st->seen[i]++;
	char text[32];
	text_of(i, text, sizeof(text));
	if (st->view == SEE_ALL) {
		data_expect_numbins(st->ctx, rec, 2, "standard scan");
		basic_expect_str(st->ctx, rec, "s", text);
	}
	else {
		data_expect_numbins(st->ctx, rec, 1, "projection scan");
	}
	if (rec->gen == 0) {
		basic_fail(st->ctx, "a scanned record has generation 0", NULL);
	}
	return true;
}

static void run_scan(basic_ctx* ctx, const char* what, as_scan* scan, scan_state* st)
{
	as_error err;
	basic_expect(ctx, what, aerospike_scan_foreach(&ctx->as, &err, NULL, scan, on_record, st),
		AEROSPIKE_OK, &err);
	if (st->ends != 1) {
		basic_fail(ctx, "the scan callback did not get exactly one end (NULL)", NULL);
	}
	if (st->records != (uint32_t)st->n_rows) {
		char msg[96];
		snprintf(msg, sizeof(msg), "%s: %u records, expected %d", what, st->records,
			(int)st->n_rows);
		basic_fail(ctx, msg, NULL);
	}
	for (int64_t i = 0; st->view != SEE_NO_BINS && i < st->n_rows; i++) {
		if (st->seen[i] != 1) {
			basic_fail(ctx, "a record was not delivered exactly once", NULL);
		}
	}
}

static void write_rows(basic_ctx* ctx, const char* set, int64_t n)
{
	for (int64_t i = 0; i < n; i++) {
		char text[32];
		text_of(i, text, sizeof(text));
		as_key key;
		as_record rec;
		as_record_inita(&rec, 2);
		as_record_set_int64(&rec, "n", i);
		as_record_set_str(&rec, "s", text);
		data_put(ctx, data_key_in(set, &key, i), &rec);
		as_record_destroy(&rec);
	}
}

static void remove_rows(basic_ctx* ctx, const char* set, int64_t n)
{
	for (int64_t i = 0; i < n; i++) {
		as_key key;
		data_remove(ctx, data_key_in(set, &key, i));
	}
}

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	data_start(&ctx, "scan", argc, argv);
	const char* other = data_name(&ctx, 0, "other");
	write_rows(&ctx, ctx.set, N_ROWS);
	write_rows(&ctx, other, N_OTHER);

	as_scan scan;
	scan_state st;
	memset(&st, 0, sizeof(st));
	st.ctx = &ctx;
	st.n_rows = N_ROWS;
	as_scan_init(&scan, BASIC_NS, ctx.set);
	run_scan(&ctx, "standard scan", &scan, &st);
	as_scan_destroy(&scan);

	memset(st.seen, 0, sizeof(st.seen));
	st.records = st.ends = 0;
	st.view = SEE_S_ONLY;
	as_scan_init(&scan, BASIC_NS, ctx.set);
	as_scan_select_inita(&scan, 1);
	as_scan_select(&scan, "s");
	run_scan(&ctx, "projection scan", &scan, &st);
	as_scan_destroy(&scan);

	st.records = st.ends = 0;
	st.view = SEE_NO_BINS;
	as_scan_init(&scan, BASIC_NS, ctx.set);
	as_scan_set_nobins(&scan, true);
	run_scan(&ctx, "no-bins scan", &scan, &st);
	as_scan_destroy(&scan);

	memset(st.seen, 0, sizeof(st.seen));
	st.records = st.ends = 0;
	st.view = SEE_ALL;
	st.n_rows = N_OTHER;
	as_scan_init(&scan, BASIC_NS, other);
	run_scan(&ctx, "scan of the neighbouring set", &scan, &st);
	as_scan_destroy(&scan);

	remove_rows(&ctx, ctx.set, N_ROWS);
	remove_rows(&ctx, other, N_OTHER);
	st.records = st.ends = 0;
	st.view = SEE_NO_BINS;
	st.n_rows = 0;
	as_scan_init(&scan, BASIC_NS, ctx.set);
	run_scan(&ctx, "scan after the removes", &scan, &st);
	as_scan_destroy(&scan);
	return basic_finish(&ctx);
}
