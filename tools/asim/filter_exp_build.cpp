// Building an expression: the msgpack walked once, each op checked for its
// argument count and argument types the way the server's build refuses
// them (PARAMETER), and the tree the evaluator walks produced.
#include "filter_exp_node.h"
#include "particle.h"
#include "value/msgpack_element.h"

#include <cctype>
#include <cstring>

namespace asim::filter {
namespace {

namespace mp = aeroshim::msgpack;

// Nesting asim follows: each level costs a few stack frames.
constexpr int kMaxDepth = 512;
constexpr size_t kBinNameMax = 15;
constexpr uint64_t kContextEval = 0xff;
constexpr uint64_t kSelect = 0xfe;
constexpr int64_t kSystemCdt = 0, kSystemBits = 1, kSystemHll = 2, kModifyLocal = 0x40;

bool is_number(Type t) { return t == Type::kInt || t == Type::kFloat; }

// The CDT read ops asim's cdt code answers (size and the get-by ops of
// lists and maps); others the server knows are refused as unsupported.
bool cdt_read_served(uint64_t code) {
  return code == 16 || (code >= 17 && code <= 27 && code != 20) || code == 96 || code == 97 ||
         code == 98 || (code >= 100 && code <= 110 && code != 101);
}

struct Var {
  std::string name;
  Type type = Type::kEnd;
};

class Builder {
 public:
  explicit Builder(std::string_view buf) : buf_(buf) {}

  bool next(Node& n);
  size_t pos() const { return pos_; }
  size_t max_slots() const { return max_slots_; }
  bool unsupported() const { return unsupported_; }

 private:
  bool peek(mp::Element& e) const;
  bool get_uint(uint64_t& v);
  bool get_int(int64_t& v);
  bool get_raw(std::string& v);
  bool skip(std::string* raw);

  bool expression(Node& n);
  bool literal(Node& n, const mp::Element& e);
  bool literal_bytes(Node& n, const mp::Element& e, std::string_view raw);
  bool dispatch(Node& n, uint32_t count);
  bool children(Node& n, uint32_t count);
  bool fixed(Node& n, uint32_t count, uint32_t want) { return count == want && children(n, count); }
  bool logical(Node& n, uint32_t count);
  bool compare(Node& n, uint32_t count);
  bool regex(Node& n, uint32_t count);
  bool math(Node& n, uint32_t count);
  bool math_vargs(Node& n, uint32_t count);
  bool meta(Node& n, uint32_t count);
  bool bin(Node& n, uint32_t count);
  bool builtin_var(Node& n, uint32_t count);
  bool cond(Node& n, uint32_t count);
  bool var(Node& n, uint32_t count);
  bool let(Node& n, uint32_t count);
  bool let_name(const std::string& name) const;
  bool quote(Node& n, uint32_t count);
  bool call(Node& n, uint32_t count);
  bool call_ops(Node& n);
  bool call_args(Node& n, uint32_t count);

  std::string_view buf_;
  size_t pos_ = 0;
  int depth_ = 0;
  bool unsupported_ = false;
  std::vector<Var> vars_;  // visible let variables; a variable's slot is its index
  size_t max_slots_ = 0;
};

bool Builder::peek(mp::Element& e) const {
  if (pos_ >= buf_.size()) return false;
  e = mp::read_element(reinterpret_cast<const uint8_t*>(buf_.data()) + pos_, buf_.size() - pos_);
  return e.kind != mp::Kind::kInvalid;
}

bool Builder::get_int(int64_t& v) {
  mp::Element e;
  if (!peek(e) || e.kind != mp::Kind::kInt) return false;
  v = static_cast<int64_t>(e.bits);
  pos_ += e.head_size;
  return true;
}

bool Builder::get_uint(uint64_t& v) {
  mp::Element e;
  if (!peek(e) || e.kind != mp::Kind::kInt) return false;
  // Signed markers holding a negative value are no unsigned integer.
  const bool signed_marker = e.marker >= 0xd0 && e.marker <= 0xd3;
  if (e.marker >= 0xe0 || (signed_marker && static_cast<int64_t>(e.bits) < 0)) return false;
  v = e.bits;
  pos_ += e.head_size;
  return true;
}

bool Builder::get_raw(std::string& v) {
  mp::Element e;
  if (!peek(e) || e.kind != mp::Kind::kBlob) return false;
  if (e.count > buf_.size() - pos_ - e.head_size) return false;
  v.assign(buf_.substr(pos_ + e.head_size, e.count));
  pos_ += e.head_size + e.count;
  return true;
}

bool Builder::skip(std::string* raw) {
  const size_t n = msgpack_element_size(buf_, pos_);
  if (n == 0) return false;
  if (raw) raw->assign(buf_.substr(pos_, n));
  pos_ += n;
  return true;
}

bool Builder::next(Node& n) {
  if (++depth_ > kMaxDepth) return false;
  const bool ok = expression(n);
  --depth_;
  return ok;
}

bool Builder::expression(Node& n) {
  mp::Element e;
  if (!peek(e)) return false;
  if (e.kind != mp::Kind::kList) return literal(n, e);
  if (e.count == 0) return false;
  pos_ += e.head_size;
  uint64_t code = 0;
  if (!get_uint(code) || code > op::kCall) return false;
  n.code = static_cast<uint8_t>(code);
  return dispatch(n, e.count - 1);
}

bool Builder::literal(Node& n, const mp::Element& e) {
  const size_t size = msgpack_element_size(buf_, pos_);
  if (size == 0) return false;
  const std::string_view raw = buf_.substr(pos_, size);
  pos_ += size;
  n.code = op::kValue;
  Value& v = n.literal;
  switch (e.kind) {
    case mp::Kind::kNil:
      v.kind = Value::Kind::kNil;
      n.type = Type::kNil;
      return true;
    case mp::Kind::kBool:
      v = Value::of_bool(e.bits != 0);
      n.type = Type::kBool;
      return true;
    case mp::Kind::kInt:
      v = Value::of_int(static_cast<int64_t>(e.bits));
      n.type = Type::kInt;
      return true;
    case mp::Kind::kFloat: {
      const auto bits = static_cast<uint32_t>(e.bits);
      float f = 0;
      std::memcpy(&f, &bits, sizeof f);
      v = Value::of_float(f);
      n.type = Type::kFloat;
      return true;
    }
    case mp::Kind::kDouble: {
      double d = 0;
      std::memcpy(&d, &e.bits, sizeof d);
      v = Value::of_float(d);
      n.type = Type::kFloat;
      return true;
    }
    case mp::Kind::kBlob: return literal_bytes(n, e, raw);
    case mp::Kind::kMap:
      v = Value::of_bytes(Value::Kind::kMap, std::string(raw));
      n.type = Type::kMap;
      return true;
    default:
      // Other msgpack (ext) is a value of no expression type.
      v = Value::of_bytes(Value::Kind::kOther, std::string(raw));
      n.type = Type::kEnd;
      return true;
  }
}

// A str or bin literal: its first byte says string, blob, HLL or GeoJSON.
bool Builder::literal_bytes(Node& n, const mp::Element& e, std::string_view raw) {
  if (e.count == 0) return false;
  const auto kind = static_cast<uint8_t>(raw[e.head_size]);
  std::string content(raw.substr(e.head_size + 1));
  switch (kind) {
    case mp::kParticleString:
      n.type = Type::kStr;
      n.literal = Value::of_bytes(Value::Kind::kStr, std::move(content));
      return true;
    case mp::kParticleBlob:
      n.type = Type::kBlob;
      n.literal = Value::of_bytes(Value::Kind::kBlob, std::move(content));
      return true;
    case 18:
      n.type = Type::kHll;
      n.literal = Value::of_bytes(Value::Kind::kHll, std::move(content));
      return true;
    case mp::kParticleGeoJson:
      // Geo values need the server's S2 cells: nothing asim evaluates.
      unsupported_ = true;
      n.type = Type::kGeo;
      n.literal = Value::of_bytes(Value::Kind::kGeo, std::move(content));
      return true;
    default: return false;
  }
}

bool Builder::children(Node& n, uint32_t count) {
  n.args.resize(count);
  for (auto& child : n.args)
    if (!next(child)) return false;
  return true;
}

bool Builder::dispatch(Node& n, uint32_t count) {
  const uint8_t c = n.code;
  if (c == op::kUnknown) {
    n.type = Type::kBool;
    return count == 0;
  }
  if (c >= op::kEq && c <= op::kLe) return compare(n, count);
  if (c == op::kRegex) return regex(n, count);
  if (c == op::kGeoCmp) {
    unsupported_ = true;
    n.type = Type::kBool;
    return fixed(n, count, 2) && n.args[0].type == Type::kGeo && n.args[1].type == Type::kGeo;
  }
  if (c == op::kInList) {
    n.type = Type::kBool;
    return fixed(n, count, 2) && n.args[1].type == Type::kList;
  }
  if (c >= op::kAnd && c <= op::kExclusive) return logical(n, count);
  if ((c >= op::kAdd && c <= op::kRscan) || c == op::kMin || c == op::kMax) return math(n, count);
  if (c >= op::kDigestMod && c <= op::kRecordSize) return meta(n, count);
  if (c == op::kKey || c == op::kBin || c == op::kBinType) return bin(n, count);
  switch (c) {
    case op::kRemoveResult:
      // A result-remove is for write expressions; a filter cannot use it.
      unsupported_ = true;
      n.type = Type::kRemove;
      return count == 0;
    case op::kMapKeys:
    case op::kMapValues: n.type = Type::kList; return fixed(n, count, 1);
    case op::kBuiltinVar: return builtin_var(n, count);
    case op::kCond: return cond(n, count);
    case op::kVar: return var(n, count);
    case op::kLet: return let(n, count);
    case op::kQuote: return quote(n, count);
    case op::kCall: return call(n, count);
    default: return false;
  }
}

bool Builder::logical(Node& n, uint32_t count) {
  n.type = Type::kBool;
  if (n.code == op::kNot ? count != 1 : count < 2) return false;
  if (!children(n, count)) return false;
  for (const auto& a : n.args)
    if (a.type != Type::kBool) return false;
  return true;
}

bool Builder::compare(Node& n, uint32_t count) {
  n.type = Type::kBool;
  if (!fixed(n, count, 2)) return false;
  const Type t = n.args[0].type;
  return t == n.args[1].type && t != Type::kGeo && t != Type::kHll;
}

bool Builder::regex(Node& n, uint32_t count) {
  n.type = Type::kBool;
  int64_t flags = 0;
  std::string pattern;
  if (count != 3 || !get_int(flags) || !get_raw(pattern)) return false;
  if (!children(n, 1) || n.args[0].type != Type::kStr) return false;
  // The pattern ends at its first NUL, as a C string would.
  auto compiled = std::make_unique<regex_t>();
  if (regcomp(compiled.get(), pattern.c_str(), static_cast<int>(flags)) != 0) return false;
  n.regex = std::shared_ptr<regex_t>(compiled.release(), [](regex_t* r) {
    regfree(r);
    delete r;
  });
  return true;
}

bool Builder::math_vargs(Node& n, uint32_t count) {
  if (count < 1 || !children(n, count)) return false;
  const Type first = n.args[0].type;
  if (!is_number(first)) return false;
  for (const auto& a : n.args)
    if (a.type != first) return false;
  n.type = first;
  return true;
}

bool Builder::math(Node& n, uint32_t count) {
  const uint8_t c = n.code;
  const auto all = [&n](Type t) {
    for (const auto& a : n.args)
      if (a.type != t) return false;
    return true;
  };
  switch (c) {
    case op::kAdd:
    case op::kSub:
    case op::kMul:
    case op::kDiv:
    case op::kMin:
    case op::kMax: return math_vargs(n, count);
    case op::kPow:
    case op::kLog: n.type = Type::kFloat; return fixed(n, count, 2) && all(Type::kFloat);
    case op::kMod: n.type = Type::kInt; return fixed(n, count, 2) && all(Type::kInt);
    case op::kAbs:
      if (!fixed(n, count, 1) || !is_number(n.args[0].type)) return false;
      n.type = n.args[0].type;
      return true;
    case op::kFloor:
    case op::kCeil: n.type = Type::kFloat; return fixed(n, count, 1) && all(Type::kFloat);
    case op::kToInt: n.type = Type::kInt; return fixed(n, count, 1) && all(Type::kFloat);
    case op::kToFloat: n.type = Type::kFloat; return fixed(n, count, 1) && all(Type::kInt);
    case op::kIntAnd:
    case op::kIntOr:
    case op::kIntXor:
      n.type = Type::kInt;
      return count >= 1 && children(n, count) && all(Type::kInt);
    case op::kIntNot:
    case op::kCount: n.type = Type::kInt; return fixed(n, count, 1) && all(Type::kInt);
    case op::kLshift:
    case op::kRshift:
    case op::kArshift: n.type = Type::kInt; return fixed(n, count, 2) && all(Type::kInt);
    case op::kLscan:
    case op::kRscan:
      n.type = Type::kInt;
      return fixed(n, count, 2) && n.args[0].type == Type::kInt && n.args[1].type == Type::kBool;
    default: return false;  // 42..49: no such op
  }
}

bool Builder::meta(Node& n, uint32_t count) {
  switch (n.code) {
    case op::kDigestMod: {
      n.type = Type::kInt;
      int64_t mod = 0;
      if (count != 1 || !get_int(mod)) return false;
      n.param = static_cast<int32_t>(mod);  // the server keeps 32 bits
      return n.param != 0;
    }
    case op::kSetName: n.type = Type::kStr; break;
    case op::kKeyExists:
    case op::kTombstone: n.type = Type::kBool; break;
    default: n.type = Type::kInt; break;
  }
  return count == 0;
}

bool Builder::bin(Node& n, uint32_t count) {
  uint64_t type = 0;
  if (n.code == op::kKey) {
    if (count != 1 || !get_uint(type)) return false;
    if (type != 2 && type != 3 && type != 6) return false;  // int, str, blob keys
    n.type = static_cast<Type>(type);
    return true;
  }
  if (n.code == op::kBin) {
    if (count != 2 || !get_uint(type) || type >= static_cast<uint64_t>(Type::kInputEnd))
      return false;
    n.type = static_cast<Type>(type);
  } else {
    if (count != 1) return false;
    n.type = Type::kInt;
  }
  if (!get_raw(n.name)) return false;
  return n.name.size() <= kBinNameMax && n.name.find('\0') == std::string::npos;
}

bool Builder::builtin_var(Node& n, uint32_t count) {
  uint64_t type = 0;
  uint64_t index = 0;
  if (count != 2 || !get_uint(type) || !get_uint(index)) return false;
  // Built-ins (key, value, index) are set only inside a CDT select; a
  // filter sees them all unknown.
  if (index > 2 || (index == 2 && type != static_cast<uint64_t>(Type::kInt))) return false;
  if (type >= static_cast<uint64_t>(Type::kEnd)) return false;
  n.type = type == static_cast<uint64_t>(Type::kInputEnd) ? Type::kBool : static_cast<Type>(type);
  return true;
}

bool Builder::cond(Node& n, uint32_t count) {
  if (count < 3 || count % 2 == 0 || !children(n, count)) return false;
  Type type = Type::kEnd;
  for (uint32_t i = 0; i + 1 < count; i += 2) {
    if (n.args[i].type != Type::kBool) return false;
    const Node& branch = n.args[i + 1];
    if (branch.code == op::kUnknown) continue;  // unknown fits any type
    if (type == Type::kEnd) type = branch.type;
    if (branch.type != type) return false;
  }
  const Node& fallback = n.args[count - 1];
  if (type == Type::kEnd) {
    type = fallback.type;
  } else if (fallback.code != op::kUnknown && fallback.type != type) {
    return false;
  }
  n.type = type;
  return type != Type::kEnd;
}

bool Builder::var(Node& n, uint32_t count) {
  std::string name;
  if (count != 1 || !get_raw(name)) return false;
  for (size_t i = vars_.size(); i-- > 0;) {
    if (vars_[i].name != name) continue;
    if (vars_[i].type == Type::kEnd) return false;  // used while being defined
    n.param = static_cast<int64_t>(i);
    n.type = vars_[i].type;
    return true;
  }
  return false;
}

bool Builder::let_name(const std::string& name) const {
  if (name.empty()) return false;
  const auto first = static_cast<unsigned char>(name[0]);
  if (first != '_' && std::isalpha(first) == 0) return false;
  for (const char ch : name)
    if (ch != '_' && std::isalnum(static_cast<unsigned char>(ch)) == 0) return false;
  for (const auto& v : vars_)
    if (v.name == name) return false;
  return true;
}

bool Builder::let(Node& n, uint32_t count) {
  if (count < 3 || count % 2 == 0) return false;
  const size_t first_slot = vars_.size();
  const uint32_t defined = count / 2;
  n.param = static_cast<int64_t>(first_slot);
  n.args.resize(defined + 1);
  for (uint32_t i = 0; i < defined; ++i) {
    std::string name;
    if (!get_raw(name) || !let_name(name)) return false;
    vars_.push_back(Var{std::move(name), Type::kEnd});
    if (!next(n.args[i])) return false;
    vars_.back().type = n.args[i].type;
  }
  max_slots_ = std::max(max_slots_, vars_.size());
  if (!next(n.args[defined])) return false;
  n.type = n.args[defined].type;
  vars_.resize(first_slot);
  return true;
}

bool Builder::quote(Node& n, uint32_t count) {
  mp::Element e;
  if (count != 1 || !peek(e) || e.kind != mp::Kind::kList) return false;
  std::string raw;
  if (!skip(&raw)) return false;
  n.code = op::kValue;
  n.type = Type::kList;
  n.literal = Value::of_bytes(Value::Kind::kList, std::move(raw));
  return true;
}

bool Builder::call(Node& n, uint32_t count) {
  uint64_t type = 0;
  uint64_t system = 0;
  if (count != 4 || !get_uint(type) || type >= static_cast<uint64_t>(Type::kInputEnd)) return false;
  if (!get_uint(system)) return false;
  n.param = static_cast<int64_t>(system);
  if (!call_ops(n)) return false;
  n.args.resize(1);
  if (!next(n.args[0])) return false;
  const Type bin_type = n.args[0].type;
  // A nil bin makes the call's own type nil, whatever it names.
  if (bin_type == Type::kNil) {
    n.type = Type::kNil;
    return true;
  }
  bool fits = false;
  switch (n.param & ~kModifyLocal) {
    case kSystemCdt: fits = bin_type == Type::kList || bin_type == Type::kMap; break;
    case kSystemBits: fits = bin_type == Type::kBlob; break;
    case kSystemHll: fits = bin_type == Type::kHll; break;
    default: return false;
  }
  n.type = static_cast<Type>(type);
  return fits;
}

// The call's [op, args...], or [0xff, context, [op, args...]].
bool Builder::call_ops(Node& n) {
  mp::Element e;
  if (!peek(e) || e.kind != mp::Kind::kList || e.count == 0) return false;
  pos_ += e.head_size;
  uint64_t code = 0;
  if (!get_uint(code)) return false;
  uint32_t count = e.count;
  if (code == kContextEval) {
    mp::Element inner;
    if (count != 3 || !skip(&n.call_context) || !peek(inner) || inner.kind != mp::Kind::kList)
      return false;
    pos_ += inner.head_size;
    if (inner.count == 0 || !get_uint(code)) return false;
    count = inner.count;
  } else if (code == kSelect) {
    // Selects walk a tree with their own variables: not served.
    unsupported_ = true;
    mp::Element ctx;
    uint64_t flags = 0;
    if (count < 3 || count > 4 || !peek(ctx) || ctx.kind != mp::Kind::kList || !skip(nullptr) ||
        !get_uint(flags))
      return false;
    return count == 3 || skip(nullptr);
  }
  n.call_op = code;
  const bool plain_read = (n.param & ~kModifyLocal) == kSystemCdt && (n.param & kModifyLocal) == 0;
  if (!plain_read || !cdt_read_served(code)) unsupported_ = true;
  return call_args(n, count - 1);
}

bool Builder::call_args(Node& n, uint32_t count) {
  n.call_args.resize(count);
  for (auto& arg : n.call_args) {
    mp::Element e;
    if (!peek(e)) return false;
    if (e.kind != mp::Kind::kList) {
      if (!skip(&arg.literal)) return false;
      continue;
    }
    arg.expression = std::make_unique<Node>();
    if (!next(*arg.expression)) return false;
  }
  return true;
}

}  // namespace

uint8_t build(std::string_view expression, Node& root, size_t& slots) {
  Builder b(expression);
  if (!b.next(root) || b.pos() != expression.size()) return kParameter;
  // A filter's verdict is a boolean; anything else the server refuses.
  if (root.type != Type::kBool) return kParameter;
  slots = b.max_slots();
  return b.unsupported() ? kUnsupported : kPass;
}

}  // namespace asim::filter
