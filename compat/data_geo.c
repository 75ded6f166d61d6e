/* Geospatial queries: a 5 x 5 grid of GeoJSON points 0.01 degrees apart, a
 * geo2dsphere index on their bin, then within-region queries: a polygon
 * that holds a 3 x 2 block of the grid well inside its edges, and circles
 * (AeroCircle) around the grid's centre, one holding the centre alone, one
 * also its two east-west neighbours (0.01 degrees of longitude at this
 * latitude is about 880 m, of latitude about 1110 m). Points come back with
 * the text they were written with. */
#include "data_common.h"

#include <aerospike/aerospike_index.h>
#include <aerospike/aerospike_query.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_query.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define GRID 5
#define N_POINTS (GRID * GRID)
#define POLL_MS 20
#define LNG0 -122.00
#define LAT0 37.40
#define STEP 0.01

/* A query calls back from one thread per node at once: the tally takes a lock. */
typedef struct {
	basic_ctx* ctx;
	pthread_mutex_t lock;
	uint32_t seen[N_POINTS];
	uint32_t ends;
} geo_state;

static void point_text(int id, char* buf, size_t size)
{
	snprintf(buf, size, "{\"type\": \"Point\", \"coordinates\": [%.4f, %.4f]}",
		LNG0 + STEP * (id % GRID), LAT0 + STEP * (id / GRID));
}

static void tally(geo_state* st, const as_val* val)
{
	if (!val) {
		st->ends++;
		return;
	}
	const as_record* rec = as_record_fromval(val);
	as_integer* id = rec ? as_record_get_integer(rec, "id") : NULL;
	if (!id || as_integer_get(id) < 0 || as_integer_get(id) >= N_POINTS) {
		basic_fail(st->ctx, "a geo query returned a record that is none of the grid's", NULL);
	}
	int i = (int)as_integer_get(id);
	as_geojson* loc = as_record_get_geojson(rec, "loc");
	char text[96];
	point_text(i, text, sizeof(text));
	if (!loc || strcmp(as_geojson_get(loc), text) != 0) {
		basic_fail(st->ctx, "a point did not come back as the GeoJSON text written", NULL);
	}
	st->seen[i]++;
}

static bool on_record(const as_val* val, void* udata)
{
	geo_state* st = udata;
	pthread_mutex_lock(&st->lock);
	tally(st, val);
	pthread_mutex_unlock(&st->lock);
	return true;
}

/* want(i) says whether grid point i is inside the region. */
static void expect_within(basic_ctx* ctx, const char* what, const char* region,
	bool (*want)(int i))
{
	as_error err;
	as_query query;
	as_query_init(&query, BASIC_NS, ctx->set);
	as_query_where_inita(&query, 1);
	as_query_where(&query, "loc", as_geo_within(region));
	geo_state st;
	memset(&st, 0, sizeof(st));
	pthread_mutex_init(&st.lock, NULL);
	st.ctx = ctx;
	basic_expect(ctx, what, aerospike_query_foreach(&ctx->as, &err, NULL, &query, on_record, &st),
		AEROSPIKE_OK, &err);
	pthread_mutex_destroy(&st.lock);
	as_query_destroy(&query);
	if (st.ends != 1) {
		basic_fail(ctx, "the geo query callback did not get exactly one end (NULL)", NULL);
	}
	for (int i = 0; i < N_POINTS; i++) {
		if (st.seen[i] != (want(i) ? 1u : 0u)) {
			char msg[128];
			snprintf(msg, sizeof(msg), "%s: point %d (column %d, row %d) came %u times", what, i,
				i % GRID, i / GRID, st.seen[i]);
			basic_fail(ctx, msg, NULL);
		}
	}
}

static bool in_block(int i)
{
	int col = i % GRID;
	int row = i / GRID;
	return col >= 1 && col <= 3 && row >= 1 && row <= 2;
}

static bool is_centre(int i)
{
	return i == 2 * GRID + 2;
}

static bool centre_row_middle(int i)
{
	return i / GRID == 2 && i % GRID >= 1 && i % GRID <= 3;
}

static bool nowhere(int i)
{
	(void)i;
	return false;
}

static void write_grid(basic_ctx* ctx)
{
	for (int i = 0; i < N_POINTS; i++) {
		char text[96];
		point_text(i, text, sizeof(text));
		as_key key;
		as_record rec;
		as_record_inita(&rec, 2);
		as_record_set_int64(&rec, "id", i);
		as_record_set_geojson_str(&rec, "loc", text);
		data_put(ctx, data_key(ctx, &key, i), &rec);
		as_record_destroy(&rec);
	}
}

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	data_start(&ctx, "geo", argc, argv);
	as_error err;
	const char* index = data_name(&ctx, 0, "loc-idx");
	write_grid(&ctx);

	as_index_task task;
	basic_expect(&ctx, "geo index create",
		aerospike_index_create(&ctx.as, &err, &task, NULL, BASIC_NS, ctx.set, "loc", index,
			AS_INDEX_GEO2DSPHERE),
		AEROSPIKE_OK, &err);
	basic_expect(&ctx, "geo index create wait", aerospike_index_create_wait(&err, &task, POLL_MS),
		AEROSPIKE_OK, &err);

	/* Columns 1..3 (lng -121.99 .. -121.97), rows 1..2 (lat 37.41 .. 37.42),
	 * half a step of margin on every side. */
	expect_within(&ctx, "within a polygon",
		"{\"type\": \"Polygon\", \"coordinates\": [[[-121.995, 37.405], [-121.965, 37.405], "
		"[-121.965, 37.425], [-121.995, 37.425], [-121.995, 37.405]]]}",
		in_block);
	expect_within(&ctx, "within a 500 m circle",
		"{\"type\": \"AeroCircle\", \"coordinates\": [[-121.98, 37.42], 500.0]}", is_centre);
	expect_within(&ctx, "within a 1000 m circle",
		"{\"type\": \"AeroCircle\", \"coordinates\": [[-121.98, 37.42], 1000.0]}",
		centre_row_middle);
	expect_within(&ctx, "within a polygon away from the grid",
		"{\"type\": \"Polygon\", \"coordinates\": [[[10.0, 10.0], [10.1, 10.0], [10.1, 10.1], "
		"[10.0, 10.1], [10.0, 10.0]]]}",
		nowhere);

	basic_expect(&ctx, "geo index remove",
		aerospike_index_remove(&ctx.as, &err, NULL, BASIC_NS, index), AEROSPIKE_OK, &err);
	as_key key;
	for (int i = 0; i < N_POINTS; i++) {
		data_remove(&ctx, data_key(&ctx, &key, i));
	}
	return basic_finish(&ctx);
}
