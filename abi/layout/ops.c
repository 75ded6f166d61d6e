/*
 * Layout guard of the operations area: as_operations and its entries, the
 * CDT/bit/HLL policies, the CDT context and the expression types as x86-64
 * Linux lays them out in 7.4.0 (transcribed from the 7.4.0 layout tables),
 * every enum of these headers with its values (expression op codes are
 * compiled into programs by the as_exp_* macros), and the ABI macros.
 */
#include "../layout_check.h"

#include <aerospike/as_bit_operations.h>
#include <aerospike/as_cdt_ctx.h>
#include <aerospike/as_cdt_internal.h>
#include <aerospike/as_cdt_order.h>
#include <aerospike/as_exp.h>
#include <aerospike/as_exp_operations.h>
#include <aerospike/as_hll_operations.h>
#include <aerospike/as_list_operations.h>
#include <aerospike/as_map_operations.h>
#include <aerospike/as_operations.h>

/* as_operations */
AS_CHECK(sizeof(as_operations) == 24);
AS_CHECK(AS_ALIGNOF(as_operations) == 8);
AS_CHECK(offsetof(as_operations, binops) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_operations, binops) == 16);
AS_CHECK(offsetof(as_operations, ttl) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_operations, ttl) == 4);
AS_CHECK(offsetof(as_operations, gen) == 20);
AS_CHECK(AS_MEMBER_SIZE(as_operations, gen) == 2);
AS_CHECK(offsetof(as_operations, _free) == 22);
AS_CHECK(AS_MEMBER_SIZE(as_operations, _free) == 1);

/* as_binops */
AS_CHECK(sizeof(as_binops) == 16);
AS_CHECK(AS_ALIGNOF(as_binops) == 8);
AS_CHECK(offsetof(as_binops, entries) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_binops, entries) == 8);
AS_CHECK(offsetof(as_binops, capacity) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_binops, capacity) == 2);
AS_CHECK(offsetof(as_binops, size) == 10);
AS_CHECK(AS_MEMBER_SIZE(as_binops, size) == 2);
AS_CHECK(offsetof(as_binops, _free) == 12);
AS_CHECK(AS_MEMBER_SIZE(as_binops, _free) == 1);

/* as_binop */
AS_CHECK(sizeof(as_binop) == 64);
AS_CHECK(AS_ALIGNOF(as_binop) == 8);
AS_CHECK(offsetof(as_binop, op) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_binop, op) == 4);
AS_CHECK(offsetof(as_binop, bin) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_binop, bin) == 56);

/* as_list_policy */
AS_CHECK(sizeof(as_list_policy) == 8);
AS_CHECK(AS_ALIGNOF(as_list_policy) == 4);
AS_CHECK(offsetof(as_list_policy, order) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_list_policy, order) == 4);
AS_CHECK(offsetof(as_list_policy, flags) == 4);
AS_CHECK(AS_MEMBER_SIZE(as_list_policy, flags) == 4);

/* as_map_policy */
AS_CHECK(sizeof(as_map_policy) == 24);
AS_CHECK(AS_ALIGNOF(as_map_policy) == 8);
AS_CHECK(offsetof(as_map_policy, attributes) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_map_policy, attributes) == 8);
AS_CHECK(offsetof(as_map_policy, flags) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_map_policy, flags) == 8);
AS_CHECK(offsetof(as_map_policy, item_command) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_map_policy, item_command) == 4);
AS_CHECK(offsetof(as_map_policy, items_command) == 20);
AS_CHECK(AS_MEMBER_SIZE(as_map_policy, items_command) == 4);

/* as_bit_policy */
AS_CHECK(sizeof(as_bit_policy) == 8);
AS_CHECK(AS_ALIGNOF(as_bit_policy) == 8);
AS_CHECK(offsetof(as_bit_policy, flags) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_bit_policy, flags) == 8);

/* as_hll_policy */
AS_CHECK(sizeof(as_hll_policy) == 8);
AS_CHECK(AS_ALIGNOF(as_hll_policy) == 8);
AS_CHECK(offsetof(as_hll_policy, flags) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_hll_policy, flags) == 8);

/* as_cdt_ctx_item */
AS_CHECK(sizeof(as_cdt_ctx_item) == 16);
AS_CHECK(AS_ALIGNOF(as_cdt_ctx_item) == 8);
AS_CHECK(offsetof(as_cdt_ctx_item, type) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_cdt_ctx_item, type) == 4);
AS_CHECK(offsetof(as_cdt_ctx_item, val) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_cdt_ctx_item, val) == 8);
AS_CHECK(offsetof(as_cdt_ctx_item, val.ival) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_cdt_ctx_item, val.ival) == 8);
AS_CHECK(offsetof(as_cdt_ctx_item, val.pval) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_cdt_ctx_item, val.pval) == 8);
AS_CHECK(offsetof(as_cdt_ctx_item, val.exp) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_cdt_ctx_item, val.exp) == 8);

/* as_cdt_ctx */
AS_CHECK(sizeof(as_cdt_ctx) == 24);
AS_CHECK(AS_ALIGNOF(as_cdt_ctx) == 8);
AS_CHECK(offsetof(as_cdt_ctx, list) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_cdt_ctx, list) == 24);

/* as_exp */
AS_CHECK(sizeof(as_exp) == 4);
AS_CHECK(AS_ALIGNOF(as_exp) == 4);
AS_CHECK(offsetof(as_exp, packed_sz) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_exp, packed_sz) == 4);
AS_CHECK(offsetof(as_exp, packed) == 4);

/* as_exp_entry */
AS_CHECK(sizeof(as_exp_entry) == 24);
AS_CHECK(AS_ALIGNOF(as_exp_entry) == 8);
AS_CHECK(offsetof(as_exp_entry, op) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, op) == 4);
AS_CHECK(offsetof(as_exp_entry, count) == 4);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, count) == 4);
AS_CHECK(offsetof(as_exp_entry, sz) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, sz) == 4);
AS_CHECK(offsetof(as_exp_entry, prev_va_args) == 12);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, prev_va_args) == 4);
AS_CHECK(offsetof(as_exp_entry, v) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, v) == 8);
AS_CHECK(offsetof(as_exp_entry, v.val) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, v.val) == 8);
AS_CHECK(offsetof(as_exp_entry, v.str_val) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, v.str_val) == 8);
AS_CHECK(offsetof(as_exp_entry, v.bytes_val) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, v.bytes_val) == 8);
AS_CHECK(offsetof(as_exp_entry, v.int_val) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, v.int_val) == 8);
AS_CHECK(offsetof(as_exp_entry, v.uint_val) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, v.uint_val) == 8);
AS_CHECK(offsetof(as_exp_entry, v.float_val) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, v.float_val) == 8);
AS_CHECK(offsetof(as_exp_entry, v.bool_val) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, v.bool_val) == 1);
AS_CHECK(offsetof(as_exp_entry, v.ctx) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, v.ctx) == 8);
AS_CHECK(offsetof(as_exp_entry, v.list_pol) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, v.list_pol) == 8);
AS_CHECK(offsetof(as_exp_entry, v.map_pol) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, v.map_pol) == 8);
AS_CHECK(offsetof(as_exp_entry, v.expr) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_exp_entry, v.expr) == 8);

/* as_list_order */
AS_CHECK(sizeof(as_list_order) == 4);
AS_CHECK(AS_LIST_UNORDERED == 0);
AS_CHECK(AS_LIST_ORDERED == 1);

/* as_map_order */
AS_CHECK(sizeof(as_map_order) == 4);
AS_CHECK(AS_MAP_UNORDERED == 0);
AS_CHECK(AS_MAP_KEY_ORDERED == 1);
AS_CHECK(AS_MAP_KEY_VALUE_ORDERED == 3);

/* as_cdt_ctx_type */
AS_CHECK(sizeof(as_cdt_ctx_type) == 4);
AS_CHECK(AS_CDT_CTX_EXP == 4);
AS_CHECK(AS_CDT_CTX_LIST_INDEX == 16);
AS_CHECK(AS_CDT_CTX_LIST_RANK == 17);
AS_CHECK(AS_CDT_CTX_LIST_VALUE == 19);
AS_CHECK(AS_CDT_CTX_MAP_INDEX == 32);
AS_CHECK(AS_CDT_CTX_MAP_RANK == 33);
AS_CHECK(AS_CDT_CTX_MAP_KEY == 34);
AS_CHECK(AS_CDT_CTX_MAP_VALUE == 35);
AS_CHECK(AS_CDT_CTX_MAP_KEYS_IN == 42);

/* as_operator */
AS_CHECK(sizeof(as_operator) == 4);
AS_CHECK(AS_OPERATOR_READ == 0);
AS_CHECK(AS_OPERATOR_WRITE == 1);
AS_CHECK(AS_OPERATOR_CDT_READ == 2);
AS_CHECK(AS_OPERATOR_CDT_MODIFY == 3);
AS_CHECK(AS_OPERATOR_MAP_READ == 4);
AS_CHECK(AS_OPERATOR_MAP_MODIFY == 5);
AS_CHECK(AS_OPERATOR_INCR == 6);
AS_CHECK(AS_OPERATOR_EXP_READ == 7);
AS_CHECK(AS_OPERATOR_EXP_MODIFY == 8);
AS_CHECK(AS_OPERATOR_APPEND == 9);
AS_CHECK(AS_OPERATOR_PREPEND == 10);
AS_CHECK(AS_OPERATOR_TOUCH == 11);
AS_CHECK(AS_OPERATOR_BIT_READ == 12);
AS_CHECK(AS_OPERATOR_BIT_MODIFY == 13);
AS_CHECK(AS_OPERATOR_DELETE == 14);
AS_CHECK(AS_OPERATOR_HLL_READ == 15);
AS_CHECK(AS_OPERATOR_HLL_MODIFY == 16);

/* as_exp_path_select_flags */
AS_CHECK(sizeof(as_exp_path_select_flags) == 4);
AS_CHECK(AS_EXP_PATH_SELECT_MATCHING_TREE == 0);
AS_CHECK(AS_EXP_PATH_SELECT_VALUE == 1);
AS_CHECK(AS_EXP_PATH_SELECT_LIST_VALUE == 1);
AS_CHECK(AS_EXP_PATH_SELECT_MAP_VALUE == 1);
AS_CHECK(AS_EXP_PATH_SELECT_MAP_KEY == 2);
AS_CHECK(AS_EXP_PATH_SELECT_MAP_KEY_VALUE == 3);
AS_CHECK(AS_EXP_PATH_SELECT_NO_FAIL == 16);

/* as_exp_path_modify_flags */
AS_CHECK(sizeof(as_exp_path_modify_flags) == 4);
AS_CHECK(AS_EXP_PATH_MODIFY_DEFAULT == 0);
AS_CHECK(AS_EXP_PATH_MODIFY_NO_FAIL == 16);

/* as_list_sort_flags */
AS_CHECK(sizeof(as_list_sort_flags) == 4);
AS_CHECK(AS_LIST_SORT_DEFAULT == 0);

/* as_list_write_flags */
AS_CHECK(sizeof(as_list_write_flags) == 4);
AS_CHECK(AS_LIST_WRITE_DEFAULT == 0);

/* as_list_return_type */
AS_CHECK(sizeof(as_list_return_type) == 4);
AS_CHECK(AS_LIST_RETURN_NONE == 0);
AS_CHECK(AS_LIST_RETURN_INDEX == 1);
AS_CHECK(AS_LIST_RETURN_REVERSE_INDEX == 2);
AS_CHECK(AS_LIST_RETURN_RANK == 3);
AS_CHECK(AS_LIST_RETURN_REVERSE_RANK == 4);
AS_CHECK(AS_LIST_RETURN_COUNT == 5);
AS_CHECK(AS_LIST_RETURN_VALUE == 7);
AS_CHECK(AS_LIST_RETURN_EXISTS == 13);
AS_CHECK(AS_LIST_RETURN_INVERTED == 65536);

/* as_cdt_op_list */
AS_CHECK(sizeof(as_cdt_op_list) == 4);
AS_CHECK(AS_CDT_OP_LIST_SET_TYPE == 0);
AS_CHECK(AS_CDT_OP_LIST_APPEND == 1);
AS_CHECK(AS_CDT_OP_LIST_APPEND_ITEMS == 2);
AS_CHECK(AS_CDT_OP_LIST_INSERT == 3);
AS_CHECK(AS_CDT_OP_LIST_INSERT_ITEMS == 4);
AS_CHECK(AS_CDT_OP_LIST_POP == 5);
AS_CHECK(AS_CDT_OP_LIST_POP_RANGE == 6);
AS_CHECK(AS_CDT_OP_LIST_REMOVE == 7);
AS_CHECK(AS_CDT_OP_LIST_REMOVE_RANGE == 8);
AS_CHECK(AS_CDT_OP_LIST_SET == 9);
AS_CHECK(AS_CDT_OP_LIST_TRIM == 10);
AS_CHECK(AS_CDT_OP_LIST_CLEAR == 11);
AS_CHECK(AS_CDT_OP_LIST_INCREMENT == 12);
AS_CHECK(AS_CDT_OP_LIST_SORT == 13);
AS_CHECK(AS_CDT_OP_LIST_SIZE == 16);
AS_CHECK(AS_CDT_OP_LIST_GET == 17);
AS_CHECK(AS_CDT_OP_LIST_GET_RANGE == 18);
AS_CHECK(AS_CDT_OP_LIST_GET_BY_INDEX == 19);
AS_CHECK(AS_CDT_OP_LIST_GET_BY_RANK == 21);
AS_CHECK(AS_CDT_OP_LIST_GET_ALL_BY_VALUE == 22);
AS_CHECK(AS_CDT_OP_LIST_GET_BY_VALUE_LIST == 23);
AS_CHECK(AS_CDT_OP_LIST_GET_BY_INDEX_RANGE == 24);
AS_CHECK(AS_CDT_OP_LIST_GET_BY_VALUE_INTERVAL == 25);
AS_CHECK(AS_CDT_OP_LIST_GET_BY_RANK_RANGE == 26);
AS_CHECK(AS_CDT_OP_LIST_GET_BY_VALUE_REL_RANK_RANGE == 27);
AS_CHECK(AS_CDT_OP_LIST_REMOVE_BY_INDEX == 32);
AS_CHECK(AS_CDT_OP_LIST_REMOVE_BY_RANK == 34);
AS_CHECK(AS_CDT_OP_LIST_REMOVE_ALL_BY_VALUE == 35);
AS_CHECK(AS_CDT_OP_LIST_REMOVE_BY_VALUE_LIST == 36);
AS_CHECK(AS_CDT_OP_LIST_REMOVE_BY_INDEX_RANGE == 37);
AS_CHECK(AS_CDT_OP_LIST_REMOVE_BY_VALUE_INTERVAL == 38);
AS_CHECK(AS_CDT_OP_LIST_REMOVE_BY_RANK_RANGE == 39);
AS_CHECK(AS_CDT_OP_LIST_REMOVE_BY_VALUE_REL_RANK_RANGE == 40);

/* as_bit_write_flags */
AS_CHECK(sizeof(as_bit_write_flags) == 4);
AS_CHECK(AS_BIT_WRITE_DEFAULT == 0);

/* as_bit_resize_flags */
AS_CHECK(sizeof(as_bit_resize_flags) == 4);
AS_CHECK(AS_BIT_RESIZE_DEFAULT == 0);

/* as_bit_overflow_action */
AS_CHECK(sizeof(as_bit_overflow_action) == 4);
AS_CHECK(AS_BIT_OVERFLOW_FAIL == 0);
AS_CHECK(AS_BIT_OVERFLOW_SATURATE == 2);
AS_CHECK(AS_BIT_OVERFLOW_WRAP == 4);

/* as_bit_op */
AS_CHECK(sizeof(as_bit_op) == 4);
AS_CHECK(AS_BIT_OP_RESIZE == 0);
AS_CHECK(AS_BIT_OP_INSERT == 1);
AS_CHECK(AS_BIT_OP_REMOVE == 2);
AS_CHECK(AS_BIT_OP_SET == 3);
AS_CHECK(AS_BIT_OP_OR == 4);
AS_CHECK(AS_BIT_OP_XOR == 5);
AS_CHECK(AS_BIT_OP_AND == 6);
AS_CHECK(AS_BIT_OP_NOT == 7);
AS_CHECK(AS_BIT_OP_LSHIFT == 8);
AS_CHECK(AS_BIT_OP_RSHIFT == 9);
AS_CHECK(AS_BIT_OP_ADD == 10);
AS_CHECK(AS_BIT_OP_SUBTRACT == 11);
AS_CHECK(AS_BIT_OP_SET_INT == 12);
AS_CHECK(AS_BIT_OP_GET == 50);
AS_CHECK(AS_BIT_OP_COUNT == 51);
AS_CHECK(AS_BIT_OP_LSCAN == 52);
AS_CHECK(AS_BIT_OP_RSCAN == 53);
AS_CHECK(AS_BIT_OP_GET_INT == 54);

/* as_hll_write_flags */
AS_CHECK(sizeof(as_hll_write_flags) == 4);
AS_CHECK(AS_HLL_WRITE_DEFAULT == 0);

/* as_hll_op */
AS_CHECK(sizeof(as_hll_op) == 4);
AS_CHECK(AS_HLL_OP_INIT == 0);
AS_CHECK(AS_HLL_OP_ADD == 1);
AS_CHECK(AS_HLL_OP_UNION == 2);
AS_CHECK(AS_HLL_OP_REFRESH_COUNT == 3);
AS_CHECK(AS_HLL_OP_FOLD == 4);
AS_CHECK(AS_HLL_OP_COUNT == 50);
AS_CHECK(AS_HLL_OP_GET_UNION == 51);
AS_CHECK(AS_HLL_OP_UNION_COUNT == 52);
AS_CHECK(AS_HLL_OP_INTERSECT_COUNT == 53);
AS_CHECK(AS_HLL_OP_SIMILARITY == 54);
AS_CHECK(AS_HLL_OP_DESCRIBE == 55);
AS_CHECK(AS_HLL_OP_MAY_CONTAIN == 56);

/* as_map_write_mode */
AS_CHECK(sizeof(as_map_write_mode) == 4);
AS_CHECK(AS_MAP_UPDATE == 0);
AS_CHECK(AS_MAP_UPDATE_ONLY == 1);
AS_CHECK(AS_MAP_CREATE_ONLY == 2);

/* as_map_write_flags */
AS_CHECK(sizeof(as_map_write_flags) == 4);
AS_CHECK(AS_MAP_WRITE_DEFAULT == 0);

/* as_map_return_type */
AS_CHECK(sizeof(as_map_return_type) == 4);
AS_CHECK(AS_MAP_RETURN_NONE == 0);
AS_CHECK(AS_MAP_RETURN_INDEX == 1);
AS_CHECK(AS_MAP_RETURN_REVERSE_INDEX == 2);
AS_CHECK(AS_MAP_RETURN_RANK == 3);
AS_CHECK(AS_MAP_RETURN_REVERSE_RANK == 4);
AS_CHECK(AS_MAP_RETURN_COUNT == 5);
AS_CHECK(AS_MAP_RETURN_KEY == 6);
AS_CHECK(AS_MAP_RETURN_VALUE == 7);
AS_CHECK(AS_MAP_RETURN_KEY_VALUE == 8);
AS_CHECK(AS_MAP_RETURN_EXISTS == 13);
AS_CHECK(AS_MAP_RETURN_UNORDERED_MAP == 16);
AS_CHECK(AS_MAP_RETURN_ORDERED_MAP == 17);
AS_CHECK(AS_MAP_RETURN_INVERTED == 65536);

/* as_cdt_op_map */
AS_CHECK(sizeof(as_cdt_op_map) == 4);
AS_CHECK(AS_CDT_OP_MAP_SET_TYPE == 64);
AS_CHECK(AS_CDT_OP_MAP_ADD == 65);
AS_CHECK(AS_CDT_OP_MAP_ADD_ITEMS == 66);
AS_CHECK(AS_CDT_OP_MAP_PUT == 67);
AS_CHECK(AS_CDT_OP_MAP_PUT_ITEMS == 68);
AS_CHECK(AS_CDT_OP_MAP_REPLACE == 69);
AS_CHECK(AS_CDT_OP_MAP_REPLACE_ITEMS == 70);
AS_CHECK(AS_CDT_OP_MAP_INCREMENT == 73);
AS_CHECK(AS_CDT_OP_MAP_DECREMENT == 74);
AS_CHECK(AS_CDT_OP_MAP_CLEAR == 75);
AS_CHECK(AS_CDT_OP_MAP_REMOVE_BY_KEY == 76);
AS_CHECK(AS_CDT_OP_MAP_REMOVE_BY_INDEX == 77);
AS_CHECK(AS_CDT_OP_MAP_REMOVE_BY_RANK == 79);
AS_CHECK(AS_CDT_OP_MAP_REMOVE_BY_KEY_LIST == 81);
AS_CHECK(AS_CDT_OP_MAP_REMOVE_ALL_BY_VALUE == 82);
AS_CHECK(AS_CDT_OP_MAP_REMOVE_BY_VALUE_LIST == 83);
AS_CHECK(AS_CDT_OP_MAP_REMOVE_BY_KEY_INTERVAL == 84);
AS_CHECK(AS_CDT_OP_MAP_REMOVE_BY_INDEX_RANGE == 85);
AS_CHECK(AS_CDT_OP_MAP_REMOVE_BY_VALUE_INTERVAL == 86);
AS_CHECK(AS_CDT_OP_MAP_REMOVE_BY_RANK_RANGE == 87);
AS_CHECK(AS_CDT_OP_MAP_REMOVE_BY_KEY_REL_INDEX_RANGE == 88);
AS_CHECK(AS_CDT_OP_MAP_REMOVE_BY_VALUE_REL_RANK_RANGE == 89);
AS_CHECK(AS_CDT_OP_MAP_SIZE == 96);
AS_CHECK(AS_CDT_OP_MAP_GET_BY_KEY == 97);
AS_CHECK(AS_CDT_OP_MAP_GET_BY_INDEX == 98);
AS_CHECK(AS_CDT_OP_MAP_GET_BY_RANK == 100);
AS_CHECK(AS_CDT_OP_MAP_GET_ALL_BY_VALUE == 102);
AS_CHECK(AS_CDT_OP_MAP_GET_BY_KEY_INTERVAL == 103);
AS_CHECK(AS_CDT_OP_MAP_GET_BY_INDEX_RANGE == 104);
AS_CHECK(AS_CDT_OP_MAP_GET_BY_VALUE_INTERVAL == 105);
AS_CHECK(AS_CDT_OP_MAP_GET_BY_RANK_RANGE == 106);
AS_CHECK(AS_CDT_OP_MAP_GET_BY_KEY_LIST == 107);
AS_CHECK(AS_CDT_OP_MAP_GET_BY_VALUE_LIST == 108);
AS_CHECK(AS_CDT_OP_MAP_GET_BY_KEY_REL_INDEX_RANGE == 109);
AS_CHECK(AS_CDT_OP_MAP_GET_BY_VALUE_REL_RANK_RANGE == 110);

/* as_exp_ops */
AS_CHECK(sizeof(as_exp_ops) == 4);
AS_CHECK(_AS_EXP_CODE_UNKNOWN == 0);
AS_CHECK(_AS_EXP_CODE_CMP_EQ == 1);
AS_CHECK(_AS_EXP_CODE_CMP_NE == 2);
AS_CHECK(_AS_EXP_CODE_CMP_GT == 3);
AS_CHECK(_AS_EXP_CODE_CMP_GE == 4);
AS_CHECK(_AS_EXP_CODE_CMP_LT == 5);
AS_CHECK(_AS_EXP_CODE_CMP_LE == 6);
AS_CHECK(_AS_EXP_CODE_CMP_REGEX == 7);
AS_CHECK(_AS_EXP_CODE_CMP_GEO == 8);
AS_CHECK(_AS_EXP_CODE_IN_LIST == 9);
AS_CHECK(_AS_EXP_CODE_AND == 16);
AS_CHECK(_AS_EXP_CODE_OR == 17);
AS_CHECK(_AS_EXP_CODE_NOT == 18);
AS_CHECK(_AS_EXP_CODE_EXCLUSIVE == 19);
AS_CHECK(_AS_EXP_CODE_ADD == 20);
AS_CHECK(_AS_EXP_CODE_SUB == 21);
AS_CHECK(_AS_EXP_CODE_MUL == 22);
AS_CHECK(_AS_EXP_CODE_DIV == 23);
AS_CHECK(_AS_EXP_CODE_POW == 24);
AS_CHECK(_AS_EXP_CODE_LOG == 25);
AS_CHECK(_AS_EXP_CODE_MOD == 26);
AS_CHECK(_AS_EXP_CODE_ABS == 27);
AS_CHECK(_AS_EXP_CODE_FLOOR == 28);
AS_CHECK(_AS_EXP_CODE_CEIL == 29);
AS_CHECK(_AS_EXP_CODE_TO_INT == 30);
AS_CHECK(_AS_EXP_CODE_TO_FLOAT == 31);
AS_CHECK(_AS_EXP_CODE_INT_AND == 32);
AS_CHECK(_AS_EXP_CODE_INT_OR == 33);
AS_CHECK(_AS_EXP_CODE_INT_XOR == 34);
AS_CHECK(_AS_EXP_CODE_INT_NOT == 35);
AS_CHECK(_AS_EXP_CODE_INT_LSHIFT == 36);
AS_CHECK(_AS_EXP_CODE_INT_RSHIFT == 37);
AS_CHECK(_AS_EXP_CODE_INT_ARSHIFT == 38);
AS_CHECK(_AS_EXP_CODE_INT_COUNT == 39);
AS_CHECK(_AS_EXP_CODE_INT_LSCAN == 40);
AS_CHECK(_AS_EXP_CODE_INT_RSCAN == 41);
AS_CHECK(_AS_EXP_CODE_MIN == 50);
AS_CHECK(_AS_EXP_CODE_MAX == 51);
AS_CHECK(_AS_EXP_CODE_DIGEST_MODULO == 64);
AS_CHECK(_AS_EXP_CODE_DEVICE_SIZE == 65);
AS_CHECK(_AS_EXP_CODE_LAST_UPDATE == 66);
AS_CHECK(_AS_EXP_CODE_SINCE_UPDATE == 67);
AS_CHECK(_AS_EXP_CODE_VOID_TIME == 68);
AS_CHECK(_AS_EXP_CODE_TTL == 69);
AS_CHECK(_AS_EXP_CODE_SET_NAME == 70);
AS_CHECK(_AS_EXP_CODE_KEY_EXIST == 71);
AS_CHECK(_AS_EXP_CODE_IS_TOMBSTONE == 72);
AS_CHECK(_AS_EXP_CODE_MEMORY_SIZE == 73);
AS_CHECK(_AS_EXP_CODE_RECORD_SIZE == 74);
AS_CHECK(_AS_EXP_CODE_KEY == 80);
AS_CHECK(_AS_EXP_CODE_BIN == 81);
AS_CHECK(_AS_EXP_CODE_BIN_TYPE == 82);
AS_CHECK(_AS_EXP_CODE_REMOVE_RESULT == 100);
AS_CHECK(_AS_EXP_CODE_MAP_KEYS == 101);
AS_CHECK(_AS_EXP_CODE_MAP_VALUES == 102);
AS_CHECK(_AS_EXP_CODE_LOOPVAR == 122);
AS_CHECK(_AS_EXP_CODE_COND == 123);
AS_CHECK(_AS_EXP_CODE_VAR == 124);
AS_CHECK(_AS_EXP_CODE_LET == 125);
AS_CHECK(_AS_EXP_CODE_QUOTE == 126);
AS_CHECK(_AS_EXP_CODE_CALL == 127);
AS_CHECK(_AS_EXP_CODE_AS_VAL == 128);
AS_CHECK(_AS_EXP_CODE_VAL_GEO == 129);
AS_CHECK(_AS_EXP_CODE_VAL_PK == 130);
AS_CHECK(_AS_EXP_CODE_VAL_INT == 131);
AS_CHECK(_AS_EXP_CODE_VAL_UINT == 132);
AS_CHECK(_AS_EXP_CODE_VAL_FLOAT == 133);
AS_CHECK(_AS_EXP_CODE_VAL_BOOL == 134);
AS_CHECK(_AS_EXP_CODE_VAL_STR == 135);
AS_CHECK(_AS_EXP_CODE_VAL_BYTES == 136);
AS_CHECK(_AS_EXP_CODE_VAL_RAWSTR == 137);
AS_CHECK(_AS_EXP_CODE_VAL_RTYPE == 138);
AS_CHECK(_AS_EXP_CODE_CALL_VOP_START == 139);
AS_CHECK(_AS_EXP_CODE_CDT_LIST_CRMOD == 140);
AS_CHECK(_AS_EXP_CODE_CDT_LIST_MOD == 141);
AS_CHECK(_AS_EXP_CODE_CDT_MAP_CRMOD == 142);
AS_CHECK(_AS_EXP_CODE_CDT_MAP_CR == 143);
AS_CHECK(_AS_EXP_CODE_CDT_MAP_MOD == 144);
AS_CHECK(_AS_EXP_CODE_MERGE == 145);
AS_CHECK(_AS_EXP_CODE_CTX == 146);
AS_CHECK(_AS_EXP_CODE_END_OF_VA_ARGS == 147);

/* as_exp_call_system_type */
AS_CHECK(sizeof(as_exp_call_system_type) == 4);
AS_CHECK(_AS_EXP_SYS_CALL_CDT == 0);
AS_CHECK(_AS_EXP_SYS_CALL_BITS == 1);
AS_CHECK(_AS_EXP_SYS_CALL_HLL == 2);
AS_CHECK(_AS_EXP_SYS_FLAG_MODIFY_LOCAL == 64);

/* as_exp_type */
AS_CHECK(sizeof(as_exp_type) == 4);
AS_CHECK(AS_EXP_TYPE_NIL == 0);
AS_CHECK(AS_EXP_TYPE_BOOL == 1);
AS_CHECK(AS_EXP_TYPE_INT == 2);
AS_CHECK(AS_EXP_TYPE_STR == 3);
AS_CHECK(AS_EXP_TYPE_LIST == 4);
AS_CHECK(AS_EXP_TYPE_MAP == 5);
AS_CHECK(AS_EXP_TYPE_BLOB == 6);
AS_CHECK(AS_EXP_TYPE_FLOAT == 7);
AS_CHECK(AS_EXP_TYPE_GEOJSON == 8);
AS_CHECK(AS_EXP_TYPE_HLL == 9);
AS_CHECK(AS_EXP_TYPE_AUTO == 10);
AS_CHECK(AS_EXP_TYPE_ERROR == 11);

/* as_exp_loopvar_type */
AS_CHECK(sizeof(as_exp_loopvar_type) == 4);
AS_CHECK(AS_EXP_LOOPVAR_KEY == 0);
AS_CHECK(AS_EXP_LOOPVAR_VALUE == 1);
AS_CHECK(AS_EXP_LOOPVAR_INDEX == 2);

/* as_exp_write_flags */
AS_CHECK(sizeof(as_exp_write_flags) == 4);
AS_CHECK(AS_EXP_WRITE_DEFAULT == 0);

/* as_exp_read_flags */
AS_CHECK(sizeof(as_exp_read_flags) == 4);
AS_CHECK(AS_EXP_READ_DEFAULT == 0);

/* ABI macros */
AS_CHECK(AS_CDT_CTX_VALUE == 2);
AS_CHECK(AS_CDT_CTX_AND == 512);
AS_CHECK(AS_CDT_OP_CONTEXT_SELECT == 0xfe);
AS_CHECK(AS_CDT_OP_CONTEXT_EVAL == 0xff);
