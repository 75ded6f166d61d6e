// Path operations: select or modify every element a context reaches
// ([0xfe, ctx, flags(, modify expression)]).
#pragma once

#include "core/status.h"

#include <aerospike/as_exp.h>
#include <aerospike/as_operations.h>

namespace aeroshim {

Status select_by_path(as_operations* ops, const char* name, const as_cdt_ctx* ctx, uint64_t flags);

Status modify_by_path(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
                      const as_exp* mod_exp, uint64_t flags);

}  // namespace aeroshim
