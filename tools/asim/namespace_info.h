// The namespace and set info commands (namespace/NS, sets, sets/NS,
// sets/NS/SET) in the server's formats, limited to what asim tracks.
#pragma once

#include "cluster.h"
#include "record_store.h"

#include <optional>
#include <string>

namespace asim {

// The answer to `name` with `params` (the text after the name's '/');
// nullopt when `name` is not one of these commands.
std::optional<std::string> namespace_command(const Cluster& cluster, const RecordStore& store,
                                             const std::string& name, const std::string& params);

}  // namespace asim
