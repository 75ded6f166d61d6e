#include "query_index.h"

#include "cdt_msgpack.h"
#include "ops/base64.h"

#include <algorithm>
#include <numeric>

namespace asim::query {
namespace {

using aeroshim::proto::ResultCode;

constexpr uint8_t kParameter = static_cast<uint8_t>(ResultCode::kParameter);
constexpr uint8_t kUnsupported = static_cast<uint8_t>(ResultCode::kUnsupportedFeature);
constexpr uint8_t kInteger = 1;
constexpr uint8_t kString = 3;
constexpr uint8_t kBlob = 4;
constexpr uint8_t kMap = 19;
constexpr uint8_t kList = 20;
constexpr uint8_t kGeoJson = 23;

// Context item types (as_cdt_ctx.h), without the two create bits.
constexpr int64_t kCtxListIndex = 0x10;
constexpr int64_t kCtxListRank = 0x11;
constexpr int64_t kCtxListValue = 0x13;
constexpr int64_t kCtxMapIndex = 0x20;
constexpr int64_t kCtxMapRank = 0x21;
constexpr int64_t kCtxMapKey = 0x22;
constexpr int64_t kCtxMapValue = 0x23;

std::string base64(const std::string& raw) {
  std::string out((raw.size() + 2) / 3 * 4, '\0');
  aeroshim::b64_encode(reinterpret_cast<const uint8_t*>(raw.data()),
                       static_cast<uint32_t>(raw.size()), out.data());
  return out;
}

const char* ktype_name(uint8_t ktype) {
  switch (ktype) {
    case kInteger: return "numeric";
    case kString: return "string";
    case kBlob: return "blob";
    case kGeoJson: return "geo2dsphere";
    default: return "";
  }
}

const char* itype_name(IndexType t) {
  switch (t) {
    case IndexType::kDefault: return "default";
    case IndexType::kList: return "list";
    case IndexType::kMapKeys: return "mapkeys";
    case IndexType::kMapValues: return "mapvalues";
  }
  return "";
}

uint8_t ktype_of(const std::string& name) {
  if (name == "numeric") return kInteger;
  if (name == "string") return kString;
  if (name == "blob") return kBlob;
  if (name == "geo2dsphere") return kGeoJson;
  return 0;
}

IndexType itype_of(const std::string& name) {
  if (name == "list") return IndexType::kList;
  if (name == "mapkeys") return IndexType::kMapKeys;
  if (name == "mapvalues") return IndexType::kMapValues;
  return IndexType::kDefault;
}

// The positions of `items` (every `stride`-th from `first`) in value order.
std::vector<size_t> by_rank(const std::vector<std::string>& items, size_t first, size_t stride) {
  std::vector<size_t> order;
  for (size_t i = first; i < items.size(); i += stride) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return cdt::compare(items[a], items[b]) < 0; });
  return order;
}

std::optional<size_t> pick(const std::vector<size_t>& order, int64_t at) {
  const auto n = static_cast<int64_t>(order.size());
  if (at < 0) at += n;
  if (at < 0 || at >= n) return std::nullopt;
  return order[static_cast<size_t>(at)];
}

// One context step into `packed` (a list or map element): the element it
// names, or nullopt when there is none.
std::optional<std::string> step(const std::string& packed, int64_t type, const std::string& arg) {
  const bool map_step = type >= kCtxMapIndex;
  auto c = map_step ? cdt::decode_map(packed) : cdt::decode_list(packed);
  if (!c) return std::nullopt;
  const auto& items = c->items;
  std::optional<size_t> at;
  switch (type) {
    case kCtxListIndex: {
      std::vector<size_t> all(items.size());
      std::iota(all.begin(), all.end(), 0);
      at = pick(all, cdt::as_int(arg).value_or(INT64_MAX));
      break;
    }
    case kCtxListRank: at = pick(by_rank(items, 0, 1), cdt::as_int(arg).value_or(INT64_MAX)); break;
    case kCtxListValue:
      for (size_t i = 0; i < items.size() && !at; ++i)
        if (cdt::compare(items[i], arg) == 0) at = i;
      break;
    case kCtxMapIndex: {
      auto keys = by_rank(items, 0, 2);
      if (auto k = pick(keys, cdt::as_int(arg).value_or(INT64_MAX))) at = *k + 1;
      break;
    }
    case kCtxMapRank: at = pick(by_rank(items, 1, 2), cdt::as_int(arg).value_or(INT64_MAX)); break;
    case kCtxMapKey:
      for (size_t i = 0; i + 1 < items.size() && !at; i += 2)
        if (cdt::compare(items[i], arg) == 0) at = i + 1;
      break;
    case kCtxMapValue:
      for (size_t i = 1; i < items.size() && !at; i += 2)
        if (cdt::compare(items[i], arg) == 0) at = i;
      break;
    default: break;
  }
  if (!at) return std::nullopt;
  return items[*at];
}

bool known_ctx_type(int64_t t) {
  return t == kCtxListIndex || t == kCtxListRank || t == kCtxListValue || t == kCtxMapIndex ||
         t == kCtxMapRank || t == kCtxMapKey || t == kCtxMapValue;
}

}  // namespace

int64_t hash_bval(const std::string& bytes) {
  uint64_t h = 14695981039346656037ull;
  for (char c : bytes) {
    h ^= static_cast<uint8_t>(c);
    h *= 1099511628211ull;
  }
  return static_cast<int64_t>(h);
}

bool valid_context(const std::string& raw) {
  auto list = cdt::decode_list(raw);
  if (!list || list->items.empty() || list->items.size() % 2 != 0) return false;
  for (size_t i = 0; i < list->items.size(); i += 2) {
    auto t = cdt::as_int(list->items[i]);
    if (!t || !known_ctx_type(*t & 0x3F)) return false;
  }
  return true;
}

uint8_t find_index(const sindex::Catalog& catalog, const Request& request,
                   const sindex::Definition*& found) {
  found = nullptr;
  const Predicate& p = *request.where;
  if (!p.index_name.empty()) {
    const auto* def = catalog.by_name(request.ns, p.index_name);
    if (def && def->itype != "set") found = def;
    return found ? 0 : kIndexNotFound;
  }
  const std::string ctx = p.context.empty() ? "" : base64(p.context);
  const std::string exp = p.expression.empty() ? "" : base64(p.expression);
  for (const auto* def : catalog.secondary(request.ns)) {
    if (def->set == request.set && def->bin == p.bin && def->ktype == ktype_name(p.ktype) &&
        def->itype == itype_name(p.itype) && def->context == ctx && def->exp == exp) {
      found = def;
      return 0;
    }
  }
  return kIndexNotFound;
}

uint8_t IndexMatcher::init(const Predicate& predicate, const sindex::Definition& def) {
  p_ = predicate;
  if (!def.exp.empty()) return kUnsupported;
  bin_ = def.bin;
  ktype_ = ktype_of(def.ktype);
  itype_ = itype_of(def.itype);
  if (!def.context.empty()) {
    std::string raw(def.context.size() / 4 * 3, '\0');
    uint32_t n = 0;
    aeroshim::b64_decode(reinterpret_cast<const uint8_t*>(def.context.data()),
                         static_cast<uint32_t>(def.context.size()),
                         reinterpret_cast<uint8_t*>(raw.data()), &n);
    raw.resize(n);
    if (!valid_context(raw)) return kParameter;
    ctx_ = std::move(cdt::decode_list(raw)->items);
  }
  if (p_.ktype == kGeoJson) {
    geo_ = geo::parse(p_.value);
    if (!geo_) return kParameter;
  }
  return 0;
}

// A scalar index value of `type` (in the bin's wire form) against the predicate.
std::optional<int64_t> IndexMatcher::scalar(uint8_t type, const std::string& value) const {
  if (type != ktype_ || type != p_.ktype) return std::nullopt;
  switch (type) {
    case kInteger: {
      if (value.size() != 8) return std::nullopt;
      const auto v = static_cast<int64_t>(aeroshim::proto::read_be_u64(value));
      if (v < p_.begin || v > p_.end) return std::nullopt;
      return v;
    }
    case kString:
    case kBlob:
      if (value != p_.value) return std::nullopt;
      return hash_bval(value);
    case kGeoJson: {
      // Stored: flags byte, two cell-count bytes (no cells), the text.
      if (value.size() < 3) return std::nullopt;
      auto shape = geo::parse(std::string_view(value).substr(3));
      if (!shape || !geo::matches(*geo_, *shape)) return std::nullopt;
      return 0;
    }
    default: return std::nullopt;
  }
}

std::optional<int64_t> IndexMatcher::element(const std::string& msgpack) const {
  const CdtResult r = cdt::to_result(msgpack);
  if (!r.has) return std::nullopt;
  return scalar(r.particle_type, r.value);
}

// A list or map under a collection index: its elements, keys or values.
std::optional<int64_t> IndexMatcher::collection(uint8_t type, const std::string& msgpack) const {
  std::optional<cdt::Container> c;
  size_t first = 0;
  size_t stride = 1;
  if (type == kList && itype_ == IndexType::kList) {
    c = cdt::decode_list(msgpack);
  } else if (type == kMap && (itype_ == IndexType::kMapKeys || itype_ == IndexType::kMapValues)) {
    c = cdt::decode_map(msgpack);
    first = itype_ == IndexType::kMapKeys ? 0 : 1;
    stride = 2;
  }
  if (!c) return std::nullopt;
  std::optional<int64_t> best;
  for (size_t i = first; i < c->items.size(); i += stride) {
    auto v = element(c->items[i]);
    if (v && (!best || *v < *best)) best = v;
  }
  return best;
}

std::optional<int64_t> IndexMatcher::match(const Record& r) const {
  const auto bin =
      std::find_if(r.bins.begin(), r.bins.end(), [&](const Bin& b) { return b.name == bin_; });
  if (bin == r.bins.end()) return std::nullopt;
  uint8_t type = bin->particle_type;
  std::string value = bin->value;
  if (!ctx_.empty()) {
    if (type != kList && type != kMap) return std::nullopt;
    for (size_t i = 0; i < ctx_.size(); i += 2) {
      auto next = step(value, *cdt::as_int(ctx_[i]) & 0x3F, ctx_[i + 1]);
      if (!next) return std::nullopt;
      value = std::move(*next);
    }
    const CdtResult e = cdt::to_result(value);
    if (!e.has) return std::nullopt;
    type = e.particle_type;
    value = e.value;
  }
  if (type == kList || type == kMap) return collection(type, value);
  if (itype_ != IndexType::kDefault) return std::nullopt;
  return scalar(type, value);
}

}  // namespace asim::query
