#include "particle.h"

#include "proto/message.h"
#include "value/msgpack_element.h"

#include <cctype>

namespace asim {
namespace {

using aeroshim::proto::ParticleType;
using aeroshim::proto::ResultCode;
namespace mp = aeroshim::msgpack;

constexpr uint8_t code(ResultCode c) { return static_cast<uint8_t>(c); }
constexpr uint8_t type_of(ParticleType t) { return static_cast<uint8_t>(t); }

constexpr uint8_t kJavaBlob = 7;
constexpr uint8_t kErlangBlob = 12;
constexpr uint8_t kVector = 16;

uint8_t integer_from_wire(std::string& value) {
  const size_t n = value.size();
  if (n != 1 && n != 2 && n != 4 && n != 8) return code(ResultCode::kParameter);
  // Shorter forms are unsigned: the server widens them without sign.
  uint64_t v = 0;
  for (char c : value) v = (v << 8) | static_cast<uint8_t>(c);
  value = aeroshim::proto::be_u64(v);
  return 0;
}

// The HLL header the server checks: flags, index bits, min-hash bits, and a
// size that matches the register count they imply.
uint8_t hll_from_wire(const std::string& value) {
  constexpr size_t kHeader = 11;  // flags, two bit counts, 8-byte cache
  if (value.size() < kHeader) return code(ResultCode::kParameter);
  const auto flags = static_cast<uint8_t>(value[0]);
  const auto index_bits = static_cast<uint8_t>(value[1]);
  const auto minhash_bits = static_cast<uint8_t>(value[2]);
  const bool index_ok = index_bits >= 4 && index_bits <= 16;
  const bool minhash_ok = minhash_bits == 0 || (minhash_bits >= 4 && minhash_bits <= 51);
  if (flags != 0 || !index_ok || !minhash_ok || index_bits + minhash_bits > 64)
    return code(ResultCode::kParameter);
  const size_t registers = ((6u + minhash_bits) * (size_t{1} << index_bits) + 7) / 8;
  return value.size() == kHeader + registers ? 0 : code(ResultCode::kParameter);
}

// GeoJSON on the wire: flags byte, big-endian cell count, the cells, the
// JSON text. The server recomputes cells with its region coverer, which asim
// cannot; it keeps the text with no cells and checks only that the text is a
// JSON object naming a type.
uint8_t geojson_from_wire(std::string& value) {
  const uint8_t invalid = code(ResultCode::kGeoInvalidGeoJson);
  if (value.size() < 3) return invalid;
  const size_t cells = (static_cast<uint8_t>(value[1]) << 8) | static_cast<uint8_t>(value[2]);
  if (value.size() < 3 + cells * 8) return invalid;
  std::string json = value.substr(3 + cells * 8);
  const size_t first = json.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || json[first] != '{' ||
      json.find("\"type\"") == std::string::npos)
    return invalid;
  value = std::string(3, '\0') + json;
  return 0;
}

uint8_t collection_from_wire(const std::string& value, mp::Kind want) {
  // Both refusals are the server's AS_ERR_UNKNOWN, not a parameter error.
  const uint8_t bad = code(ResultCode::kServerError);
  if (msgpack_element_size(value) != value.size() || value.empty()) return bad;
  const auto e = mp::read_element(reinterpret_cast<const uint8_t*>(value.data()), value.size());
  return e.kind == want ? 0 : bad;
}

}  // namespace

bool known_particle(uint8_t type) {
  switch (type) {
    case type_of(ParticleType::kInteger):
    case type_of(ParticleType::kDouble):
    case type_of(ParticleType::kString):
    case type_of(ParticleType::kBlob):
    case kVector:
    case type_of(ParticleType::kBool):
    case type_of(ParticleType::kHll):
    case type_of(ParticleType::kMap):
    case type_of(ParticleType::kList):
    case type_of(ParticleType::kGeoJson): return true;
    default: return type >= kJavaBlob && type <= kErlangBlob;
  }
}

bool blob_like(uint8_t type) {
  return type == type_of(ParticleType::kString) || type == type_of(ParticleType::kBlob) ||
         type == kVector || (type >= kJavaBlob && type <= kErlangBlob);
}

uint8_t particle_from_wire(uint8_t type, std::string& value) {
  if (!known_particle(type)) return code(ResultCode::kParameter);
  switch (type) {
    case type_of(ParticleType::kInteger): return integer_from_wire(value);
    case type_of(ParticleType::kDouble):
      return value.size() == 8 ? 0 : code(ResultCode::kParameter);
    case type_of(ParticleType::kBool):
      return value.size() == 1 && static_cast<uint8_t>(value[0]) <= 1
                 ? 0
                 : code(ResultCode::kParameter);
    case type_of(ParticleType::kHll): return hll_from_wire(value);
    case type_of(ParticleType::kGeoJson): return geojson_from_wire(value);
    case type_of(ParticleType::kList): return collection_from_wire(value, mp::Kind::kList);
    case type_of(ParticleType::kMap): return collection_from_wire(value, mp::Kind::kMap);
    default: return 0;  // strings and blobs take any bytes
  }
}

size_t msgpack_element_size(std::string_view bytes, size_t pos) {
  const size_t start = pos;
  uint64_t pending = 1;
  while (pending > 0) {
    if (pos >= bytes.size()) return 0;
    const auto e =
        mp::read_element(reinterpret_cast<const uint8_t*>(bytes.data()) + pos, bytes.size() - pos);
    if (e.kind == mp::Kind::kInvalid) return 0;
    const uint64_t own = e.head_size + mp::body_size(e);
    if (own > bytes.size() - pos) return 0;
    pos += own;
    pending += mp::child_count(e);
    --pending;
  }
  return pos - start;
}

}  // namespace asim
