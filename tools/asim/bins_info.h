// bins and bins/NS: the bin-name table a server before 7.0 kept per
// namespace. Servers from 7.0 on have no such table and no such command
// (they answer it as any unknown name), so the answer depends on the build
// the asked node reports.
#pragma once

#include "cluster.h"
#include "record_store.h"

#include <optional>
#include <string>

namespace asim {

// The answer to `name` with `params` (the text after "bins/") from a node
// running `build`; nullopt when `name` is not bins or the build is 7.0 or
// later.
std::optional<std::string> bins_command(const Cluster& cluster, const RecordStore& store,
                                        const std::string& build, const std::string& name,
                                        const std::string& params);

}  // namespace asim
