#include "bin_ops.h"

#include "cdt.h"
#include "particle.h"

#include <cstring>

namespace asim {
namespace {

using aeroshim::proto::Message;
using aeroshim::proto::Op;
using aeroshim::proto::OpType;
using aeroshim::proto::ParticleType;
using aeroshim::proto::ResultCode;
namespace proto = aeroshim::proto;

constexpr uint8_t code(ResultCode c) { return static_cast<uint8_t>(c); }
constexpr uint8_t op_of(OpType t) { return static_cast<uint8_t>(t); }
constexpr uint8_t kNil = static_cast<uint8_t>(ParticleType::kNil);
constexpr uint8_t kInteger = static_cast<uint8_t>(ParticleType::kInteger);
constexpr uint8_t kDouble = static_cast<uint8_t>(ParticleType::kDouble);
constexpr size_t kMaxOps = size_t{32} * 1024;
constexpr size_t kMaxBins = 0x7FFF;

bool is_modify(uint8_t op) {
  return op == op_of(OpType::kIncrement) || op == op_of(OpType::kAppend) ||
         op == op_of(OpType::kPrepend);
}

bool is_read_all(const Op& op, const Message& m) {
  return op.name.empty() && op.op == op_of(OpType::kRead) && (m.info1 & proto::kInfo1GetAll);
}

Bin* find_bin(Record& r, const std::string& name) {
  for (auto& b : r.bins)
    if (b.name == name) return &b;
  return nullptr;
}

const Bin* find_bin(const Record& r, const std::string& name) {
  for (const auto& b : r.bins)
    if (b.name == name) return &b;
  return nullptr;
}

Op answer(const Op& request, uint8_t type, std::string value) {
  return Op{request.op, type, request.name, std::move(value)};
}

uint8_t increment(Bin& b, const Op& op) {
  if (b.particle_type == kInteger) {
    if (op.particle_type != kInteger) return code(ResultCode::kBinIncompatible);
    std::string delta = op.value;
    if (const uint8_t rc = particle_from_wire(kInteger, delta)) return rc;
    b.value = proto::be_u64(proto::read_be_u64(b.value) + proto::read_be_u64(delta));
    return 0;
  }
  if (b.particle_type == kDouble) {
    if (op.particle_type != kDouble) return code(ResultCode::kBinIncompatible);
    if (op.value.size() != 8) return code(ResultCode::kParameter);
    double have = 0;
    double add = 0;
    const uint64_t have_bits = proto::read_be_u64(b.value);
    const uint64_t add_bits = proto::read_be_u64(op.value);
    std::memcpy(&have, &have_bits, 8);
    std::memcpy(&add, &add_bits, 8);
    have += add;
    uint64_t sum_bits = 0;
    std::memcpy(&sum_bits, &have, 8);
    b.value = proto::be_u64(sum_bits);
    return 0;
  }
  return code(ResultCode::kBinIncompatible);
}

// INCR, APPEND, PREPEND: a missing bin is created from the op's value, as the
// server does whatever the op.
uint8_t modify(Record& next, const Op& op) {
  if (!known_particle(op.particle_type)) return code(ResultCode::kParameter);
  Bin* b = find_bin(next, op.name);
  if (!b) {
    std::string value = op.value;
    if (const uint8_t rc = particle_from_wire(op.particle_type, value)) return rc;
    next.bins.push_back(Bin{op.name, op.particle_type, std::move(value)});
    return 0;
  }
  if (op.op == op_of(OpType::kIncrement)) return increment(*b, op);
  if (!blob_like(b->particle_type) || b->particle_type != op.particle_type)
    return code(ResultCode::kBinIncompatible);
  b->value = op.op == op_of(OpType::kAppend) ? b->value + op.value : op.value + b->value;
  return 0;
}

uint8_t write_bin(Record& next, const Op& op) {
  Bin* b = find_bin(next, op.name);
  if (op.particle_type == kNil) {
    if (b) next.bins.erase(next.bins.begin() + (b - next.bins.data()));
    return 0;
  }
  std::string value = op.value;
  if (const uint8_t rc = particle_from_wire(op.particle_type, value)) return rc;
  if (b) {
    b->particle_type = op.particle_type;
    b->value = std::move(value);
  } else {
    next.bins.push_back(Bin{op.name, op.particle_type, std::move(value)});
  }
  return 0;
}

// A CDT op on the bin named by `op`; `b` is the bin or null. A read of a
// missing bin answers nothing (nil with respond-all-ops); a modify may
// create the bin, which `bin` then holds.
// `answer_empty`: an op that found its bin but made no result still answers
// nil (a CDT read inside a write does, as the server's write path adds every
// read op that found its bin).
uint8_t run_cdt(const Bin* b, const Op& op, bool modify, bool respond_all, bool answer_empty,
                CdtBin& bin, std::vector<Op>& out) {
  if (!b && !modify) {
    if (respond_all) out.push_back(answer(op, kNil, {}));
    return 0;
  }
  if (b) bin = CdtBin{true, b->particle_type, b->value};
  CdtResult result;
  if (const uint8_t rc = cdt_apply(op.value, modify, bin, result)) return rc;
  if (result.has) {
    out.push_back(answer(op, result.particle_type, std::move(result.value)));
  } else if (respond_all || answer_empty) {
    out.push_back(answer(op, kNil, {}));
  }
  return 0;
}

uint8_t cdt_modify(Record& r, const Op& op, bool respond_all, std::vector<Op>& out) {
  Bin* b = find_bin(r, op.name);
  CdtBin bin;
  if (const uint8_t rc = run_cdt(b, op, true, respond_all, false, bin, out)) return rc;
  if (!bin.exists) return 0;
  if (b) {
    b->particle_type = bin.particle_type;
    b->value = std::move(bin.value);
  } else {
    r.bins.push_back(Bin{op.name, bin.particle_type, std::move(bin.value)});
  }
  return 0;
}

void read_bin(const Record& r, const Op& op, bool respond_all, std::vector<Op>& out) {
  if (const Bin* b = find_bin(r, op.name)) {
    out.push_back(answer(op, b->particle_type, b->value));
  } else if (respond_all) {
    out.push_back(answer(op, kNil, {}));
  }
}

uint8_t check_write_op(const Op& op, const Message& m, const WritePolicy& policy, bool& read_all,
                       bool& reads, bool& responds) {
  const bool respond_all = m.info2 & proto::kInfo2RespondAllOps;
  if (op.op == op_of(OpType::kWrite) && op.particle_type == kNil && policy.is_replace)
    return code(ResultCode::kParameter);
  if ((is_modify(op.op) || op.op == op_of(OpType::kDelete) || op.op == op_of(OpType::kCdtModify)) &&
      policy.is_replace)
    return code(ResultCode::kParameter);
  if (is_read_all(op, m)) {
    if (respond_all || read_all) return code(ResultCode::kParameter);
    read_all = reads = true;
  } else if (op.op == op_of(OpType::kRead) || op.op == op_of(OpType::kCdtRead)) {
    reads = responds = true;
  } else if (op.op == op_of(OpType::kCdtModify)) {
    responds = true;
  }
  return 0;
}

}  // namespace

bool valid_bin_name(const std::string& name) {
  return name.size() < 16 && name.find('\0') == std::string::npos;
}

uint8_t check_write_ops(const Message& m, WritePolicy& policy) {
  if (m.ops.empty() || m.ops.size() > kMaxOps) return code(ResultCode::kParameter);
  policy.must_not_create = m.info3 & (proto::kInfo3UpdateOnly | proto::kInfo3ReplaceOnly);
  policy.is_replace = m.info3 & (proto::kInfo3CreateOrReplace | proto::kInfo3ReplaceOnly);
  bool read_all = false;
  bool reads = false;
  bool responds = false;
  for (const auto& op : m.ops) {
    if (op.op == op_of(OpType::kTouch)) {
      if (policy.is_replace) return code(ResultCode::kParameter);
      policy.must_not_create = true;
      continue;
    }
    if (!valid_bin_name(op.name)) return code(ResultCode::kBinName);
    if (const uint8_t rc = check_write_op(op, m, policy, read_all, reads, responds)) return rc;
  }
  if (reads && !(m.info1 & proto::kInfo1Read)) return code(ResultCode::kParameter);
  if (read_all && responds) return code(ResultCode::kParameter);
  if ((m.info1 & proto::kInfo1GetAll) && !read_all) return code(ResultCode::kParameter);
  return 0;
}

uint8_t apply_write_ops(const Message& m, Record& next, std::vector<Op>& out) {
  const bool respond_all = m.info2 & proto::kInfo2RespondAllOps;
  for (const auto& op : m.ops) {
    uint8_t rc = 0;
    const auto type = static_cast<OpType>(op.op);
    if (type == OpType::kTouch) continue;
    if (type == OpType::kWrite) {
      rc = write_bin(next, op);
    } else if (is_modify(op.op)) {
      rc = modify(next, op);
    } else if (type == OpType::kDelete) {
      next.bins.clear();
    } else if (is_read_all(op, m)) {
      for (const auto& b : next.bins)
        out.push_back(Op{op_of(OpType::kRead), b.particle_type, b.name, b.value});
      continue;
    } else if (type == OpType::kRead) {
      read_bin(next, op, respond_all, out);
      continue;
    } else if (type == OpType::kCdtModify) {
      if ((rc = cdt_modify(next, op, respond_all, out))) return rc;
      continue;
    } else if (type == OpType::kCdtRead) {
      CdtBin unused;
      if ((rc = run_cdt(find_bin(next, op.name), op, false, respond_all, true, unused, out)))
        return rc;
      continue;
    } else {
      return code(ResultCode::kParameter);
    }
    if (rc) return rc;
    if (respond_all) out.push_back(answer(op, kNil, {}));
  }
  return next.bins.size() > kMaxBins ? code(ResultCode::kParameter) : 0;
}

uint8_t apply_read_ops(const Message& m, const Record& r, std::vector<Op>& out) {
  if (m.ops.empty() || m.ops.size() > kMaxOps) return code(ResultCode::kParameter);
  const bool respond_all = m.info2 & proto::kInfo2RespondAllOps;
  for (const auto& op : m.ops) {
    if (!valid_bin_name(op.name)) return code(ResultCode::kBinName);
    if (op.op == op_of(OpType::kRead)) {
      read_bin(r, op, respond_all, out);
    } else if (op.op == op_of(OpType::kCdtRead)) {
      CdtBin unused;
      if (const uint8_t rc =
              run_cdt(find_bin(r, op.name), op, false, respond_all, false, unused, out))
        return rc;
    } else {
      // Bit, HLL and expression reads are not simulated; other ops are not reads.
      return code(ResultCode::kParameter);
    }
  }
  return 0;
}

}  // namespace asim
