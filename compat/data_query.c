/* Secondary-index queries: a numeric index on bin n of the run's set,
 * records 0..N-1 (n = i, s = "q-i") plus records the index must not pick (a
 * string n, no n at all). An equality and a range query must return exactly
 * the records whose n matches, a projection only bin s, a range that
 * matches nothing no record; a query on a bin without an index, and any
 * query once the index is removed, is INDEX_NOTFOUND. */
#include "data_common.h"

#include <aerospike/aerospike_index.h>
#include <aerospike/aerospike_query.h>
#include <aerospike/as_query.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define N_ROWS 40
#define POLL_MS 20

/* A query calls back from one thread per node at once: the tally takes a lock. */
typedef struct {
	basic_ctx* ctx;
	pthread_mutex_t lock;
	bool s_only;
	uint32_t seen[N_ROWS];
	uint32_t records;
	uint32_t ends;
} query_state;

static void text_of(int64_t i, char* buf, size_t size)
{
	snprintf(buf, size, "q-%d", (int)i);
}

static int64_t row_of(query_state* st, const as_record* rec)
{
	if (st->s_only) {
		const char* s = as_record_get_str(rec, "s");
		int n = -1;
		if (!s || sscanf(s, "q-%d", &n) != 1) {
			basic_fail(st->ctx, "a projected record has no bin s of the form q-N", NULL);
		}
		data_expect_numbins(st->ctx, rec, 1, "projection query");
		return n;
	}
	as_integer* n = as_record_get_integer(rec, "n");
	if (!n) {
		basic_fail(st->ctx, "the query returned a record without an integer n", NULL);
	}
	char text[32];
	text_of(as_integer_get(n), text, sizeof(text));
	basic_expect_str(st->ctx, rec, "s", text);
	data_expect_numbins(st->ctx, rec, 2, "query");
	return as_integer_get(n);
}

static void tally(query_state* st, const as_val* val)
{
	if (!val) {
		st->ends++;
		return;
	}
	const as_record* rec = as_record_fromval(val);
	if (!rec) {
		basic_fail(st->ctx, "a query delivered something that is not a record", NULL);
	}
	int64_t i = row_of(st, rec);
	if (i < 0 || i >= N_ROWS) {
		basic_fail(st->ctx, "the query returned a record outside the set's rows", NULL);
	}
	st->seen[i]++;
	st->records++;
}

static bool on_record(const as_val* val, void* udata)
{
	query_state* st = udata;
	pthread_mutex_lock(&st->lock);
	tally(st, val);
	pthread_mutex_unlock(&st->lock);
	return true;
}

/* Runs query and checks it returned exactly the rows lo..hi (none when lo > hi). */
static void expect_rows(basic_ctx* ctx, const char* what, as_query* query, bool s_only,
	int64_t lo, int64_t hi)
{
	as_error err;
	query_state st;
	memset(&st, 0, sizeof(st));
	pthread_mutex_init(&st.lock, NULL);
	st.ctx = ctx;
	st.s_only = s_only;
	basic_expect(ctx, what, aerospike_query_foreach(&ctx->as, &err, NULL, query, on_record, &st),
		AEROSPIKE_OK, &err);
	pthread_mutex_destroy(&st.lock);
	if (st.ends != 1) {
		basic_fail(ctx, "the query callback did not get exactly one end (NULL)", NULL);
	}
	for (int64_t i = 0; i < N_ROWS; i++) {
		uint32_t want = (i >= lo && i <= hi) ? 1 : 0;
		if (st.seen[i] != want) {
			char msg[128];
			snprintf(msg, sizeof(msg), "%s: row %d came %u times, expected %u", what, (int)i,
				st.seen[i], want);
			basic_fail(ctx, msg, NULL);
		}
	}
}

static void expect_no_index(basic_ctx* ctx, const char* what, const char* bin)
{
	as_error err;
	as_query query;
	as_query_init(&query, BASIC_NS, ctx->set);
	as_query_where_inita(&query, 1);
	as_query_where(&query, bin, as_integer_equals(3));
	query_state st;
	memset(&st, 0, sizeof(st));
	pthread_mutex_init(&st.lock, NULL);
	st.ctx = ctx;
	basic_expect(ctx, what, aerospike_query_foreach(&ctx->as, &err, NULL, &query, on_record, &st),
		AEROSPIKE_ERR_INDEX_NOT_FOUND, &err);
	pthread_mutex_destroy(&st.lock);
	if (st.records != 0) {
		basic_fail(ctx, "a query without an index returned records", NULL);
	}
	as_query_destroy(&query);
}

static void write_rows(basic_ctx* ctx)
{
	as_key key;
	as_record rec;
	for (int64_t i = 0; i < N_ROWS; i++) {
		char text[32];
		text_of(i, text, sizeof(text));
		as_record_inita(&rec, 2);
		as_record_set_int64(&rec, "n", i);
		as_record_set_str(&rec, "s", text);
		data_put(ctx, data_key(ctx, &key, i), &rec);
		as_record_destroy(&rec);
	}
	as_record_inita(&rec, 1);
	as_record_set_str(&rec, "n", "7");
	data_put(ctx, data_key(ctx, &key, N_ROWS), &rec);
	as_record_destroy(&rec);
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "m", 7);
	data_put(ctx, data_key(ctx, &key, N_ROWS + 1), &rec);
	as_record_destroy(&rec);
}

static void run_queries(basic_ctx* ctx)
{
	as_query query;
	as_query_init(&query, BASIC_NS, ctx->set);
	as_query_where_inita(&query, 1);
	as_query_where(&query, "n", as_integer_equals(7));
	expect_rows(ctx, "equality query", &query, false, 7, 7);
	as_query_destroy(&query);

	as_query_init(&query, BASIC_NS, ctx->set);
	as_query_where_inita(&query, 1);
	as_query_where(&query, "n", as_integer_range(10, 19));
	expect_rows(ctx, "range query", &query, false, 10, 19);
	as_query_destroy(&query);

	as_query_init(&query, BASIC_NS, ctx->set);
	as_query_select_inita(&query, 1);
	as_query_select(&query, "s");
	as_query_where_inita(&query, 1);
	as_query_where(&query, "n", as_integer_range(30, 1000));
	expect_rows(ctx, "projection query", &query, true, 30, N_ROWS - 1);
	as_query_destroy(&query);

	as_query_init(&query, BASIC_NS, ctx->set);
	as_query_where_inita(&query, 1);
	as_query_where(&query, "n", as_integer_range(-50, -1));
	expect_rows(ctx, "range matching nothing", &query, false, 1, 0);
	as_query_destroy(&query);
}

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	data_start(&ctx, "query", argc, argv);
	as_error err;
	const char* index = data_name(&ctx, 0, "n-idx");
	write_rows(&ctx);

	as_index_task task;
	basic_expect(&ctx, "index create",
		aerospike_index_create(&ctx.as, &err, &task, NULL, BASIC_NS, ctx.set, "n", index,
			AS_INDEX_NUMERIC),
		AEROSPIKE_OK, &err);
	basic_expect(&ctx, "index create wait", aerospike_index_create_wait(&err, &task, POLL_MS),
		AEROSPIKE_OK, &err);
	run_queries(&ctx);
	expect_no_index(&ctx, "query on a bin without an index", "m");

	basic_expect(&ctx, "index remove",
		aerospike_index_remove(&ctx.as, &err, NULL, BASIC_NS, index), AEROSPIKE_OK, &err);
	expect_no_index(&ctx, "query after the index is removed", "n");

	as_key key;
	for (int64_t i = 0; i < N_ROWS + 2; i++) {
		data_remove(&ctx, data_key(&ctx, &key, i));
	}
	return basic_finish(&ctx);
}
