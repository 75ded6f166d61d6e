/* Batch reads: records 0..N-1 of which every seventh was never written;
 * batch exists, batch get (whole records and chosen bins) and a mixed
 * aerospike_batch_read, each row checked against what was written; then the
 * records go and every row reads as not found. */
#include "data_common.h"

#include <aerospike/aerospike_batch.h>
#include <aerospike/as_batch.h>
#include <aerospike/as_operations.h>

#include <stdio.h>
#include <string.h>

#define N_KEYS 24

typedef enum { CHECK_EXISTS, CHECK_ALL, CHECK_S_ONLY, CHECK_GONE } check_kind;

typedef struct {
	basic_ctx* ctx;
	check_kind kind;
	uint32_t calls;
} check_state;

static bool written(int64_t i)
{
	return i % 7 != 0;
}

static void text_of(int64_t i, char* buf, size_t size)
{
	snprintf(buf, size, "row-%d", (int)i);
}

static int64_t key_number(basic_ctx* ctx, const as_key* key)
{
	as_integer* v = as_integer_fromval((as_val*)key->valuep);
	if (!v) {
		basic_fail(ctx, "a batch row's key is not the integer key asked for", NULL);
	}
	return as_integer_get(v);
}

static void check_row(check_state* st, const as_batch_read* row, int64_t expect_i)
{
	basic_ctx* ctx = st->ctx;
	int64_t i = key_number(ctx, row->key);
	if (i != expect_i) {
		basic_fail(ctx, "batch rows are not in the order of the keys", NULL);
	}
	bool there = written(i) && st->kind != CHECK_GONE;
	basic_expect(ctx, "a batch row", row->result,
		there ? AEROSPIKE_OK : AEROSPIKE_ERR_RECORD_NOT_FOUND, NULL);
	if (!there) {
		return;
	}
	if (row->record.gen == 0) {
		basic_fail(ctx, "a found row has generation 0", NULL);
	}
	char text[32];
	text_of(i, text, sizeof(text));
	switch (st->kind) {
	case CHECK_EXISTS:
		data_expect_numbins(ctx, &row->record, 0, "batch exists row");
		break;
	case CHECK_ALL:
		data_expect_numbins(ctx, &row->record, 3, "batch get row");
		basic_expect_int(ctx, &row->record, "n", i);
		basic_expect_int(ctx, &row->record, "sq", i * i);
		basic_expect_str(ctx, &row->record, "s", text);
		break;
	case CHECK_S_ONLY:
		data_expect_numbins(ctx, &row->record, 1, "batch get_bins row");
		basic_expect_str(ctx, &row->record, "s", text);
		break;
	case CHECK_GONE:
		break;
	}
}

static bool check_rows(const as_batch_read* rows, uint32_t n, void* udata)
{
	check_state* st = udata;
	st->calls++;
	if (n != N_KEYS) {
		basic_fail(st->ctx, "the batch listener did not get one row per key", NULL);
	}
	for (uint32_t r = 0; r < n; r++) {
		check_row(st, &rows[r], (int64_t)r);
	}
	return true;
}

static void run_listener(basic_ctx* ctx, const char* what, as_status st, check_state* state,
	const as_error* err)
{
	basic_expect(ctx, what, st, AEROSPIKE_OK, err);
	if (state->calls != 1) {
		basic_fail(ctx, "the batch listener was not called exactly once", NULL);
	}
	state->calls = 0;
}

static void write_rows(basic_ctx* ctx)
{
	for (int64_t i = 0; i < N_KEYS; i++) {
		if (!written(i)) {
			continue;
		}
		char text[32];
		text_of(i, text, sizeof(text));
		as_key key;
		as_record rec;
		as_record_inita(&rec, 3);
		as_record_set_int64(&rec, "n", i);
		as_record_set_int64(&rec, "sq", i * i);
		as_record_set_str(&rec, "s", text);
		data_put(ctx, data_key(ctx, &key, i), &rec);
		as_record_destroy(&rec);
	}
}

static void check_batch_read(basic_ctx* ctx)
{
	as_error err;
	as_batch_records records;
	as_batch_records_inita(&records, 4);
	static const int64_t which[] = { 3, 4, 7, 5 };
	static char* only_n[] = { "n" };
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_read(&ops, "sq");
	for (int r = 0; r < 4; r++) {
		as_batch_read_record* row = as_batch_read_reserve(&records);
		data_key(ctx, &row->key, which[r]);
		if (r == 0 || r == 2) {
			row->read_all_bins = true;
		}
		else if (r == 1) {
			row->bin_names = only_n;
			row->n_bin_names = 1;
		}
		else {
			row->ops = &ops;
		}
	}
	basic_expect(ctx, "aerospike_batch_read", aerospike_batch_read(&ctx->as, &err, NULL, &records),
		AEROSPIKE_OK, &err);
	as_vector* list = &records.list;
	as_batch_read_record* all = as_vector_get(list, 0);
	basic_expect(ctx, "batch_read all bins", all->result, AEROSPIKE_OK, NULL);
	data_expect_numbins(ctx, &all->record, 3, "batch_read all bins");
	basic_expect_str(ctx, &all->record, "s", "row-3");
	as_batch_read_record* named = as_vector_get(list, 1);
	basic_expect(ctx, "batch_read one bin", named->result, AEROSPIKE_OK, NULL);
	data_expect_numbins(ctx, &named->record, 1, "batch_read one bin");
	basic_expect_int(ctx, &named->record, "n", 4);
	as_batch_read_record* missing = as_vector_get(list, 2);
	basic_expect(ctx, "batch_read of a missing record", missing->result,
		AEROSPIKE_ERR_RECORD_NOT_FOUND, NULL);
	as_batch_read_record* op = as_vector_get(list, 3);
	basic_expect(ctx, "batch_read with a read op", op->result, AEROSPIKE_OK, NULL);
	data_expect_numbins(ctx, &op->record, 1, "batch_read with a read op");
	basic_expect_int(ctx, &op->record, "sq", 25);
	as_batch_records_destroy(&records);
	as_operations_destroy(&ops);
}

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	data_start(&ctx, "batch_get", argc, argv);
	as_error err;
	write_rows(&ctx);

	as_batch batch;
	as_batch_inita(&batch, N_KEYS);
	for (int64_t i = 0; i < N_KEYS; i++) {
		data_key(&ctx, as_batch_keyat(&batch, (uint32_t)i), i);
	}
	check_state state = { &ctx, CHECK_EXISTS, 0 };
	run_listener(&ctx, "batch exists",
		aerospike_batch_exists(&ctx.as, &err, NULL, &batch, check_rows, &state), &state, &err);
	state.kind = CHECK_ALL;
	run_listener(&ctx, "batch get",
		aerospike_batch_get(&ctx.as, &err, NULL, &batch, check_rows, &state), &state, &err);
	const char* s_only[] = { "s" };
	state.kind = CHECK_S_ONLY;
	run_listener(&ctx, "batch get_bins",
		aerospike_batch_get_bins(&ctx.as, &err, NULL, &batch, s_only, 1, check_rows, &state),
		&state, &err);
	check_batch_read(&ctx);

	for (int64_t i = 0; i < N_KEYS; i++) {
		if (written(i)) {
			data_remove(&ctx, as_batch_keyat(&batch, (uint32_t)i));
		}
	}
	state.kind = CHECK_GONE;
	run_listener(&ctx, "batch exists after the removes",
		aerospike_batch_exists(&ctx.as, &err, NULL, &batch, check_rows, &state), &state, &err);
	as_batch_destroy(&batch);
	return basic_finish(&ctx);
}
