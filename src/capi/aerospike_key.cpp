// extern "C" entry points of aerospike_key.h (the synchronous ones).
#include "capi/command_guard.h"
#include "command/key_commands.h"

#include <aerospike/aerospike_key.h>

using namespace aeroshim;

extern "C" {

as_status aerospike_key_get(aerospike* as, as_error* err, const as_policy_read* policy,
                            const as_key* key, as_record** rec) {
  return command_guard(err, {{as, "as"}, {key, "key"}},
                       [&] { return key_get(as, policy, key, rec); });
}

as_status aerospike_key_select(aerospike* as, as_error* err, const as_policy_read* policy,
                               const as_key* key, const char* bins[], as_record** rec) {
  return command_guard(err, {{as, "as"}, {key, "key"}, {bins, "bins"}}, [&] {
    return key_select(as, policy, key, bins, kNameListEndsWithNull, rec);
  });
}

as_status aerospike_key_select_bins(aerospike* as, as_error* err, const as_policy_read* policy,
                                    const as_key* key, const char* bins[], uint32_t n_bins,
                                    as_record** rec) {
  // bins may be NULL only when there are none.
  const void* names = n_bins ? static_cast<const void*>(bins) : static_cast<const void*>(&n_bins);
  return command_guard(err, {{as, "as"}, {key, "key"}, {names, "bins"}},
                       [&] { return key_select(as, policy, key, bins, n_bins, rec); });
}

as_status aerospike_key_exists(aerospike* as, as_error* err, const as_policy_read* policy,
                               const as_key* key, as_record** rec) {
  return command_guard(err, {{as, "as"}, {key, "key"}},
                       [&] { return key_exists(as, policy, key, rec); });
}

as_status aerospike_key_put(aerospike* as, as_error* err, const as_policy_write* policy,
                            const as_key* key, as_record* rec) {
  return command_guard(err, {{as, "as"}, {key, "key"}, {rec, "rec"}},
                       [&] { return key_put(as, policy, key, rec); });
}

as_status aerospike_key_remove(aerospike* as, as_error* err, const as_policy_remove* policy,
                               const as_key* key) {
  return command_guard(err, {{as, "as"}, {key, "key"}},
                       [&] { return key_remove(as, policy, key); });
}

as_status aerospike_key_operate(aerospike* as, as_error* err, const as_policy_operate* policy,
                                const as_key* key, const as_operations* ops, as_record** rec) {
  return command_guard(err, {{as, "as"}, {key, "key"}, {ops, "ops"}},
                       [&] { return key_operate(as, policy, key, ops, rec); });
}

as_status aerospike_key_apply(aerospike* as, as_error* err, const as_policy_apply* policy,
                              const as_key* key, const char* module, const char* function,
                              as_list* arglist, as_val** result) {
  return command_guard(
      err, {{as, "as"}, {key, "key"}, {module, "module"}, {function, "function"}},
      [&] { return key_apply(as, policy, key, module, function, arglist, result); });
}

}  // extern "C"
