/*
 * Writes to the file named by its argument (7.4.0's compare functions print
 * "Line N" on stdout), for each case of scan_query_cases.inc, one line
 *   NAME <TAB> HEX <TAB> from=F cmp=C same=S
 * HEX: what as_scan_to_bytes / as_query_to_bytes wrote ("-" when refused);
 * F: whether from_bytes read HEX back; C: whether the copy compares equal
 * to the original; S: whether the copy writes the same bytes again.
 * scripts/record-scan-query-vectors.sh compiles it against the 7.4.0
 * headers, links it against the stock client and keeps the output as
 * tests/vectors/scan_query.txt; compat_scan_query_twin runs it against ours.
 */
#include "../scan_query_cases.inc"

#include <stdio.h>
#include <stdlib.h>

static FILE* out;

static void print_hex(const uint8_t* bytes, uint32_t size)
{
	for (uint32_t i = 0; i < size; i++) {
		fprintf(out, "%02x", bytes[i]);
	}
}

static void report(const char* name, bool wrote, uint8_t* bytes, uint32_t size, bool from,
	bool cmp, bool same)
{
	fprintf(out, "%s\t", name);
	if (wrote) {
		print_hex(bytes, size);
	}
	else {
		fprintf(out, "-");
	}
	fprintf(out, "\tfrom=%d cmp=%d same=%d\n", from, cmp, same);
}

static void probe_scan(const char* name, void (*build)(as_scan*))
{
	as_scan scan;
	as_scan copy;
	uint8_t* bytes = NULL;
	uint32_t size = 0;
	uint8_t* again = NULL;
	uint32_t again_size = 0;
	bool from = false, cmp = false, same = false;
	build(&scan);
	bool wrote = as_scan_to_bytes(&scan, &bytes, &size);
	if (wrote) {
		from = as_scan_from_bytes(&copy, bytes, size);
	}
	if (from) {
		cmp = as_scan_compare(&scan, &copy);
		same = as_scan_to_bytes(&copy, &again, &again_size) && again_size == size &&
			memcmp(again, bytes, size) == 0;
		free(again);
		as_scan_destroy(&copy);
	}
	report(name, wrote, bytes, size, from, cmp, same);
	free(bytes);
	as_scan_destroy(&scan);
}

static void probe_query(const char* name, void (*build)(as_query*))
{
	as_query query;
	as_query copy;
	uint8_t* bytes = NULL;
	uint32_t size = 0;
	uint8_t* again = NULL;
	uint32_t again_size = 0;
	bool from = false, cmp = false, same = false;
	build(&query);
	bool wrote = as_query_to_bytes(&query, &bytes, &size);
	if (wrote) {
		from = as_query_from_bytes(&copy, bytes, size);
	}
	if (from) {
		cmp = as_query_compare(&query, &copy);
		same = as_query_to_bytes(&copy, &again, &again_size) && again_size == size &&
			memcmp(again, bytes, size) == 0;
		free(again);
		as_query_destroy(&copy);
	}
	report(name, wrote, bytes, size, from, cmp, same);
	free(bytes);
	as_query_destroy(&query);
}

int main(int argc, char** argv)
{
	if (argc != 2 || (out = fopen(argv[1], "w")) == NULL) {
		fprintf(stderr, "usage: scan_query_probe OUTPUT\n");
		return 2;
	}
#define PROBE_SCAN(fn) probe_scan(#fn, fn);
#define PROBE_QUERY(fn) probe_query(#fn, fn);
	SCAN_CASES(PROBE_SCAN)
	QUERY_CASES(PROBE_QUERY)
	return fclose(out) == 0 ? 0 : 1;
}
