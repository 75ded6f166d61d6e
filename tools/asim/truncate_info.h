// The truncate info commands (truncate, truncate-namespace and their -undo
// forms) with the server's parameters, checks and answers.
#pragma once

#include "cluster.h"
#include "record_store.h"

#include <optional>
#include <string>

namespace asim {

// The answer to `name` with `params`; nullopt when `name` is not one of
// these commands.
std::optional<std::string> truncate_command(const Cluster& cluster, RecordStore& store,
                                            const std::string& name, const std::string& params);

}  // namespace asim
