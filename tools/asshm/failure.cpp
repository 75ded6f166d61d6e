// Failure reporting: text on stderr, and the JSON error object on stdout.
#include "failure.h"

#include "json.h"

#include <cstdio>

namespace asshm {

int report(const Failure& failure, bool json) {
  std::fprintf(stderr, "asshm: %s\n", failure.message.c_str());
  if (json) {
    std::printf("{\"error\":{\"code\":%d,\"kind\":%s,\"message\":%s}}\n", failure.exit_code,
                json_string(failure.kind).c_str(), json_string(failure.message).c_str());
  }
  return failure.exit_code;
}

}  // namespace asshm
