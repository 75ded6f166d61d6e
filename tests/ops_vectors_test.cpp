// Our operation builders against the stock-client vectors
// (tests/vectors/operations.txt and expressions.txt, recorded from npm
// aerospike@6.7.1 = C client 7.4.0): each case rebuilds one vector's
// operate() ops with the C API as tests/vectors/README.md maps the Node call,
// and compares every op's wire id, bin name and value bytes with the frame.
// Filter vectors compare the compiled expression with field 43.
#include "vectors.h"

#include <aerospike/as_arraylist.h>
#include <aerospike/as_bit_operations.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_exp.h>
#include <aerospike/as_exp_operations.h>
#include <aerospike/as_hll_operations.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_map_operations.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_string.h>

#include <functional>
#include <string>

// Last: cmocka's macros (fail, ...) clash with the standard headers.
#include "cmocka_cxx.h"

namespace v = aeroshim::vectors;

namespace {

// Wire op id of each as_operator (7.4.0's command writer).
uint8_t wire_op(as_operator op) {
  static const uint8_t kIds[] = {1, 2, 3, 4, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  return kIds[op];
}

as_val* str(const char* s) { return reinterpret_cast<as_val*>(as_string_new_strdup(s)); }
as_val* num(int64_t i) { return reinterpret_cast<as_val*>(as_integer_new(i)); }

void check_ops_in(const char* group, const char* name,
                  const std::function<void(as_operations*)>& build) {
  auto request = v::vector_request(group, name);
  if (!request) fail_msg("%s: %s", name, request.status().message().c_str());
  as_operations ops;
  as_operations_init(&ops, 4);
  build(&ops);
  if (ops.binops.size != request->message.ops.size()) fail_msg("%s: op count", name);
  for (uint16_t i = 0; i < ops.binops.size; i++) {
    const as_binop& ours = ops.binops.entries[i];
    const auto& stock = request->message.ops[i];
    const auto* bytes = reinterpret_cast<const as_bytes*>(ours.bin.valuep);
    std::string value(reinterpret_cast<const char*>(bytes->value), bytes->size);
    if (wire_op(ours.op) != stock.op) fail_msg("%s: op id %d", name, stock.op);
    assert_string_equal(ours.bin.name, stock.name.c_str());
    if (value != stock.value) {
      fail_msg("%s: ours %s stock %s", name, v::to_hex(value).c_str(),
               v::to_hex(stock.value).c_str());
    }
  }
  as_operations_destroy(&ops);
}

void check_ops(const char* name, const std::function<void(as_operations*)>& build) {
  check_ops_in("operations", name, build);
}

as_list_policy lp() {
  as_list_policy p;
  as_list_policy_set(
      &p, AS_LIST_ORDERED,
      static_cast<as_list_write_flags>(AS_LIST_WRITE_ADD_UNIQUE | AS_LIST_WRITE_NO_FAIL));
  return p;
}

as_map_policy map_default() {
  as_map_policy p;
  as_map_policy_init(&p);
  return p;
}

void check_filter(const char* name, as_exp* exp) {
  auto request = v::vector_request("expressions", name);
  if (!request) fail_msg("%s: %s", name, request.status().message().c_str());
  auto field = request->field(v::kFieldFilterExp);
  if (!field || exp == nullptr) fail_msg("%s: no filter", name);
  std::string ours(reinterpret_cast<const char*>(exp->packed), exp->packed_sz);
  if (ours != *field) {
    fail_msg("%s: ours %s stock %s", name, v::to_hex(ours).c_str(), v::to_hex(*field).c_str());
  }
  as_exp_destroy(exp);
}

// The designated initializers of the as_exp_* macros are C; this C++ test
// builds the same entries field by field.
as_exp_entry entry(as_exp_ops op, uint32_t count = 0) {
  as_exp_entry e{};
  e.op = op;
  e.count = count;
  return e;
}
as_exp_entry int_entry(int64_t value) {
  as_exp_entry e = entry(_AS_EXP_CODE_VAL_INT);
  e.v.int_val = value;
  return e;
}
as_exp_entry raw_entry(const char* text) {
  as_exp_entry e = entry(_AS_EXP_CODE_VAL_RAWSTR);
  e.v.str_val = text;
  return e;
}

}  // namespace

static void test_expression_vectors(void**) {
  {
    // as_exp_cmp_eq(as_exp_bin_int("a"), as_exp_int(1))
    as_exp_entry t[] = {entry(_AS_EXP_CODE_CMP_EQ, 3), entry(_AS_EXP_CODE_BIN, 3),
                        int_entry(AS_EXP_TYPE_INT), raw_entry("a"), int_entry(1)};
    check_filter("exp_eq_bin_int", as_exp_compile(t, 5));
  }
  {
    // as_exp_let(as_exp_def("x", as_exp_bin_int("a")), as_exp_def("y", as_exp_int(2)),
    //            as_exp_cmp_gt(as_exp_var("x"), as_exp_var("y")))
    as_exp_entry t[] = {entry(_AS_EXP_CODE_LET),
                        raw_entry("x"),
                        entry(_AS_EXP_CODE_BIN, 3),
                        int_entry(AS_EXP_TYPE_INT),
                        raw_entry("a"),
                        raw_entry("y"),
                        int_entry(2),
                        entry(_AS_EXP_CODE_CMP_GT, 3),
                        entry(_AS_EXP_CODE_VAR, 2),
                        raw_entry("x"),
                        entry(_AS_EXP_CODE_VAR, 2),
                        raw_entry("y"),
                        entry(_AS_EXP_CODE_END_OF_VA_ARGS)};
    check_filter("exp_let_var", as_exp_compile(t, sizeof(t) / sizeof(t[0])));
  }
  {
    // as_exp_cmp_gt(as_exp_list_size(ctx, as_exp_bin_list("l")), as_exp_int(0)), ctx: index 0
    as_cdt_ctx ctx;
    as_cdt_ctx_init(&ctx, 1);
    as_cdt_ctx_add_list_index(&ctx, 0);
    as_exp_entry rtype = entry(_AS_EXP_CODE_VAL_RTYPE);
    rtype.v.int_val = as_exp_get_list_type(AS_EXP_TYPE_AUTO, AS_LIST_RETURN_COUNT, false);
    as_exp_entry vop = entry(_AS_EXP_CODE_CALL_VOP_START, 1);
    vop.v.ctx = &ctx;
    as_exp_entry t[] = {entry(_AS_EXP_CODE_CMP_GT, 3),
                        entry(_AS_EXP_CODE_CALL, 5),
                        rtype,
                        int_entry(_AS_EXP_SYS_CALL_CDT),
                        vop,
                        int_entry(AS_CDT_OP_LIST_SIZE),
                        entry(_AS_EXP_CODE_BIN, 3),
                        int_entry(AS_EXP_TYPE_LIST),
                        raw_entry("l"),
                        int_entry(0)};
    check_filter("exp_list_ctx", as_exp_compile(t, sizeof(t) / sizeof(t[0])));
    as_cdt_ctx_destroy(&ctx);
  }
  check_ops_in("expressions", "exp_op_read", [](as_operations* o) {
    // as_exp_add(as_exp_bin_int("a"), as_exp_int(1))
    as_exp_entry t[] = {entry(_AS_EXP_CODE_ADD),
                        entry(_AS_EXP_CODE_BIN, 3),
                        int_entry(AS_EXP_TYPE_INT),
                        raw_entry("a"),
                        int_entry(1),
                        entry(_AS_EXP_CODE_END_OF_VA_ARGS)};
    as_exp* e = as_exp_compile(t, sizeof(t) / sizeof(t[0]));
    as_operations_exp_read(o, "r", e, AS_EXP_READ_DEFAULT);
    as_exp_destroy(e);
  });
}

static void test_list_vectors(void**) {
  check_ops("list_append_int",
            [](as_operations* o) { as_operations_list_append(o, "l", nullptr, nullptr, num(1)); });
  check_ops("list_append_policy", [](as_operations* o) {
    as_list_policy p = lp();
    as_operations_list_append(o, "l", nullptr, &p, num(1));
  });
  check_ops("list_insert", [](as_operations* o) {
    as_operations_list_insert(o, "l", nullptr, nullptr, 2, str("x"));
  });
  check_ops("list_pop_range",
            [](as_operations* o) { as_operations_list_pop_range(o, "l", nullptr, 1, 2); });
  check_ops("list_remove_by_value_range_nil_end", [](as_operations* o) {
    as_operations_list_remove_by_value_range(o, "l", nullptr, num(1), nullptr,
                                             AS_LIST_RETURN_COUNT);
  });
  check_ops("list_get_by_value_rel_rank_range", [](as_operations* o) {
    as_operations_list_get_by_value_rel_rank_range(o, "l", nullptr, num(5), 0, 2,
                                                   AS_LIST_RETURN_VALUE);
  });
  check_ops("list_increment_default", [](as_operations* o) {
    as_operations_list_increment(o, "l", nullptr, nullptr, 1, nullptr);
  });
  check_ops("list_get_ctx_map_key", [](as_operations* o) {
    as_cdt_ctx ctx;
    as_cdt_ctx_init(&ctx, 1);
    as_cdt_ctx_add_map_key(&ctx, str("inner"));
    as_operations_list_get(o, "l", &ctx, 0);
    as_cdt_ctx_destroy(&ctx);
  });
  check_ops("list_append_ctx_index_create", [](as_operations* o) {
    as_cdt_ctx ctx;
    as_cdt_ctx_init(&ctx, 1);
    as_cdt_ctx_add_list_index_create(&ctx, 3, AS_LIST_ORDERED, true);
    as_operations_list_append(o, "l", &ctx, nullptr, num(1));
    as_cdt_ctx_destroy(&ctx);
  });
}

static void test_map_vectors(void**) {
  check_ops("map_put_int", [](as_operations* o) {
    as_map_policy p = map_default();
    as_operations_map_put(o, "m", nullptr, &p, str("a"), num(1));
  });
  check_ops("map_put_update_only_mode", [](as_operations* o) {
    as_map_policy p;
    as_map_policy_set(&p, AS_MAP_UNORDERED, AS_MAP_UPDATE_ONLY);
    as_operations_map_put(o, "m", nullptr, &p, str("a"), num(1));
  });
  check_ops("map_put_kv_flags_policy", [](as_operations* o) {
    as_map_policy p;
    as_map_policy_set_flags(&p, AS_MAP_KEY_VALUE_ORDERED,
                            AS_MAP_WRITE_CREATE_ONLY | AS_MAP_WRITE_NO_FAIL);
    as_operations_map_put(o, "m", nullptr, &p, str("a"), num(1));
  });
  check_ops("map_increment", [](as_operations* o) {
    as_map_policy p = map_default();
    as_operations_map_increment(o, "m", nullptr, &p, str("a"), num(2));
  });
  check_ops("map_remove_by_key_range_nil_end", [](as_operations* o) {
    as_operations_map_remove_by_key_range(o, "m", nullptr, str("a"), nullptr, AS_MAP_RETURN_COUNT);
  });
  check_ops("map_get_by_key_exists", [](as_operations* o) {
    as_operations_map_get_by_key(o, "m", nullptr, str("a"), AS_MAP_RETURN_EXISTS);
  });
  check_ops("map_put_ctx_map_key", [](as_operations* o) {
    as_map_policy p = map_default();
    as_cdt_ctx ctx;
    as_cdt_ctx_init(&ctx, 1);
    as_cdt_ctx_add_map_key(&ctx, str("inner"));
    as_operations_map_put(o, "m", &ctx, &p, str("a"), num(1));
    as_cdt_ctx_destroy(&ctx);
  });
}

static void test_bit_hll_vectors(void**) {
  check_ops("bit_get_int_signed",
            [](as_operations* o) { as_operations_bit_get_int(o, "bits", nullptr, 0, 8, true); });
  // Recorded from bitwise.lscan(), yet the frame carries op 53 (RSCAN): the
  // Node binding sends lscan as rscan. 7.4.0's header gives lscan 52.
  check_ops("bit_rscan_value_true",
            [](as_operations* o) { as_operations_bit_rscan(o, "bits", nullptr, 0, 32, true); });
  check_ops("bit_add_signed_saturate", [](as_operations* o) {
    as_operations_bit_add(o, "bits", nullptr, nullptr, 0, 16, 100, true, AS_BIT_OVERFLOW_SATURATE);
  });
  check_ops("hll_add_minhash", [](as_operations* o) {
    as_arraylist list;
    as_arraylist_init(&list, 2, 0);
    as_arraylist_append_str(&list, "a");
    as_arraylist_append_int64(&list, 1);
    as_operations_hll_add_mh(o, "h", nullptr, nullptr, reinterpret_cast<as_list*>(&list), 10, 6);
    as_arraylist_destroy(&list);
  });
  check_ops("hll_refresh_count",
            [](as_operations* o) { as_operations_hll_refresh_count(o, "h", nullptr); });
}

int main() {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_list_vectors),
      cmocka_unit_test(test_map_vectors),
      cmocka_unit_test(test_bit_hll_vectors),
      cmocka_unit_test(test_expression_vectors),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
