// List and map reads inside an expression: a CALL's operation packed the
// way a CDT read op is, its expression arguments packed in their place,
// run by asim's CDT code on the bin (or value) the call names, and the
// result kept only when it is of the type the call declares.
#include "cdt.h"
#include "cdt_msgpack.h"
#include "filter_exp_node.h"
#include "proto/message.h"

#include <cstring>

namespace asim::filter {
namespace {

using aeroshim::proto::ParticleType;
using Kind = Value::Kind;

constexpr uint8_t kContextEval = 0xff;

Value unknown() { return Value{}; }

constexpr uint8_t particle(ParticleType t) { return static_cast<uint8_t>(t); }

// The call's payload: [op, args...], or [0xff, context, [op, args...]].
bool payload(const Node& n, Context& ctx, std::string& out) {
  out = cdt::list_header(static_cast<uint32_t>(n.call_args.size() + 1)) +
        cdt::pack_int(static_cast<int64_t>(n.call_op));
  for (const auto& arg : n.call_args) {
    if (!arg.expression) {
      out += arg.literal;
      continue;
    }
    const std::string packed = to_msgpack(eval(*arg.expression, ctx));
    if (packed.empty()) return false;
    out += packed;
  }
  if (!n.call_context.empty())
    out = cdt::list_header(3) + cdt::pack_int(kContextEval) + n.call_context + out;
  return true;
}

// The value a result particle is, when it is of the declared type.
Value from_result(const CdtResult& r, Type type) {
  if (!r.has) return type == Type::kNil ? Value::of_bytes(Kind::kNil, {}) : unknown();
  const auto scalar_bits = [&r]() { return aeroshim::proto::read_be_u64(r.value); };
  switch (r.particle_type) {
    case particle(ParticleType::kInteger):
      if (type != Type::kInt || r.value.size() != 8) return unknown();
      return Value::of_int(static_cast<int64_t>(scalar_bits()));
    case particle(ParticleType::kDouble): {
      if (type != Type::kFloat || r.value.size() != 8) return unknown();
      const uint64_t bits = scalar_bits();
      double d = 0;
      std::memcpy(&d, &bits, sizeof d);
      return Value::of_float(d);
    }
    case particle(ParticleType::kBool):
      if (type != Type::kBool || r.value.empty()) return unknown();
      return Value::of_bool(r.value[0] != 0);
    case particle(ParticleType::kString):
      return type == Type::kStr ? Value::of_bytes(Kind::kStr, r.value) : unknown();
    case particle(ParticleType::kBlob):
      return type == Type::kBlob ? Value::of_bytes(Kind::kBlob, r.value) : unknown();
    case particle(ParticleType::kList):
      return type == Type::kList ? Value::of_bytes(Kind::kList, r.value) : unknown();
    case particle(ParticleType::kMap):
      return type == Type::kMap ? Value::of_bytes(Kind::kMap, r.value) : unknown();
    default: return unknown();  // geo, HLL and language blobs: not read by asim's CDT code
  }
}

}  // namespace

// Build admits only plain CDT reads asim's CDT code serves here; the rest
// were refused as unsupported before evaluation.
Value eval_call(const Node& n, Context& ctx) {
  std::string ops;
  if (!payload(n, ctx, ops)) return unknown();
  const Value subject = eval(n.args[0], ctx);
  CdtBin bin;
  if (subject.kind == Kind::kList || subject.kind == Kind::kMap) {
    bin.exists = true;
    bin.particle_type =
        particle(subject.kind == Kind::kList ? ParticleType::kList : ParticleType::kMap);
    bin.value = subject.bytes;
  } else if (subject.kind != Kind::kNil) {
    return unknown();
  }
  CdtResult result;
  if (cdt_apply(ops, false, bin, result) != 0) return unknown();
  return from_result(result, n.type);
}

Value eval_map_keys(const Node& n, Context& ctx) {
  const Value m = eval(n.args[0], ctx);
  if (m.kind != Kind::kMap) return unknown();
  const auto decoded = cdt::decode_map(m.bytes);
  if (!decoded) return unknown();
  cdt::Container picked;
  const size_t first = n.code == op::kMapKeys ? 0 : 1;
  for (size_t i = first; i < decoded->items.size(); i += 2)
    picked.items.push_back(decoded->items[i]);
  return Value::of_bytes(Kind::kList, cdt::encode_list(picked));
}

Value eval_in_list(const Node& n, Context& ctx) {
  const Value needle = eval(n.args[0], ctx);
  if (needle.unknown()) return unknown();
  const Value haystack = eval(n.args[1], ctx);
  if (haystack.kind != Kind::kList) return unknown();
  const std::string packed = to_msgpack(needle);
  const auto list = cdt::decode_list(haystack.bytes);
  if (packed.empty() || !list) return unknown();
  for (const auto& item : list->items)
    if (cdt::compare(packed, item) == 0) return Value::of_bool(true);
  return Value::of_bool(false);
}

}  // namespace asim::filter
