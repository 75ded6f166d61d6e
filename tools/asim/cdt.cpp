#include "cdt.h"

#include "cdt_msgpack.h"
#include "proto/message.h"

#include <algorithm>
#include <numeric>

namespace asim {
namespace {

using namespace cdt;  // NOLINT(google-build-using-namespace): this file is the CDT engine
using aeroshim::proto::ParticleType;
using aeroshim::proto::ResultCode;

constexpr uint8_t code(ResultCode c) { return static_cast<uint8_t>(c); }
const uint8_t kParameter = code(ResultCode::kParameter);
const uint8_t kNotApplicable = code(ResultCode::kOpNotApplicable);
constexpr uint8_t kListType = static_cast<uint8_t>(ParticleType::kList);
constexpr uint8_t kMapType = static_cast<uint8_t>(ParticleType::kMap);
constexpr uint64_t kInverted = 0x10000;
constexpr uint64_t kNoIndex = UINT64_MAX;
// Every element takes a byte at least, and a record at most 1 MiB.
constexpr int64_t kMaxElements = int64_t{1} << 20;
// Context levels asim follows (each costs a stack frame).
constexpr size_t kMaxContextItems = size_t{2} * 256;

// Result types of the server's cdt_result_data.
enum Rt : uint64_t {
  kNone = 0,
  kIndex = 1,
  kRevIndex = 2,
  kRank = 3,
  kRevRank = 4,
  kCount = 5,
  kKey = 6,
  kValue = 7,
  kKeyValue = 8,
  kExists = 13,
  kUnorderedMap = 16,
  kOrderedMap = 17,
};

// An op's elements in index order: values, and keys for a map.
struct View {
  std::vector<std::string> keys;
  std::vector<std::string> values;
  bool is_map = false;
};

std::vector<uint32_t> ranks_of(const std::vector<std::string>& values) {
  std::vector<uint32_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return compare(values[a], values[b]) < 0; });
  std::vector<uint32_t> rank(values.size());
  for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  return rank;
}

// Positions of index order sorted by value: position r holds the element of rank r.
std::vector<uint32_t> by_rank(const std::vector<std::string>& values) {
  std::vector<uint32_t> rank = ranks_of(values);
  std::vector<uint32_t> out(values.size());
  for (uint32_t i = 0; i < rank.size(); ++i) out[rank[i]] = i;
  return out;
}

std::vector<std::string> pairs_of(const View& v, const std::vector<uint32_t>& picked) {
  std::vector<std::string> out;
  for (uint32_t i : picked) {
    out.push_back(v.keys[i]);
    out.push_back(v.values[i]);
  }
  return out;
}

std::vector<std::string> numbers(const std::vector<uint32_t>& picked,
                                 const std::vector<uint32_t>* map, bool reverse, uint32_t n) {
  std::vector<std::string> out;
  for (uint32_t i : picked) {
    const uint32_t x = map ? (*map)[i] : i;
    out.push_back(pack_int(reverse ? n - 1 - x : x));
  }
  return out;
}

uint8_t index_result(uint64_t rt, bool multi, const std::vector<uint32_t>& picked, const View& v,
                     CdtResult& out) {
  const auto n = static_cast<uint32_t>(v.values.size());
  const bool reverse = rt == kRevIndex || rt == kRevRank;
  std::vector<uint32_t> ranks;
  if (rt == kRank || rt == kRevRank) ranks = ranks_of(v.values);
  const std::vector<uint32_t>* map = ranks.empty() ? nullptr : &ranks;
  if (multi) {
    out = list_result(numbers(picked, map, reverse, n));
  } else if (picked.empty()) {
    out = int_result(-1);
  } else {
    out = int_result(*as_int(numbers(picked, map, reverse, n).front()));
  }
  return 0;
}

uint8_t value_result(uint64_t rt, bool multi, const std::vector<uint32_t>& picked, const View& v,
                     CdtResult& out) {
  if (rt == kKey && !v.is_map) return kParameter;
  const auto& source = rt == kKey ? v.keys : v.values;
  if (!multi) {
    if (!picked.empty()) out = to_result(source[picked.front()]);
    return 0;
  }
  std::vector<std::string> items;
  items.reserve(picked.size());
  for (uint32_t i : picked) items.push_back(source[i]);
  out = list_result(items);
  return 0;
}

// The answer for the elements an op chose (positions in index order,
// ascending), as the op's return type asks.
uint8_t make_result(uint64_t rt, bool multi, const std::vector<uint32_t>& picked, const View& v,
                    CdtResult& out) {
  switch (rt) {
    case kNone: return 0;
    case kIndex:
    case kRevIndex:
    case kRank:
    case kRevRank: return index_result(rt, multi, picked, v, out);
    case kCount: out = int_result(static_cast<int64_t>(picked.size())); return 0;
    case kExists: out = bool_result(!picked.empty()); return 0;
    case kKey:
    case kValue: return value_result(rt, multi, picked, v, out);
    case kKeyValue:
    case kUnorderedMap:
    case kOrderedMap:
      if (!v.is_map) return kParameter;
      out = map_result(pairs_of(v, picked));
      return 0;
    default: return kParameter;
  }
}

// The server's calc_index_count for ranges: a start (negative from the
// end) and a count clipped to the elements there are.
void clip_range(int64_t index, uint64_t count, uint32_t n, uint32_t& start, uint32_t& len) {
  if (index >= static_cast<int64_t>(n)) {
    start = n;
    len = 0;
  } else if (index < 0 && index + static_cast<int64_t>(n) < 0) {
    const uint64_t before = static_cast<uint64_t>(-(index + static_cast<int64_t>(n)));
    start = 0;
    len = count > before ? static_cast<uint32_t>(std::min<uint64_t>(count - before, n)) : 0;
  } else {
    start = static_cast<uint32_t>(index < 0 ? index + n : index);
    len = static_cast<uint32_t>(std::min<uint64_t>(count, n - start));
  }
}

std::optional<uint32_t> single_index(int64_t index, uint32_t n) {
  if (index >= static_cast<int64_t>(n)) return std::nullopt;
  const int64_t i = index < 0 ? index + n : index;
  if (i < 0) return std::nullopt;
  return static_cast<uint32_t>(i);
}

std::vector<uint32_t> complement(const std::vector<uint32_t>& picked, uint32_t n) {
  std::vector<bool> in(n, false);
  for (uint32_t i : picked) in[i] = true;
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < n; ++i)
    if (!in[i]) out.push_back(i);
  return out;
}

struct OpArgs {
  std::vector<std::string> v;
  bool has(size_t i) const { return i < v.size(); }
  std::optional<int64_t> integer(size_t i, int64_t fallback) const {
    if (!has(i)) return fallback;
    return as_int(v[i]);
  }
};

bool contains(const std::vector<std::string>& items, const std::string& x) {
  return std::any_of(items.begin(), items.end(),
                     [&](const std::string& i) { return compare(i, x) == 0; });
}

// ---- Selecting elements: by index, rank, value or key, to read or remove.

enum class Pick {
  kIndex,
  kIndexRange,
  kRank,
  kRankRange,
  kValue,
  kKey,
  kValueInterval,
  kKeyInterval,  // [begin, end): no end, no upper bound
  kValueList,
  kKeyList,  // equal to any element of a list argument
  kValueRelRank,
  kKeyRelIndex,  // [value, offset, count]: ranks / indexes from a value's place
};

struct SelectOp {
  uint16_t code;
  bool is_map;
  Pick how;
  bool remove;
  uint64_t fixed_rt;  // kNoIndex: the first argument is the return type
};

constexpr SelectOp kSelectOps[] = {
    {5, false, Pick::kIndex, true, kValue},                    // pop
    {6, false, Pick::kIndexRange, true, kValue},               // pop_range
    {7, false, Pick::kIndex, true, kCount},                    // remove
    {8, false, Pick::kIndexRange, true, kCount},               // remove_range
    {10, false, Pick::kIndexRange, true, kCount | kInverted},  // trim
    {17, false, Pick::kIndex, false, kValue},                  // get
    {18, false, Pick::kIndexRange, false, kValue},             // get_range
    {19, false, Pick::kIndex, false, kNoIndex},                // get_by_index
    {21, false, Pick::kRank, false, kNoIndex},                 // get_by_rank
    {22, false, Pick::kValue, false, kNoIndex},                // get_all_by_value
    {23, false, Pick::kValueList, false, kNoIndex},            // get_by_value_list
    {25, false, Pick::kValueInterval, false, kNoIndex},        // get_by_value_interval
    {24, false, Pick::kIndexRange, false, kNoIndex},           // get_by_index_range
    {26, false, Pick::kRankRange, false, kNoIndex},            // get_by_rank_range
    {27, false, Pick::kValueRelRank, false, kNoIndex},         // get_by_value_rel_rank_range
    {32, false, Pick::kIndex, true, kNoIndex},                 // remove_by_index
    {34, false, Pick::kRank, true, kNoIndex},                  // remove_by_rank
    {35, false, Pick::kValue, true, kNoIndex},                 // remove_all_by_value
    {36, false, Pick::kValueList, true, kNoIndex},             // remove_by_value_list
    {38, false, Pick::kValueInterval, true, kNoIndex},         // remove_by_value_interval
    {37, false, Pick::kIndexRange, true, kNoIndex},            // remove_by_index_range
    {39, false, Pick::kRankRange, true, kNoIndex},             // remove_by_rank_range
    {40, false, Pick::kValueRelRank, true, kNoIndex},          // remove_by_value_rel_rank_range
    {76, true, Pick::kKey, true, kNoIndex},                    // map remove_by_key
    {77, true, Pick::kIndex, true, kNoIndex},                  // map remove_by_index
    {79, true, Pick::kRank, true, kNoIndex},                   // map remove_by_rank
    {81, true, Pick::kKeyList, true, kNoIndex},                // map remove_by_key_list
    {82, true, Pick::kValue, true, kNoIndex},                  // map remove_all_by_value
    {83, true, Pick::kValueList, true, kNoIndex},              // map remove_by_value_list
    {84, true, Pick::kKeyInterval, true, kNoIndex},            // map remove_by_key_interval
    {85, true, Pick::kIndexRange, true, kNoIndex},             // map remove_by_index_range
    {86, true, Pick::kValueInterval, true, kNoIndex},          // map remove_by_value_interval
    {87, true, Pick::kRankRange, true, kNoIndex},              // map remove_by_rank_range
    {88, true, Pick::kKeyRelIndex, true, kNoIndex},            // map remove_by_key_rel_index_range
    {89, true, Pick::kValueRelRank, true, kNoIndex},           // map remove_by_value_rel_rank_range
    {97, true, Pick::kKey, false, kNoIndex},                   // map get_by_key
    {98, true, Pick::kIndex, false, kNoIndex},                 // map get_by_index
    {100, true, Pick::kRank, false, kNoIndex},                 // map get_by_rank
    {102, true, Pick::kValue, false, kNoIndex},                // map get_all_by_value
    {103, true, Pick::kKeyInterval, false, kNoIndex},          // map get_by_key_interval
    {104, true, Pick::kIndexRange, false, kNoIndex},           // map get_by_index_range
    {105, true, Pick::kValueInterval, false, kNoIndex},        // map get_by_value_interval
    {106, true, Pick::kRankRange, false, kNoIndex},            // map get_by_rank_range
    {107, true, Pick::kKeyList, false, kNoIndex},              // map get_by_key_list
    {108, true, Pick::kValueList, false, kNoIndex},            // map get_by_value_list
    {109, true, Pick::kKeyRelIndex, false, kNoIndex},          // map get_by_key_rel_index_range
    {110, true, Pick::kValueRelRank, false, kNoIndex},         // map get_by_value_rel_rank_range
};

const SelectOp* select_op(uint16_t op) {
  for (const auto& s : kSelectOps)
    if (s.code == op) return &s;
  return nullptr;
}

bool is_relative(Pick how) { return how == Pick::kValueRelRank || how == Pick::kKeyRelIndex; }

// Selectors whose last argument may be left out (count, interval end).
bool is_range(Pick how) {
  return how == Pick::kIndexRange || how == Pick::kRankRange || how == Pick::kValueInterval ||
         how == Pick::kKeyInterval || is_relative(how);
}

// The server's calc_rel_index_count: ranks (or key indexes) from where
// `value` would sit, moved by an offset; a start before 0 eats into the count.
uint8_t pick_relative(Pick how, const OpArgs& a, size_t at, const View& v,
                      std::vector<uint32_t>& out) {
  const bool keys = how == Pick::kKeyRelIndex;
  const auto& source = keys ? v.keys : v.values;
  auto offset = as_int(a.v[at + 1]);
  std::optional<int64_t> count =
      a.has(at + 2) ? as_int(a.v[at + 2]) : std::optional<int64_t>(UINT32_MAX);
  if (!offset || !count || *count < 0) return kParameter;
  int64_t base = 0;
  for (const auto& x : source) base += compare(x, a.v[at]) < 0 ? 1 : 0;
  int64_t start = base + *offset;
  auto left = static_cast<uint64_t>(*count);
  if (start < 0) {
    left = left > static_cast<uint64_t>(-start) ? left - static_cast<uint64_t>(-start) : 0;
    start = 0;
  }
  uint32_t first = 0;
  uint32_t len = 0;
  clip_range(start, left, static_cast<uint32_t>(source.size()), first, len);
  const std::vector<uint32_t> order = keys ? std::vector<uint32_t>() : by_rank(v.values);
  for (uint32_t r = first; r < first + len; ++r) out.push_back(keys ? r : order[r]);
  std::sort(out.begin(), out.end());
  return 0;
}

bool is_multi(Pick how) { return how != Pick::kIndex && how != Pick::kRank && how != Pick::kKey; }

// Selection by value: equal, in [begin, end), or equal to one of a list.
uint8_t pick_by_value(Pick how, const OpArgs& a, size_t at, const View& v,
                      std::vector<uint32_t>& out) {
  const bool keys = how == Pick::kKey || how == Pick::kKeyInterval || how == Pick::kKeyList;
  const auto& source = keys ? v.keys : v.values;
  std::vector<std::string> wanted{a.v[at]};
  if (how == Pick::kValueList || how == Pick::kKeyList) {
    auto given = decode_list(a.v[at]);
    if (!given) return kParameter;
    wanted = given->items;
  }
  const bool interval = how == Pick::kValueInterval || how == Pick::kKeyInterval;
  for (uint32_t i = 0; i < source.size(); ++i) {
    bool hit = false;
    if (interval) {
      hit = compare(source[i], a.v[at]) >= 0 &&
            (!a.has(at + 1) || compare(source[i], a.v[at + 1]) < 0);
    } else {
      hit = contains(wanted, source[i]);
    }
    if (hit) out.push_back(i);
  }
  return 0;
}

// The positions (index order, ascending) `how` chooses among the view's
// elements; args[at] onwards are the selector's arguments.
uint8_t pick(Pick how, const OpArgs& a, size_t at, const View& v, std::vector<uint32_t>& out) {
  const auto n = static_cast<uint32_t>(v.values.size());
  if (is_relative(how)) return pick_relative(how, a, at, v, out);
  if (how != Pick::kIndex && how != Pick::kIndexRange && how != Pick::kRank &&
      how != Pick::kRankRange)
    return pick_by_value(how, a, at, v, out);
  auto index = a.integer(at, 0);
  if (!index) return kParameter;
  const bool by_rank_order = how == Pick::kRank || how == Pick::kRankRange;
  std::vector<uint32_t> order;
  if (by_rank_order) order = by_rank(v.values);
  if (!is_range(how)) {
    auto i = single_index(*index, n);
    if (!i) return kNotApplicable;
    out.push_back(by_rank_order ? order[*i] : *i);
    return 0;
  }
  std::optional<int64_t> count =
      a.has(at + 1) ? as_int(a.v[at + 1]) : std::optional<int64_t>(UINT32_MAX);
  if (!count) return kParameter;
  uint32_t start = 0;
  uint32_t len = 0;
  clip_range(*index, static_cast<uint64_t>(*count), n, start, len);
  for (uint32_t i = start; i < start + len; ++i) out.push_back(by_rank_order ? order[i] : i);
  std::sort(out.begin(), out.end());
  return 0;
}

// Keys and values in index order; for a map that is key order, and
// `storage` maps each index to its pair in the particle.
View view_of(const Container& c, bool is_map, std::vector<uint32_t>& storage) {
  View v;
  v.is_map = is_map;
  if (!is_map) {
    v.values = c.items;
    storage.resize(c.items.size());
    std::iota(storage.begin(), storage.end(), 0);
    return v;
  }
  const size_t pairs = c.items.size() / 2;
  storage.resize(pairs);
  std::iota(storage.begin(), storage.end(), 0);
  std::stable_sort(storage.begin(), storage.end(), [&](uint32_t a, uint32_t b) {
    return compare(c.items[size_t{2} * a], c.items[size_t{2} * b]) < 0;
  });
  v.keys.reserve(pairs);
  v.values.reserve(pairs);
  for (uint32_t p : storage) {
    v.keys.push_back(c.items[size_t{2} * p]);
    v.values.push_back(c.items[size_t{2} * p + 1]);
  }
  return v;
}

void erase_picked(Container& c, bool is_map, const std::vector<uint32_t>& picked,
                  const std::vector<uint32_t>& storage) {
  std::vector<uint32_t> doomed;
  doomed.reserve(picked.size());
  for (uint32_t i : picked) doomed.push_back(storage[i]);
  std::sort(doomed.rbegin(), doomed.rend());
  for (uint32_t s : doomed) {
    if (is_map) {
      const auto first = c.items.begin() + static_cast<ptrdiff_t>(2) * s;
      c.items.erase(first, first + 2);
    } else {
      c.items.erase(c.items.begin() + s);
    }
  }
}

uint8_t run_select(const SelectOp& s, const OpArgs& a, Container& c, bool& changed,
                   CdtResult& out) {
  const size_t at = s.fixed_rt == kNoIndex ? 1 : 0;
  const size_t need = at + (is_relative(s.how) ? 2 : 1);
  const size_t most = need + (is_range(s.how) ? 1 : 0);
  if (a.v.size() < need || a.v.size() > most) return kParameter;
  if (s.how == Pick::kIndexRange && s.code == 10 && a.v.size() != 2) return kParameter;
  uint64_t rt = s.fixed_rt;
  if (rt == kNoIndex) {
    auto given = as_int(a.v[0]);
    if (!given) return kParameter;
    rt = static_cast<uint64_t>(*given);
  }
  const bool multi = is_multi(s.how);
  std::vector<uint32_t> storage;
  const View v = view_of(c, s.is_map, storage);
  std::vector<uint32_t> picked;
  if (const uint8_t rc = pick(s.how, a, at, v, picked)) return rc;
  if (rt & kInverted) {
    if (!multi) return kNotApplicable;
    picked = complement(picked, static_cast<uint32_t>(v.values.size()));
  }
  if (const uint8_t rc = make_result(rt & 0xFFFF, multi, picked, v, out)) return rc;
  if (s.remove && !picked.empty()) {
    erase_picked(c, s.is_map, picked, storage);
    changed = true;
  }
  return 0;
}

// ---- List writes.

constexpr uint64_t kUnique = 1;
constexpr uint64_t kBounded = 2;
constexpr uint64_t kNoFail = 4;
constexpr uint64_t kPartial = 8;
constexpr uint8_t kOrderedList = 1;

uint8_t exists_or_ok(uint64_t mod) {
  return (mod & kNoFail) ? 0 : code(ResultCode::kElementExists);
}

void sorted_insert(std::vector<std::string>& items, const std::string& x) {
  auto at = std::upper_bound(
      items.begin(), items.end(), x,
      [](const std::string& a, const std::string& b) { return compare(a, b) < 0; });
  items.insert(at, x);
}

// The unique-flag filter of the server's packed_list_insert: which of `add`
// go in, or the code the whole op ends with (`done` then says it is over).
uint8_t unique_filter(const Container& c, std::vector<std::string>& add, uint64_t mod, bool& done) {
  std::vector<std::string> kept;
  for (size_t i = 0; i < add.size(); ++i) {
    const bool in_list = contains(c.items, add[i]);
    bool repeated = false;
    for (size_t j = 0; j < i && !in_list && !repeated; ++j) repeated = compare(add[j], add[i]) == 0;
    if (!in_list && !repeated) {
      kept.push_back(add[i]);
      continue;
    }
    if (repeated && !(mod & kNoFail)) return done = true, kNotApplicable;
    if (!(mod & kPartial)) return done = true, repeated ? 0 : exists_or_ok(mod);
  }
  if (kept.empty()) return done = true, exists_or_ok(mod);
  add = std::move(kept);
  return 0;
}

uint8_t list_insert(Container& c, int64_t index, std::vector<std::string> add, uint64_t mod,
                    CdtResult* out) {
  const auto n = static_cast<int64_t>(c.items.size());
  if (out) *out = int_result(n);
  if (add.empty()) return 0;
  const int64_t at = index < 0 ? index + n : index;
  if (index > INT32_MAX || at < 0) return kNotApplicable;
  if ((mod & kBounded) && at > n) return (mod & kNoFail) ? 0 : kNotApplicable;
  if (mod & kUnique) {
    bool done = false;
    if (const uint8_t rc = unique_filter(c, add, mod, done); done) return rc;
  }
  // Padding past what a record can hold is refused up front; the server
  // builds the list and then fails to store it.
  if (at > kMaxElements) return code(ResultCode::kRecordTooBig);
  if (at > n) c.items.resize(static_cast<size_t>(at), std::string(1, '\xc0'));
  c.items.insert(c.items.begin() + at, add.begin(), add.end());
  if (out) *out = int_result(static_cast<int64_t>(c.items.size()));
  return 0;
}

uint8_t list_add_ordered(Container& c, std::vector<std::string> add, uint64_t mod, CdtResult& out) {
  out = int_result(static_cast<int64_t>(c.items.size()));
  if (mod & kUnique) {
    bool done = false;
    if (const uint8_t rc = unique_filter(c, add, mod, done); done) return rc;
  }
  for (const auto& x : add) sorted_insert(c.items, x);
  out = int_result(static_cast<int64_t>(c.items.size()));
  return 0;
}

uint8_t list_set(Container& c, int64_t index, const std::string& value, uint64_t mod) {
  if (c.flags & kOrderedList) return kNotApplicable;
  const auto n = static_cast<int64_t>(c.items.size());
  if (index >= n) return list_insert(c, index, {value}, mod, nullptr);
  const int64_t at = index < 0 ? index + n : index;
  if (at < 0) return kNotApplicable;
  if (mod & kUnique) {
    for (int64_t i = 0; i < n; ++i)
      if (i != at && compare(c.items[i], value) == 0) return exists_or_ok(mod);
  }
  c.items[at] = value;
  return 0;
}

// The server's cdt_calc_delta: an integer or double delta (nil or absent:
// 1) added to an integer or double element (absent: 0), the element's type
// winning.
uint8_t add_delta(const std::string* current, const std::string* delta, bool negate,
                  std::string& packed, CdtResult& out) {
  std::optional<int64_t> di = 1;
  std::optional<double> dd = 1.0;
  bool delta_double = false;
  if (delta && !is_nil(*delta)) {
    di = as_int(*delta);
    dd = as_double(*delta);
    if (!di && !dd) return kParameter;
    delta_double = !di;
    if (di) dd = static_cast<double>(*di);
    if (dd && !di) di = static_cast<int64_t>(*dd);
  }
  if (negate) {
    di = -*di;
    dd = -*dd;
  }
  bool result_double = delta_double;
  int64_t vi = 0;
  double vd = 0;
  if (current) {
    if (auto i = as_int(*current)) {
      vi = *i;
      result_double = false;
    } else if (auto d = as_double(*current)) {
      vd = *d;
      result_double = true;
    } else {
      return kParameter;
    }
  }
  if (result_double) {
    vd += delta_double ? *dd : static_cast<double>(*di);
    packed = pack_double(vd);
  } else {
    vi += delta_double ? static_cast<int64_t>(*dd) : *di;
    packed = pack_int(vi);
  }
  out = to_result(packed);
  return 0;
}

uint8_t list_increment(Container& c, const OpArgs& a, CdtResult& out) {
  auto index = a.integer(0, 0);
  auto mod = a.integer(3, 0);
  if (!index || !mod) return kParameter;
  const auto n = static_cast<int64_t>(c.items.size());
  const int64_t at = *index < 0 ? *index + n : *index;
  if (*index > INT32_MAX || at < 0) return kNotApplicable;
  std::string packed;
  const std::string* current = at < n ? &c.items[at] : nullptr;
  if (const uint8_t rc = add_delta(current, a.has(1) ? &a.v[1] : nullptr, false, packed, out))
    return rc;
  if (c.flags & kOrderedList) {
    if (at < n) c.items.erase(c.items.begin() + at);
    sorted_insert(c.items, packed);
    return 0;
  }
  return list_set(c, at, packed, static_cast<uint64_t>(*mod));
}

void list_sort(Container& c, uint64_t flags) {
  auto less = [](const std::string& a, const std::string& b) { return compare(a, b) < 0; };
  std::stable_sort(c.items.begin(), c.items.end(), less);
  if (flags & 1) std::reverse(c.items.begin(), c.items.end());
  if (flags & 2) {
    auto same = [](const std::string& a, const std::string& b) { return compare(a, b) == 0; };
    c.items.erase(std::unique(c.items.begin(), c.items.end(), same), c.items.end());
  }
}

// append 1 [value, create flags, write flags], append_items 2 (a list for
// the value), insert 3 [index, value, write flags], insert_items 4.
uint8_t list_add(uint16_t op, const OpArgs& a, Container& c, CdtResult& out) {
  const bool insert = op == 3 || op == 4;
  const size_t value_at = insert ? 1 : 0;
  auto index =
      insert ? a.integer(0, 0) : std::optional<int64_t>(static_cast<int64_t>(c.items.size()));
  auto mod = a.integer(2, 0);
  if (a.v.size() <= value_at || a.v.size() > 3 || !index || !mod) return kParameter;
  std::vector<std::string> add{a.v[value_at]};
  if (op == 2 || op == 4) {
    auto items = decode_list(a.v[value_at]);
    if (!items) return kParameter;
    add = items->items;
  }
  const auto flags = static_cast<uint64_t>(*mod);
  if (c.flags & kOrderedList) return insert ? kNotApplicable : list_add_ordered(c, add, flags, out);
  return list_insert(c, *index, add, flags, &out);
}

// One list write op (not a selection) on `c`.
uint8_t list_write(uint16_t op, const OpArgs& a, Container& c, CdtResult& out) {
  switch (op) {
    case 0: {  // set_type
      auto flags = a.integer(0, -1);
      if (!flags || *flags < 0 || a.v.size() != 1) return kParameter;
      c.flags = static_cast<uint8_t>(*flags & kOrderedList);
      if (c.flags) list_sort(c, 0);
      return 0;
    }
    case 1:  // append
    case 2:  // append_items
    case 3:  // insert
    case 4:  // insert_items
      return list_add(op, a, c, out);
    case 9: {  // set
      auto index = a.integer(0, 0);
      auto mod = a.integer(2, 0);
      if (a.v.size() < 2 || a.v.size() > 3 || !index || !mod) return kParameter;
      return list_set(c, *index, a.v[1], static_cast<uint64_t>(*mod));
    }
    case 11:  // clear
      if (!a.v.empty()) return kParameter;
      c.items.clear();
      return 0;
    case 12:  // increment
      if (a.v.empty() || a.v.size() > 4) return kParameter;
      return list_increment(c, a, out);
    case 13: {  // sort
      auto flags = a.integer(0, -1);
      if (a.v.size() != 1 || !flags || *flags < 0) return kParameter;
      list_sort(c, static_cast<uint64_t>(*flags));
      return 0;
    }
    case 16:  // size
      if (!a.v.empty()) return kParameter;
      out = int_result(static_cast<int64_t>(c.items.size()));
      return 0;
    default: return kParameter;
  }
}

// ---- Map writes.

constexpr uint64_t kNoOverwrite = 1;
constexpr uint64_t kNoCreate = 2;
constexpr uint8_t kKeyOrdered = 1;

struct AddControl {
  bool overwrite = true;
  bool create = true;
  bool no_fail = false;
  bool partial = false;
};

AddControl control_from(uint64_t mod) {
  return AddControl{!(mod & kNoOverwrite), !(mod & kNoCreate), (mod & kNoFail) != 0,
                    (mod & kPartial) != 0};
}

std::optional<size_t> find_key(const Container& c, const std::string& key) {
  for (size_t p = 0; p * 2 < c.items.size(); ++p)
    if (compare(c.items[2 * p], key) == 0) return p;
  return std::nullopt;
}

void map_store(Container& c, const std::string& key, const std::string& value) {
  if (auto p = find_key(c, key)) {
    c.items[2 * *p + 1] = value;
    return;
  }
  size_t at = c.items.size() / 2;
  if (c.flags & kKeyOrdered) {
    at = 0;
    while (at * 2 < c.items.size() && compare(c.items[2 * at], key) < 0) ++at;
  }
  c.items.insert(c.items.begin() + static_cast<ptrdiff_t>(2 * at), {key, value});
}

// 0 when the pair may be stored; a code (or 0 with `skip`) when it may not.
uint8_t may_store(const Container& c, const std::string& key, const AddControl& ctl, bool& skip) {
  if (!is_map_key(key)) return kParameter;
  const bool found = find_key(c, key).has_value();
  skip = false;
  if (found && !ctl.overwrite) {
    skip = true;
    return ctl.no_fail ? 0 : code(ResultCode::kElementExists);
  }
  if (!found && !ctl.create) {
    skip = true;
    return ctl.no_fail ? 0 : code(ResultCode::kElementNotFound);
  }
  return 0;
}

uint8_t map_add(Container& c, const std::string& key, const std::string& value,
                const AddControl& ctl, CdtResult& out) {
  bool skip = false;
  if (const uint8_t rc = may_store(c, key, ctl, skip)) return rc;
  if (!skip) map_store(c, key, value);
  out = int_result(static_cast<int64_t>(c.items.size() / 2));
  return 0;
}

uint8_t map_add_items(Container& c, const std::string& packed, const AddControl& ctl,
                      CdtResult& out) {
  auto items = decode_map(packed);
  if (!items) return kParameter;
  Container next = c;
  for (size_t p = 0; p * 2 < items->items.size(); ++p) {
    bool skip = false;
    if (const uint8_t rc = may_store(next, items->items[2 * p], ctl, skip)) return rc;
    if (skip && !ctl.partial) {
      next = c;  // one refused pair without the partial flag leaves the map as it was
      break;
    }
    if (!skip) map_store(next, items->items[2 * p], items->items[2 * p + 1]);
  }
  c = std::move(next);
  out = int_result(static_cast<int64_t>(c.items.size() / 2));
  return 0;
}

uint8_t map_increment(Container& c, const OpArgs& a, bool negate, CdtResult& out) {
  if (a.v.empty() || a.v.size() > 3 || !is_map_key(a.v[0])) return kParameter;
  auto p = find_key(c, a.v[0]);
  std::string packed;
  const std::string* current = p ? &c.items[2 * *p + 1] : nullptr;
  if (const uint8_t rc = add_delta(current, a.has(1) ? &a.v[1] : nullptr, negate, packed, out))
    return rc;
  map_store(c, a.v[0], packed);
  return 0;
}

void map_set_type(Container& c, uint8_t flags) {
  c.flags = flags & 3;
  if (!(c.flags & kKeyOrdered)) return;
  std::vector<uint32_t> storage;
  const View v = view_of(c, true, storage);
  c.items.clear();
  for (size_t i = 0; i < v.keys.size(); ++i)
    c.items.insert(c.items.end(), {v.keys[i], v.values[i]});
}

uint8_t map_write(uint16_t op, const OpArgs& a, Container& c, CdtResult& out) {
  auto mod = a.integer(3, 0);
  if (!mod) return kParameter;
  switch (op) {
    case 64: {  // set_type
      auto flags = a.integer(0, -1);
      if (a.v.size() != 1 || !flags || *flags < 0) return kParameter;
      map_set_type(c, static_cast<uint8_t>(*flags));
      return 0;
    }
    case 65:  // add
      if (a.v.size() < 2 || a.v.size() > 3) return kParameter;
      return map_add(c, a.v[0], a.v[1], AddControl{false, true}, out);
    case 66:  // add_items
      if (a.v.empty() || a.v.size() > 2) return kParameter;
      return map_add_items(c, a.v[0], AddControl{false, true}, out);
    case 67:  // put
      if (a.v.size() < 2 || a.v.size() > 4) return kParameter;
      return map_add(c, a.v[0], a.v[1], control_from(static_cast<uint64_t>(*mod)), out);
    case 68: {  // put_items
      auto items_mod = a.integer(2, 0);
      if (a.v.empty() || a.v.size() > 3 || !items_mod) return kParameter;
      return map_add_items(c, a.v[0], control_from(static_cast<uint64_t>(*items_mod)), out);
    }
    case 69:  // replace
      if (a.v.size() != 2) return kParameter;
      return map_add(c, a.v[0], a.v[1], AddControl{true, false}, out);
    case 70:  // replace_items
      if (a.v.size() != 1) return kParameter;
      return map_add_items(c, a.v[0], AddControl{true, false}, out);
    case 73:  // increment
    case 74:  // decrement
      return map_increment(c, a, op == 74, out);
    case 75:  // clear
      if (!a.v.empty()) return kParameter;
      c.items.clear();
      return 0;
    case 96:  // size
      if (!a.v.empty()) return kParameter;
      out = int_result(static_cast<int64_t>(c.items.size() / 2));
      return 0;
    default: return kParameter;
  }
}

// ---- The op as a whole.

bool is_read_op(uint16_t op) {
  const SelectOp* s = select_op(op);
  return (s && !s->remove) || op == 16 || op == 96;
}

// Ops that leave a missing bin missing and answer nothing.
bool noop_when_missing(uint16_t op) {
  const SelectOp* s = select_op(op);
  return (s && s->remove) || op == 11 || op == 75;
}

// The order flags a modify op creates a missing bin's list or map with.
uint8_t create_flags(uint16_t op, const OpArgs& a) {
  size_t at = SIZE_MAX;
  if (op == 1 || op == 2 || op == 65 || op == 67 || op == 73 || op == 74) at = op <= 2 ? 1 : 2;
  if (op == 12) at = 2;
  if (op == 66 || op == 68) at = 1;
  if (at == SIZE_MAX || !a.has(at)) return 0;
  auto flags = as_int(a.v[at]);
  if (!flags || *flags < 0) return 0;
  return static_cast<uint8_t>(*flags & (op < 64 ? kOrderedList : 3));
}

// [op, args...], or with a context [0xff, [type, value, ...], [op, args...]].
uint8_t parse(const std::string& payload, uint16_t& op, OpArgs& args,
              std::vector<std::string>& ctx) {
  auto top = decode_list(payload);
  if (!top || top->flags != 0 || top->items.empty()) return kParameter;
  auto code_value = as_int(top->items[0]);
  if (!code_value || *code_value < 0 || *code_value > 0xFF) return kParameter;
  if (*code_value == 0xFF) {
    if (top->items.size() != 3) return kParameter;
    auto path = decode_list(top->items[1]);
    if (!path || path->items.empty() || path->items.size() % 2 != 0 ||
        path->items.size() > kMaxContextItems)
      return kParameter;
    ctx = std::move(path->items);
    return parse(top->items[2], op, args, ctx);
  }
  op = static_cast<uint16_t>(*code_value);
  args.v.assign(top->items.begin() + 1, top->items.end());
  return 0;
}

uint8_t run(uint16_t op, const OpArgs& a, Container& c, bool is_map, bool& changed,
            CdtResult& out) {
  if (const SelectOp* s = select_op(op)) {
    if (s->is_map != is_map) return code(ResultCode::kBinIncompatible);
    return run_select(*s, a, c, changed, out);
  }
  changed = true;
  return is_map ? map_write(op, a, c, out) : list_write(op, a, c, out);
}

// The op on an existing list or map, `packed` rewritten when it changed.
uint8_t run_packed(uint16_t op, const OpArgs& a, std::string& packed, bool& changed,
                   CdtResult& out) {
  const bool is_map = op >= 64;
  auto c = is_map ? decode_map(packed) : decode_list(packed);
  if (!c) return code(ResultCode::kBinIncompatible);
  if (const uint8_t rc = run(op, a, *c, is_map, changed, out)) return rc;
  if (changed) packed = is_map ? encode_map(*c) : encode_list(*c);
  return 0;
}

// Context item types (as_cdt_ctx.h); the top two bits ask to create. The
// value items, list 0x13 and map 0x23, are the ones find_child matches by value.
constexpr int64_t kCtxListIndex = 0x10, kCtxListRank = 0x11;
constexpr int64_t kCtxMapIndex = 0x20, kCtxMapRank = 0x21, kCtxMapKey = 0x22;

// Where in `c`'s items the element a context item names sits.
std::optional<size_t> find_child(int64_t type, const std::string& arg, const Container& c,
                                 bool is_map) {
  std::vector<uint32_t> storage;
  const View v = view_of(c, is_map, storage);
  const auto n = static_cast<uint32_t>(v.values.size());
  std::optional<uint32_t> at;
  if (type == kCtxListIndex || type == kCtxMapIndex || type == kCtxListRank ||
      type == kCtxMapRank) {
    auto index = as_int(arg);
    if (index) at = single_index(*index, n);
    if (at && (type == kCtxListRank || type == kCtxMapRank)) at = by_rank(v.values)[*at];
  } else {
    const auto& source = type == kCtxMapKey ? v.keys : v.values;
    for (uint32_t i = 0; i < n && !at; ++i)
      if (compare(source[i], arg) == 0) at = i;
  }
  if (!at) return std::nullopt;
  return is_map ? size_t{2} * storage[*at] + 1 : storage[*at];
}

// A modify op on a list or map that is not there: the op creates it (with
// the order its arguments ask for) unless it is one that leaves a missing
// container missing; `present` says whether it did.
uint8_t create_packed(uint16_t op, const OpArgs& a, std::string& packed, bool& present,
                      CdtResult& out) {
  const bool is_map = op >= 64;
  if (noop_when_missing(op) || is_read_op(op)) return 0;
  if (op == 13) return code(ResultCode::kBinIncompatible);
  if (op == 70) return code(ResultCode::kElementNotFound);
  Container c;
  c.flags = create_flags(op, a);
  if (c.flags && is_map) map_set_type(c, c.flags);
  bool changed = false;
  if (const uint8_t rc = run(op, a, c, is_map, changed, out)) return rc;
  packed = is_map ? encode_map(c) : encode_list(c);
  present = true;
  return 0;
}

// Create flags of a context item (as_cdt_order.h): for a list, 0x40
// unordered, 0x80 unordered and padded, 0xc0 ordered; for a map, 0x40
// unordered, 0x80 key-ordered, 0xc0 key-value-ordered.
constexpr int64_t kCreateMask = 0xC0;
constexpr int64_t kCreatePadded = 0x80;

uint8_t created_flags(int64_t create, bool is_map) {
  if (is_map) return create == 0x80 ? 1 : create == 0xC0 ? 3 : 0;
  return create == 0xC0 ? kOrderedList : 0;
}

// A creating context item that found nothing: the element goes in (a map
// key, or a list index at the end, or past it with padding) as a placeholder
// the next level fills.
std::optional<size_t> make_child(int64_t lookup, int64_t create, const std::string& arg,
                                 Container& c) {
  if (lookup == kCtxMapKey) {
    if (!is_map_key(arg)) return std::nullopt;
    map_store(c, arg, std::string(1, '\xc0'));
    return size_t{2} * *find_key(c, arg) + 1;
  }
  auto index = as_int(arg);
  const auto n = static_cast<int64_t>(c.items.size());
  if (lookup != kCtxListIndex || !index || (c.flags & kOrderedList)) return std::nullopt;
  if (*index == -1 || *index == n || (*index > n && create == kCreatePadded)) {
    if (*index > kMaxElements) return std::nullopt;
    if (*index > n) c.items.resize(static_cast<size_t>(*index), std::string(1, '\xc0'));
    c.items.emplace_back(1, '\xc0');
    return c.items.size() - 1;
  }
  return std::nullopt;
}

struct Dig {
  const std::vector<std::string>& ctx;
  uint16_t op;
  const OpArgs& args;
  bool modify;
};

// Follows the context from `packed` (`present` false: not there) down to
// the list or map it names and runs the op there, rewriting each level on
// the way back. An element that is not there (and that no create flag of the
// item may make), or is not a list or map, is OP_NOT_APPLICABLE.
uint8_t in_context(const Dig& d, size_t level, std::string& packed, bool& present, bool& changed,
                   CdtResult& out) {
  if (level == d.ctx.size()) {
    if (present) return run_packed(d.op, d.args, packed, changed, out);
    const uint8_t rc = create_packed(d.op, d.args, packed, present, out);
    changed = present;
    return rc;
  }
  auto type = as_int(d.ctx[level]);
  if (!type) return kParameter;
  const int64_t lookup = *type & 0x3F;
  const int64_t create = d.modify ? *type & kCreateMask : 0;
  const bool want_map = lookup >= kCtxMapIndex;
  std::optional<Container> c;
  if (present) {
    c = want_map ? decode_map(packed) : decode_list(packed);
  } else if (create) {
    c = Container{created_flags(create, want_map), {}};
  }
  if (!c) return kNotApplicable;
  auto child = find_child(lookup, d.ctx[level + 1], *c, want_map);
  bool child_present = child.has_value();
  if (!child && create) child = make_child(lookup, create, d.ctx[level + 1], *c);
  if (!child) return kNotApplicable;
  std::string element = child_present ? c->items[*child] : std::string();
  if (const uint8_t rc = in_context(d, level + 2, element, child_present, changed, out)) return rc;
  if (!changed || !child_present) return 0;
  c->items[*child] = std::move(element);
  packed = want_map ? encode_map(*c) : encode_list(*c);
  present = true;
  return 0;
}

}  // namespace

uint8_t cdt_apply(const std::string& payload, bool modify, CdtBin& bin, CdtResult& result) {
  uint16_t op = 0;
  OpArgs args;
  std::vector<std::string> ctx;
  if (const uint8_t rc = parse(payload, op, args, ctx)) return rc;
  if (!modify && !is_read_op(op)) return kParameter;
  if (!bin.exists && !modify) return 0;
  // The bin holds what the first context item looks into, or the op's kind.
  bool top_is_map = op >= 64;
  if (!ctx.empty()) top_is_map = (as_int(ctx[0]).value_or(0) & 0x3F) >= kCtxMapIndex;
  const uint8_t top = top_is_map ? kMapType : kListType;
  if (bin.exists && ctx.empty() && bin.particle_type != top)
    return code(ResultCode::kBinIncompatible);
  if (bin.exists && bin.particle_type != kMapType && bin.particle_type != kListType)
    return code(ResultCode::kBinIncompatible);
  std::string packed = bin.exists ? bin.value : std::string();
  bool present = bin.exists;
  bool changed = false;
  if (const uint8_t rc =
          in_context(Dig{ctx, op, args, modify}, 0, packed, present, changed, result))
    return rc;
  if (changed && present) {
    if (!bin.exists) bin.particle_type = top;
    bin.exists = true;
    bin.value = std::move(packed);
  }
  return 0;
}

}  // namespace asim
