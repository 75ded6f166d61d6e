// Info protocol bodies as text: the request names in, the answered lines out.
// The transport (framing, sockets) lives elsewhere; these functions only see
// the body, so they can be tested and fuzzed without a server.
#pragma once

#include <aerospike/as_status.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aeroshim {

// Each requested name becomes its own line; the server answers them in order.
std::string build_info_request(const std::vector<std::string>& names);

struct InfoResponse {
  std::vector<std::pair<std::string, std::string>> entries;  // request order

  // The value of the first line named `name`, or nullptr when absent.
  // First wins because a server answering a name twice is not meaningful.
  const std::string* find(std::string_view name) const;
};

// Never fails: any byte string splits into lines. A line without a tab is a
// name the server answered with nothing, which callers treat as empty.
InfoResponse parse_info_response(std::string_view body);

// The server reports a failed command in-band, as a value rather than a
// protocol error, so every caller must check before parsing the value.
bool is_info_error(std::string_view value);

// as_info_parse_single_response: points `value` at the text after the first
// tab and ends it at the next newline, in place (AEROSPIKE_ERR_CLIENT when
// either is missing).
as_status split_single_response(char* values, char** value);

}  // namespace aeroshim
