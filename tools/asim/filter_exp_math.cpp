// Arithmetic and bit operations as the server computes them: 64-bit
// integers wrap, an integer division or modulo by zero is unknown, shift
// counts are taken modulo 64 (what the server's x86 shifts do), and any
// unknown operand makes the result unknown.
#include "filter_exp_node.h"

#include <cmath>
#include <limits>

namespace asim::filter {
namespace {

Value unknown() { return Value{}; }

int64_t wrap_add(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
int64_t wrap_sub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}
int64_t wrap_mul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}
// INT64_MIN / -1 traps in C; its wrapped quotient is INT64_MIN.
int64_t wrap_div(int64_t a, int64_t b) { return b == -1 ? wrap_sub(0, a) : a / b; }

// A double's conversion to int64 as x86 does it: out of range and NaN give
// the "integer indefinite" value.
int64_t to_int(double d) {
  constexpr double kLimit = 9223372036854775808.0;  // 2^63
  if (!(d > -kLimit - 1024 && d < kLimit)) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(d);
}

void combine(uint8_t code, Value& acc, const Value& v) {
  const bool is_float = acc.kind == Value::Kind::kFloat;
  switch (code) {
    case op::kAdd:
      if (is_float) acc.f += v.f;
      else acc.i = wrap_add(acc.i, v.i);
      break;
    case op::kSub:
      if (is_float) acc.f -= v.f;
      else acc.i = wrap_sub(acc.i, v.i);
      break;
    case op::kMul:
      if (is_float) acc.f *= v.f;
      else acc.i = wrap_mul(acc.i, v.i);
      break;
    case op::kMin:
      if (is_float) {
        if (acc.f > v.f) acc.f = v.f;
      } else if (acc.i > v.i) {
        acc.i = v.i;
      }
      break;
    case op::kMax:
      if (is_float) {
        if (acc.f < v.f) acc.f = v.f;
      } else if (acc.i < v.i) {
        acc.i = v.i;
      }
      break;
    case op::kIntAnd: acc.i &= v.i; break;
    case op::kIntOr: acc.i |= v.i; break;
    default: acc.i ^= v.i; break;  // kIntXor
  }
}

Value vargs(const Node& n, Context& ctx) {
  Value acc = eval(n.args[0], ctx);
  if (acc.unknown()) return unknown();
  if (n.code == op::kSub && n.args.size() == 1) {
    if (acc.kind == Value::Kind::kFloat) acc.f = 0.0 - acc.f;
    else acc.i = wrap_sub(0, acc.i);
    return acc;
  }
  for (size_t i = 1; i < n.args.size(); ++i) {
    const Value v = eval(n.args[i], ctx);
    if (v.unknown()) return unknown();
    combine(n.code, acc, v);
  }
  return acc;
}

// The first operand divided by the product of the others; alone, its
// reciprocal.
Value divide(const Node& n, Context& ctx) {
  Value acc = eval(n.args[0], ctx);
  if (acc.unknown()) return unknown();
  const bool is_float = acc.kind == Value::Kind::kFloat;
  double fdiv = 1.0;
  int64_t idiv = 1;
  for (size_t i = 1; i < n.args.size(); ++i) {
    const Value v = eval(n.args[i], ctx);
    if (v.unknown()) return unknown();
    if (is_float) fdiv *= v.f;
    else idiv = wrap_mul(idiv, v.i);
  }
  if (n.args.size() == 1) {
    fdiv = acc.f;
    idiv = acc.i;
    acc.f = 1.0;
    acc.i = 1;
  }
  if (is_float) {
    acc.f /= fdiv;
    return acc;
  }
  if (idiv == 0) return unknown();
  acc.i = wrap_div(acc.i, idiv);
  return acc;
}

Value two(const Node& n, Context& ctx) {
  Value a = eval(n.args[0], ctx);
  if (a.unknown()) return unknown();
  const Value b = eval(n.args[1], ctx);
  if (b.unknown()) return unknown();
  const auto shift = static_cast<unsigned>(b.i & 63);
  switch (n.code) {
    case op::kPow: return Value::of_float(std::pow(a.f, b.f));
    case op::kLog: return Value::of_float(std::log(a.f) / std::log(b.f));
    case op::kMod:
      if (b.i == 0) return unknown();
      return Value::of_int(b.i == -1 ? 0 : a.i % b.i);
    case op::kLshift:
      return Value::of_int(static_cast<int64_t>(static_cast<uint64_t>(a.i) << shift));
    case op::kRshift:
      return Value::of_int(static_cast<int64_t>(static_cast<uint64_t>(a.i) >> shift));
    case op::kArshift: return Value::of_int(a.i >> shift);
    default: break;  // the scans
  }
  const uint64_t bits = b.b ? static_cast<uint64_t>(a.i) : ~static_cast<uint64_t>(a.i);
  if (bits == 0) return Value::of_int(-1);
  if (n.code == op::kLscan) return Value::of_int(__builtin_clzll(bits));
  return Value::of_int(63 - __builtin_ctzll(bits));
}

Value one(const Node& n, Context& ctx) {
  const Value a = eval(n.args[0], ctx);
  if (a.unknown()) return unknown();
  switch (n.code) {
    case op::kAbs:
      if (a.kind == Value::Kind::kFloat) return Value::of_float(std::fabs(a.f));
      return Value::of_int(a.i < 0 ? wrap_sub(0, a.i) : a.i);
    case op::kFloor: return Value::of_float(std::floor(a.f));
    case op::kCeil: return Value::of_float(std::ceil(a.f));
    case op::kToInt: return Value::of_int(to_int(a.f));
    case op::kToFloat: return Value::of_float(static_cast<double>(a.i));
    case op::kIntNot: return Value::of_int(~a.i);
    default: return Value::of_int(__builtin_popcountll(static_cast<uint64_t>(a.i)));  // kCount
  }
}

}  // namespace

Value eval_math(const Node& n, Context& ctx) {
  switch (n.code) {
    case op::kAdd:
    case op::kSub:
    case op::kMul:
    case op::kMin:
    case op::kMax:
    case op::kIntAnd:
    case op::kIntOr:
    case op::kIntXor: return vargs(n, ctx);
    case op::kDiv: return divide(n, ctx);
    case op::kPow:
    case op::kLog:
    case op::kMod:
    case op::kLshift:
    case op::kRshift:
    case op::kArshift:
    case op::kLscan:
    case op::kRscan: return two(n, ctx);
    default: return one(n, ctx);
  }
}

}  // namespace asim::filter
