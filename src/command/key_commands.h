// The synchronous single-record commands of aerospike_key.h, with 7.4.0's
// request layout per command, policy defaults (a NULL policy means the
// client's configured one; an operate of reads only retries twice), replica
// and read-mode rules, and answers turned into records the stock way.
#pragma once

#include "command/executor.h"

#include <aerospike/aerospike.h>
#include <aerospike/as_key.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_record.h>

#include <cstdint>

namespace aeroshim {

CommandOutcome key_get(aerospike* as, const as_policy_read* policy, const as_key* key,
                       as_record** rec);
// `bins`: a NULL- or ""-terminated list (select) when count is UINT32_MAX,
// else exactly `count` names (select_bins).
CommandOutcome key_select(aerospike* as, const as_policy_read* policy, const as_key* key,
                          const char* const* bins, uint32_t count, as_record** rec);
CommandOutcome key_exists(aerospike* as, const as_policy_read* policy, const as_key* key,
                          as_record** rec);
CommandOutcome key_put(aerospike* as, const as_policy_write* policy, const as_key* key,
                       as_record* rec);
CommandOutcome key_remove(aerospike* as, const as_policy_remove* policy, const as_key* key);
CommandOutcome key_operate(aerospike* as, const as_policy_operate* policy, const as_key* key,
                           const as_operations* ops, as_record** rec);
// A record UDF. *result (when result is not NULL) gets the function's value
// on success and NULL on a failure the server or the answer reports; a
// command that never got an answer leaves it untouched, as 7.4.0 does.
CommandOutcome key_apply(aerospike* as, const as_policy_apply* policy, const as_key* key,
                         const char* module, const char* function, const as_list* arglist,
                         as_val** result);

inline constexpr uint32_t kNameListEndsWithNull = UINT32_MAX;

}  // namespace aeroshim
