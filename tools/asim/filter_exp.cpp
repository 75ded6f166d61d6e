#include "filter_exp.h"

#include "proto/message.h"

namespace asim::filter {

// No expression is evaluated yet: every one is refused as unsupported, so
// a client never gets a record the filter would have excluded.
uint8_t evaluate(std::string_view, const Record&, std::string_view, uint32_t) {
  return static_cast<uint8_t>(aeroshim::proto::ResultCode::kUnsupportedFeature);
}

}  // namespace asim::filter
