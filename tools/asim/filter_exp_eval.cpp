// Evaluating a built expression: the server's three-valued logic (an
// unknown operand makes a comparison unknown; AND and OR still decide when
// another operand does), comparisons by type, COND and LET.
#include "cdt_msgpack.h"
#include "filter_exp_node.h"
#include "particle.h"
#include "value/msgpack_element.h"

#include <cstring>

namespace asim::filter {
namespace {

namespace mp = aeroshim::msgpack;
using Kind = Value::Kind;

// The map flag saying its keys are kept in order (AS_PACKED_MAP_FLAG_K_ORDERED).
constexpr uint8_t kKeyOrdered = 0x01;

Value unknown() { return Value{}; }

bool ordering(uint8_t code, int cmp) {
  switch (code) {
    case op::kEq: return cmp == 0;
    case op::kNe: return cmp != 0;
    case op::kGt: return cmp > 0;
    case op::kGe: return cmp >= 0;
    case op::kLt: return cmp < 0;
    default: return cmp <= 0;  // kLe
  }
}

template <typename T>
int three_way(T a, T b) {
  if (a < b) return -1;
  return b < a ? 1 : 0;
}

int bytes_order(const std::string& a, const std::string& b) {
  const int c = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
  if (c != 0) return c < 0 ? -1 : 1;
  return three_way(a.size(), b.size());
}

// Whether `packed` holds a non-empty map whose keys are not kept ordered:
// the server refuses to order such values (the comparison is unknown).
bool has_unordered_map(const std::string& packed) {
  size_t pos = 0;
  const auto* base = reinterpret_cast<const uint8_t*>(packed.data());
  while (pos < packed.size()) {
    const mp::Element e = mp::read_element(base + pos, packed.size() - pos);
    if (e.kind == mp::Kind::kInvalid) return false;
    const size_t own = e.head_size + mp::body_size(e);
    if (e.kind == mp::Kind::kMap && e.count > 0) {
      const size_t at = pos + own;
      if (at >= packed.size()) return false;
      const mp::Element first = mp::read_element(base + at, packed.size() - at);
      // The flags are the ext type byte, which follows the marker and length.
      if (first.kind != mp::Kind::kExt || first.head_size + 1 > packed.size() - at) return true;
      if ((base[at + first.head_size] & kKeyOrdered) == 0) return true;
    }
    pos += own;
  }
  return false;
}

Value compare(const Node& n, Context& ctx) {
  const Value a = eval(n.args[0], ctx);
  if (a.unknown()) return unknown();
  const Value b = eval(n.args[1], ctx);
  if (b.unknown()) return unknown();
  if (a.kind != b.kind) return unknown();
  int cmp = 0;
  switch (a.kind) {
    case Kind::kNil: break;
    case Kind::kBool: cmp = three_way(a.b, b.b); break;
    case Kind::kInt: cmp = three_way(a.i, b.i); break;
    case Kind::kFloat:
      // NaN: the server's C comparisons are all false but NE.
      if (a.f != a.f || b.f != b.f) return Value::of_bool(n.code == op::kNe);
      cmp = three_way(a.f, b.f);
      break;
    case Kind::kStr:
    case Kind::kBlob: cmp = bytes_order(a.bytes, b.bytes); break;
    case Kind::kList:
    case Kind::kMap:
    case Kind::kOther:
      if (msgpack_element_size(a.bytes) != a.bytes.size() ||
          msgpack_element_size(b.bytes) != b.bytes.size())
        return unknown();
      if (has_unordered_map(a.bytes) || has_unordered_map(b.bytes)) return unknown();
      cmp = cdt::compare(a.bytes, b.bytes);
      break;
    default: return unknown();
  }
  return Value::of_bool(ordering(n.code, cmp));
}

Value regex_match(const Node& n, Context& ctx) {
  const Value s = eval(n.args[0], ctx);
  if (s.kind != Kind::kStr) return unknown();
  // Matched as a C string: up to the first NUL.
  const std::string text = s.bytes.substr(0, s.bytes.find('\0'));
  return Value::of_bool(regexec(n.regex.get(), text.c_str(), 0, nullptr, 0) == 0);
}

Value logical(const Node& n, Context& ctx) {
  const bool is_and = n.code == op::kAnd;
  bool saw_unknown = false;
  for (const auto& a : n.args) {
    const Value v = eval(a, ctx);
    if (v.unknown()) {
      saw_unknown = true;
      continue;
    }
    if (v.b != is_and) return Value::of_bool(v.b);  // AND meets false, OR meets true
  }
  return saw_unknown ? unknown() : Value::of_bool(is_and);
}

// True when exactly one operand is; any unknown operand makes it unknown.
Value exclusive(const Node& n, Context& ctx) {
  bool one = false;
  for (const auto& a : n.args) {
    const Value v = eval(a, ctx);
    if (v.unknown()) return unknown();
    if (!v.b) continue;
    if (one) return Value::of_bool(false);
    one = true;
  }
  return Value::of_bool(one);
}

Value cond(const Node& n, Context& ctx) {
  const size_t last = n.args.size() - 1;
  for (size_t i = 0; i < last; i += 2) {
    const Value c = eval(n.args[i], ctx);
    if (c.unknown()) return unknown();
    if (c.b) return eval(n.args[i + 1], ctx);
  }
  return eval(n.args[last], ctx);
}

Value let(const Node& n, Context& ctx) {
  const size_t defined = n.args.size() - 1;
  const auto first = static_cast<size_t>(n.param);
  for (size_t i = 0; i < defined; ++i) ctx.vars[first + i] = eval(n.args[i], ctx);
  return eval(n.args[defined], ctx);
}

std::string str_header(size_t size) {
  std::string out;
  if (size < 32) return std::string(1, static_cast<char>(0xa0 | size));
  int width = 4;
  uint8_t marker = 0xdb;
  if (size < 256) {
    width = 1;
    marker = 0xd9;
  } else if (size < 65536) {
    width = 2;
    marker = 0xda;
  }
  out.push_back(static_cast<char>(marker));
  for (int i = width - 1; i >= 0; --i) out.push_back(static_cast<char>(size >> (8 * i)));
  return out;
}

std::string typed_str(uint8_t type, const std::string& content) {
  return str_header(content.size() + 1) + static_cast<char>(type) + content;
}

}  // namespace

std::string to_msgpack(const Value& v) {
  switch (v.kind) {
    case Kind::kNil: return std::string(1, static_cast<char>(mp::kNil));
    case Kind::kBool: return cdt::pack_bool(v.b);
    case Kind::kInt: return cdt::pack_int(v.i);
    case Kind::kFloat: return cdt::pack_double(v.f);
    case Kind::kStr: return typed_str(mp::kParticleString, v.bytes);
    case Kind::kBlob: return typed_str(mp::kParticleBlob, v.bytes);
    case Kind::kHll: return typed_str(18, v.bytes);
    case Kind::kList:
    case Kind::kMap:
    case Kind::kOther: return v.bytes;
    default: return std::string();
  }
}

Value eval(const Node& n, Context& ctx) {
  const uint8_t c = n.code;
  if (c == op::kValue) return n.literal;
  if (c >= op::kEq && c <= op::kLe) return compare(n, ctx);
  if ((c >= op::kAdd && c <= op::kRscan) || c == op::kMin || c == op::kMax)
    return eval_math(n, ctx);
  if ((c >= op::kDigestMod && c <= op::kRecordSize) || c == op::kKey || c == op::kBin ||
      c == op::kBinType)
    return eval_record(n, ctx);
  switch (c) {
    case op::kRegex: return regex_match(n, ctx);
    case op::kInList: return eval_in_list(n, ctx);
    case op::kAnd:
    case op::kOr: return logical(n, ctx);
    case op::kNot: {
      const Value v = eval(n.args[0], ctx);
      return v.unknown() ? unknown() : Value::of_bool(!v.b);
    }
    case op::kExclusive: return exclusive(n, ctx);
    case op::kMapKeys:
    case op::kMapValues: return eval_map_keys(n, ctx);
    case op::kCond: return cond(n, ctx);
    case op::kVar: {
      const auto slot = static_cast<size_t>(n.param);
      return slot < ctx.vars.size() ? ctx.vars[slot] : unknown();
    }
    case op::kLet: return let(n, ctx);
    case op::kCall: return eval_call(n, ctx);
    default: return unknown();  // the unknown op, built-in variables
  }
}

}  // namespace asim::filter
