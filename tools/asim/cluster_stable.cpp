#include "cluster_stable.h"

#include "info_params.h"

#include <fmt/format.h>

namespace asim {
namespace {

constexpr int kErrClusterKeyMismatch = 7;
constexpr size_t kSizeBuffer = 4;              // the server's cluster size text: 3 digits
constexpr size_t kIgnoreMigrationsBuffer = 6;  // "true" or "false"

std::string unstable() { return info::error(kErrClusterKeyMismatch, "unstable cluster"); }

// The server's unsigned reading of a size: decimal digits, then perhaps one
// of k, m, g (times 1024, 1024^2, 1024^3, in 32 bits), then the end.
std::optional<uint32_t> size_value(const std::string& text) {
  uint32_t v = 0;
  size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
    v = v * 10 + static_cast<uint32_t>(text[i] - '0');
  if (i < text.size()) {
    switch (text[i]) {
      case 'k':
      case 'K': v *= 1024U; break;
      case 'm':
      case 'M': v *= 1024U * 1024U; break;
      case 'g':
      case 'G': v *= 1024U * 1024U * 1024U; break;
      default: return std::nullopt;
    }
    ++i;
  }
  if (i != text.size()) return std::nullopt;
  return v;
}

// The namespaces whose migrations must be done: `namespace=` names one,
// otherwise all of them. An error answer when the name is unusable.
std::optional<std::string> migrations_error(const Cluster& cluster, const std::string& params) {
  const info::Param ns = info::get(params, "namespace", info::kNamespaceBuffer);
  if (auto bad = info::optional_error("namespace", ns)) return bad;
  if (ns.state == info::ParamState::kOk) {
    const auto index = cluster.namespace_index(ns.value);
    if (!index) return info::error(info::kErrNamespace, "namespace not found on node");
    if (cluster.namespaces()[*index].migrations_remaining != 0) return unstable();
    return std::nullopt;
  }
  for (const auto& space : cluster.namespaces())
    if (space.migrations_remaining != 0) return unstable();
  return std::nullopt;
}

}  // namespace

std::optional<std::string> cluster_stable_command(const Cluster& cluster, const std::string& name,
                                                  const std::string& params) {
  if (name != "cluster-stable") return std::nullopt;
  // The server's checks in its order. asim never blocks migrations, so the
  // first check (migrations allowed) always passes, and its answer cannot
  // change while it is being built, so the key read first is the key.
  const info::Param size = info::get(params, "size", kSizeBuffer);
  if (auto bad = info::optional_error("size", size)) return bad;
  if (size.state == info::ParamState::kOk) {
    const auto target = size_value(size.value);
    if (!target) return info::error(info::kErrParameter, "bad size");
    if (*target != cluster.running_count())
      return info::error(kErrClusterKeyMismatch, "cluster not specified size");
  }
  const info::Param ignore = info::get(params, "ignore-migrations", kIgnoreMigrationsBuffer);
  if (auto bad = info::optional_error("ignore-migrations", ignore)) return bad;
  const bool ignore_migrations = ignore.state == info::ParamState::kOk && ignore.value == "true";
  if (ignore.state == info::ParamState::kOk && !ignore_migrations && ignore.value != "false")
    return info::error(info::kErrParameter, "bad ignore migrations");
  if (!ignore_migrations) {
    if (auto bad = migrations_error(cluster, params)) return bad;
  }
  return fmt::format("{:X}", cluster.cluster_key());
}

}  // namespace asim
