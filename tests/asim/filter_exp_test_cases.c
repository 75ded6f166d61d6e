/* Filter expressions built with the public builder macros (which C++
 * cannot compile: they use nested designated initializers), each with the
 * verdict an Aerospike 8 server gives on the standard record of
 * filter_exp_test.cpp:
 *   set "s", string key "k1" stored, void time now + 100 (now = 1000),
 *   last update 900.5 s after 2010, digest bytes 16..19 = 01 02 00 00;
 *   bins i = 7, f = 2.5, s = "hello", b = blob 01 02, t = true,
 *   l = [1, 2, 3], m = {"a": 1, "b": 2} (key ordered), u = {"x": 1},
 *   n = [[5, 6]].
 * Verdicts: 0 passes, 27 filtered out, 4 refused at build, 16 unsupported.
 */
#include <aerospike/as_arraylist.h>
#include <aerospike/as_cdt_ctx.h>
#include <aerospike/as_exp.h>
#include <aerospike/as_string.h>

#include <regex.h>
#include <stddef.h>

#include "filter_exp_test_cases.h"

static as_arraylist* one_two_three(void)
{
	static as_arraylist* list = NULL;
	if (list == NULL) {
		list = as_arraylist_new(3, 0);
		as_arraylist_append_int64(list, 1);
		as_arraylist_append_int64(list, 2);
		as_arraylist_append_int64(list, 3);
	}
	return list;
}

static as_arraylist* keys_ab(void)
{
	static as_arraylist* list = NULL;
	if (list == NULL) {
		list = as_arraylist_new(2, 0);
		as_arraylist_append_str(list, "a");
		as_arraylist_append_str(list, "b");
	}
	return list;
}

static const uint8_t blob_0102[] = { 1, 2 };

/* A context into a list's first element. */
static as_cdt_ctx* first_item(void)
{
	static as_cdt_ctx ctx;
	static bool made = false;
	if (! made) {
		as_cdt_ctx_init(&ctx, 1);
		as_cdt_ctx_add_list_index(&ctx, 0);
		made = true;
	}
	return &ctx;
}

/* (1262304000 + 1100) s in ns; (1262304000000 + 900500) ms in ns. */
#define VOID_NS 1262305100000000000LL
#define LUT_NS 1262304900500000000LL

#define CASE(__want, ...) \
	case __LINE__: { \
		as_exp_build(e, __VA_ARGS__); \
		*want = __want; \
		return e; \
	}

as_exp* filter_case(int line, int* want)
{
	switch (line) {
	/* Comparisons of bins read by type. */
	CASE(0, as_exp_cmp_eq(as_exp_bin_int("i"), as_exp_int(7)))
	CASE(27, as_exp_cmp_eq(as_exp_bin_int("i"), as_exp_int(8)))
	CASE(0, as_exp_cmp_ne(as_exp_bin_int("i"), as_exp_int(8)))
	CASE(0, as_exp_cmp_gt(as_exp_bin_int("i"), as_exp_int(6)))
	CASE(27, as_exp_cmp_gt(as_exp_bin_int("i"), as_exp_int(7)))
	CASE(0, as_exp_cmp_ge(as_exp_bin_int("i"), as_exp_int(7)))
	CASE(0, as_exp_cmp_lt(as_exp_bin_int("i"), as_exp_int(8)))
	CASE(0, as_exp_cmp_le(as_exp_bin_int("i"), as_exp_int(7)))
	CASE(27, as_exp_cmp_lt(as_exp_bin_int("i"), as_exp_int(-8)))
	CASE(0, as_exp_cmp_eq(as_exp_bin_float("f"), as_exp_float(2.5)))
	CASE(0, as_exp_cmp_lt(as_exp_bin_float("f"), as_exp_float(2.75)))
	CASE(0, as_exp_cmp_eq(as_exp_bin_str("s"), as_exp_str("hello")))
	CASE(0, as_exp_cmp_lt(as_exp_bin_str("s"), as_exp_str("help")))
	CASE(0, as_exp_cmp_gt(as_exp_bin_str("s"), as_exp_str("hell")))
	CASE(0, as_exp_cmp_eq(as_exp_bin_blob("b"), as_exp_bytes((uint8_t*)blob_0102, 2)))
	CASE(0, as_exp_cmp_eq(as_exp_bin_bool("t"), as_exp_bool(true)))
	CASE(0, as_exp_bin_bool("t"))
	CASE(0, as_exp_cmp_gt(as_exp_bool(true), as_exp_bool(false)))
	CASE(0, as_exp_cmp_eq(as_exp_nil(), as_exp_nil()))
	CASE(0, as_exp_cmp_eq(as_exp_bin_list("l"), as_exp_val(one_two_three())))
	CASE(0, as_exp_cmp_eq(as_exp_bin_map("m"), as_exp_bin_map("m")))
	/* An unordered map cannot be ordered: unknown, so neither eq nor ne. */
	CASE(27, as_exp_cmp_eq(as_exp_bin_map("u"), as_exp_bin_map("u")))
	CASE(27, as_exp_cmp_ne(as_exp_bin_map("u"), as_exp_bin_map("u")))
	/* Unknowns: a missing bin, a bin of another type. */
	CASE(27, as_exp_cmp_eq(as_exp_bin_int("zz"), as_exp_int(1)))
	CASE(27, as_exp_cmp_ne(as_exp_bin_int("zz"), as_exp_int(1)))
	CASE(27, as_exp_not(as_exp_cmp_eq(as_exp_bin_int("zz"), as_exp_int(1))))
	CASE(27, as_exp_cmp_eq(as_exp_bin_int("s"), as_exp_int(1)))
	CASE(0, as_exp_or(as_exp_cmp_eq(as_exp_bin_int("zz"), as_exp_int(1)), as_exp_bool(true)))
	CASE(27, as_exp_or(as_exp_cmp_eq(as_exp_bin_int("zz"), as_exp_int(1)), as_exp_bool(false)))
	CASE(27, as_exp_and(as_exp_cmp_eq(as_exp_bin_int("zz"), as_exp_int(1)), as_exp_bool(true)))
	CASE(27, as_exp_and(as_exp_bool(false), as_exp_cmp_eq(as_exp_bin_int("zz"), as_exp_int(1))))
	CASE(27, as_exp_unknown())
	/* Logic. */
	CASE(0, as_exp_and(as_exp_bool(true), as_exp_cmp_eq(as_exp_bin_int("i"), as_exp_int(7))))
	CASE(0, as_exp_not(as_exp_bool(false)))
	CASE(0, as_exp_exclusive(as_exp_bool(true), as_exp_bool(false), as_exp_bool(false)))
	CASE(27, as_exp_exclusive(as_exp_bool(true), as_exp_bool(true)))
	CASE(27, as_exp_exclusive(as_exp_bool(true), as_exp_cmp_eq(as_exp_bin_int("zz"), as_exp_int(1))))
	/* Existence and types. */
	CASE(0, as_exp_bin_exists("i"))
	CASE(27, as_exp_bin_exists("zz"))
	CASE(0, as_exp_cmp_eq(as_exp_bin_type("s"), as_exp_int(3)))
	CASE(0, as_exp_cmp_eq(as_exp_bin_type("l"), as_exp_int(20)))
	CASE(0, as_exp_cmp_eq(as_exp_bin_type("zz"), as_exp_int(0)))
	/* Metadata. */
	CASE(0, as_exp_cmp_eq(as_exp_key_str(), as_exp_str("k1")))
	CASE(27, as_exp_cmp_eq(as_exp_key_int(), as_exp_int(1)))
	CASE(0, as_exp_key_exist())
	CASE(0, as_exp_cmp_eq(as_exp_set_name(), as_exp_str("s")))
	CASE(0, as_exp_cmp_eq(as_exp_ttl(), as_exp_int(100)))
	CASE(0, as_exp_cmp_eq(as_exp_void_time(), as_exp_int(VOID_NS)))
	CASE(0, as_exp_cmp_eq(as_exp_last_update(), as_exp_int(LUT_NS)))
	CASE(0, as_exp_cmp_eq(as_exp_since_update(), as_exp_int(99500)))
	CASE(0, as_exp_not(as_exp_is_tombstone()))
	CASE(0, as_exp_cmp_eq(as_exp_digest_modulo(10), as_exp_int(3)))
	/* 35 header + 4 void time + 2 set + 4 key + 1 bin count + 95 bins
	 * + 4 end mark = 145, in 16-byte blocks: 160. */
	CASE(0, as_exp_cmp_eq(as_exp_record_size(), as_exp_int(160)))
	CASE(0, as_exp_cmp_eq(as_exp_memory_size(), as_exp_int(160)))
	CASE(0, as_exp_cmp_eq(as_exp_device_size(), as_exp_int(0)))
	/* Arithmetic. */
	CASE(0, as_exp_cmp_eq(as_exp_add(as_exp_bin_int("i"), as_exp_int(3)), as_exp_int(10)))
	CASE(0, as_exp_cmp_eq(as_exp_sub(as_exp_int(10)), as_exp_int(-10)))
	CASE(0, as_exp_cmp_eq(as_exp_sub(as_exp_bin_int("i"), as_exp_int(2), as_exp_int(1)), as_exp_int(4)))
	CASE(0, as_exp_cmp_eq(as_exp_mul(as_exp_bin_int("i"), as_exp_int(-3)), as_exp_int(-21)))
	CASE(0, as_exp_cmp_eq(as_exp_div(as_exp_int(7), as_exp_int(2)), as_exp_int(3)))
	CASE(0, as_exp_cmp_eq(as_exp_div(as_exp_int(-7), as_exp_int(2)), as_exp_int(-3)))
	CASE(27, as_exp_cmp_eq(as_exp_div(as_exp_int(7), as_exp_int(0)), as_exp_int(0)))
	CASE(0, as_exp_cmp_eq(as_exp_div(as_exp_float(1.0), as_exp_float(4.0)), as_exp_float(0.25)))
	CASE(0, as_exp_cmp_eq(as_exp_mod(as_exp_int(7), as_exp_int(3)), as_exp_int(1)))
	CASE(0, as_exp_cmp_eq(as_exp_mod(as_exp_int(-7), as_exp_int(3)), as_exp_int(-1)))
	CASE(27, as_exp_cmp_eq(as_exp_mod(as_exp_int(7), as_exp_int(0)), as_exp_int(0)))
	CASE(0, as_exp_cmp_eq(as_exp_pow(as_exp_float(2.0), as_exp_float(10.0)), as_exp_float(1024.0)))
	CASE(0, as_exp_cmp_eq(as_exp_log(as_exp_float(8.0), as_exp_float(2.0)), as_exp_float(3.0)))
	CASE(0, as_exp_cmp_eq(as_exp_abs(as_exp_int(-5)), as_exp_int(5)))
	CASE(0, as_exp_cmp_eq(as_exp_abs(as_exp_float(-0.5)), as_exp_float(0.5)))
	CASE(0, as_exp_cmp_eq(as_exp_floor(as_exp_bin_float("f")), as_exp_float(2.0)))
	CASE(0, as_exp_cmp_eq(as_exp_ceil(as_exp_bin_float("f")), as_exp_float(3.0)))
	CASE(0, as_exp_cmp_eq(as_exp_to_int(as_exp_float(2.9)), as_exp_int(2)))
	CASE(0, as_exp_cmp_eq(as_exp_to_float(as_exp_bin_int("i")), as_exp_float(7.0)))
	CASE(0, as_exp_cmp_eq(as_exp_min(as_exp_int(3), as_exp_int(1), as_exp_int(2)), as_exp_int(1)))
	CASE(0, as_exp_cmp_eq(as_exp_max(as_exp_float(1.5), as_exp_bin_float("f")), as_exp_float(2.5)))
	CASE(27, as_exp_cmp_eq(as_exp_add(as_exp_bin_int("zz"), as_exp_int(1)), as_exp_int(1)))
	CASE(0, as_exp_cmp_eq(as_exp_int_and(as_exp_int(12), as_exp_int(10)), as_exp_int(8)))
	CASE(0, as_exp_cmp_eq(as_exp_int_or(as_exp_int(12), as_exp_int(10)), as_exp_int(14)))
	CASE(0, as_exp_cmp_eq(as_exp_int_xor(as_exp_int(12), as_exp_int(10)), as_exp_int(6)))
	CASE(0, as_exp_cmp_eq(as_exp_int_not(as_exp_int(0)), as_exp_int(-1)))
	CASE(0, as_exp_cmp_eq(as_exp_int_lshift(as_exp_int(1), as_exp_int(4)), as_exp_int(16)))
	CASE(0, as_exp_cmp_eq(as_exp_int_rshift(as_exp_int(-1), as_exp_int(60)), as_exp_int(15)))
	CASE(0, as_exp_cmp_eq(as_exp_int_arshift(as_exp_int(-16), as_exp_int(2)), as_exp_int(-4)))
	CASE(0, as_exp_cmp_eq(as_exp_int_count(as_exp_int(255)), as_exp_int(8)))
	CASE(0, as_exp_cmp_eq(as_exp_int_lscan(as_exp_int(1), as_exp_bool(true)), as_exp_int(63)))
	CASE(0, as_exp_cmp_eq(as_exp_int_lscan(as_exp_int(0), as_exp_bool(true)), as_exp_int(-1)))
	CASE(0, as_exp_cmp_eq(as_exp_int_lscan(as_exp_int(-1), as_exp_bool(false)), as_exp_int(-1)))
	CASE(0, as_exp_cmp_eq(as_exp_int_rscan(as_exp_int(2), as_exp_bool(true)), as_exp_int(62)))
	CASE(0, as_exp_cmp_eq(as_exp_int_rscan(as_exp_int(0), as_exp_bool(true)), as_exp_int(-1)))
	/* COND, LET. */
	CASE(0, as_exp_cmp_eq(as_exp_cond(as_exp_cmp_eq(as_exp_bin_int("i"), as_exp_int(7)), as_exp_int(1),
			as_exp_int(2)), as_exp_int(1)))
	CASE(0, as_exp_cmp_eq(as_exp_cond(as_exp_cmp_eq(as_exp_bin_int("i"), as_exp_int(8)), as_exp_int(1),
			as_exp_bool(false), as_exp_int(3), as_exp_int(2)), as_exp_int(2)))
	CASE(27, as_exp_cmp_eq(as_exp_cond(as_exp_cmp_eq(as_exp_bin_int("zz"), as_exp_int(8)), as_exp_int(1),
			as_exp_int(1)), as_exp_int(1)))
	CASE(0, as_exp_cmp_eq(as_exp_cond(as_exp_bool(false), as_exp_unknown(), as_exp_int(5)), as_exp_int(5)))
	CASE(27, as_exp_cmp_eq(as_exp_cond(as_exp_bool(true), as_exp_unknown(), as_exp_int(5)), as_exp_int(5)))
	CASE(0, as_exp_let(as_exp_def("x", as_exp_bin_int("i")), as_exp_def("_y", as_exp_int(3)),
			as_exp_cmp_eq(as_exp_add(as_exp_var("x"), as_exp_var("_y")), as_exp_int(10))))
	CASE(0, as_exp_let(as_exp_def("x", as_exp_int(1)),
			as_exp_let(as_exp_def("y", as_exp_add(as_exp_var("x"), as_exp_int(1))),
					as_exp_cmp_eq(as_exp_var("y"), as_exp_int(2)))))
	/* Regular expressions (POSIX, the server's regcomp flags). */
	CASE(0, as_exp_cmp_regex(REG_EXTENDED | REG_ICASE, "^HEL+O$", as_exp_bin_str("s")))
	/* Without REG_EXTENDED, + is an ordinary character (POSIX basic syntax). */
	CASE(27, as_exp_cmp_regex(REG_ICASE, "^HEL+O$", as_exp_bin_str("s")))
	CASE(27, as_exp_cmp_regex(0, "^HEL", as_exp_bin_str("s")))
	CASE(0, as_exp_cmp_regex(REG_EXTENDED, "l{2}", as_exp_bin_str("s")))
	CASE(27, as_exp_cmp_regex(0, "x", as_exp_bin_str("zz")))
	/* Lists and maps. */
	CASE(0, as_exp_cmp_eq(as_exp_list_size(NULL, as_exp_bin_list("l")), as_exp_int(3)))
	CASE(0, as_exp_cmp_eq(as_exp_list_get_by_index(NULL, AS_LIST_RETURN_VALUE, AS_EXP_TYPE_INT,
			as_exp_int(-1), as_exp_bin_list("l")), as_exp_int(3)))
	CASE(0, as_exp_cmp_eq(as_exp_list_get_by_index(NULL, AS_LIST_RETURN_VALUE, AS_EXP_TYPE_INT,
			as_exp_sub(as_exp_bin_int("i"), as_exp_int(6)), as_exp_bin_list("l")), as_exp_int(2)))
	CASE(0, as_exp_cmp_eq(as_exp_list_get_by_value(NULL, AS_LIST_RETURN_COUNT, as_exp_int(2),
			as_exp_bin_list("l")), as_exp_int(1)))
	CASE(27, as_exp_cmp_eq(as_exp_list_size(NULL, as_exp_bin_list("zz")), as_exp_int(0)))
	/* Wrong declared result type: the element read is an int, not a string. */
	CASE(27, as_exp_cmp_eq(as_exp_list_get_by_index(NULL, AS_LIST_RETURN_VALUE, AS_EXP_TYPE_STR,
			as_exp_int(0), as_exp_bin_list("l")), as_exp_str("1")))
	CASE(0, as_exp_cmp_eq(as_exp_list_size(first_item(), as_exp_bin_list("n")), as_exp_int(2)))
	CASE(0, as_exp_cmp_eq(as_exp_list_get_by_index(first_item(), AS_LIST_RETURN_VALUE, AS_EXP_TYPE_INT,
			as_exp_int(1), as_exp_bin_list("n")), as_exp_int(6)))
	/* The context reaches an integer, which has no size: an error, so unknown. */
	CASE(27, as_exp_cmp_eq(as_exp_list_size(first_item(), as_exp_bin_list("l")), as_exp_int(0)))
	CASE(0, as_exp_cmp_eq(as_exp_map_size(NULL, as_exp_bin_map("m")), as_exp_int(2)))
	CASE(0, as_exp_cmp_eq(as_exp_map_get_by_key(NULL, AS_MAP_RETURN_VALUE, AS_EXP_TYPE_INT,
			as_exp_str("b"), as_exp_bin_map("m")), as_exp_int(2)))
	CASE(0, as_exp_cmp_eq(as_exp_map_keys(as_exp_bin_map("m")), as_exp_val(keys_ab())))
	CASE(0, as_exp_in_list(as_exp_int(2), as_exp_bin_list("l")))
	CASE(27, as_exp_in_list(as_exp_int(5), as_exp_bin_list("l")))
	/* Refused at build: mismatched or wrong types, bad arguments. */
	CASE(4, as_exp_cmp_eq(as_exp_bin_int("i"), as_exp_str("7")))
	CASE(4, as_exp_cmp_eq(as_exp_bin_int("i"), as_exp_float(7.0)))
	CASE(4, as_exp_bin_int("i"))
	CASE(4, as_exp_and(as_exp_bin_int("i"), as_exp_bool(true)))
	CASE(4, as_exp_cmp_eq(as_exp_add(as_exp_int(1), as_exp_float(1.0)), as_exp_int(2)))
	CASE(4, as_exp_cmp_eq(as_exp_bin_hll("h"), as_exp_bin_hll("h")))
	CASE(4, as_exp_cmp_eq(as_exp_digest_modulo(0), as_exp_int(0)))
	CASE(4, as_exp_cmp_eq(as_exp_bin_int("sixteen_chars_xx"), as_exp_int(1)))
	CASE(4, as_exp_cmp_eq(as_exp_var("nope"), as_exp_int(1)))
	CASE(4, as_exp_let(as_exp_def("1x", as_exp_int(1)), as_exp_cmp_eq(as_exp_var("1x"), as_exp_int(1))))
	CASE(4, as_exp_let(as_exp_def("x", as_exp_int(1)), as_exp_def("x", as_exp_int(2)),
			as_exp_cmp_eq(as_exp_var("x"), as_exp_int(1))))
	CASE(4, as_exp_cmp_eq(as_exp_cond(as_exp_bool(true), as_exp_int(1), as_exp_str("a")), as_exp_int(1)))
	CASE(4, as_exp_cmp_regex(REG_EXTENDED, "(", as_exp_bin_str("s")))
	/* In basic syntax ( is an ordinary character: it compiles, and fails to match. */
	CASE(27, as_exp_cmp_regex(0, "(", as_exp_bin_str("s")))
	CASE(4, as_exp_cmp_regex(0, "x", as_exp_bin_int("i")))
	CASE(4, as_exp_cmp_eq(as_exp_pow(as_exp_int(2), as_exp_int(2)), as_exp_int(4)))
	CASE(4, as_exp_cmp_eq(as_exp_mod(as_exp_float(2.0), as_exp_float(2.0)), as_exp_float(0.0)))
	CASE(4, as_exp_in_list(as_exp_int(1), as_exp_int(1)))
	CASE(4, as_exp_cmp_eq(as_exp_list_size(NULL, as_exp_bin_int("i")), as_exp_int(1)))
	/* Built by a server but not evaluated by asim. */
	CASE(16, as_exp_cmp_eq(as_exp_hll_get_count(as_exp_bin_hll("h")), as_exp_int(0)))
	CASE(16, as_exp_cmp_eq(as_exp_bit_count(as_exp_int(0), as_exp_int(8), as_exp_bin_blob("b")), as_exp_int(1)))
	CASE(16, as_exp_cmp_geo(as_exp_bin_geo("g"), as_exp_geo("{\"type\":\"Point\",\"coordinates\":[0.0,0.0]}")))
	CASE(16, as_exp_cmp_eq(as_exp_list_size(NULL, as_exp_list_append(NULL, NULL, as_exp_int(4),
			as_exp_bin_list("l"))), as_exp_int(4)))
	default:
		return NULL;
	}
}
