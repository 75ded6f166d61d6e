// The pieces the filter-expression evaluator shares: an expression built
// from its msgpack into a tree (types checked as the server's build does),
// the values evaluating a node yields, and what evaluation reads.
#pragma once

#include "record_store.h"

#include <regex.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace asim::filter {

// Result types as the wire names them (as_exp_type), plus the server's
// internal ones: a result-remove, and "not known until evaluated".
enum class Type : uint8_t {
  kNil = 0,
  kBool = 1,
  kInt = 2,
  kStr = 3,
  kList = 4,
  kMap = 5,
  kBlob = 6,
  kFloat = 7,
  kGeo = 8,
  kHll = 9,
  kInputEnd = 10,
  kRemove = 11,
  kEnd = 12,
};

// Wire op codes the evaluator dispatches on (the server's exp_op_code).
namespace op {
constexpr uint8_t kUnknown = 0, kEq = 1, kNe = 2, kGt = 3, kGe = 4, kLt = 5, kLe = 6;
constexpr uint8_t kRegex = 7, kGeoCmp = 8, kInList = 9;
constexpr uint8_t kAnd = 16, kOr = 17, kNot = 18, kExclusive = 19;
constexpr uint8_t kAdd = 20, kSub = 21, kMul = 22, kDiv = 23, kPow = 24, kLog = 25, kMod = 26;
constexpr uint8_t kAbs = 27, kFloor = 28, kCeil = 29, kToInt = 30, kToFloat = 31;
constexpr uint8_t kIntAnd = 32, kIntOr = 33, kIntXor = 34, kIntNot = 35, kLshift = 36;
constexpr uint8_t kRshift = 37, kArshift = 38, kCount = 39, kLscan = 40, kRscan = 41;
constexpr uint8_t kMin = 50, kMax = 51;
constexpr uint8_t kDigestMod = 64, kDeviceSize = 65, kLastUpdate = 66, kSinceUpdate = 67;
constexpr uint8_t kVoidTime = 68, kTtl = 69, kSetName = 70, kKeyExists = 71, kTombstone = 72;
constexpr uint8_t kMemorySize = 73, kRecordSize = 74;
constexpr uint8_t kKey = 80, kBin = 81, kBinType = 82;
constexpr uint8_t kRemoveResult = 100, kMapKeys = 101, kMapValues = 102;
constexpr uint8_t kBuiltinVar = 122, kCond = 123, kVar = 124, kLet = 125, kQuote = 126;
constexpr uint8_t kCall = 127;
constexpr uint8_t kValue = 200;  // a literal (not on the wire as an op)
}  // namespace op

// What evaluating a node gives. Strings, blobs and HLLs keep their bytes
// without the particle type; lists and maps their msgpack.
struct Value {
  enum class Kind : uint8_t {
    kUnknown,
    kNil,
    kBool,
    kInt,
    kFloat,
    kStr,
    kBlob,
    kHll,
    kGeo,
    kList,
    kMap,
    kOther
  };
  Kind kind = Kind::kUnknown;
  bool b = false;
  int64_t i = 0;
  double f = 0;
  std::string bytes;

  bool unknown() const { return kind == Kind::kUnknown; }
  static Value of_bool(bool v) {
    Value out;
    out.kind = Kind::kBool;
    out.b = v;
    return out;
  }
  static Value of_int(int64_t v) {
    Value out;
    out.kind = Kind::kInt;
    out.i = v;
    return out;
  }
  static Value of_float(double v) {
    Value out;
    out.kind = Kind::kFloat;
    out.f = v;
    return out;
  }
  static Value of_bytes(Kind kind, std::string bytes) {
    Value out;
    out.kind = kind;
    out.bytes = std::move(bytes);
    return out;
  }
};

struct Node;

// A CALL's operation: its code, the context it looks through (empty: none)
// and its arguments, each a literal msgpack element or an expression.
struct CallArg {
  std::string literal;
  std::unique_ptr<Node> expression;
};

struct Node {
  uint8_t code = op::kUnknown;
  Type type = Type::kEnd;
  std::vector<Node> args;
  Value literal;      // kValue
  std::string name;   // bin name (kBin, kBinType)
  int64_t param = 0;  // digest modulus, key or bin type, variable slot, call system
  std::shared_ptr<regex_t> regex;
  uint64_t call_op = 0;
  std::string call_context;
  std::vector<CallArg> call_args;
};

// What a node is evaluated against.
struct Context {
  const Record& record;
  std::string_view digest;
  uint32_t now = 0;
  uint64_t now_ms = 0;
  std::vector<Value> vars;
};

// The verdict codes.
constexpr uint8_t kPass = 0;
constexpr uint8_t kParameter = 4;
constexpr uint8_t kUnsupported = 16;
constexpr uint8_t kFilteredOut = 27;

// Builds `expression` into `root`: 0, kParameter when the server's build
// would fail, kUnsupported for one asim cannot evaluate. `slots` is how
// many let variables evaluation needs at once.
uint8_t build(std::string_view expression, Node& root, size_t& slots);

Value eval(const Node& n, Context& ctx);
// Arithmetic and bit operations (filter_exp_math.cpp).
Value eval_math(const Node& n, Context& ctx);
// Record metadata and bin reads (filter_exp_record.cpp).
Value eval_record(const Node& n, Context& ctx);
// List and map reads (filter_exp_cdt.cpp).
Value eval_call(const Node& n, Context& ctx);
Value eval_map_keys(const Node& n, Context& ctx);
Value eval_in_list(const Node& n, Context& ctx);

// A value as one msgpack element (strings and blobs with their particle
// type byte), as the server packs call arguments; empty when it has none.
std::string to_msgpack(const Value& v);

}  // namespace asim::filter
