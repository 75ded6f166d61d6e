// The map write policy and the map builders whose encoding depends on it;
// the selectors are plain cdt_op calls (capi/as_map_operations.cpp).
#pragma once

#include <aerospike/as_map_operations.h>

namespace aeroshim {

void map_policy_set(as_map_policy* policy, as_map_order order, uint64_t flags,
                    as_map_write_mode mode, bool persist_index);

bool map_create(as_operations* ops, const char* name, const as_cdt_ctx* ctx, as_map_order order,
                bool persist_index);

bool map_set_policy(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
                    const as_map_policy* policy);

// put: [cmd, key, value, attributes(, flags)] with cmd from the policy; takes key and value.
bool map_put(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
             const as_map_policy* policy, as_val* key, as_val* value);

// put_items: [cmd, items, attributes(, flags)]; takes items.
bool map_put_items(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
                   const as_map_policy* policy, as_map* items);

// increment / decrement: [cmd, key, value or nil, attributes]; takes key and value.
bool map_add_to(as_operations* ops, const char* name, const as_cdt_ctx* ctx,
                const as_map_policy* policy, uint16_t command, as_val* key, as_val* value);

}  // namespace aeroshim
