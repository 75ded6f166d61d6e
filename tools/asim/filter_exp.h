// Filter expressions (the FILTER_EXPRESSION field, 43): the server's
// verdict on whether a command applies to a record. An expression asim does
// not know how to evaluate is refused, never treated as "passes".
#pragma once

#include "record_store.h"

#include <cstdint>
#include <string_view>

namespace asim::filter {

// The verdict on `record` (whose digest is `digest`, 20 bytes) at `now`
// (seconds since 2010): 0 when it passes, FILTERED_OUT (27) when it does
// not, PARAMETER (4) for an expression the server would refuse to build,
// UNSUPPORTED_FEATURE (16) for one it would build but asim cannot evaluate.
uint8_t evaluate(std::string_view expression, const Record& record, std::string_view digest,
                 uint32_t now);

}  // namespace asim::filter
