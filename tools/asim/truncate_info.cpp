#include "truncate_info.h"

#include "info_params.h"

#include <cstdlib>
#include <variant>

namespace asim {
namespace {

using info::Param;
using info::ParamState;

constexpr size_t kLutBuffer = 24;
constexpr uint64_t kEpoch2010Ns = uint64_t{1262304000} * 1000000000;

// The cut in milliseconds since 2010 that `lut` (nanoseconds since 1970,
// in C constant syntax as strtoul reads it) names, or the server's refusal.
std::variant<uint64_t, std::string> cut_from_lut(const Param& lut, uint64_t now_ms) {
  if (lut.state == ParamState::kMissing) return now_ms;
  const uint64_t utc_ns = std::strtoull(lut.value.c_str(), nullptr, 0);
  const uint64_t cut = utc_ns > kEpoch2010Ns ? (utc_ns - kEpoch2010Ns) / 1000000 : 0;
  if (cut == 0) return info::error(info::kErrParameter, "would truncate to 0");
  if (cut > now_ms) return info::error(info::kErrParameter, "would truncate in the future");
  return cut;
}

// The set the command names: required for truncate and truncate-undo, and
// refused by the namespace forms, whatever its value.
std::optional<std::string> set_error(bool namespace_form, const Param& set) {
  if (!namespace_form) return info::required_error("set", set);
  if (set.state != ParamState::kMissing)
    return info::error(info::kErrParameter, "unexpected set name");
  return std::nullopt;
}

}  // namespace

std::optional<std::string> truncate_command(const Cluster& cluster, RecordStore& store,
                                            const std::string& name, const std::string& params) {
  const bool undo = name == "truncate-undo" || name == "truncate-namespace-undo";
  const bool namespace_form = name == "truncate-namespace" || name == "truncate-namespace-undo";
  if (!undo && !namespace_form && name != "truncate") return std::nullopt;

  const Param ns = info::get(params, "namespace", info::kNamespaceBuffer);
  if (auto e = info::required_error("namespace", ns)) return e;
  // The namespace form only checks that a set is there, with a one-byte buffer.
  const Param set = info::get(params, "set", namespace_form ? 1 : info::kSetBuffer);
  if (auto e = set_error(namespace_form, set)) return e;
  // Records are removed when the truncate is taken, so an undo finds
  // nothing left to spare, as on a server whose truncate threads finished;
  // it only clears the set's truncate_lut.
  if (undo) {
    if (!namespace_form) store.truncate_undo(ns.value, set.value);
    return "ok";
  }

  const Param lut = info::get(params, "lut", kLutBuffer);
  if (auto e = info::optional_error("lut", lut)) return e;
  auto cut = cut_from_lut(lut, store.now_ms());
  if (auto* refusal = std::get_if<std::string>(&cut)) return *refusal;
  // The server distributes the cut and skips namespaces it does not hold,
  // answering ok either way.
  if (cluster.namespace_index(ns.value))
    store.truncate(ns.value, namespace_form ? nullptr : &set.value, std::get<uint64_t>(cut));
  return "ok";
}

}  // namespace asim
