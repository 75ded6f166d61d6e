// The list builders whose encoding depends on a policy or a default; the
// others are plain cdt_op calls (capi/as_list_operations.cpp).
#pragma once

#include <aerospike/as_list_operations.h>

namespace aeroshim {

bool list_create(as_operations* ops, const char* name, const as_cdt_ctx* ctx, as_list_order order,
                 bool pad, bool persist_index);

// append / append_items: [command, value(, order, flags)]; takes value.
bool list_add(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
              const as_list_policy* policy, uint16_t command, as_val* value);

// insert / insert_items / set: [command, index, value(, flags)]; takes value.
bool list_put_at(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
                 const as_list_policy* policy, uint16_t command, int64_t index, as_val* value);

// [increment, index, incr or 1(, order, flags)]; takes incr.
bool list_increment(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
                    const as_list_policy* policy, int64_t index, as_val* incr);

}  // namespace aeroshim
