/*
 * Operation and expression builders against bytes a stock 7.4.0 build
 * produced for the same calls (ops_cases.inc, ops_recorded.inc): every
 * list, map, bit, HLL, expression and path op with and without contexts and
 * policies, and expressions covering every macro family (the macros expand
 * in this program, so this also checks their ABI). Plus the header-inline
 * helpers, as_operations_inita, the write/read adders, and malformed input.
 */
#include <aerospike/as_bytes.h>
#include <citrusleaf/alloc.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ops_cases.inc"
#include "ops_recorded.inc"

typedef void (*ops_case)(as_operations*);
typedef as_exp* (*exp_case)(void);

#define AS_OPS_ENTRY(fn) {#fn, fn},
static const struct { const char* name; ops_case fn; } ops_cases[] = {OPS_CASES(AS_OPS_ENTRY)};
static const struct { const char* name; exp_case fn; } exp_cases[] = {EXP_CASES(AS_OPS_ENTRY)};

static void to_hex(const uint8_t* p, uint32_t n, char* out)
{
	for (uint32_t i = 0; i < n; i++) {
		sprintf(out + 2 * i, "%02x", p[i]);
	}
	out[2 * n] = '\0';
}

static void test_ops_match_stock(void** state)
{
	(void)state;
	assert_int_equal(sizeof(ops_cases) / sizeof(ops_cases[0]),
		sizeof(recorded_ops) / sizeof(recorded_ops[0]));
	for (size_t c = 0; c < sizeof(ops_cases) / sizeof(ops_cases[0]); c++) {
		as_operations ops;
		as_operations_inita(&ops, 64);
		assert_string_equal(ops_cases[c].name, recorded_ops[c].name);
		ops_cases[c].fn(&ops);
		assert_int_equal(ops.binops.size, recorded_ops[c].n);
		for (uint16_t i = 0; i < ops.binops.size; i++) {
			const as_binop* b = &ops.binops.entries[i];
			const as_bytes* bytes = (const as_bytes*)b->bin.valuep;
			char line[1024];
			int head = snprintf(line, sizeof(line), "%d:%s:", (int)b->op, b->bin.name);
			assert_non_null(bytes);
			assert_int_equal(bytes->_.type, AS_BYTES);
			assert_true(bytes->size < (sizeof(line) - (size_t)head) / 2);
			to_hex(bytes->value, bytes->size, line + head);
			if (strcmp(line, recorded_ops[c].ops[i]) != 0) {
				print_error("%s op %u\n", ops_cases[c].name, i);
			}
			assert_string_equal(line, recorded_ops[c].ops[i]);
		}
		as_operations_destroy(&ops);
	}
}

static void test_exps_match_stock(void** state)
{
	(void)state;
	assert_int_equal(sizeof(exp_cases) / sizeof(exp_cases[0]),
		sizeof(recorded_exps) / sizeof(recorded_exps[0]));
	for (size_t c = 0; c < sizeof(exp_cases) / sizeof(exp_cases[0]); c++) {
		as_exp* e = exp_cases[c].fn();
		char hex[2048];
		char* b64;
		assert_string_equal(exp_cases[c].name, recorded_exps[c].name);
		assert_non_null(e);
		assert_true(e->packed_sz < sizeof(hex) / 2);
		to_hex(e->packed, e->packed_sz, hex);
		if (strcmp(hex, recorded_exps[c].hex) != 0) {
			print_error("%s\n", exp_cases[c].name);
		}
		assert_string_equal(hex, recorded_exps[c].hex);
		b64 = as_exp_compile_b64(e);
		assert_string_equal(b64, recorded_exps[c].b64);
		{
			as_exp* back = as_exp_from_base64(b64);
			assert_int_equal(back->packed_sz, e->packed_sz);
			assert_memory_equal(back->packed, e->packed, e->packed_sz);
			as_exp_destroy(back);
		}
		as_exp_destroy_b64(b64);
		as_exp_destroy(e);
	}
}

static void test_exp_rejects(void** state)
{
	(void)state;
	/* A list read that returns nothing has no result type: 7.4.0 refuses it. */
	as_exp_build(none, as_exp_list_get_by_index(NULL, AS_LIST_RETURN_NONE, AS_EXP_TYPE_INT,
		as_exp_int(0), as_exp_bin_list("l")));
	assert_null(none);
	/* Asked for a string where a count is returned. */
	as_exp_build(wrong, as_exp_map_get_by_key(NULL, AS_MAP_RETURN_COUNT, AS_EXP_TYPE_STR,
		as_exp_str("k"), as_exp_bin_map("m")));
	assert_null(wrong);
	{
		/* An END_OF_VA_ARGS without an open variadic. */
		as_exp_entry table[] = {as_exp_int(1), {.op = _AS_EXP_CODE_END_OF_VA_ARGS}};
		assert_null(as_exp_compile(table, 2));
	}
	{
		/* An empty context on a CDT call. */
		as_cdt_ctx ctx;
		as_cdt_ctx_inita(&ctx, 1);
		as_exp_build(empty_ctx, as_exp_list_size(&ctx, as_exp_bin_list("l")));
		assert_null(empty_ctx);
	}
	assert_null(as_exp_compile_b64(NULL));
}

/* 7.4.0 dereferences these and crashes; aeroshim refuses them. */
static void test_exp_missing_operands(void** state)
{
	(void)state;
	as_exp_build(no_val, as_exp_cmp_eq(as_exp_bin_int("a"), as_exp_val(NULL)));
	as_exp_build(no_expr, as_exp_and(as_exp_expr(NULL), as_exp_bool(true)));
	as_exp_build(no_bytes, as_exp_cmp_eq(as_exp_bin_blob("b"), as_exp_bytes(NULL, 3)));
	as_exp_build(no_str, as_exp_cmp_eq(as_exp_bin_str("s"), as_exp_str(NULL)));
	assert_null(no_val);
	assert_null(no_expr);
	assert_null(no_bytes);
	assert_null(no_str);
	assert_null(as_exp_compile(NULL, 1));
	{
		as_operations ops;
		as_operations_inita(&ops, 2);
		assert_false(as_operations_exp_read(&ops, "r", NULL, AS_EXP_READ_DEFAULT));
		assert_false(as_operations_map_increment(&ops, "m", NULL, NULL, cases_str("k"), NULL));
		assert_false(as_operations_list_append(&ops, "0123456789abcdef", NULL, NULL, cases_int(1)));
		assert_int_equal(ops.binops.size, 0);
		as_operations_destroy(&ops);
	}
}

static void test_exp_types(void** state)
{
	(void)state;
	as_cdt_ctx ctx;
	assert_int_equal(as_exp_get_ctx_type(NULL, AS_EXP_TYPE_BLOB), AS_EXP_TYPE_BLOB);
	as_cdt_ctx_init(&ctx, 1);
	assert_int_equal(as_exp_get_ctx_type(&ctx, AS_EXP_TYPE_HLL), AS_EXP_TYPE_HLL);
	as_cdt_ctx_add_list_rank(&ctx, 0);
	assert_int_equal(as_exp_get_ctx_type(&ctx, AS_EXP_TYPE_MAP), AS_EXP_TYPE_LIST);
	as_cdt_ctx_destroy(&ctx);
	as_cdt_ctx_init(&ctx, 1);
	as_cdt_ctx_add_map_rank(&ctx, 0);
	assert_int_equal(as_exp_get_ctx_type(&ctx, AS_EXP_TYPE_LIST), AS_EXP_TYPE_MAP);
	as_cdt_ctx_destroy(&ctx);

	assert_int_equal(as_exp_get_list_type(AS_EXP_TYPE_AUTO, AS_LIST_RETURN_INDEX, true), AS_EXP_TYPE_LIST);
	assert_int_equal(as_exp_get_list_type(AS_EXP_TYPE_AUTO, AS_LIST_RETURN_RANK, false), AS_EXP_TYPE_INT);
	assert_int_equal(as_exp_get_list_type(AS_EXP_TYPE_AUTO, AS_LIST_RETURN_VALUE, false), AS_EXP_TYPE_AUTO);
	assert_int_equal(as_exp_get_list_type(AS_EXP_TYPE_STR, AS_LIST_RETURN_VALUE, false), AS_EXP_TYPE_STR);
	assert_int_equal(as_exp_get_list_type(AS_EXP_TYPE_INT,
		AS_LIST_RETURN_EXISTS | AS_LIST_RETURN_INVERTED, false), AS_EXP_TYPE_ERROR);
	assert_int_equal(as_exp_get_list_type(AS_EXP_TYPE_AUTO, (as_list_return_type)6, false), AS_EXP_TYPE_ERROR);
	assert_int_equal(as_exp_get_map_type(AS_EXP_TYPE_AUTO, AS_MAP_RETURN_KEY, true), AS_EXP_TYPE_LIST);
	assert_int_equal(as_exp_get_map_type(AS_EXP_TYPE_MAP, AS_MAP_RETURN_ORDERED_MAP, true), AS_EXP_TYPE_MAP);
	assert_int_equal(as_exp_get_map_type(AS_EXP_TYPE_AUTO, AS_MAP_RETURN_EXISTS, true), AS_EXP_TYPE_BOOL);
	assert_int_equal(as_exp_get_map_type(AS_EXP_TYPE_AUTO, AS_MAP_RETURN_NONE, true), AS_EXP_TYPE_ERROR);
}

static void test_exp_write_field(void** state)
{
	(void)state;
	uint8_t buf[32];
	as_exp_build(e, as_exp_bin_exists("a"));
	uint8_t* end = as_exp_write(e, buf);
	assert_int_equal(end - buf, 5 + (int)e->packed_sz);
	assert_int_equal(buf[0], 0);
	assert_int_equal(buf[3], e->packed_sz + 1);
	assert_int_equal(buf[4], 43);
	assert_memory_equal(buf + 5, e->packed, e->packed_sz);
	end = as_exp_write_index(e, buf);
	assert_int_equal(buf[4], 24);
	assert_int_equal(end - buf, 5 + (int)e->packed_sz);
	as_exp_destroy(e);
}

static void test_basic_ops(void** state)
{
	(void)state;
	as_operations ops;
	as_operations* heap = as_operations_new(2);
	as_operations_inita(&ops, 4);
	assert_false(as_operations_defined(&ops));
	assert_true(as_operations_add_write_int64(&ops, "i", 5));
	assert_true(as_operations_add_read(&ops, "i"));
	assert_true(as_operations_add_touch(&ops));
	assert_false(as_operations_add_read_all_called(&ops));
	assert_true(as_operations_add_read_all(&ops));
	assert_true(as_operations_add_read_all_called(&ops));
	/* Full: capacity 4. */
	assert_false(as_operations_add_delete(&ops));
	assert_false(as_operations_add_write_str(&ops, "s", "x"));
	assert_true(as_operations_defined(&ops));
	assert_int_equal(ops.binops.entries[0].op, AS_OPERATOR_WRITE);
	assert_int_equal(ops.binops.entries[2].op, AS_OPERATOR_TOUCH);
	assert_true(as_operations_has_write(&ops));
	assert_false(as_operations_consists_of_all_writes(&ops));
	assert_true(as_operations_is_basic_read(ops.binops.entries[1].op));
	as_operations_destroy(&ops);

	assert_non_null(heap);
	assert_int_equal(heap->binops.capacity, 2);
	/* A bin name of 16 characters does not fit (15 + NUL). */
	assert_false(as_operations_add_incr(heap, "0123456789abcdef", 1));
	assert_true(as_operations_add_incr(heap, "0123456789abcde", 1));
	assert_true(as_operations_add_append_str(heap, "s", "tail"));
	assert_true(as_operations_consists_of_all_writes(heap));
	assert_false(as_operations_has_write(NULL));
	as_operations_destroy(heap);
}

static void test_path_errors(void** state)
{
	(void)state;
	as_error err;
	as_operations ops;
	as_cdt_ctx ctx;
	as_operations_inita(&ops, 1);
	as_cdt_ctx_inita(&ctx, 1);
	assert_int_equal(as_operations_select_by_path(&err, &ops, "p", &ctx, AS_EXP_PATH_SELECT_VALUE),
		AEROSPIKE_ERR_PARAM);
	assert_string_equal(err.message, "Context is empty");
	assert_int_equal(as_operations_select_by_path(&err, &ops, "p", NULL, AS_EXP_PATH_SELECT_VALUE),
		AEROSPIKE_ERR_PARAM);
	as_operations_destroy(&ops);
}

static void test_ctx_serialized(void** state)
{
	(void)state;
	as_cdt_ctx ctx;
	as_cdt_ctx back;
	uint8_t bytes[64];
	char b64[64];
	uint32_t n;
	cases_ctx(&ctx);
	/* [0x22, "k", 0x10, -1]: map key step, list index step. */
	n = as_cdt_ctx_byte_capacity(&ctx);
	assert_int_equal(n, 7);
	assert_int_equal(as_cdt_ctx_to_bytes(&ctx, bytes, sizeof(bytes)), 7);
	assert_memory_equal(bytes, "\x94\x22\xa2\x03\x6b\x10\xff", 7);
	assert_int_equal(as_cdt_ctx_to_bytes(&ctx, bytes, 6), 0);
	assert_int_equal(as_cdt_ctx_base64_capacity(&ctx), 13);
	assert_false(as_cdt_ctx_to_base64(&ctx, b64, 12));
	/* 7.4.0 terminates at capacity - 1: pass exactly the capacity it asks for. */
	assert_true(as_cdt_ctx_to_base64(&ctx, b64, 13));
	assert_string_equal(b64, "lCKiA2sQ/w==");
	assert_true(as_cdt_ctx_from_base64(&back, b64));
	assert_int_equal(back.list.size, 2);
	assert_int_equal(((as_cdt_ctx_item*)as_vector_get(&back.list, 0))->type, AS_CDT_CTX_MAP_KEY);
	assert_int_equal(((as_cdt_ctx_item*)as_vector_get(&back.list, 1))->val.ival, -1);
	as_cdt_ctx_destroy(&back);
	/* Odd element count, non-integer type, and not a list. */
	assert_false(as_cdt_ctx_from_bytes(&back, (const uint8_t*)"\x93\x10\x01\x10", 4));
	assert_false(as_cdt_ctx_from_bytes(&back, (const uint8_t*)"\x92\xa2\x03\x6b\x01", 5));
	assert_false(as_cdt_ctx_from_bytes(&back, (const uint8_t*)"\x05", 1));
	assert_false(as_cdt_ctx_from_bytes(&back, (const uint8_t*)"", 0));
	as_cdt_ctx_destroy(&ctx);
}

static void test_inline_helpers(void** state)
{
	(void)state;
	as_list_policy lp;
	as_bit_policy bp;
	as_hll_policy hp;
	as_map_policy mp;
	as_list_policy_init(&lp);
	assert_int_equal(lp.order, AS_LIST_UNORDERED);
	assert_int_equal(lp.flags, AS_LIST_WRITE_DEFAULT);
	as_bit_policy_init(&bp);
	assert_int_equal(bp.flags, 0);
	as_hll_policy_init(&hp);
	as_hll_policy_set_write_flags(&hp, AS_HLL_WRITE_UPDATE_ONLY);
	assert_int_equal(hp.flags, 2);
	as_map_policy_init(&mp);
	assert_int_equal(mp.attributes, AS_MAP_UNORDERED);
	assert_int_equal(mp.item_command, AS_CDT_OP_MAP_PUT);
	assert_int_equal(mp.items_command, AS_CDT_OP_MAP_PUT_ITEMS);
	as_map_policy_set(&mp, AS_MAP_KEY_ORDERED, AS_MAP_CREATE_ONLY);
	assert_int_equal(mp.item_command, AS_CDT_OP_MAP_ADD);
	assert_int_equal(mp.items_command, AS_CDT_OP_MAP_ADD_ITEMS);
	as_map_policy_set_all(&mp, AS_MAP_KEY_VALUE_ORDERED, AS_MAP_WRITE_NO_FAIL, true);
	assert_int_equal(mp.attributes, 0x13);
	assert_int_equal(mp.flags, AS_MAP_WRITE_NO_FAIL);
	assert_int_equal(as_list_order_to_flag(AS_LIST_ORDERED, true), 0xc0);
	assert_int_equal(as_list_order_to_flag(AS_LIST_UNORDERED, true), 0x80);
	assert_int_equal(as_list_order_to_flag(AS_LIST_UNORDERED, false), 0x40);
	assert_int_equal(as_map_order_to_flag(AS_MAP_KEY_ORDERED), 0x80);
	assert_int_equal(as_map_order_to_flag(AS_MAP_KEY_VALUE_ORDERED), 0xc0);
	assert_int_equal(as_map_order_to_flag((as_map_order)7), 0x40);
	assert_true(cdt_ctx_is_empty(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ops_match_stock),
		cmocka_unit_test(test_exps_match_stock),
		cmocka_unit_test(test_exp_rejects),
		cmocka_unit_test(test_exp_missing_operands),
		cmocka_unit_test(test_exp_types),
		cmocka_unit_test(test_exp_write_field),
		cmocka_unit_test(test_basic_ops),
		cmocka_unit_test(test_path_errors),
		cmocka_unit_test(test_ctx_serialized),
		cmocka_unit_test(test_inline_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
