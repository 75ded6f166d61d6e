#include "cdt_msgpack.h"

#include "particle.h"
#include "proto/message.h"
#include "value/msgpack_compare.h"
#include "value/msgpack_element.h"

#include <cstring>

namespace asim::cdt {
namespace {

namespace mp = aeroshim::msgpack;
using aeroshim::proto::ParticleType;

constexpr uint8_t kExt8 = 0xc7;

mp::Element head(const std::string& element) {
  return mp::read_element(reinterpret_cast<const uint8_t*>(element.data()), element.size());
}

std::string big_endian(uint8_t marker, uint64_t v, int width) {
  std::string out(1, static_cast<char>(marker));
  for (int i = width - 1; i >= 0; --i) out.push_back(static_cast<char>(v >> (8 * i)));
  return out;
}

std::string header(uint8_t fix, uint8_t m16, uint32_t count) {
  if (count < 16) return std::string(1, static_cast<char>(fix | count));
  if (count < 65536) return big_endian(m16, count, 2);
  return big_endian(static_cast<uint8_t>(m16 + 1), count, 4);
}

std::string flags_ext(uint8_t flags) {
  return std::string{static_cast<char>(kExt8), '\0', static_cast<char>(flags)};
}

std::optional<Container> decode(const std::string& packed, mp::Kind want) {
  if (packed.empty() || msgpack_element_size(packed) != packed.size()) return std::nullopt;
  const mp::Element top = head(packed);
  if (top.kind != want) return std::nullopt;
  auto items = split(packed.substr(top.head_size));
  if (!items || items->size() != mp::child_count(top)) return std::nullopt;
  Container c;
  const bool is_map = want == mp::Kind::kMap;
  if (!items->empty() && head(items->front()).kind == mp::Kind::kExt) {
    const mp::Element ext = head(items->front());
    c.flags = static_cast<uint8_t>(items->front()[ext.head_size]);
    items->erase(items->begin(), items->begin() + (is_map ? 2 : 1));
  }
  c.items = std::move(*items);
  return c;
}

CdtResult particle(uint8_t type, std::string value) {
  return CdtResult{true, type, std::move(value)};
}

}  // namespace

std::optional<std::vector<std::string>> split(const std::string& packed) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < packed.size()) {
    const size_t n = msgpack_element_size(packed, pos);
    if (n == 0) return std::nullopt;
    out.push_back(packed.substr(pos, n));
    pos += n;
  }
  return out;
}

std::optional<Container> decode_list(const std::string& packed) {
  return decode(packed, mp::Kind::kList);
}
std::optional<Container> decode_map(const std::string& packed) {
  return decode(packed, mp::Kind::kMap);
}

std::string encode_list(const Container& c) {
  const bool ext = c.flags != 0;
  std::string out = list_header(static_cast<uint32_t>(c.items.size() + (ext ? 1 : 0)));
  if (ext) out += flags_ext(c.flags);
  for (const auto& item : c.items) out += item;
  return out;
}

std::string encode_map(const Container& c) {
  const bool ext = c.flags != 0;
  std::string out = map_header(static_cast<uint32_t>(c.items.size() / 2 + (ext ? 1 : 0)));
  if (ext) out += flags_ext(c.flags) + std::string(1, static_cast<char>(mp::kNil));
  for (const auto& item : c.items) out += item;
  return out;
}

std::string list_header(uint32_t count) { return header(0x90, 0xdc, count); }
std::string map_header(uint32_t count) { return header(0x80, 0xde, count); }

// The smallest form, as the server's packer writes integers.
std::string pack_int(int64_t v) {
  if (v >= 0) {
    const auto u = static_cast<uint64_t>(v);
    if (u < 128) return std::string(1, static_cast<char>(u));
    if (u < 256) return big_endian(0xcc, u, 1);
    if (u < 65536) return big_endian(0xcd, u, 2);
    if (u < (uint64_t{1} << 32)) return big_endian(0xce, u, 4);
    return big_endian(0xcf, u, 8);
  }
  const auto bits = static_cast<uint64_t>(v);
  if (v >= -32) return std::string(1, static_cast<char>(bits));
  if (v >= -128) return big_endian(0xd0, bits, 1);
  if (v >= -32768) return big_endian(0xd1, bits, 2);
  if (v >= INT32_MIN) return big_endian(0xd2, bits, 4);
  return big_endian(0xd3, bits, 8);
}

std::string pack_double(double v) {
  uint64_t bits = 0;
  std::memcpy(&bits, &v, 8);
  return big_endian(0xcb, bits, 8);
}

std::string pack_bool(bool v) {
  return std::string(1, static_cast<char>(v ? mp::kTrue : mp::kFalse));
}

std::optional<int64_t> as_int(const std::string& element) {
  const mp::Element e = head(element);
  if (e.kind != mp::Kind::kInt) return std::nullopt;
  return static_cast<int64_t>(e.bits);
}

std::optional<double> as_double(const std::string& element) {
  const mp::Element e = head(element);
  if (e.kind == mp::Kind::kDouble) {
    double d = 0;
    std::memcpy(&d, &e.bits, 8);
    return d;
  }
  if (e.kind == mp::Kind::kFloat) {
    const auto bits = static_cast<uint32_t>(e.bits);
    float f = 0;
    std::memcpy(&f, &bits, 4);
    return f;
  }
  return std::nullopt;
}

bool is_nil(const std::string& element) { return head(element).kind == mp::Kind::kNil; }

bool is_map_key(const std::string& element) {
  const mp::Kind k = head(element).kind;
  return k == mp::Kind::kInt || k == mp::Kind::kBlob;
}

int compare(const std::string& a, const std::string& b) {
  as_unpacker ua{reinterpret_cast<const unsigned char*>(a.data()), 0,
                 static_cast<uint32_t>(a.size())};
  as_unpacker ub{reinterpret_cast<const unsigned char*>(b.data()), 0,
                 static_cast<uint32_t>(b.size())};
  const msgpack_compare_t c = mp::compare(ua, ub);
  if (c == MSGPACK_COMPARE_LESS) return -1;
  if (c == MSGPACK_COMPARE_GREATER) return 1;
  return 0;
}

CdtResult to_result(const std::string& element) {
  const mp::Element e = head(element);
  switch (e.kind) {
    case mp::Kind::kInt: return int_result(static_cast<int64_t>(e.bits));
    case mp::Kind::kFloat:
    case mp::Kind::kDouble: {
      const double d = *as_double(element);
      uint64_t bits = 0;
      std::memcpy(&bits, &d, 8);
      return particle(static_cast<uint8_t>(ParticleType::kDouble), aeroshim::proto::be_u64(bits));
    }
    case mp::Kind::kBool: return bool_result(e.bits != 0);
    case mp::Kind::kBlob: {
      if (e.count == 0) return particle(static_cast<uint8_t>(ParticleType::kString), {});
      const auto type = static_cast<uint8_t>(element[e.head_size]);
      return particle(type, element.substr(e.head_size + 1));
    }
    case mp::Kind::kList: return particle(static_cast<uint8_t>(ParticleType::kList), element);
    case mp::Kind::kMap: return particle(static_cast<uint8_t>(ParticleType::kMap), element);
    default: return CdtResult{};
  }
}

CdtResult int_result(int64_t v) {
  return particle(static_cast<uint8_t>(ParticleType::kInteger),
                  aeroshim::proto::be_u64(static_cast<uint64_t>(v)));
}

CdtResult bool_result(bool v) {
  return particle(static_cast<uint8_t>(ParticleType::kBool), std::string(1, v ? '\1' : '\0'));
}

CdtResult list_result(const std::vector<std::string>& items) {
  return particle(static_cast<uint8_t>(ParticleType::kList), encode_list(Container{0, items}));
}

CdtResult map_result(const std::vector<std::string>& pairs) {
  return particle(static_cast<uint8_t>(ParticleType::kMap), encode_map(Container{0, pairs}));
}

}  // namespace asim::cdt
