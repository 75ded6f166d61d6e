#include "bins_info.h"

#include <fmt/format.h>

#include <charconv>

namespace asim {
namespace {

// The table's capacity in those servers (MAX_BIN_NAMES).
constexpr uint32_t kBinNamesQuota = 0xFFFF;

bool before_7(const std::string& build) {
  int major = 0;
  const auto [end, ec] = std::from_chars(build.data(), build.data() + build.size(), major);
  return ec == std::errc() && end != build.data() && major < 7;
}

// "bin_names=N,bin_names_quota=Q,NAME1,NAME2..."
std::string names_of(const RecordStore& store, const std::string& ns) {
  const auto& names = store.bin_names(ns);
  std::string out = fmt::format("bin_names={},bin_names_quota={}", names.size(), kBinNamesQuota);
  for (const auto& name : names) {
    out += ',';
    out += name;
  }
  return out;
}

}  // namespace

std::optional<std::string> bins_command(const Cluster& cluster, const RecordStore& store,
                                        const std::string& build, const std::string& name,
                                        const std::string& params) {
  if (name != "bins" || !before_7(build)) return std::nullopt;
  if (!params.empty()) {
    if (!cluster.namespace_index(params)) return "ns_type=unknown";
    return names_of(store, params);
  }
  // Every namespace, each as "NS:<names>;".
  std::string out;
  for (const auto& space : cluster.namespaces())
    out += fmt::format("{}:{};", space.spec.name, names_of(store, space.spec.name));
  return out;
}

}  // namespace asim
