// The UDF module info commands (udf-put, udf-list, udf-get, udf-remove,
// udf-clear-cache) with the server's answers, over the one module set the
// simulated cluster shares.
#pragma once

#include "udf_modules.h"

#include <optional>
#include <string>

namespace asim::udf {

// The answer to info command `name` with `params`; nullopt when `name` is
// not one of these commands.
std::optional<std::string> info_command(Modules& modules, const std::string& name,
                                        const std::string& params);

}  // namespace asim::udf
