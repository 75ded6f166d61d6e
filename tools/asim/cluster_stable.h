// cluster-stable, the check a query with fail_on_cluster_change (and a
// tool waiting for a cluster to settle) asks every node, answered as the
// server's thr_info.c answers it.
#pragma once

#include "cluster.h"

#include <optional>
#include <string>

namespace asim {

// The answer to `name` with `params`; nullopt when `name` is not
// cluster-stable.
std::optional<std::string> cluster_stable_command(const Cluster& cluster, const std::string& name,
                                                  const std::string& params);

}  // namespace asim
