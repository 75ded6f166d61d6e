// The in-band failures an info answer can carry, read the way 7.4.0's
// as_info_validate reads them, so a program gets the same code and text
// from us as from the stock client: "ERROR:" at the very start or after a
// tab, "FAIL:" after a tab ("[code][:text]"; no code or 0 means
// AEROSPIKE_ERR_SERVER), and the udf-put compile failure "error=..." after
// a tab (AEROSPIKE_ERR_UDF, its base64 "message=" part decoded).
#pragma once

#include <aerospike/as_status.h>

#include <optional>
#include <string>
#include <string_view>

namespace aeroshim {

struct InfoError {
  as_status code;
  std::string message;
};

std::optional<InfoError> find_info_error(std::string_view answer);

}  // namespace aeroshim
