// extern "C" entry points of as_exp_operations.h: [expression, flags] as a
// blob binop.
#include "core/error.h"
#include "ops/cdt_pack.h"

#include <aerospike/as_exp_operations.h>

using namespace aeroshim;

namespace {

bool exp_op(as_operator op_type, as_operations* ops, const char* name, const as_exp* exp,
            uint64_t flags) {
  return guard_value(false, {{exp, "exp"}}, [&] {
    as_packer pk;
    bool packed = pack_two_pass(&pk, [&](as_packer* p) {
      return as_pack_list_header(p, 2) == 0 &&
             as_pack_append(p, exp->packed, exp->packed_sz) == 0 && as_pack_uint64(p, flags) == 0;
    });
    return packed && cdt_add_or_free(&pk, ops, name, op_type);
  });
}

}  // namespace

extern "C" {

bool as_operations_exp_write(as_operations* ops, const char* name, const as_exp* exp,
                             as_exp_write_flags flags) {
  return exp_op(AS_OPERATOR_EXP_MODIFY, ops, name, exp, flags);
}

bool as_operations_exp_read(as_operations* ops, const char* name, const as_exp* exp,
                            as_exp_read_flags flags) {
  return exp_op(AS_OPERATOR_EXP_READ, ops, name, exp, flags);
}

}  // extern "C"
