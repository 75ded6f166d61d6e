#include "record_store.h"

#include <ctime>

namespace asim {
namespace {

using aeroshim::proto::FieldType;
using aeroshim::proto::Message;
using aeroshim::proto::Op;
using aeroshim::proto::OpType;
using aeroshim::proto::ParticleType;
using aeroshim::proto::ResultCode;
namespace proto = aeroshim::proto;

constexpr uint32_t kNeverExpire = 0xFFFFFFFF;
constexpr uint32_t kKeepTtl = 0xFFFFFFFE;
constexpr uint32_t kMaxBins = 32767;

Message reply(ResultCode code) {
  Message m;
  m.result_code = static_cast<uint8_t>(code);
  return m;
}

Message reply(const Record& r) {
  Message m;
  m.generation = r.generation;
  m.record_ttl = r.void_time;
  return m;
}

Bin* find_bin(Record& r, const std::string& name) {
  for (auto& b : r.bins)
    if (b.name == name) return &b;
  return nullptr;
}

void add_read_op(Message& m, const Bin& b) {
  m.ops.push_back(Op{static_cast<uint8_t>(OpType::kRead), b.particle_type, b.name, b.value});
}

bool valid_particle(const Op& op) {
  switch (static_cast<ParticleType>(op.particle_type)) {
    case ParticleType::kNil:
      return op.value.empty();
    case ParticleType::kInteger:
    case ParticleType::kDouble:
      return op.value.size() == 8;
    case ParticleType::kString:
    case ParticleType::kBlob:
      return true;
  }
  return false;
}

}  // namespace

uint32_t server_now() {
  constexpr time_t kEpoch2010 = 1262304000;
  return static_cast<uint32_t>(time(nullptr) - kEpoch2010);
}

Record* RecordStore::live(const std::string& key, uint32_t now) {
  auto it = records_.find(key);
  if (it == records_.end()) return nullptr;
  if (it->second.void_time != 0 && it->second.void_time <= now) {
    records_.erase(it);
    return nullptr;
  }
  return &it->second;
}

Message RecordStore::execute(const Message& request, uint32_t now) {
  const auto* ns = request.field(FieldType::kNamespace);
  const auto* digest = request.field(FieldType::kDigest);
  if (!ns || ns->data.empty() || !digest || digest->data.size() != 20) return reply(ResultCode::kParameter);
  std::string key = ns->data;
  key += '\0';
  key += digest->data;
  if (request.info2 & proto::kInfo2Write) return write(request, key, now);
  if (request.info1 & proto::kInfo1Read) return read(request, key, now);
  return reply(ResultCode::kParameter);
}

Message RecordStore::read(const Message& request, const std::string& key, uint32_t now) {
  Record* r = live(key, now);
  if (!r) return reply(ResultCode::kNotFound);
  Message m = reply(*r);
  if (request.info1 & proto::kInfo1NoBinData) return m;
  if (request.info1 & proto::kInfo1GetAll) {
    for (const auto& b : r->bins) add_read_op(m, b);
    return m;
  }
  for (const auto& op : request.ops) {
    if (op.op != static_cast<uint8_t>(OpType::kRead)) return reply(ResultCode::kParameter);
    if (const Bin* b = find_bin(*r, op.name)) add_read_op(m, *b);
  }
  return m;
}

Message RecordStore::write(const Message& request, const std::string& key, uint32_t now) {
  Record* existing = live(key, now);
  if (request.info2 & proto::kInfo2Delete) {
    if (!existing) return reply(ResultCode::kNotFound);
    if ((request.info2 & proto::kInfo2Generation) && existing->generation != request.generation)
      return reply(ResultCode::kGeneration);
    records_.erase(key);
    return reply(ResultCode::kOk);
  }
  if ((request.info2 & proto::kInfo2CreateOnly) && existing) return reply(ResultCode::kExists);
  if ((request.info3 & (proto::kInfo3UpdateOnly | proto::kInfo3ReplaceOnly)) && !existing)
    return reply(ResultCode::kNotFound);
  if (existing && (request.info2 & proto::kInfo2Generation) && existing->generation != request.generation)
    return reply(ResultCode::kGeneration);
  if (existing && (request.info2 & proto::kInfo2GenerationGreater) && request.generation <= existing->generation)
    return reply(ResultCode::kGeneration);

  // Work on a copy so a failing op leaves the stored record untouched.
  Record next = existing ? *existing : Record{};
  if (request.info3 & (proto::kInfo3CreateOrReplace | proto::kInfo3ReplaceOnly)) next.bins.clear();
  Message out;
  bool deleted = false;
  for (const auto& op : request.ops) {
    switch (static_cast<OpType>(op.op)) {
      case OpType::kWrite: {
        if (op.name.empty() || !valid_particle(op)) return reply(ResultCode::kParameter);
        Bin* b = find_bin(next, op.name);
        if (op.particle_type == static_cast<uint8_t>(ParticleType::kNil)) {
          if (b) next.bins.erase(next.bins.begin() + (b - next.bins.data()));
        } else if (b) {
          b->particle_type = op.particle_type;
          b->value = op.value;
        } else {
          if (next.bins.size() >= kMaxBins) return reply(ResultCode::kParameter);
          next.bins.push_back(Bin{op.name, op.particle_type, op.value});
        }
        break;
      }
      case OpType::kIncrement: {
        if (op.particle_type != static_cast<uint8_t>(ParticleType::kInteger) || op.value.size() != 8)
          return reply(ResultCode::kParameter);
        Bin* b = find_bin(next, op.name);
        if (!b) {
          next.bins.push_back(Bin{op.name, op.particle_type, op.value});
        } else {
          if (b->particle_type != static_cast<uint8_t>(ParticleType::kInteger)) return reply(ResultCode::kBinIncompatible);
          b->value = proto::be_u64(proto::read_be_u64(b->value) + proto::read_be_u64(op.value));
        }
        break;
      }
      case OpType::kAppend:
      case OpType::kPrepend: {
        if (op.particle_type != static_cast<uint8_t>(ParticleType::kString) &&
            op.particle_type != static_cast<uint8_t>(ParticleType::kBlob))
          return reply(ResultCode::kParameter);
        Bin* b = find_bin(next, op.name);
        if (!b) {
          next.bins.push_back(Bin{op.name, op.particle_type, op.value});
        } else {
          if (b->particle_type != op.particle_type) return reply(ResultCode::kBinIncompatible);
          b->value = op.op == static_cast<uint8_t>(OpType::kAppend) ? b->value + op.value : op.value + b->value;
        }
        break;
      }
      case OpType::kTouch:
        if (!existing) return reply(ResultCode::kNotFound);
        break;
      case OpType::kDelete:
        deleted = true;
        break;
      case OpType::kRead:
        if (op.name.empty()) {
          for (const auto& b : next.bins) add_read_op(out, b);
        } else if (const Bin* b = find_bin(next, op.name)) {
          add_read_op(out, *b);
        }
        break;
      default:
        return reply(ResultCode::kParameter);
    }
  }
  if (deleted || next.bins.empty()) {
    records_.erase(key);
    Message m = reply(ResultCode::kOk);
    m.ops = std::move(out.ops);
    return m;
  }
  next.generation = next.generation >= 0xFFFF ? 1 : next.generation + 1;
  if (request.record_ttl == kNeverExpire || request.record_ttl == 0) {
    next.void_time = 0;  // the simulator's namespaces default to no expiry
  } else if (request.record_ttl != kKeepTtl || !existing) {
    next.void_time = request.record_ttl == kKeepTtl ? 0 : now + request.record_ttl;
  }
  Record& stored = records_[key];
  stored = std::move(next);
  Message m = reply(stored);
  m.ops = std::move(out.ops);
  return m;
}

}  // namespace asim
