/*
 * Expressions: server-side filters and computed values. The as_exp_* macros
 * below expand to as_exp_entry initializers in the program; as_exp_build
 * puts them into an array and as_exp_compile turns that array into the
 * msgpack wire form. Because the array is built in the caller's code, the
 * entry layout, the op enum values and every macro expansion are ABI.
 */
#pragma once

#include <aerospike/as_bit_operations.h>
#include <aerospike/as_cdt_internal.h>
#include <aerospike/as_hll_operations.h>
#include <aerospike/as_list_operations.h>
#include <aerospike/as_map_operations.h>
#include <aerospike/as_msgpack_ext.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_std.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Entry kinds. Values up to 127 are server op codes; the ones after
 * _AS_EXP_CODE_CALL are client-side markers as_exp_compile resolves.
 */
typedef enum {
	_AS_EXP_CODE_UNKNOWN = 0,
	_AS_EXP_CODE_CMP_EQ = 1,
	_AS_EXP_CODE_CMP_NE = 2,
	_AS_EXP_CODE_CMP_GT = 3,
	_AS_EXP_CODE_CMP_GE = 4,
	_AS_EXP_CODE_CMP_LT = 5,
	_AS_EXP_CODE_CMP_LE = 6,
	_AS_EXP_CODE_CMP_REGEX = 7,
	_AS_EXP_CODE_CMP_GEO = 8,
	_AS_EXP_CODE_IN_LIST = 9,
	_AS_EXP_CODE_AND = 16,
	_AS_EXP_CODE_OR = 17,
	_AS_EXP_CODE_NOT = 18,
	_AS_EXP_CODE_EXCLUSIVE = 19,
	_AS_EXP_CODE_ADD = 20,
	_AS_EXP_CODE_SUB = 21,
	_AS_EXP_CODE_MUL = 22,
	_AS_EXP_CODE_DIV = 23,
	_AS_EXP_CODE_POW = 24,
	_AS_EXP_CODE_LOG = 25,
	_AS_EXP_CODE_MOD = 26,
	_AS_EXP_CODE_ABS = 27,
	_AS_EXP_CODE_FLOOR = 28,
	_AS_EXP_CODE_CEIL = 29,
	_AS_EXP_CODE_TO_INT = 30,
	_AS_EXP_CODE_TO_FLOAT = 31,
	_AS_EXP_CODE_INT_AND = 32,
	_AS_EXP_CODE_INT_OR = 33,
	_AS_EXP_CODE_INT_XOR = 34,
	_AS_EXP_CODE_INT_NOT = 35,
	_AS_EXP_CODE_INT_LSHIFT = 36,
	_AS_EXP_CODE_INT_RSHIFT = 37,
	_AS_EXP_CODE_INT_ARSHIFT = 38,
	_AS_EXP_CODE_INT_COUNT = 39,
	_AS_EXP_CODE_INT_LSCAN = 40,
	_AS_EXP_CODE_INT_RSCAN = 41,
	_AS_EXP_CODE_MIN = 50,
	_AS_EXP_CODE_MAX = 51,
	_AS_EXP_CODE_DIGEST_MODULO = 64,
	_AS_EXP_CODE_DEVICE_SIZE = 65,
	_AS_EXP_CODE_LAST_UPDATE = 66,
	_AS_EXP_CODE_SINCE_UPDATE = 67,
	_AS_EXP_CODE_VOID_TIME = 68,
	_AS_EXP_CODE_TTL = 69,
	_AS_EXP_CODE_SET_NAME = 70,
	_AS_EXP_CODE_KEY_EXIST = 71,
	_AS_EXP_CODE_IS_TOMBSTONE = 72,
	_AS_EXP_CODE_MEMORY_SIZE = 73,
	_AS_EXP_CODE_RECORD_SIZE = 74,
	_AS_EXP_CODE_KEY = 80,
	_AS_EXP_CODE_BIN = 81,
	_AS_EXP_CODE_BIN_TYPE = 82,
	_AS_EXP_CODE_REMOVE_RESULT = 100,
	_AS_EXP_CODE_MAP_KEYS = 101,
	_AS_EXP_CODE_MAP_VALUES = 102,
	_AS_EXP_CODE_LOOPVAR = 122,
	_AS_EXP_CODE_COND = 123,
	_AS_EXP_CODE_VAR = 124,
	_AS_EXP_CODE_LET = 125,
	_AS_EXP_CODE_QUOTE = 126,
	_AS_EXP_CODE_CALL = 127,
	_AS_EXP_CODE_AS_VAL,
	_AS_EXP_CODE_VAL_GEO,
	_AS_EXP_CODE_VAL_PK,
	_AS_EXP_CODE_VAL_INT,
	_AS_EXP_CODE_VAL_UINT,
	_AS_EXP_CODE_VAL_FLOAT,
	_AS_EXP_CODE_VAL_BOOL,
	_AS_EXP_CODE_VAL_STR,
	_AS_EXP_CODE_VAL_BYTES,
	_AS_EXP_CODE_VAL_RAWSTR,
	_AS_EXP_CODE_VAL_RTYPE,
	_AS_EXP_CODE_CALL_VOP_START,
	_AS_EXP_CODE_CDT_LIST_CRMOD,
	_AS_EXP_CODE_CDT_LIST_MOD,
	_AS_EXP_CODE_CDT_MAP_CRMOD,
	_AS_EXP_CODE_CDT_MAP_CR,
	_AS_EXP_CODE_CDT_MAP_MOD,
	_AS_EXP_CODE_MERGE,
	_AS_EXP_CODE_CTX,
	_AS_EXP_CODE_END_OF_VA_ARGS
} as_exp_ops;

/* System call families of a CALL entry; MODIFY_LOCAL marks a call that edits its operand. */
typedef enum {
	_AS_EXP_SYS_CALL_CDT = 0,
	_AS_EXP_SYS_CALL_BITS = 1,
	_AS_EXP_SYS_CALL_HLL = 2,
	_AS_EXP_SYS_FLAG_MODIFY_LOCAL = 0x40
} as_exp_call_system_type;

/* Result types (wire values); AUTO and ERROR exist on the client only. */
typedef enum {
	AS_EXP_TYPE_NIL = 0,
	AS_EXP_TYPE_BOOL = 1,
	AS_EXP_TYPE_INT = 2,
	AS_EXP_TYPE_STR = 3,
	AS_EXP_TYPE_LIST = 4,
	AS_EXP_TYPE_MAP = 5,
	AS_EXP_TYPE_BLOB = 6,
	AS_EXP_TYPE_FLOAT = 7,
	AS_EXP_TYPE_GEOJSON = 8,
	AS_EXP_TYPE_HLL = 9,
	AS_EXP_TYPE_AUTO,
	AS_EXP_TYPE_ERROR
} as_exp_type;

typedef enum {
	AS_EXP_LOOPVAR_KEY = 0,
	AS_EXP_LOOPVAR_VALUE = 1,
	AS_EXP_LOOPVAR_INDEX = 2
} as_exp_loopvar_type;

/* A compiled expression: packed_sz bytes of msgpack follow the header. */
typedef struct as_exp {
	uint32_t packed_sz;
	uint8_t packed[];
} as_exp;

/* One entry of an expression table (see the macros). */
typedef struct {
	as_exp_ops op;
	uint32_t count;
	uint32_t sz;
	int32_t prev_va_args;
	union {
		as_val* val;
		const char* str_val;
		uint8_t* bytes_val;
		int64_t int_val;
		uint64_t uint_val;
		double float_val;
		bool bool_val;
		as_cdt_ctx* ctx;
		as_list_policy* list_pol;
		as_map_policy* map_pol;
		as_exp* expr;
	} v;
} as_exp_entry;

/* Packs a table of n entries; NULL on a malformed table. Frees the values the table created. */
AS_EXTERN as_exp* as_exp_compile(as_exp_entry* table, uint32_t n);

/* Base64 of the packed bytes, malloc'ed; free with as_exp_destroy_b64. */
AS_EXTERN char* as_exp_compile_b64(as_exp* exp);

AS_EXTERN void as_exp_destroy_b64(char* b64);

/* Copy the packed bytes to ptr (the command's field, without or with the index header). */
AS_EXTERN uint8_t* as_exp_write(as_exp* exp, uint8_t* ptr);

AS_EXTERN uint8_t* as_exp_write_index(as_exp* exp, uint8_t* ptr);

/* Result types the CDT macros compute at the call site. */
AS_EXTERN int64_t as_exp_get_ctx_type(const as_cdt_ctx* ctx, as_exp_type default_type);

AS_EXTERN int64_t as_exp_get_list_type(as_exp_type default_type, as_list_return_type rtype, bool is_multi);

AS_EXTERN int64_t as_exp_get_map_type(as_exp_type type, as_map_return_type rtype, bool is_multi);

static inline char*
as_exp_to_base64(as_exp* exp)
{
	return as_exp_compile_b64(exp);
}

AS_EXTERN as_exp* as_exp_from_base64(const char* base64);

AS_EXTERN void as_exp_destroy(as_exp* exp);

static inline void
as_exp_destroy_base64(char* base64)
{
	as_exp_destroy_b64(base64);
}

/* Literal values. Each macro is one or more as_exp_entry initializers. */
#define as_exp_unknown() {.op=_AS_EXP_CODE_UNKNOWN, .count=1}
#define as_exp_bool(__val) {.op=_AS_EXP_CODE_VAL_BOOL, .v.bool_val=__val}
#define as_exp_int(__val) {.op=_AS_EXP_CODE_VAL_INT, .v.int_val=__val}
#define as_exp_uint(__val) {.op=_AS_EXP_CODE_VAL_UINT, .v.uint_val=__val}
#define as_exp_float(__val) {.op=_AS_EXP_CODE_VAL_FLOAT, .v.float_val=__val}
#define as_exp_str(__val) {.op=_AS_EXP_CODE_VAL_STR, .v.str_val=__val}
#define as_exp_bytes(__val, __size) {.op=_AS_EXP_CODE_VAL_BYTES, .sz=__size, .v.bytes_val=__val}
/* The geojson value is created here and freed by as_exp_compile. */
#define as_exp_geo(__val) {.op=_AS_EXP_CODE_VAL_GEO, .v.val=(as_val*)as_geojson_new(__val, false)}
#define as_exp_val(__val) {.op=_AS_EXP_CODE_AS_VAL, .v.val=(as_val*)(__val)}
#define as_exp_nil() as_exp_val(&as_nil)
#define as_exp_inf() as_exp_val(&as_cmp_inf)
#define as_exp_wildcard() as_exp_val(&as_cmp_wildcard)

/* Record key and metadata. */
#define as_exp_key_int() \
	{.op=_AS_EXP_CODE_KEY, .count=2}, \
	as_exp_int(AS_EXP_TYPE_INT)
#define as_exp_key_str() \
	{.op=_AS_EXP_CODE_KEY, .count=2}, \
	as_exp_int(AS_EXP_TYPE_STR)
#define as_exp_key_blob() \
	{.op=_AS_EXP_CODE_KEY, .count=2}, \
	as_exp_int(AS_EXP_TYPE_BLOB)
#define as_exp_key_exist() {.op=_AS_EXP_CODE_KEY_EXIST, .count=1}
/* A bin or variable name: packed as a raw msgpack string. */
#define _AS_EXP_VAL_RAWSTR(__val) {.op=_AS_EXP_CODE_VAL_RAWSTR, .v.str_val=__val}
#define as_exp_bin_bool(__bin_name) \
	{.op=_AS_EXP_CODE_BIN, .count=3}, \
	as_exp_int(AS_EXP_TYPE_BOOL), \
	_AS_EXP_VAL_RAWSTR(__bin_name)
#define as_exp_bin_int(__bin_name) \
	{.op=_AS_EXP_CODE_BIN, .count=3}, \
	as_exp_int(AS_EXP_TYPE_INT), \
	_AS_EXP_VAL_RAWSTR(__bin_name)
#define as_exp_bin_float(__bin_name) \
	{.op=_AS_EXP_CODE_BIN, .count=3}, \
	as_exp_int(AS_EXP_TYPE_FLOAT), \
	_AS_EXP_VAL_RAWSTR(__bin_name)
#define as_exp_bin_str(__bin_name) \
	{.op=_AS_EXP_CODE_BIN, .count=3}, \
	as_exp_int(AS_EXP_TYPE_STR), \
	_AS_EXP_VAL_RAWSTR(__bin_name)
#define as_exp_bin_blob(__bin_name) \
	{.op=_AS_EXP_CODE_BIN, .count=3}, \
	as_exp_int(AS_EXP_TYPE_BLOB), \
	_AS_EXP_VAL_RAWSTR(__bin_name)
#define as_exp_bin_geo(__bin_name) \
	{.op=_AS_EXP_CODE_BIN, .count=3}, \
	as_exp_int(AS_EXP_TYPE_GEOJSON), \
	_AS_EXP_VAL_RAWSTR(__bin_name)
#define as_exp_bin_list(__bin_name) \
	{.op=_AS_EXP_CODE_BIN, .count=3}, \
	as_exp_int(AS_EXP_TYPE_LIST), \
	_AS_EXP_VAL_RAWSTR(__bin_name)
#define as_exp_bin_map(__bin_name) \
	{.op=_AS_EXP_CODE_BIN, .count=3}, \
	as_exp_int(AS_EXP_TYPE_MAP), \
	_AS_EXP_VAL_RAWSTR(__bin_name)
#define as_exp_bin_hll(__bin_name) \
	{.op=_AS_EXP_CODE_BIN, .count=3}, \
	as_exp_int(AS_EXP_TYPE_HLL), \
	_AS_EXP_VAL_RAWSTR(__bin_name)
#define as_exp_bin_exists(__bin_name) \
	as_exp_cmp_ne(as_exp_bin_type(__bin_name), as_exp_int(AS_BYTES_UNDEF))
#define as_exp_bin_type(__bin_name) \
	{.op=_AS_EXP_CODE_BIN_TYPE, .count=2}, \
	_AS_EXP_VAL_RAWSTR(__bin_name)
#define as_exp_set_name() {.op=_AS_EXP_CODE_SET_NAME, .count=1}
#define as_exp_record_size() {.op=_AS_EXP_CODE_RECORD_SIZE, .count=1}
#define as_exp_device_size() {.op=_AS_EXP_CODE_DEVICE_SIZE, .count=1}
#define as_exp_last_update() {.op=_AS_EXP_CODE_LAST_UPDATE, .count=1}
#define as_exp_since_update() {.op=_AS_EXP_CODE_SINCE_UPDATE, .count=1}
#define as_exp_void_time() {.op=_AS_EXP_CODE_VOID_TIME, .count=1}
#define as_exp_ttl() {.op=_AS_EXP_CODE_TTL, .count=1}
#define as_exp_is_tombstone() {.op=_AS_EXP_CODE_IS_TOMBSTONE, .count=1}
#define as_exp_memory_size() {.op=_AS_EXP_CODE_MEMORY_SIZE, .count=1}
#define as_exp_digest_modulo(__mod) \
	{.op=_AS_EXP_CODE_DIGEST_MODULO, .count=2}, \
	as_exp_int(__mod)

/* Comparisons and logic. */
#define as_exp_cmp_eq(__l, __r) \
	{.op=_AS_EXP_CODE_CMP_EQ, .count=3}, \
	__l, \
	__r
#define as_exp_cmp_ne(__l, __r) \
	{.op=_AS_EXP_CODE_CMP_NE, .count=3}, \
	__l, \
	__r
#define as_exp_cmp_gt(__l, __r) \
	{.op=_AS_EXP_CODE_CMP_GT, .count=3}, \
	__l, \
	__r
#define as_exp_cmp_ge(__l, __r) \
	{.op=_AS_EXP_CODE_CMP_GE, .count=3}, \
	__l, \
	__r
#define as_exp_cmp_lt(__l, __r) \
	{.op=_AS_EXP_CODE_CMP_LT, .count=3}, \
	__l, \
	__r
#define as_exp_cmp_le(__l, __r) \
	{.op=_AS_EXP_CODE_CMP_LE, .count=3}, \
	__l, \
	__r
#define as_exp_in_list(__l, __list) \
	{.op=_AS_EXP_CODE_IN_LIST, .count=3}, \
	__l, \
	__list
#define as_exp_map_keys(__map) \
	{.op=_AS_EXP_CODE_MAP_KEYS, .count=2}, \
	__map
#define as_exp_map_values(__map) \
	{.op=_AS_EXP_CODE_MAP_VALUES, .count=2}, \
	__map
#define as_exp_cmp_regex(__options, __regex_str, __cmp_str) \
	{.op=_AS_EXP_CODE_CMP_REGEX, .count=4}, \
	as_exp_int(__options), \
	_AS_EXP_VAL_RAWSTR(__regex_str), \
	__cmp_str
#define as_exp_cmp_geo(__l, __r) \
	{.op=_AS_EXP_CODE_CMP_GEO, .count=3}, \
	__l, \
	__r
#define as_exp_not(__e) \
	{.op=_AS_EXP_CODE_NOT, .count=2}, \
	__e
/* Variadic forms: the operand list ends with an END_OF_VA_ARGS entry. */
#define as_exp_and(...) \
	{.op=_AS_EXP_CODE_AND}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}
#define as_exp_or(...) \
	{.op=_AS_EXP_CODE_OR}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}
#define as_exp_exclusive(...) \
	{.op=_AS_EXP_CODE_EXCLUSIVE}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}
#define as_exp_add(...) \
	{.op=_AS_EXP_CODE_ADD}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}
#define as_exp_sub(...) \
	{.op=_AS_EXP_CODE_SUB}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}
#define as_exp_mul(...) \
	{.op=_AS_EXP_CODE_MUL}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}
#define as_exp_div(...) \
	{.op=_AS_EXP_CODE_DIV}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}

/* Arithmetic and integer bits. */
#define as_exp_pow(__base, __exponent) \
	{.op=_AS_EXP_CODE_POW, .count=3}, \
	__base, \
	__exponent
#define as_exp_log(__num, __base) \
	{.op=_AS_EXP_CODE_LOG, .count=3}, \
	__num, \
	__base
#define as_exp_mod(__numerator, __denominator) \
	{.op=_AS_EXP_CODE_MOD, .count=3}, \
	__numerator, \
	__denominator
#define as_exp_abs(__num) \
	{.op=_AS_EXP_CODE_ABS, .count=2}, \
	__num
#define as_exp_floor(__num) \
	{.op=_AS_EXP_CODE_FLOOR, .count=2}, \
	__num
#define as_exp_ceil(__num) \
	{.op=_AS_EXP_CODE_CEIL, .count=2}, \
	__num
#define as_exp_to_int(__num) \
	{.op=_AS_EXP_CODE_TO_INT, .count=2}, \
	__num
#define as_exp_to_float(__num) \
	{.op=_AS_EXP_CODE_TO_FLOAT, .count=2}, \
	__num
#define as_exp_int_and(...) \
	{.op=_AS_EXP_CODE_INT_AND}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}
#define as_exp_int_or(...) \
	{.op=_AS_EXP_CODE_INT_OR}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}
#define as_exp_int_xor(...) \
	{.op=_AS_EXP_CODE_INT_XOR}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}
#define as_exp_int_not(__e) \
	{.op=_AS_EXP_CODE_INT_NOT, .count=2}, \
	__e
#define as_exp_int_lshift(__value, __shift) \
	{.op=_AS_EXP_CODE_INT_LSHIFT, .count=3}, \
	__value, \
	__shift
#define as_exp_int_rshift(__value, __shift) \
	{.op=_AS_EXP_CODE_INT_RSHIFT, .count=3}, \
	__value, \
	__shift
#define as_exp_int_arshift(__value, __shift) \
	{.op=_AS_EXP_CODE_INT_ARSHIFT, .count=3}, \
	__value, \
	__shift
#define as_exp_int_count(__e) \
	{.op=_AS_EXP_CODE_INT_COUNT, .count=2}, \
	__e
#define as_exp_int_lscan(__value, __search) \
	{.op=_AS_EXP_CODE_INT_LSCAN, .count=3}, \
	__value, \
	__search
#define as_exp_int_rscan(__value, __search) \
	{.op=_AS_EXP_CODE_INT_RSCAN, .count=3}, \
	__value, \
	__search
#define as_exp_min(...) \
	{.op=_AS_EXP_CODE_MIN}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}
#define as_exp_max(...) \
	{.op=_AS_EXP_CODE_MAX}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}

/* Control flow and variables. */
#define as_exp_cond(...) \
	{.op=_AS_EXP_CODE_COND}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}
#define as_exp_let(...) \
	{.op=_AS_EXP_CODE_LET}, \
	__VA_ARGS__, \
	{.op=_AS_EXP_CODE_END_OF_VA_ARGS}
#define as_exp_def(__var_name, __e) \
	_AS_EXP_VAL_RAWSTR(__var_name), \
	__e
#define as_exp_var(__var_name) \
	{.op=_AS_EXP_CODE_VAR, .count=2}, \
	_AS_EXP_VAL_RAWSTR(__var_name)
#define _as_exp_loopvar_make(__var_id, __kind) \
	{.op=_AS_EXP_CODE_LOOPVAR, .count=3}, \
	as_exp_int(AS_EXP_TYPE_##__kind), \
	as_exp_int(__var_id)
#define as_exp_loopvar_map(__var_id) _as_exp_loopvar_make(__var_id, MAP)
#define as_exp_loopvar_list(__var_id) _as_exp_loopvar_make(__var_id, LIST)
#define as_exp_loopvar_str(__var_id) _as_exp_loopvar_make(__var_id, STR)
#define as_exp_loopvar_int(__var_id) _as_exp_loopvar_make(__var_id, INT)
#define as_exp_loopvar_float(__var_id) _as_exp_loopvar_make(__var_id, FLOAT)
#define as_exp_loopvar_blob(__var_id) _as_exp_loopvar_make(__var_id, BLOB)
#define as_exp_loopvar_bool(__var_id) _as_exp_loopvar_make(__var_id, BOOL)
#define as_exp_loopvar_nil(__var_id) _as_exp_loopvar_make(__var_id, NIL)
#define as_exp_loopvar_geojson(__var_id) _as_exp_loopvar_make(__var_id, GEOJSON)
#define as_exp_loopvar_hll(__var_id) _as_exp_loopvar_make(__var_id, HLL)
#define as_exp_remove_result() {.op=_AS_EXP_CODE_REMOVE_RESULT, .count=1}
#define as_exp_result_remove() as_exp_remove_result()

/* CDT calls. A call is [CALL, result type, system type, VOP_START(ctx, n), op code, args..., bin];
 * a modify call with a policy packs 1 or 2 more arguments taken from the policy entry. */
#define _AS_EXP_VAL_RTYPE(__val) {.op=_AS_EXP_CODE_VAL_RTYPE, .v.int_val=__val}
#define _AS_EXP_LIST_MOD(__ctx, __pol, __op, __param, __extra_param) \
	{.op=_AS_EXP_CODE_CALL, .count=5}, \
	_AS_EXP_VAL_RTYPE(as_exp_get_ctx_type(__ctx, AS_EXP_TYPE_LIST)), \
	as_exp_int(_AS_EXP_SYS_CALL_CDT | _AS_EXP_SYS_FLAG_MODIFY_LOCAL), \
	{.op=_AS_EXP_CODE_CALL_VOP_START, .count=1 + __param + ((uintptr_t)(__pol) == (uintptr_t)NULL ? 0 : __extra_param), .v.ctx=__ctx}, \
	as_exp_int(__op)
#define as_exp_list_append(__ctx, __pol, __val, __bin) \
	_AS_EXP_LIST_MOD(__ctx, __pol, AS_CDT_OP_LIST_APPEND, 1, 2), \
	__val, \
	{.op=_AS_EXP_CODE_CDT_LIST_CRMOD, .v.list_pol=__pol}, \
	__bin
#define as_exp_list_append_items(__ctx, __pol, __val, __bin) \
	_AS_EXP_LIST_MOD(__ctx, __pol, AS_CDT_OP_LIST_APPEND_ITEMS, 1, 2), \
	__val, \
	{.op=_AS_EXP_CODE_CDT_LIST_CRMOD, .v.list_pol=__pol}, \
	__bin
#define as_exp_list_insert(__ctx, __pol, __idx, __val, __bin) \
	_AS_EXP_LIST_MOD(__ctx, __pol, AS_CDT_OP_LIST_INSERT, 2, 1), \
	__idx, \
	__val, \
	{.op=_AS_EXP_CODE_CDT_LIST_MOD, .v.list_pol=__pol}, \
	__bin
#define as_exp_list_insert_items(__ctx, __pol, __idx, __val, __bin) \
	_AS_EXP_LIST_MOD(__ctx, __pol, AS_CDT_OP_LIST_INSERT_ITEMS, 2, 1), \
	__idx, \
	__val, \
	{.op=_AS_EXP_CODE_CDT_LIST_MOD, .v.list_pol=__pol}, \
	__bin
#define as_exp_list_increment(__ctx, __pol, __idx, __val, __bin) \
	_AS_EXP_LIST_MOD(__ctx, __pol, AS_CDT_OP_LIST_INCREMENT, 2, 2), \
	__idx, \
	__val, \
	{.op=_AS_EXP_CODE_CDT_LIST_CRMOD, .v.list_pol=__pol}, \
	__bin
#define as_exp_list_set(__ctx, __pol, __idx, __val, __bin) \
	_AS_EXP_LIST_MOD(__ctx, __pol, AS_CDT_OP_LIST_SET, 2, 1), \
	__idx, \
	__val, \
	{.op=_AS_EXP_CODE_CDT_LIST_MOD, .v.list_pol=__pol}, \
	__bin
#define as_exp_list_clear(__ctx, __bin) \
	_AS_EXP_LIST_MOD(__ctx, NULL, AS_CDT_OP_LIST_CLEAR, 0, 0), \
	__bin
#define as_exp_list_sort(__ctx, __order, __bin) \
	_AS_EXP_LIST_MOD(__ctx, NULL, AS_CDT_OP_LIST_SORT, 1, 0), \
	as_exp_int(__order), \
	__bin
#define as_exp_list_remove_by_value(__ctx, __rtype, __val, __bin) \
	_AS_EXP_LIST_MOD(__ctx, NULL, AS_CDT_OP_LIST_REMOVE_ALL_BY_VALUE, 2, 0), \
	as_exp_int(__rtype), \
	__val, \
	__bin
#define as_exp_list_remove_by_value_list(__ctx, __rtype, __values, __bin) \
	_AS_EXP_LIST_MOD(__ctx, NULL, AS_CDT_OP_LIST_REMOVE_BY_VALUE_LIST, 2, 0), \
	as_exp_int(__rtype), \
	__values, \
	__bin
#define as_exp_list_remove_by_value_range(__ctx, __rtype, __begin, __end, __bin) \
	_AS_EXP_LIST_MOD(__ctx, NULL, AS_CDT_OP_LIST_REMOVE_BY_VALUE_INTERVAL, 3, 0), \
	as_exp_int(__rtype), \
	__begin, \
	__end, \
	__bin
#define as_exp_list_remove_by_rel_rank_range_to_end(__ctx, __rtype, __val, __rank, __bin) \
	_AS_EXP_LIST_MOD(__ctx, NULL, AS_CDT_OP_LIST_REMOVE_BY_VALUE_REL_RANK_RANGE, 3, 0), \
	as_exp_int(__rtype), \
	__val, \
	__rank, \
	__bin
#define as_exp_list_remove_by_rel_rank_range(__ctx, __rtype, __val, __rank, __count, __bin) \
	_AS_EXP_LIST_MOD(__ctx, NULL, AS_CDT_OP_LIST_REMOVE_BY_VALUE_REL_RANK_RANGE, 4, 0), \
	as_exp_int(__rtype), \
	__val, \
	__rank, \
	__count, \
	__bin
#define as_exp_list_remove_by_index(__ctx, __idx, __bin) \
	_AS_EXP_LIST_MOD(__ctx, NULL, AS_CDT_OP_LIST_REMOVE_BY_INDEX, 2, 0), \
	as_exp_int(AS_LIST_RETURN_NONE), \
	__idx, \
	__bin
#define as_exp_list_remove_by_index_range_to_end(__ctx, __rtype, __idx, __bin) \
	_AS_EXP_LIST_MOD(__ctx, NULL, AS_CDT_OP_LIST_REMOVE_BY_INDEX_RANGE, 2, 0), \
	as_exp_int(__rtype), \
	__idx, \
	__bin
#define as_exp_list_remove_by_index_range(__ctx, __rtype, __idx, __count, __bin) \
	_AS_EXP_LIST_MOD(__ctx, NULL, AS_CDT_OP_LIST_REMOVE_BY_INDEX_RANGE, 3, 0), \
	as_exp_int(__rtype), \
	__idx, \
	__count, \
	__bin
#define as_exp_list_remove_by_rank(__ctx, __rank, __bin) \
	_AS_EXP_LIST_MOD(__ctx, NULL, AS_CDT_OP_LIST_REMOVE_BY_RANK, 2, 0), \
	as_exp_int(AS_LIST_RETURN_NONE), \
	__rank, \
	__bin
#define as_exp_list_remove_by_rank_range_to_end(__ctx, __rtype, __rank, __bin) \
	_AS_EXP_LIST_MOD(__ctx, NULL, AS_CDT_OP_LIST_REMOVE_BY_RANK_RANGE, 2, 0), \
	as_exp_int(__rtype), \
	__rank, \
	__bin
#define as_exp_list_remove_by_rank_range(__ctx, __rtype, __rank, __count, __bin) \
	_AS_EXP_LIST_MOD(__ctx, NULL, AS_CDT_OP_LIST_REMOVE_BY_RANK_RANGE, 3, 0), \
	as_exp_int(__rtype), \
	__rank, \
	__count, \
	__bin
#define _AS_EXP_CDT_LIST_READ(__type, __rtype, __is_multi) \
	{.op=_AS_EXP_CODE_CALL, .count=5}, \
	_AS_EXP_VAL_RTYPE(as_exp_get_list_type(__type, __rtype, __is_multi)), \
	as_exp_int(_AS_EXP_SYS_CALL_CDT)
#define _AS_EXP_LIST_START(__ctx, __op, __param) \
	{.op=_AS_EXP_CODE_CALL_VOP_START, .count=1 + __param, .v.ctx=__ctx}, \
	as_exp_int(__op)
#define as_exp_list_size(__ctx, __bin) \
	_AS_EXP_CDT_LIST_READ(AS_EXP_TYPE_AUTO, AS_LIST_RETURN_COUNT, false), \
	_AS_EXP_LIST_START(__ctx, AS_CDT_OP_LIST_SIZE, 0), \
	__bin
#define as_exp_list_get_by_value(__ctx, __rtype, __val, __bin) \
	_AS_EXP_CDT_LIST_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_LIST_START(__ctx, AS_CDT_OP_LIST_GET_ALL_BY_VALUE, 2), \
	as_exp_int(__rtype), \
	__val, \
	__bin
#define as_exp_list_get_by_value_range(__ctx, __rtype, __begin, __end, __bin) \
	_AS_EXP_CDT_LIST_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_LIST_START(__ctx, AS_CDT_OP_LIST_GET_BY_VALUE_INTERVAL, 3), \
	as_exp_int(__rtype), \
	__begin, \
	__end, \
	__bin
#define as_exp_list_get_by_value_list(__ctx, __rtype, __val, __bin) \
	_AS_EXP_CDT_LIST_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_LIST_START(__ctx, AS_CDT_OP_LIST_GET_BY_VALUE_LIST, 2), \
	as_exp_int(__rtype), \
	__val, \
	__bin
#define as_exp_list_get_by_rel_rank_range_to_end(__ctx, __rtype, __val, __rank, __bin) \
	_AS_EXP_CDT_LIST_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_LIST_START(__ctx, AS_CDT_OP_LIST_GET_BY_VALUE_REL_RANK_RANGE, 3), \
	as_exp_int(__rtype), \
	__val, \
	__rank, \
	__bin
#define as_exp_list_get_by_rel_rank_range(__ctx, __rtype, __val, __rank, __count, __bin) \
	_AS_EXP_CDT_LIST_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_LIST_START(__ctx, AS_CDT_OP_LIST_GET_BY_VALUE_REL_RANK_RANGE, 4), \
	as_exp_int(__rtype), \
	__val, \
	__rank, \
	__count, \
	__bin
#define as_exp_list_get_by_index(__ctx, __rtype, __vtype, __idx, __bin) \
	_AS_EXP_CDT_LIST_READ(__vtype, __rtype, false), \
	_AS_EXP_LIST_START(__ctx, AS_CDT_OP_LIST_GET_BY_INDEX, 2), \
	as_exp_int(__rtype), \
	__idx, \
	__bin
#define as_exp_list_get_by_index_range_to_end(__ctx, __rtype, __idx, __bin) \
	_AS_EXP_CDT_LIST_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_LIST_START(__ctx, AS_CDT_OP_LIST_GET_BY_INDEX_RANGE, 2), \
	as_exp_int(__rtype), \
	__idx, \
	__bin
#define as_exp_list_get_by_index_range(__ctx, __rtype, __idx, __count, __bin) \
	_AS_EXP_CDT_LIST_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_LIST_START(__ctx, AS_CDT_OP_LIST_GET_BY_INDEX_RANGE, 3), \
	as_exp_int(__rtype), \
	__idx, \
	__count, \
	__bin
#define as_exp_list_get_by_rank(__ctx, __rtype, __vtype, __rank, __bin) \
	_AS_EXP_CDT_LIST_READ(__vtype, __rtype, false), \
	_AS_EXP_LIST_START(__ctx, AS_CDT_OP_LIST_GET_BY_RANK, 2), \
	as_exp_int(__rtype), \
	__rank, \
	__bin
#define as_exp_list_get_by_rank_range_to_end(__ctx, __rtype, __rank, __bin) \
	_AS_EXP_CDT_LIST_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_LIST_START(__ctx, AS_CDT_OP_LIST_GET_BY_RANK_RANGE, 2), \
	as_exp_int(__rtype), \
	__rank, \
	__bin
#define as_exp_list_get_by_rank_range(__ctx, __rtype, __rank, __count, __bin) \
	_AS_EXP_CDT_LIST_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_LIST_START(__ctx, AS_CDT_OP_LIST_GET_BY_RANK_RANGE, 3), \
	as_exp_int(__rtype), \
	__rank, \
	__count, \
	__bin
#define _AS_EXP_MAP_MOD(__ctx, __pol, __op, __param, __extra_param) \
	{.op=_AS_EXP_CODE_CALL, .count=5}, \
	_AS_EXP_VAL_RTYPE(as_exp_get_ctx_type(__ctx, AS_EXP_TYPE_MAP)), \
	as_exp_int(_AS_EXP_SYS_CALL_CDT | _AS_EXP_SYS_FLAG_MODIFY_LOCAL), \
	{.op=_AS_EXP_CODE_CALL_VOP_START, .count=1 + __param + ((uintptr_t)(__pol) == (uintptr_t)NULL ? 0 : __extra_param), .v.ctx=__ctx}, \
	as_exp_int(__op)
#define as_exp_map_put(__ctx, __pol, __key, __val, __bin) \
	_AS_EXP_MAP_MOD(__ctx, __pol, AS_CDT_OP_MAP_PUT, 2, 2), \
	__key, \
	__val, \
	{.op=_AS_EXP_CODE_CDT_MAP_CRMOD, .v.map_pol=__pol}, \
	__bin
#define as_exp_map_put_items(__ctx, __pol, __map, __bin) \
	_AS_EXP_MAP_MOD(__ctx, __pol, AS_CDT_OP_MAP_PUT_ITEMS, 1, 2), \
	__map, \
	{.op=_AS_EXP_CODE_CDT_MAP_CRMOD, .v.map_pol=__pol}, \
	__bin
#define as_exp_map_increment(__ctx, __pol, __key, __val, __bin) \
	_AS_EXP_MAP_MOD(__ctx, __pol, AS_CDT_OP_MAP_INCREMENT, 2, 1), \
	__key, \
	__val, \
	{.op=_AS_EXP_CODE_CDT_MAP_MOD, .v.map_pol=__pol}, \
	__bin
#define as_exp_map_clear(__ctx, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_CLEAR, 0, 0), \
	__bin
#define as_exp_map_remove_by_key(__ctx, __key, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_KEY, 2, 0), \
	as_exp_int(AS_MAP_RETURN_NONE), \
	__key, \
	__bin
#define as_exp_map_remove_by_key_list(__ctx, __rtype, __keys, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_KEY_LIST, 2, 0), \
	as_exp_int(__rtype), \
	__keys, \
	__bin
#define as_exp_map_remove_by_key_range(__ctx, __rtype, __begin, __end, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_KEY_INTERVAL, 3, 0), \
	as_exp_int(__rtype), \
	__begin, \
	__end, \
	__bin
#define as_exp_map_remove_by_key_rel_index_range_to_end(__ctx, __rtype, __key, __idx, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_KEY_REL_INDEX_RANGE, 3, 0), \
	as_exp_int(__rtype), \
	__key, \
	__idx, \
	__bin
#define as_exp_map_remove_by_key_rel_index_range(__ctx, __rtype, __key, __idx, __count, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_KEY_REL_INDEX_RANGE, 4, 0), \
	as_exp_int(__rtype), \
	__key, \
	__idx, \
	__count, \
	__bin
#define as_exp_map_remove_by_value(__ctx, __rtype, __val, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_ALL_BY_VALUE, 2, 0), \
	as_exp_int(__rtype), \
	__val, \
	__bin
#define as_exp_map_remove_by_value_list(__ctx, __rtype, __values, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_VALUE_LIST, 2, 0), \
	as_exp_int(__rtype), \
	__values, \
	__bin
#define as_exp_map_remove_by_value_range(__ctx, __rtype, __begin, __end, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_VALUE_INTERVAL, 3, 0), \
	as_exp_int(__rtype), \
	__begin, \
	__end, \
	__bin
#define as_exp_map_remove_by_value_rel_rank_range_to_end(__ctx, __rtype, __val, __rank, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_VALUE_REL_RANK_RANGE, 3, 0), \
	as_exp_int(__rtype), \
	__val, \
	__rank, \
	__bin
#define as_exp_map_remove_by_value_rel_rank_range(__ctx, __rtype, __val, __rank, __count, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_VALUE_REL_RANK_RANGE, 4, 0), \
	as_exp_int(__rtype), \
	__val, \
	__rank, \
	__count, \
	__bin
#define as_exp_map_remove_by_index(__ctx, __idx, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_INDEX, 2, 0), \
	as_exp_int(AS_MAP_RETURN_NONE), \
	__idx, \
	__bin
#define as_exp_map_remove_by_index_range_to_end(__ctx, __rtype, __idx, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_INDEX_RANGE, 2, 0), \
	as_exp_int(__rtype), \
	__idx, \
	__bin
#define as_exp_map_remove_by_index_range(__ctx, __rtype, __idx, __count, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_INDEX_RANGE, 3, 0), \
	as_exp_int(__rtype), \
	__idx, \
	__count, \
	__bin
#define as_exp_map_remove_by_rank(__ctx, __rank, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_RANK, 2, 0), \
	as_exp_int(AS_MAP_RETURN_NONE), \
	__rank, \
	__bin
#define as_exp_map_remove_by_rank_range_to_end(__ctx, __rtype, __rank, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_RANK_RANGE, 2, 0), \
	as_exp_int(__rtype), \
	__rank, \
	__bin
#define as_exp_map_remove_by_rank_range(__ctx, __rtype, __rank, __count, __bin) \
	_AS_EXP_MAP_MOD(__ctx, NULL, AS_CDT_OP_MAP_REMOVE_BY_RANK_RANGE, 3, 0), \
	as_exp_int(__rtype), \
	__rank, \
	__count, \
	__bin
#define _AS_EXP_MAP_READ(__type__, __rtype, __is_multi) \
	{.op=_AS_EXP_CODE_CALL, .count=5}, \
	_AS_EXP_VAL_RTYPE(as_exp_get_map_type(__type__, __rtype, __is_multi)), \
	as_exp_int(_AS_EXP_SYS_CALL_CDT)
#define _AS_EXP_MAP_START(__ctx, __op, __param) \
	{.op=_AS_EXP_CODE_CALL_VOP_START, .count=1 + __param, .v.ctx=__ctx}, \
	as_exp_int(__op)
#define as_exp_map_size(__ctx, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, AS_MAP_RETURN_COUNT, false), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_SIZE, 0), \
	__bin
#define as_exp_map_get_by_key(__ctx, __rtype, __vtype, __key, __bin) \
	_AS_EXP_MAP_READ(__vtype, __rtype, false), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_KEY, 2), \
	as_exp_int(__rtype), \
	__key, \
	__bin
#define as_exp_map_get_by_key_range(__ctx, __rtype, __begin, __end, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_KEY_INTERVAL, 3), \
	as_exp_int(__rtype), \
	__begin, \
	__end, \
	__bin
#define as_exp_map_get_by_key_list(__ctx, __rtype, __keys, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_KEY_LIST, 2), \
	as_exp_int(__rtype), \
	__keys, \
	__bin
#define as_exp_map_get_by_key_rel_index_range_to_end(__ctx, __rtype, __key, __idx, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_KEY_REL_INDEX_RANGE, 3), \
	as_exp_int(__rtype), \
	__key, \
	__idx, \
	__bin
#define as_exp_map_get_by_key_rel_index_range(__ctx, __rtype, __key, __idx, __count, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_KEY_REL_INDEX_RANGE, 4), \
	as_exp_int(__rtype), \
	__key, \
	__idx, \
	__count, \
	__bin
#define as_exp_map_get_by_value(__ctx, __rtype, __val, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_ALL_BY_VALUE, 2), \
	as_exp_int(__rtype), \
	__val, \
	__bin
#define as_exp_map_get_by_value_range(__ctx, __rtype, __begin, __end, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_VALUE_INTERVAL, 3), \
	as_exp_int(__rtype), \
	__begin, \
	__end, \
	__bin
#define as_exp_map_get_by_value_list(__ctx, __rtype, __values, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_VALUE_LIST, 2), \
	as_exp_int(__rtype), \
	__values, \
	__bin
#define as_exp_map_get_by_value_rel_rank_range_to_end(__ctx, __rtype, __val, __rank, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_VALUE_REL_RANK_RANGE, 3), \
	as_exp_int(__rtype), \
	__val, \
	__rank, \
	__bin
#define as_exp_map_get_by_value_rel_rank_range(__ctx, __rtype, __val, __rank, __count, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_VALUE_REL_RANK_RANGE, 4), \
	as_exp_int(__rtype), \
	__val, \
	__rank, \
	__count, \
	__bin
#define as_exp_map_get_by_index(__ctx, __rtype, __vtype, __idx, __bin) \
	_AS_EXP_MAP_READ(__vtype, __rtype, false), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_INDEX, 2), \
	as_exp_int(__rtype), \
	__idx, \
	__bin
#define as_exp_map_get_by_index_range_to_end(__ctx, __rtype, __idx, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_INDEX_RANGE, 2), \
	as_exp_int(__rtype), \
	__idx, \
	__bin
#define as_exp_map_get_by_index_range(__ctx, __rtype, __idx, __count, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_INDEX_RANGE, 3), \
	as_exp_int(__rtype), \
	__idx, \
	__count, \
	__bin
#define as_exp_map_get_by_rank(__ctx, __rtype, __vtype, __rank, __bin) \
	_AS_EXP_MAP_READ(__vtype, __rtype, false), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_RANK, 2), \
	as_exp_int(__rtype), \
	__rank, \
	__bin
#define as_exp_map_get_by_rank_range_to_end(__ctx, __rtype, __rank, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_RANK_RANGE, 2), \
	as_exp_int(__rtype), \
	__rank, \
	__bin
#define as_exp_map_get_by_rank_range(__ctx, __rtype, __rank, __count, __bin) \
	_AS_EXP_MAP_READ(AS_EXP_TYPE_AUTO, __rtype, true), \
	_AS_EXP_MAP_START(__ctx, AS_CDT_OP_MAP_GET_BY_RANK_RANGE, 3), \
	as_exp_int(__rtype), \
	__rank, \
	__count, \
	__bin

/* Path expressions: select or modify every element a context reaches. */
#define as_exp_select_by_path(__ctx, __rtype, __flags, __bin) \
	{.op=_AS_EXP_CODE_CALL, .count=5}, \
	_AS_EXP_VAL_RTYPE(__rtype), \
	as_exp_int(_AS_EXP_SYS_CALL_CDT), \
	_AS_EXP_MAP_START(NULL, AS_CDT_OP_CONTEXT_SELECT, 2), \
	{.op=_AS_EXP_CODE_CTX, .v.ctx=__ctx}, \
	as_exp_int(__flags), \
	__bin
#define as_exp_modify_by_path(__ctx, __rtype, __mod_exp, __flags, __bin) \
	{.op=_AS_EXP_CODE_CALL, .count=5}, \
	_AS_EXP_VAL_RTYPE(__rtype), \
	as_exp_int(_AS_EXP_SYS_CALL_CDT | _AS_EXP_SYS_FLAG_MODIFY_LOCAL), \
	_AS_EXP_MAP_START(NULL, AS_CDT_OP_CONTEXT_SELECT, 3), \
	{.op=_AS_EXP_CODE_CTX, .v.ctx=__ctx}, \
	as_exp_int(__flags | 4), \
	{.op=_AS_EXP_CODE_MERGE, .v.expr=__mod_exp}, \
	__bin

/* Bit calls on blob bins. */
#define _AS_EXP_BIT_MOD() \
	{.op=_AS_EXP_CODE_CALL, .count=5}, \
	_AS_EXP_VAL_RTYPE(AS_EXP_TYPE_BLOB), \
	as_exp_int(_AS_EXP_SYS_CALL_BITS | _AS_EXP_SYS_FLAG_MODIFY_LOCAL)
#define _AS_EXP_BIT_MOD_START(__op, __n_params) \
	_AS_EXP_BIT_MOD(), \
	{.op=_AS_EXP_CODE_CALL_VOP_START, .count=1 + (__n_params)}, \
	as_exp_int(__op)
#define as_exp_bit_resize(__policy, __byte_size, __flags, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_RESIZE, 3), \
	__byte_size, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	as_exp_uint(__flags), \
	__bin
#define as_exp_bit_insert(__policy, __byte_offset, __value, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_INSERT, 3), \
	__byte_offset, \
	__value, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	__bin
#define as_exp_bit_remove(__policy, __byte_offset, __byte_size, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_REMOVE, 3), \
	__byte_offset, \
	__byte_size, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	__bin
#define as_exp_bit_set(__policy, __bit_offset, __bit_size, __value, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_SET, 4), \
	__bit_offset, \
	__bit_size, \
	__value, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	__bin
#define as_exp_bit_or(__policy, __bit_offset, __bit_size, __value, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_OR, 4), \
	__bit_offset, \
	__bit_size, \
	__value, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	__bin
#define as_exp_bit_xor(__policy, __bit_offset, __bit_size, __value, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_XOR, 4), \
	__bit_offset, \
	__bit_size, \
	__value, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	__bin
#define as_exp_bit_and(__policy, __bit_offset, __bit_size, __value, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_AND, 4), \
	__bit_offset, \
	__bit_size, \
	__value, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	__bin
#define as_exp_bit_not(__policy, __bit_offset, __bit_size, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_NOT, 3), \
	__bit_offset, \
	__bit_size, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	__bin
#define as_exp_bit_lshift(__policy, __bit_offset, __bit_size, __shift, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_LSHIFT, 4), \
	__bit_offset, \
	__bit_size, \
	__shift, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	__bin
#define as_exp_bit_rshift(__policy, __bit_offset, __bit_size, __shift, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_RSHIFT, 4), \
	__bit_offset, \
	__bit_size, \
	__shift, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	__bin
#define as_exp_bit_add(__policy, __bit_offset, __bit_size, __value, __action, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_ADD, 5), \
	__bit_offset, \
	__bit_size, \
	__value, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	as_exp_uint(__action), \
	__bin
#define as_exp_bit_add_signed(__policy, __bit_offset, __bit_size, __value, __signed, __action, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_ADD, 5), \
	__bit_offset, \
	__bit_size, \
	__value, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	as_exp_uint(__signed ? __action | 0x01 : __action), \
	__bin
#define as_exp_bit_subtract(__policy, __bit_offset, __bit_size, __value, __action, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_SUBTRACT, 5), \
	__bit_offset, \
	__bit_size, \
	__value, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	as_exp_uint(__action), \
	__bin
#define as_exp_bit_subtract_signed(__policy, __bit_offset, __bit_size, __value, __signed, __action, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_SUBTRACT, 5), \
	__bit_offset, \
	__bit_size, \
	__value, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	as_exp_uint(__signed ? __action | 0x01 : __action), \
	__bin
#define as_exp_bit_set_int(__policy, __bit_offset, __bit_size, __value, __bin) \
	_AS_EXP_BIT_MOD_START(AS_BIT_OP_SET_INT, 4), \
	__bit_offset, \
	__bit_size, \
	__value, \
	as_exp_uint(__policy ? ((as_bit_policy*)(__policy))->flags : 0), \
	__bin
#define _AS_EXP_BIT_READ(__rtype) \
	{.op=_AS_EXP_CODE_CALL, .count=5}, \
	_AS_EXP_VAL_RTYPE(__rtype), \
	as_exp_int(_AS_EXP_SYS_CALL_BITS)
#define _AS_EXP_BIT_READ_START(__rtype, __op, __n_params) \
	_AS_EXP_BIT_READ(__rtype), \
	{.op=_AS_EXP_CODE_CALL_VOP_START, .count=1 + (__n_params)}, \
	as_exp_int(__op)
#define as_exp_bit_get(__bit_offset, __bit_size, __bin) \
	_AS_EXP_BIT_READ_START(AS_EXP_TYPE_BLOB, AS_BIT_OP_GET, 2), \
	__bit_offset, \
	__bit_size, \
	__bin
#define as_exp_bit_count(__bit_offset, __bit_size, __bin) \
	_AS_EXP_BIT_READ_START(AS_EXP_TYPE_INT, AS_BIT_OP_COUNT, 2), \
	__bit_offset, \
	__bit_size, \
	__bin
#define as_exp_bit_lscan(__bit_offset, __bit_size, __value, __bin) \
	_AS_EXP_BIT_READ_START(AS_EXP_TYPE_INT, AS_BIT_OP_LSCAN, 3), \
	__bit_offset, \
	__bit_size, \
	__value, \
	__bin
#define as_exp_bit_rscan(__bit_offset, __bit_size, __value, __bin) \
	_AS_EXP_BIT_READ_START(AS_EXP_TYPE_INT, AS_BIT_OP_RSCAN, 3), \
	__bit_offset, \
	__bit_size, \
	__value, \
	__bin
#define as_exp_bit_get_int(__bit_offset, __bit_size, __sign, __bin) \
	_AS_EXP_BIT_READ_START(AS_EXP_TYPE_INT, AS_BIT_OP_GET_INT, 3), \
	__bit_offset, \
	__bit_size, \
	as_exp_int(__sign ? 1 : 0), \
	__bin

/* HyperLogLog calls. */
#define _AS_EXP_HLL_MOD() \
	{.op=_AS_EXP_CODE_CALL, .count=5}, \
	_AS_EXP_VAL_RTYPE(AS_EXP_TYPE_HLL), \
	as_exp_int(_AS_EXP_SYS_CALL_HLL | _AS_EXP_SYS_FLAG_MODIFY_LOCAL)
#define _AS_EXP_HLL_MOD_START(__op, __n_params) \
	_AS_EXP_HLL_MOD(), \
	{.op=_AS_EXP_CODE_CALL_VOP_START, .count=1 + (__n_params)}, \
	as_exp_int(__op)
#define as_exp_hll_init_mh(__policy, __index_bit_count, __mh_bit_count, __bin) \
	_AS_EXP_HLL_MOD_START(AS_HLL_OP_INIT, 3), \
	as_exp_int(__index_bit_count), \
	as_exp_int(__mh_bit_count), \
	as_exp_int(__policy == NULL ? 0 : ((as_hll_policy*)__policy)->flags), \
	__bin
#define as_exp_hll_init(__policy, __index_bit_count, __bin) \
	_AS_EXP_HLL_MOD_START(AS_HLL_OP_INIT, 2), \
	as_exp_int(__index_bit_count), \
	as_exp_int(__policy == NULL ? 0 : ((as_hll_policy*)__policy)->flags), \
	__bin
#define as_exp_hll_add_mh(__policy, __list, __index_bit_count, __mh_bit_count, __bin) \
	_AS_EXP_HLL_MOD_START(AS_HLL_OP_ADD, 4), \
	__list, \
	as_exp_int(__index_bit_count), \
	as_exp_int(__mh_bit_count), \
	as_exp_int(__policy == NULL ? 0 : ((as_hll_policy*)__policy)->flags), \
	__bin
#define as_exp_hll_add(__policy, __list, __index_bit_count, __bin) \
	_AS_EXP_HLL_MOD_START(AS_HLL_OP_ADD, 4), \
	__list, \
	as_exp_int(__index_bit_count), \
	as_exp_int(-1), \
	as_exp_int(__policy == NULL ? 0 : ((as_hll_policy*)__policy)->flags), \
	__bin
#define as_exp_hll_update(__policy, __list, __bin) \
	_AS_EXP_HLL_MOD_START(AS_HLL_OP_ADD, 4), \
	__list, \
	as_exp_int(-1), \
	as_exp_int(-1), \
	as_exp_int(__policy == NULL ? 0 : ((as_hll_policy*)__policy)->flags), \
	__bin
#define _AS_EXP_HLL_READ(__rtype) \
	{.op=_AS_EXP_CODE_CALL, .count=5}, \
	_AS_EXP_VAL_RTYPE(__rtype), \
	as_exp_int(_AS_EXP_SYS_CALL_HLL)
#define _AS_EXP_HLL_READ_START(__rtype, __op, __n_params) \
	_AS_EXP_HLL_READ(__rtype), \
	{.op=_AS_EXP_CODE_CALL_VOP_START, .count=1 + (__n_params)}, \
	as_exp_int(__op)
#define as_exp_hll_get_count(__bin) \
	_AS_EXP_HLL_READ_START(AS_EXP_TYPE_INT, AS_HLL_OP_COUNT, 0), \
	__bin
#define as_exp_hll_get_union(__list, __bin) \
	_AS_EXP_HLL_READ_START(AS_EXP_TYPE_HLL, AS_HLL_OP_GET_UNION, 1), \
	__list, \
	__bin
#define as_exp_hll_get_union_count(__list, __bin) \
	_AS_EXP_HLL_READ_START(AS_EXP_TYPE_INT, AS_HLL_OP_UNION_COUNT, 1), \
	__list, \
	__bin
#define as_exp_hll_get_intersect_count(__list, __bin) \
	_AS_EXP_HLL_READ_START(AS_EXP_TYPE_INT, AS_HLL_OP_INTERSECT_COUNT, 1), \
	__list, \
	__bin
#define as_exp_hll_get_similarity(__list, __bin) \
	_AS_EXP_HLL_READ_START(AS_EXP_TYPE_FLOAT, AS_HLL_OP_SIMILARITY, 1), \
	__list, \
	__bin
#define as_exp_hll_describe(__bin) \
	_AS_EXP_HLL_READ_START(AS_EXP_TYPE_LIST, AS_HLL_OP_DESCRIBE, 0), \
	__bin
#define as_exp_hll_may_contain(__list, __bin) \
	_AS_EXP_HLL_READ_START(AS_EXP_TYPE_INT, AS_HLL_OP_MAY_CONTAIN, 1), \
	__list, \
	__bin

/* Embedding a compiled expression, and building one. */
#define as_exp_expr(__e) {.op=_AS_EXP_CODE_MERGE, .v.expr=__e}
#define as_exp_build(__name, ...) \
	as_exp* __name; \
	do { \
		as_exp_entry __table__[] = { __VA_ARGS__ }; \
		__name = as_exp_compile(__table__, sizeof(__table__) / sizeof(as_exp_entry)); \
	} while (false)
#define as_exp_build_b64(__name, ...) \
	char* __name; \
	do { \
		as_exp_entry __table__[] = { __VA_ARGS__ }; \
		as_exp* temp = as_exp_compile(__table__, sizeof(__table__) / sizeof(as_exp_entry)); \
		__name = as_exp_compile_b64(temp); \
		as_exp_destroy(temp); \
	} while (false)

#ifdef __cplusplus
}
#endif
