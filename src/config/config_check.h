// Connect-time validation of an as_config: every value the stock client
// would misbehave on is refused with AEROSPIKE_ERR_PARAM and a message that
// names the field and the value.
#pragma once

#include "core/status.h"

#include <aerospike/as_config.h>

namespace aeroshim {

Status check_config(const as_config& config);

}  // namespace aeroshim
