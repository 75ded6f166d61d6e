/*
 * The scan and query definitions through the public API: init/new/destroy
 * and what they own, bin selections (which never grow), every predicate
 * macro as as_query_where reads it, the header macros and inline helpers
 * (select_inita, where_inita, paginate/partitions/is_done, the partition
 * filter setters, the status reference count), to_bytes byte for byte
 * against what the stock client 7.4.0 wrote for the same cases
 * (tests/vectors/scan_query.txt, recorded from scan_query_cases.inc), and
 * from_bytes on truncated and corrupted input (no crash; the sanitizer
 * build checks for leaks).
 */
#include <citrusleaf/alloc.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hex_bytes.h"
#include "scan_query_cases.inc"

typedef void (*scan_case)(as_scan*);
typedef void (*query_case)(as_query*);

#define SQ_ENTRY(fn) {#fn, fn},
static const struct { const char* name; scan_case fn; } scan_cases[] = {SCAN_CASES(SQ_ENTRY)};
static const struct { const char* name; query_case fn; } query_cases[] = {QUERY_CASES(SQ_ENTRY)};

#define N_SCANS (sizeof(scan_cases) / sizeof(scan_cases[0]))
#define N_QUERIES (sizeof(query_cases) / sizeof(query_cases[0]))
#define MAX_VECTORS 64

typedef struct {
	char name[64];
	char* hex; /* "-" when stock refused to write the case */
	char flags[32];
} vector;

static vector vectors[MAX_VECTORS];
static size_t n_vectors;

static int load_vectors(void** state)
{
	(void)state;
	const char* root = getenv("AEROSHIM_SOURCE_DIR");
	char path[1024];
	snprintf(path, sizeof(path), "%s/tests/vectors/scan_query.txt", root ? root : ".");
	FILE* f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "cannot open %s\n", path);
		return -1;
	}
	static char line[1 << 16];
	while (n_vectors < MAX_VECTORS && fgets(line, sizeof(line), f)) {
		char* tab1 = strchr(line, '\t');
		char* tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
		if (!tab2) {
			break;
		}
		vector* v = &vectors[n_vectors++];
		*tab1 = *tab2 = '\0';
		snprintf(v->name, sizeof(v->name), "%.63s", line);
		v->hex = strdup(tab1 + 1);
		snprintf(v->flags, sizeof(v->flags), "%.31s", tab2 + 1);
		v->flags[strcspn(v->flags, "\n")] = '\0';
	}
	fclose(f);
	return 0;
}

static int free_vectors(void** state)
{
	(void)state;
	for (size_t i = 0; i < n_vectors; i++) {
		free(vectors[i].hex);
	}
	return 0;
}

static char* to_hex(const uint8_t* bytes, uint32_t size)
{
	char* hex = malloc(2 * (size_t)size + 1);
	for (uint32_t i = 0; i < size; i++) {
		sprintf(hex + 2 * i, "%02x", bytes[i]);
	}
	hex[2 * (size_t)size] = '\0';
	return hex;
}

static void check_against(const vector* v, const char* name, bool wrote, uint8_t* bytes,
	uint32_t size, bool from, bool cmp, bool same)
{
	char flags[32];
	assert_string_equal(v->name, name);
	char* hex = wrote ? to_hex(bytes, size) : strdup("-");
	if (strcmp(hex, v->hex) != 0) {
		print_error("%s\n ours:  %s\n stock: %s\n", name, hex, v->hex);
	}
	assert_string_equal(hex, v->hex);
	free(hex);
	snprintf(flags, sizeof(flags), "from=%d cmp=%d same=%d", from, cmp, same);
	assert_string_equal(flags, v->flags);
}

/* What the probe does, against ours; vectors come in scan then query order. */
static void test_to_bytes_matches_stock(void** state)
{
	(void)state;
	assert_int_equal(n_vectors, N_SCANS + N_QUERIES);
	for (size_t c = 0; c < N_SCANS; c++) {
		as_scan scan, copy;
		uint8_t* bytes = NULL;
		uint8_t* again = NULL;
		uint32_t size = 0, again_size = 0;
		bool from = false, cmp = false, same = false;
		scan_cases[c].fn(&scan);
		bool wrote = as_scan_to_bytes(&scan, &bytes, &size);
		if (wrote && (from = as_scan_from_bytes(&copy, bytes, size))) {
			cmp = as_scan_compare(&scan, &copy);
			same = as_scan_to_bytes(&copy, &again, &again_size) && again_size == size &&
				memcmp(again, bytes, size) == 0;
			free(again);
			as_scan_destroy(&copy);
		}
		check_against(&vectors[c], scan_cases[c].name, wrote, bytes, size, from, cmp, same);
		free(bytes);
		as_scan_destroy(&scan);
	}
	for (size_t c = 0; c < N_QUERIES; c++) {
		as_query query, copy;
		uint8_t* bytes = NULL;
		uint8_t* again = NULL;
		uint32_t size = 0, again_size = 0;
		bool from = false, cmp = false, same = false;
		query_cases[c].fn(&query);
		bool wrote = as_query_to_bytes(&query, &bytes, &size);
		if (wrote && (from = as_query_from_bytes(&copy, bytes, size))) {
			cmp = as_query_compare(&query, &copy);
			same = as_query_to_bytes(&copy, &again, &again_size) && again_size == size &&
				memcmp(again, bytes, size) == 0;
			free(again);
			as_query_destroy(&copy);
		}
		check_against(&vectors[N_SCANS + c], query_cases[c].name, wrote, bytes, size, from, cmp,
			same);
		free(bytes);
		as_query_destroy(&query);
	}
}

/* A vector's bytes, decoded into a new buffer. */
static uint8_t* vector_bytes(const vector* v, uint32_t* size)
{
	uint8_t* bytes = malloc(strlen(v->hex) / 2 + 1);
	*size = hex_bytes(v->hex, bytes);
	return bytes;
}

static bool read_any(bool is_scan, const uint8_t* bytes, uint32_t size)
{
	if (is_scan) {
		as_scan scan;
		memset(&scan, 0x5a, sizeof(scan));
		bool ok = as_scan_from_bytes(&scan, bytes, size);
		if (ok) {
			as_scan_destroy(&scan);
		}
		as_scan* heap = as_scan_from_bytes_new(bytes, size);
		assert_int_equal(heap != NULL, ok);
		as_scan_destroy(heap);
		return ok;
	}
	as_query query;
	memset(&query, 0x5a, sizeof(query));
	bool ok = as_query_from_bytes(&query, bytes, size);
	if (ok) {
		as_query_destroy(&query);
	}
	as_query* heap = as_query_from_bytes_new(bytes, size);
	assert_int_equal(heap != NULL, ok);
	as_query_destroy(heap);
	return ok;
}

/* Every proper prefix of every readable vector is refused; every byte
 * replaced by each of a few markers (and bit flips) is survived. */
static void test_from_bytes_refuses_garbage(void** state)
{
	(void)state;
	static const uint8_t markers[] = {0x00, 0xc1, 0xc0, 0xc3, 0xdc, 0xdd, 0xdf, 0xdb, 0xcf, 0xff};
	for (size_t c = 0; c < n_vectors; c++) {
		bool is_scan = c < N_SCANS;
		if (strncmp(vectors[c].flags, "from=1", 6) != 0) {
			continue;
		}
		uint32_t size = 0;
		uint8_t* bytes = vector_bytes(&vectors[c], &size);
		assert_true(read_any(is_scan, bytes, size));
		for (uint32_t cut = 0; cut < size; cut++) {
			uint8_t* prefix = malloc(cut + 1);
			memcpy(prefix, bytes, cut);
			assert_false(read_any(is_scan, prefix, cut));
			free(prefix);
		}
		for (uint32_t at = 0; at < size; at++) {
			uint8_t saved = bytes[at];
			for (size_t m = 0; m < sizeof(markers); m++) {
				bytes[at] = markers[m];
				(void)read_any(is_scan, bytes, size);
			}
			bytes[at] = (uint8_t)(saved ^ 0x80);
			(void)read_any(is_scan, bytes, size);
			bytes[at] = saved;
		}
		free(bytes);
	}
}

static void test_from_bytes_bad_arguments(void** state)
{
	(void)state;
	static const uint8_t plain[] = {0xa1, 0x74, 0xa0, 0x00, 0xc2, 0xc2, 0xc2, 0x00, 0xc2, 0xc2,
		0xc2, 0xc3};
	as_scan scan;
	assert_true(as_scan_from_bytes(&scan, plain, sizeof(plain)));
	assert_string_equal(scan.ns, "t");
	assert_false(scan._free);
	as_scan_destroy(&scan);
	assert_false(as_scan_from_bytes(NULL, plain, sizeof(plain)));
	assert_false(as_scan_from_bytes(&scan, NULL, sizeof(plain)));
	assert_null(as_scan_from_bytes_new(NULL, 12));
	as_scan* heap = as_scan_from_bytes_new(plain, sizeof(plain));
	assert_non_null(heap);
	assert_true(heap->_free);
	as_scan_destroy(heap);
	/* As in 7.4.0, what follows the last field is not looked at. */
	uint8_t longer[sizeof(plain) + 1];
	memcpy(longer, plain, sizeof(plain));
	longer[sizeof(plain)] = 0xc1;
	assert_true(as_scan_from_bytes(&scan, longer, sizeof(longer)));
	as_scan_destroy(&scan);

	/* Counts larger than the bytes left are refused before any allocation. */
	static const uint8_t huge_select[] = {0xa1, 0x74, 0xa0, 0xcd, 0xff, 0xff, 0xa1, 0x61};
	assert_false(as_scan_from_bytes(&scan, huge_select, sizeof(huge_select)));
	static const uint8_t huge_where[] = {0xa1, 0x74, 0xa0, 0x00, 0xce, 0x00, 0x01, 0x00, 0x00};
	as_query query;
	assert_false(as_query_from_bytes(&query, huge_where, sizeof(huge_where)));
	assert_false(as_query_from_bytes(NULL, huge_where, sizeof(huge_where)));
	assert_null(as_query_from_bytes_new(huge_where, sizeof(huge_where)));
}

static void test_scan_lifecycle(void** state)
{
	(void)state;
	as_scan scan;
	assert_ptr_equal(as_scan_init(&scan, "test", "demo"), &scan);
	assert_string_equal(scan.ns, "test");
	assert_string_equal(scan.set, "demo");
	assert_null(scan.select.entries);
	assert_int_equal(scan.select.capacity, 0);
	assert_int_equal(scan.select.size, 0);
	assert_false(scan.select._free);
	assert_null(scan.ops);
	assert_null(scan.parts_all);
	assert_int_equal(scan.ttl, 0);
	assert_false(scan.paginate);
	assert_int_equal(scan.no_bins, AS_SCAN_NOBINS_DEFAULT);
	assert_int_equal(scan.concurrent, AS_SCAN_CONCURRENT_DEFAULT);
	assert_int_equal(scan.deserialize_list_map, AS_SCAN_DESERIALIZE_DEFAULT);
	assert_string_equal(scan.apply_each.module, "");
	assert_string_equal(scan.apply_each.function, "");
	assert_null(scan.apply_each.arglist);
	assert_false(scan._free);
	as_scan_destroy(&scan);
	assert_string_equal(scan.ns, "");

	assert_null(as_scan_init(NULL, "test", "demo"));
	/* 7.4.0 empties a name that does not fit instead of truncating it. */
	as_scan_init(&scan, "test", "ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssss");
	assert_string_equal(scan.set, "");
	as_scan_init(&scan, NULL, NULL);
	assert_string_equal(scan.ns, "");

	as_scan* heap = as_scan_new("test", NULL);
	assert_non_null(heap);
	assert_true(heap->_free);
	assert_string_equal(heap->set, "");
	as_scan_select_init(heap, 2);
	as_scan_select(heap, "a");
	as_scan_apply_each(heap, "m", "f", sq_args());
	heap->ops = sq_ops();
	heap->parts_all = sq_parts();
	as_scan_destroy(heap);
	as_scan_destroy(NULL);
}

static void test_scan_setters(void** state)
{
	(void)state;
	as_scan scan;
	as_scan_init(&scan, "test", "demo");
	assert_true(as_scan_set_nobins(&scan, true));
	assert_true(scan.no_bins);
	assert_true(as_scan_set_concurrent(&scan, true));
	assert_true(scan.concurrent);
	assert_false(as_scan_set_nobins(NULL, true));
	assert_false(as_scan_set_concurrent(NULL, true));

	assert_false(as_scan_apply_each(&scan, NULL, "f", NULL));
	assert_false(as_scan_apply_each(&scan, "m", NULL, NULL));
	assert_false(as_scan_apply_each(NULL, "m", "f", NULL));
	assert_true(as_scan_apply_each(&scan, "m", "f", NULL));
	assert_string_equal(scan.apply_each.module, "m");
	/* A name too long for the call: 7.4.0 answers true and changes nothing. */
	char long_name[80];
	memset(long_name, 'x', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	assert_true(as_scan_apply_each(&scan, long_name, "g", NULL));
	assert_string_equal(scan.apply_each.function, "f");
	as_scan_destroy(&scan);
}

/* Selections have the capacity they were given: no growth. */
static void test_selection_capacity(void** state)
{
	(void)state;
	as_scan scan;
	as_scan_init(&scan, "test", "demo");
	assert_false(as_scan_select(&scan, "a"));
	assert_true(as_scan_select_init(&scan, 2));
	assert_true(scan.select._free);
	assert_false(as_scan_select_init(&scan, 8));
	assert_int_equal(scan.select.capacity, 2);
	assert_true(as_scan_select(&scan, "a"));
	assert_false(as_scan_select(&scan, "sixteen_chars___"));
	assert_false(as_scan_select(&scan, NULL));
	assert_true(as_scan_select(&scan, "fifteen_chars__"));
	assert_false(as_scan_select(&scan, "c"));
	assert_int_equal(scan.select.size, 2);
	assert_string_equal(scan.select.entries[1], "fifteen_chars__");
	assert_false(as_scan_select_init(NULL, 1));
	assert_false(as_scan_select(NULL, "a"));
	as_scan_destroy(&scan);

	as_scan_init(&scan, "test", "demo");
	as_scan_select_inita(&scan, 1);
	assert_false(scan.select._free);
	assert_int_equal(scan.select.capacity, 1);
	assert_true(as_scan_select(&scan, "a"));
	assert_false(as_scan_select(&scan, "b"));
	assert_false(as_scan_select_init(&scan, 4));
	as_scan_destroy(&scan);

	as_query query;
	as_query_init(&query, "test", "demo");
	assert_false(as_query_select(&query, "a"));
	as_query_select_inita(&query, 2);
	assert_false(query.select._free);
	assert_true(as_query_select(&query, "a"));
	assert_true(as_query_select(&query, "b"));
	assert_false(as_query_select(&query, "c"));
	as_query_destroy(&query);
	as_query_init(&query, "test", "demo");
	assert_true(as_query_select_init(&query, 1));
	assert_true(query.select._free);
	assert_false(as_query_select_init(&query, 1));
	assert_true(as_query_select(&query, "a"));
	assert_false(as_query_select(&query, "b"));
	as_query_destroy(&query);
	assert_false(as_query_select_init(NULL, 1));
}

static void test_query_lifecycle(void** state)
{
	(void)state;
	as_query query;
	assert_ptr_equal(as_query_init(&query, "test", "demo"), &query);
	assert_false(query._free);
	assert_string_equal(query.ns, "test");
	assert_null(query.where.entries);
	assert_int_equal(query.where.capacity, 0);
	assert_null(query.select.entries);
	assert_null(query.ops);
	assert_null(query.parts_all);
	assert_int_equal(query.max_records, 0);
	assert_int_equal(query.records_per_second, 0);
	assert_int_equal(query.ttl, 0);
	assert_false(query.paginate);
	assert_false(query.no_bins);
	as_query_destroy(&query);
	assert_null(as_query_init(NULL, "test", "demo"));

	/* 7.4.0 truncates query names (as_strncpy); NULL is empty. */
	as_query_init(&query, "0123456789012345678901234567890123456789", NULL);
	assert_string_equal(query.ns, "0123456789012345678901234567890");
	assert_string_equal(query.set, "");
	as_query_destroy(&query);

	as_query* heap = as_query_new("test", "demo");
	assert_true(heap->_free);
	as_query_where_init(heap, 2);
	as_query_where(heap, "b", as_blob_equals((uint8_t*)memcpy(malloc(3), "abc", 3), 3, true));
	as_query_where(heap, "s", as_string_equals("x"));
	heap->where.entries[1].value.string_val.string = strdup("owned");
	heap->where.entries[1].value.string_val._free = true;
	as_query_apply(heap, "m", "f", sq_args());
	heap->ops = sq_ops();
	heap->parts_all = sq_parts();
	as_query_destroy(heap);
	as_query_destroy(NULL);

	assert_false(as_query_apply(NULL, "m", "f", NULL));
}

static as_predicate* last(as_query* q)
{
	return &q->where.entries[q->where.size - 1];
}

/* Every predicate macro, as the where functions read its arguments. */
static void test_where_macros(void** state)
{
	(void)state;
	static uint8_t blob[3] = {1, 2, 3};
	as_query q;
	as_query_init(&q, "test", "demo");
	assert_false(as_query_where(&q, "a", as_integer_equals(1)));
	assert_true(as_query_where_init(&q, 12));
	assert_false(as_query_where_init(&q, 1));

	assert_true(as_query_where(&q, "s", as_string_equals("str")));
	assert_int_equal(last(&q)->type, AS_PREDICATE_EQUAL);
	assert_int_equal(last(&q)->itype, AS_INDEX_TYPE_DEFAULT);
	assert_int_equal(last(&q)->dtype, AS_INDEX_STRING);
	assert_string_equal(last(&q)->value.string_val.string, "str");
	assert_false(last(&q)->value.string_val._free);
	assert_string_equal(last(&q)->bin, "s");
	assert_string_equal(last(&q)->index_name, "");
	assert_null(last(&q)->ctx);
	assert_null(last(&q)->exp);

	assert_true(as_query_where(&q, "i", as_integer_equals(-9)));
	assert_int_equal(last(&q)->dtype, AS_INDEX_NUMERIC);
	assert_int_equal(last(&q)->value.integer, -9);

	assert_true(as_query_where(&q, "i", as_integer_range(-2, 0x7fffffffffffLL)));
	assert_int_equal(last(&q)->type, AS_PREDICATE_RANGE);
	assert_int_equal(last(&q)->value.integer_range.min, -2);
	assert_int_equal(last(&q)->value.integer_range.max, 0x7fffffffffffLL);

	assert_true(as_query_where(&q, "l", as_range(LIST, NUMERIC, (int64_t)3, (int64_t)4)));
	assert_int_equal(last(&q)->itype, AS_INDEX_TYPE_LIST);
	assert_int_equal(last(&q)->value.integer_range.max, 4);

	assert_true(as_query_where(&q, "m", as_contains(MAPKEYS, STRING, "k")));
	assert_int_equal(last(&q)->itype, AS_INDEX_TYPE_MAPKEYS);
	assert_string_equal(last(&q)->value.string_val.string, "k");

	assert_true(as_query_where(&q, "m", as_contains(MAPVALUES, NUMERIC, (int64_t)5)));
	assert_int_equal(last(&q)->itype, AS_INDEX_TYPE_MAPVALUES);
	assert_int_equal(last(&q)->value.integer, 5);

	assert_true(as_query_where(&q, "b", as_blob_equals(blob, 3, false)));
	assert_int_equal(last(&q)->dtype, AS_INDEX_BLOB);
	assert_ptr_equal(last(&q)->value.blob_val.bytes, blob);
	assert_int_equal(last(&q)->value.blob_val.bytes_size, 3);
	assert_false(last(&q)->value.blob_val._free);

	assert_true(as_query_where(&q, "b", as_blob_contains(LIST, blob, 2, false)));
	assert_int_equal(last(&q)->itype, AS_INDEX_TYPE_LIST);
	assert_int_equal(last(&q)->value.blob_val.bytes_size, 2);

	assert_true(as_query_where(&q, "n", as_equals(NUMERIC, (int64_t)77)));
	assert_int_equal(last(&q)->value.integer, 77);

	assert_true(as_query_where(&q, "g", as_geo_within("{}")));
	assert_int_equal(last(&q)->type, AS_PREDICATE_RANGE);
	assert_int_equal(last(&q)->dtype, AS_INDEX_GEO2DSPHERE);
	assert_string_equal(last(&q)->value.string_val.string, "{}");

	assert_true(as_query_where(&q, "g", as_geo_contains("[]")));
	assert_string_equal(last(&q)->value.string_val.string, "[]");
	assert_int_equal(q.where.size, 11);

	/* Refused pairings, bad bins and a full list add nothing. */
	assert_false(as_query_where(&q, "g", AS_PREDICATE_EQUAL, AS_INDEX_TYPE_DEFAULT,
		AS_INDEX_GEO2DSPHERE, "{}"));
	assert_false(as_query_where(&q, "s", AS_PREDICATE_RANGE, AS_INDEX_TYPE_DEFAULT,
		AS_INDEX_STRING, "a"));
	assert_false(as_query_where(&q, NULL, as_integer_equals(1)));
	assert_false(as_query_where(&q, "sixteen_chars___", as_integer_equals(1)));
	assert_int_equal(q.where.size, 11);
	assert_true(as_query_where(&q, "x", as_integer_equals(1)));
	assert_false(as_query_where(&q, "y", as_integer_equals(2)));
	assert_int_equal(q.where.size, 12);
	assert_false(as_query_where(NULL, "x", as_integer_equals(1)));
	as_query_destroy(&q);
}

static void test_where_variants(void** state)
{
	(void)state;
	as_query q;
	as_query_init(&q, "test", "demo");
	as_query_where_inita(&q, 4);
	assert_false(q.where._free);
	assert_int_equal(q.where.capacity, 4);

	as_cdt_ctx ctx;
	as_cdt_ctx_inita(&ctx, 2);
	as_cdt_ctx_add_list_index(&ctx, 3);
	as_cdt_ctx_add_map_rank(&ctx, -1);
	assert_true(as_query_where_with_ctx(&q, "c", &ctx, as_integer_equals(4)));
	assert_ptr_equal(last(&q)->ctx, &ctx);
	assert_false(last(&q)->ctx_free);
	assert_int_equal(last(&q)->ctx_size, as_cdt_ctx_byte_capacity(&ctx));
	assert_true(last(&q)->ctx_size > 0);

	assert_true(as_query_where_with_index_name(&q, "my_index", as_string_equals("v")));
	assert_string_equal(last(&q)->index_name, "my_index");
	assert_string_equal(last(&q)->bin, "");
	assert_null(last(&q)->ctx);
	assert_int_equal(last(&q)->ctx_size, 0);
	assert_true(as_query_where_with_index_name(&q, NULL, as_integer_range(1, 2)));
	assert_string_equal(last(&q)->index_name, "");

	as_exp_build(exp, as_exp_bin_int("a"));
	assert_true(as_query_where_with_exp(&q, exp, as_integer_equals(1)));
	assert_ptr_equal(last(&q)->exp, exp);
	assert_false(last(&q)->exp_free);
	assert_string_equal(last(&q)->index_name, "");
	assert_false(as_query_where_with_exp(&q, exp, as_integer_equals(1)));
	assert_false(as_query_where_with_exp(NULL, exp, as_integer_equals(1)));

	/* The stack list is not the query's: destroy leaves ctx and exp alone. */
	uint8_t* bytes = NULL;
	uint32_t size = 0;
	assert_true(as_query_to_bytes(&q, &bytes, &size));
	as_query copy;
	assert_true(as_query_from_bytes(&copy, bytes, size));
	assert_true(copy.where._free);
	assert_true(copy.where.entries[0].ctx_free);
	assert_true(copy.where.entries[3].exp_free);
	assert_int_equal(copy.where.entries[3].exp->packed_sz, exp->packed_sz);
	/* Capacity 4 against 4 entries read back, and the same content. */
	assert_true(as_query_compare(&q, &copy));
	as_query_destroy(&copy);
	free(bytes);
	as_query_destroy(&q);
	as_cdt_ctx_destroy(&ctx);
	as_exp_destroy(exp);
}

/* A context step by a boolean value survives a round trip: booleans are not
 * reference counted, and 7.4.0's reader frees the decoded one twice. */
static void test_ctx_boolean_value(void** state)
{
	(void)state;
	as_cdt_ctx ctx;
	as_cdt_ctx_init(&ctx, 1);
	as_cdt_ctx_add_map_key(&ctx, (as_val*)as_boolean_new(true));
	as_query q, copy;
	as_query_init(&q, "test", "demo");
	as_query_where_init(&q, 1);
	assert_true(as_query_where_with_ctx(&q, "c", &ctx, as_integer_equals(1)));
	uint8_t* bytes = NULL;
	uint32_t size = 0;
	assert_true(as_query_to_bytes(&q, &bytes, &size));
	assert_true(as_query_from_bytes(&copy, bytes, size));
	assert_true(as_query_compare(&q, &copy));
	as_query_destroy(&copy);
	free(bytes);
	as_query_destroy(&q);
	as_cdt_ctx_destroy(&ctx);
}

/* An unknown predicate type: accepted by where (7.4.0 reads no value for
 * it), refused by to_bytes, which then clears its outputs. */
static void test_unknown_predicate_type(void** state)
{
	(void)state;
	as_query q;
	query_unknown_type(&q);
	assert_int_equal(q.where.size, 1);
	uint8_t* bytes = (uint8_t*)&q;
	uint32_t size = 99;
	assert_false(as_query_to_bytes(&q, &bytes, &size));
	assert_null(bytes);
	assert_int_equal(size, 0);
	as_query_destroy(&q);
	assert_false(as_query_to_bytes(NULL, &bytes, &size));
	assert_false(as_scan_to_bytes(NULL, &bytes, &size));
}

static void test_compare(void** state)
{
	(void)state;
	as_scan s1, s2;
	scan_ops(&s1);
	scan_plain(&s2);
	assert_false(as_scan_compare(&s1, &s2));
	assert_false(as_scan_compare(&s2, &s1));
	assert_true(as_scan_compare(&s1, &s1));
	assert_false(as_scan_compare(NULL, &s1));
	s2.ttl = 1;
	as_scan_destroy(&s1);
	scan_plain(&s1);
	assert_false(as_scan_compare(&s1, &s2));
	s2.ttl = 0;
	assert_true(as_scan_compare(&s1, &s2));
	as_scan_destroy(&s1);
	as_scan_destroy(&s2);

	as_query q1, q2;
	query_with_exp(&q1);
	query_integer_equals(&q2);
	assert_false(as_query_compare(&q1, &q2));
	assert_false(as_query_compare(&q2, &q1));
	assert_false(as_query_compare(&q1, NULL));
	as_query_destroy(&q1);
	as_query_destroy(&q2);
	query_with_ctx(&q1);
	query_integer_range(&q2);
	assert_false(as_query_compare(&q1, &q2));
	assert_false(as_query_compare(&q2, &q1));
	as_query_destroy(&q1);
	as_query_destroy(&q2);
}

static void test_inline_helpers(void** state)
{
	(void)state;
	as_partitions_status* parts = sq_parts();
	as_scan scan;
	as_scan_init(&scan, "test", "demo");
	assert_false(as_scan_is_done(&scan));
	as_scan_set_paginate(&scan, true);
	assert_true(scan.paginate);
	as_scan_set_partitions(&scan, parts);
	assert_ptr_equal(scan.parts_all, parts);
	assert_int_equal(parts->ref_count, 2);
	assert_false(as_scan_is_done(&scan));
	parts->done = true;
	assert_true(as_scan_is_done(&scan));

	as_query query;
	as_query_init(&query, "test", "demo");
	assert_false(as_query_is_done(&query));
	as_query_set_paginate(&query, true);
	assert_true(query.paginate);
	as_query_set_partitions(&query, parts);
	assert_int_equal(parts->ref_count, 3);
	assert_true(as_query_is_done(&query));
	as_query_destroy(&query);
	assert_int_equal(parts->ref_count, 2);
	as_scan_destroy(&scan);
	assert_int_equal(parts->ref_count, 1);

	as_partition_filter pf;
	memset(&pf, 0x5a, sizeof(pf));
	as_partition_filter_set_all(&pf);
	assert_int_equal(pf.begin, 0);
	assert_int_equal(pf.count, 4096);
	assert_false(pf.digest.init);
	assert_null(pf.parts_all);
	as_partition_filter_set_id(&pf, 77);
	assert_int_equal(pf.begin, 77);
	assert_int_equal(pf.count, 1);
	as_partition_filter_set_range(&pf, 100, 200);
	assert_int_equal(pf.begin, 100);
	assert_int_equal(pf.count, 200);
	as_digest digest = {.init = true};
	digest.value[0] = 0xab;
	as_partition_filter_set_after(&pf, &digest);
	assert_int_equal(pf.begin, 0);
	assert_int_equal(pf.count, 1);
	assert_true(pf.digest.init);
	assert_int_equal(pf.digest.value[0], 0xab);
	as_partition_filter_set_partitions(&pf, parts);
	assert_int_equal(pf.begin, 10);
	assert_int_equal(pf.count, 3);
	assert_false(pf.digest.init);
	assert_ptr_equal(pf.parts_all, parts);

	assert_ptr_equal(as_partitions_status_reserve(parts), parts);
	assert_int_equal(parts->ref_count, 2);
	as_partitions_status_release(parts);
	assert_int_equal(parts->ref_count, 1);
	as_partitions_status_release(parts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_to_bytes_matches_stock),
		cmocka_unit_test(test_from_bytes_refuses_garbage),
		cmocka_unit_test(test_from_bytes_bad_arguments),
		cmocka_unit_test(test_scan_lifecycle),
		cmocka_unit_test(test_scan_setters),
		cmocka_unit_test(test_selection_capacity),
		cmocka_unit_test(test_query_lifecycle),
		cmocka_unit_test(test_where_macros),
		cmocka_unit_test(test_where_variants),
		cmocka_unit_test(test_ctx_boolean_value),
		cmocka_unit_test(test_unknown_predicate_type),
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_inline_helpers),
	};
	return cmocka_run_group_tests(tests, load_vectors, free_vectors);
}
