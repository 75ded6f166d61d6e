// What an expression reads of the record: bins by type, the stored key,
// and the metadata ops with the server's units (nanoseconds since 1970 for
// last-update and void times, milliseconds for since-update, seconds for
// the TTL) and its memory-namespace record size.
#include "filter_exp_node.h"
#include "proto/message.h"

#include <cstring>

namespace asim::filter {
namespace {

using aeroshim::proto::ParticleType;
using Kind = Value::Kind;

constexpr int64_t kEpoch2010 = 1262304000;  // the server's epoch in Unix seconds
constexpr int64_t kNsPerSecond = 1000000000;
constexpr int64_t kNsPerMs = 1000000;

constexpr uint8_t particle(ParticleType t) { return static_cast<uint8_t>(t); }

Value unknown() { return Value{}; }

const Bin* find_bin(const Record& r, const std::string& name) {
  for (const auto& b : r.bins)
    if (b.name == name) return &b;
  return nullptr;
}

// The particle type a bin read of `type` wants, and the value kind it gives.
bool wanted(Type type, uint8_t& particle_type, Kind& kind) {
  switch (type) {
    case Type::kBool:
      particle_type = particle(ParticleType::kBool);
      kind = Kind::kBool;
      return true;
    case Type::kInt:
      particle_type = particle(ParticleType::kInteger);
      kind = Kind::kInt;
      return true;
    case Type::kFloat:
      particle_type = particle(ParticleType::kDouble);
      kind = Kind::kFloat;
      return true;
    case Type::kStr:
      particle_type = particle(ParticleType::kString);
      kind = Kind::kStr;
      return true;
    case Type::kBlob:
      particle_type = particle(ParticleType::kBlob);
      kind = Kind::kBlob;
      return true;
    case Type::kList:
      particle_type = particle(ParticleType::kList);
      kind = Kind::kList;
      return true;
    case Type::kMap:
      particle_type = particle(ParticleType::kMap);
      kind = Kind::kMap;
      return true;
    case Type::kGeo:
      particle_type = particle(ParticleType::kGeoJson);
      kind = Kind::kGeo;
      return true;
    case Type::kHll:
      particle_type = particle(ParticleType::kHll);
      kind = Kind::kHll;
      return true;
    default: return false;  // no bin holds a nil
  }
}

Value scalar(Kind kind, const std::string& stored) {
  if (kind == Kind::kBool) return Value::of_bool(!stored.empty() && stored[0] != 0);
  if (stored.size() != 8) return unknown();
  const uint64_t bits = aeroshim::proto::read_be_u64(stored);
  if (kind == Kind::kInt) return Value::of_int(static_cast<int64_t>(bits));
  double d = 0;
  std::memcpy(&d, &bits, sizeof d);
  return Value::of_float(d);
}

// A bin of another type than the read names, or no such bin: unknown.
Value read_bin(const Node& n, const Record& r) {
  const Bin* b = find_bin(r, n.name);
  uint8_t want = 0;
  Kind kind = Kind::kUnknown;
  if (!b || !wanted(n.type, want, kind) || b->particle_type != want) return unknown();
  if (kind == Kind::kBool || kind == Kind::kInt || kind == Kind::kFloat)
    return scalar(kind, b->value);
  return Value::of_bytes(kind, b->value);
}

// The stored key (type byte, value), when it is of the type asked for.
Value read_key(const Node& n, const Record& r) {
  if (r.key.empty()) return unknown();
  const auto type = static_cast<uint8_t>(r.key[0]);
  const std::string body = r.key.substr(1);
  Value v;
  if (type == particle(ParticleType::kInteger)) {
    if (body.size() != 8) return unknown();
    v = Value::of_int(static_cast<int64_t>(aeroshim::proto::read_be_u64(body)));
  } else if (type == particle(ParticleType::kString)) {
    v = Value::of_bytes(Kind::kStr, body);
  } else if (type == particle(ParticleType::kBlob)) {
    v = Value::of_bytes(Kind::kBlob, body);
  } else {
    return unknown();
  }
  const Kind want = n.type == Type::kInt   ? Kind::kInt
                    : n.type == Type::kStr ? Kind::kStr
                                           : Kind::kBlob;
  return v.kind == want ? v : unknown();
}

size_t uintvar_size(size_t v) {
  size_t n = 1;
  while (v >= 0x80 && n < 5) {
    v >>= 7;
    ++n;
  }
  return n;
}

// A bin's flat particle: integers in the fewest of 1, 2, 4 or 8 bytes after
// type and width, doubles and booleans fixed, the rest type, 32-bit size
// and bytes. GeoJSON adds its flags and cells; asim keeps no cells, so one
// (a point's) is counted.
size_t flat_particle_size(const Bin& b) {
  switch (b.particle_type) {
    case particle(ParticleType::kInteger): {
      const uint64_t v = b.value.size() == 8 ? aeroshim::proto::read_be_u64(b.value) : 0;
      if (v > 0xFFFFFFFFu) return 2 + 8;
      if (v > 0xFFFFu) return 2 + 4;
      return v > 0xFFu ? 2 + 2 : 2 + 1;
    }
    case particle(ParticleType::kDouble): return 1 + 8;
    case particle(ParticleType::kBool): return 1 + 1;
    case particle(ParticleType::kGeoJson): return 1 + 4 + 3 + 8 + b.value.size();
    default: return 1 + 4 + b.value.size();
  }
}

// The server's as_record_stored_size for a memory namespace: the flat
// record (header, optional void time, set name, key, bin count, bins) and
// its 4-byte end mark, rounded up to 16-byte blocks.
int64_t record_size(const Record& r) {
  size_t size = 35;
  if (r.void_time != 0) size += 4;
  if (!r.set.empty()) size += 1 + r.set.size();
  if (!r.key.empty()) size += uintvar_size(r.key.size()) + r.key.size();
  if (!r.bins.empty()) size += uintvar_size(r.bins.size());
  for (const auto& b : r.bins) size += 1 + b.name.size() + flat_particle_size(b);
  size += 4;
  return static_cast<int64_t>((size + 15) & ~size_t{15});
}

Value metadata(const Node& n, const Context& ctx) {
  const Record& r = ctx.record;
  switch (n.code) {
    case op::kDigestMod: {
      if (ctx.digest.size() < 20) return unknown();
      uint32_t word = 0;  // the server reads it in its own (little-endian) order
      for (int i = 3; i >= 0; --i) word = (word << 8) | static_cast<uint8_t>(ctx.digest[16 + i]);
      return Value::of_int(static_cast<int64_t>(word) % n.param);
    }
    case op::kDeviceSize: return Value::of_int(0);  // a memory namespace has no device
    case op::kLastUpdate:
      return Value::of_int((static_cast<int64_t>(r.last_update_ms) + kEpoch2010 * 1000) * kNsPerMs);
    case op::kSinceUpdate:
      return Value::of_int(
          ctx.now_ms > r.last_update_ms ? static_cast<int64_t>(ctx.now_ms - r.last_update_ms) : 0);
    case op::kVoidTime:
      return Value::of_int(r.void_time == 0 ? -1 : (r.void_time + kEpoch2010) * kNsPerSecond);
    case op::kTtl:
      if (r.void_time == 0) return Value::of_int(-1);
      return Value::of_int(r.void_time > ctx.now ? r.void_time - ctx.now : 1);
    case op::kSetName: return Value::of_bytes(Kind::kStr, r.set);
    case op::kKeyExists: return Value::of_bool(!r.key.empty());
    case op::kTombstone: return Value::of_bool(false);  // asim keeps no tombstones
    default: return Value::of_int(record_size(r));      // memory and record size
  }
}

}  // namespace

Value eval_record(const Node& n, Context& ctx) {
  switch (n.code) {
    case op::kKey: return read_key(n, ctx.record);
    case op::kBin: return read_bin(n, ctx.record);
    case op::kBinType: {
      const Bin* b = find_bin(ctx.record, n.name);
      return Value::of_int(b ? b->particle_type : 0);
    }
    default: return metadata(n, ctx);
  }
}

}  // namespace asim::filter
