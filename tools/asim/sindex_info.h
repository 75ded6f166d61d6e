// The index info commands (sindex-create, sindex-delete, sindex-exists,
// sindex-list, sindex-stat and the older sindex/NS/NAME) with the server's
// parameters, checks, answers and errors, over the cluster's index catalog.
#pragma once

#include "cluster.h"
#include "record_store.h"

#include <optional>
#include <string>

namespace asim {

// The answer to `name` with `params`; nullopt when `name` is not one of
// these commands.
std::optional<std::string> sindex_command(const Cluster& cluster, RecordStore& store,
                                          const std::string& name, const std::string& params);

}  // namespace asim
