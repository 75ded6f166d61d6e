#include "sindex_info.h"

#include "info_params.h"
#include "ops/base64.h"

#include <fmt/format.h>

#include <strings.h>

#include <array>
#include <variant>

namespace asim {
namespace {

using info::error;
using info::kErrNamespace;
using info::kErrParameter;
using info::Param;
using info::ParamState;
using sindex::Definition;

// The server's buffer sizes for these parameters.
constexpr size_t kNameBuffer = 64;       // INAME_MAX_SZ
constexpr size_t kItypeBuffer = 10;      // INDEXTYPE_MAX_SZ
constexpr size_t kKtypeBuffer = 12;      // KTYPE_MAX_SZ
constexpr size_t kBinBuffer = 16;        // AS_BIN_NAME_MAX_SZ
constexpr size_t kIndexdataBuffer = 28;  // bin name and key type
constexpr size_t kContextBuffer = 2048;
constexpr size_t kExpBuffer = size_t{16} * 1024;
constexpr int kErrIndexFound = 200;
constexpr int kErrIndexNotFound = 201;
constexpr int kErrIndexMaxCount = 206;

using Outcome = std::variant<Definition, std::string>;  // a definition, or the refusal

bool ok(const Param& p) { return p.state == ParamState::kOk; }
bool missing(const Param& p) { return p.state == ParamState::kMissing; }

std::optional<std::string> lower_name(const std::string& text,
                                      std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (strcasecmp(text.c_str(), n) == 0) return std::string(n);
  return std::nullopt;
}

std::optional<std::string> ktype_of(const std::string& text) {
  return lower_name(text, {"numeric", "string", "blob", "geo2dsphere"});
}

bool valid_b64(const std::string& text) {
  return aeroshim::b64_valid(text.data(), static_cast<uint32_t>(text.size()));
}

// A set index: no bin-index parameter may come with it, and the namespace
// must be one the cluster holds.
Outcome set_index(const Cluster& cluster, const std::string& params, Definition def) {
  constexpr std::array<std::pair<const char*, size_t>, 5> kRefused{{{"context", kContextBuffer},
                                                                    {"indexdata", kIndexdataBuffer},
                                                                    {"type", kKtypeBuffer},
                                                                    {"bin", kBinBuffer},
                                                                    {"exp", kExpBuffer}}};
  for (auto [key, buffer] : kRefused) {
    if (ok(info::get(params, key, buffer)))
      return error(kErrParameter, fmt::format("{} parameter is not supported for set index", key));
  }
  const Param set = info::get(params, "set", info::kSetBuffer);
  if (auto e = info::required_error("set", set)) return *e;
  if (!cluster.namespace_index(def.ns)) return error(kErrParameter, "namespace not found");
  def.set = set.value;
  def.itype = "set";
  return def;
}

// The bin and key type of the newer form: type=, with bin= or exp=.
std::optional<std::string> typed_source(const std::string& params, const Param& type,
                                        Definition& def) {
  auto ktype = ktype_of(type.value);
  if (!ktype)
    return error(kErrParameter,
                 "bad 'type' - must be one of 'numeric', 'string', 'blob', 'geo2dsphere'");
  def.ktype = *ktype;
  const Param bin = info::get(params, "bin", kBinBuffer);
  if (auto e = info::optional_error("bin", bin)) return e;
  const Param exp = info::get(params, "exp", kExpBuffer);
  if (auto e = info::optional_error("exp", exp)) return e;
  if (ok(bin) && ok(exp)) return error(kErrParameter, "both 'bin' and 'exp' are specified");
  if (missing(bin) && missing(exp)) return error(kErrParameter, "both 'bin' and 'exp' are missing");
  if (ok(exp)) {
    if (!def.context.empty()) return error(kErrParameter, "both 'context' and 'exp' are specified");
    if (!valid_b64(exp.value)) return error(kErrParameter, "bad 'exp'");
    def.exp = exp.value;
  } else {
    def.bin = bin.value;
  }
  return std::nullopt;
}

// The bin and key type of the older form: indexdata=BIN,TYPE.
std::optional<std::string> indexdata_source(const Param& indexdata, Definition& def) {
  const auto comma = indexdata.value.find(',');
  if (comma == std::string::npos) return error(kErrParameter, "'indexdata' missing bin type");
  def.bin = indexdata.value.substr(0, comma);
  if (def.bin.empty()) return error(kErrParameter, "'indexdata' missing bin name");
  if (def.bin.size() >= kBinBuffer) return error(kErrParameter, "'indexdata' bin name too long");
  auto ktype = ktype_of(indexdata.value.substr(comma + 1));
  if (!ktype)
    return error(kErrParameter,
                 "bad 'indexdata' bin type - must be one of 'numeric', 'string', 'blob', "
                 "'geo2dsphere'");
  def.ktype = *ktype;
  return std::nullopt;
}

std::optional<std::string> index_type(const std::string& params, Definition& def) {
  const Param itype = info::get(params, "indextype", kItypeBuffer);
  if (auto e = info::optional_error("indextype", itype)) return e;
  if (missing(itype)) {
    def.itype = "default";
    return std::nullopt;
  }
  auto name = lower_name(itype.value, {"default", "list", "mapkeys", "mapvalues"});
  if (!name)
    return error(kErrParameter,
                 "bad 'indextype' - must be one of 'default', 'list', 'mapkeys', 'mapvalues'");
  def.itype = *name;
  return std::nullopt;
}

// A secondary index, checked in the server's order.
Outcome bin_index(const std::string& params, Definition def) {
  const Param set = info::get(params, "set", info::kSetBuffer);
  if (auto e = info::optional_error("set", set)) return *e;
  if (ok(set)) def.set = set.value;
  const Param context = info::get(params, "context", kContextBuffer);
  if (auto e = info::optional_error("context", context)) return *e;
  if (ok(context)) {
    if (!valid_b64(context.value)) return error(kErrParameter, "'context' invalid base64");
    def.context = context.value;
  }
  if (auto e = index_type(params, def)) return *e;
  const Param indexdata = info::get(params, "indexdata", kIndexdataBuffer);
  if (auto e = info::optional_error("indexdata", indexdata)) return *e;
  const Param type = info::get(params, "type", kKtypeBuffer);
  if (auto e = info::optional_error("type", type)) return *e;
  if (missing(indexdata) && missing(type))
    return error(kErrParameter, "both 'indexdata' and 'type' are missing");
  if (ok(indexdata) && ok(type))
    return error(kErrParameter, "both 'indexdata' and 'type' are specified");
  auto e = ok(type) ? typed_source(params, type, def) : indexdata_source(indexdata, def);
  if (e) return *e;
  if (def.itype == "mapkeys" && def.ktype == "geo2dsphere")
    return error(kErrParameter,
                 "bad 'indexdata' bin type for 'indextype' 'mapkeys' - must be one of "
                 "'numeric', 'string', 'blob'");
  return def;
}

std::string create(const Cluster& cluster, RecordStore& store, const std::string& params) {
  sindex::Catalog& catalog = store.sindexes();
  Definition def;
  const Param name = info::get(params, "indexname", kNameBuffer);
  if (auto e = info::required_error("indexname", name)) return *e;
  const Param ns = info::get_namespace_or_ns(params, info::kNamespaceBuffer);
  if (auto e = info::required_error("namespace", ns)) return *e;
  def.name = name.value;
  def.ns = ns.value;
  const Param itype = info::get(params, "indextype", kItypeBuffer);
  const bool is_set = ok(itype) && strcasecmp(itype.value.c_str(), "set") == 0;
  Outcome outcome = is_set ? set_index(cluster, params, def) : bin_index(params, def);
  if (auto* refusal = std::get_if<std::string>(&outcome)) return *refusal;
  def = std::get<Definition>(std::move(outcome));
  if (const Definition* same_name = catalog.by_name(def.ns, def.name)) {
    if (same_name->identity() != def.identity())
      return error(kErrIndexFound, "'indexname' already exists with different definition");
    return "ok";
  }
  // Renaming an existing definition is allowed at the limit.
  if (!is_set && !catalog.by_identity(def) &&
      catalog.secondary_count(def.ns) >= sindex::Catalog::kMaxPerNamespace)
    return error(kErrIndexMaxCount, "already at sindex definition limit");
  catalog.put(def);
  if (is_set) store.remember_set(def.ns, def.set);
  return "ok";
}

// The index name and namespace delete, exists and stat name. (After a bad
// index name the server goes on and appends more to its answer from an
// unset buffer; asim answers the error alone.)
std::variant<std::pair<std::string, std::string>, std::string> name_and_ns(
    const std::string& params) {
  const Param name = info::get(params, "indexname", kNameBuffer);
  if (auto e = info::required_error("indexname", name)) return *e;
  const Param ns = info::get_namespace_or_ns(params, info::kNamespaceBuffer);
  if (auto e = info::required_error("namespace", ns)) return *e;
  return std::pair{ns.value, name.value};
}

// A namespace the node must hold.
std::optional<std::string> local_namespace_error(const Cluster& cluster, const std::string& ns) {
  if (cluster.namespace_index(ns)) return std::nullopt;
  return error(kErrNamespace, "namespace not found on node");
}

// What the server reports of a built index that asim knows: it is fully
// loaded (asim has no index data, so entries and sizes are left out); a
// set index also counts its set's records.
std::string stats(const RecordStore& store, const Definition& def) {
  if (def.itype == "set")
    return fmt::format("entries={};load_pct=100", store.count(def.ns, &def.set, server_now()));
  return "load_pct=100";
}

std::string list_entry(const Definition& def) {
  auto or_null = [](const std::string& s) { return s.empty() ? std::string("null") : s; };
  return fmt::format(
      "ns={}:indexname={}:set={}:bin={}:type={}:indextype={}:context={}:exp={}:state=RW;", def.ns,
      def.name, or_null(def.set), or_null(def.bin), def.ktype, def.itype, or_null(def.context),
      or_null(def.exp));
}

// One of the two halves of sindex-list: every namespace, or the one named;
// a trailing ';' left off.
std::string list_half(const Cluster& cluster, const sindex::Catalog& catalog,
                      const std::string& params, bool set_indexes) {
  const Param ns = info::get_namespace_or_ns(params, 128);
  if (auto e = info::optional_error("namespace", ns)) return *e;
  if (ok(ns))
    if (auto e = local_namespace_error(cluster, ns.value)) return *e;
  if (!set_indexes) {
    const Param b64 = info::get(params, "b64", 6);
    if (auto e = info::optional_error("b64", b64)) return *e;
    if (ok(b64) && b64.value != "true" && b64.value != "false")
      return error(kErrParameter, "bad b64");
  }
  std::string out;
  for (const auto& space : cluster.namespaces()) {
    if (ok(ns) && space.spec.name != ns.value) continue;
    const auto defs =
        set_indexes ? catalog.set_indexes(space.spec.name) : catalog.secondary(space.spec.name);
    for (const Definition* def : defs)
      out += set_indexes ? fmt::format("ns={}:indexname={}:set={}:indextype=set;", def->ns,
                                       def->name, def->set)
                         : list_entry(*def);
  }
  if (!out.empty() && out.back() == ';') out.pop_back();
  return out;
}

std::string list(const Cluster& cluster, const sindex::Catalog& catalog,
                 const std::string& params) {
  std::string out = list_half(cluster, catalog, params, false) + ';';
  out += list_half(cluster, catalog, params, true);
  if (out.back() == ';') out.pop_back();
  return out;
}

// The older "sindex", "sindex/NS" and "sindex/NS/NAME".
std::string old_form(const Cluster& cluster, const RecordStore& store, const std::string& path) {
  const auto slash = path.find('/');
  const std::string ns = path.substr(0, slash);
  if (!path.empty() && !cluster.namespace_index(ns)) return "ns_type=unknown";
  if (slash == std::string::npos) {
    std::string out;
    for (const auto& space : cluster.namespaces()) {
      if (!path.empty() && space.spec.name != ns) continue;
      for (const Definition* def : store.sindexes().secondary(space.spec.name))
        out += list_entry(*def);
    }
    if (!out.empty()) out.pop_back();
    return out;
  }
  const Definition* def = store.sindexes().by_name(ns, path.substr(slash + 1));
  return def ? stats(store, *def) : error(kErrIndexNotFound, "no index");
}

std::string named(const Cluster& cluster, RecordStore& store, const std::string& name,
                  const std::string& params) {
  auto target = name_and_ns(params);
  if (auto* refusal = std::get_if<std::string>(&target)) return *refusal;
  const auto& [ns, index] = std::get<std::pair<std::string, std::string>>(target);
  sindex::Catalog& catalog = store.sindexes();
  if (name == "sindex-delete") {
    // Deleting what is not there succeeds, as on the server.
    catalog.remove(ns, index);
    return "ok";
  }
  if (auto e = local_namespace_error(cluster, ns)) return *e;
  const Definition* def = catalog.by_name(ns, index);
  if (name == "sindex-exists") return def ? "true" : "false";
  return def ? stats(store, *def) : error(kErrIndexNotFound, "no index");
}

}  // namespace

std::optional<std::string> sindex_command(const Cluster& cluster, RecordStore& store,
                                          const std::string& name, const std::string& params) {
  if (name == "sindex-create") return create(cluster, store, params);
  if (name == "sindex-list") return list(cluster, store.sindexes(), params);
  if (name == "sindex-delete" || name == "sindex-exists" || name == "sindex-stat")
    return named(cluster, store, name, params);
  if (name == "sindex") return old_form(cluster, store, params);
  return std::nullopt;
}

}  // namespace asim
