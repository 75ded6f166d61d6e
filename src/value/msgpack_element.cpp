// The marker table of msgpack_element.h. Lengths and values are big-endian.
#include "value/msgpack_element.h"

namespace aeroshim::msgpack {
namespace {

uint64_t big_endian(const uint8_t* p, unsigned width) {
  uint64_t v = 0;
  for (unsigned i = 0; i < width; ++i) v = (v << 8) | p[i];
  return v;
}

uint64_t sign_extend(uint64_t v, unsigned width) {
  unsigned shift = 64 - 8 * width;
  return static_cast<uint64_t>(static_cast<int64_t>(v << shift) >> shift);
}

// The shape of a marker: its kind, how many bytes of length or value
// follow it, and (for the fix forms) the count carried in the marker.
struct Shape {
  Kind kind;
  unsigned width;
  bool is_signed;
  bool fixed_count;
  uint32_t count;
};

Shape fix_shape(uint8_t m) {
  if (m < 0x80) return {Kind::kInt, 0, false, false, 0};
  if (m < 0x90) return {Kind::kMap, 0, false, true, m & 0x0fu};
  if (m < 0xa0) return {Kind::kList, 0, false, true, m & 0x0fu};
  if (m < 0xc0) return {Kind::kBlob, 0, false, true, m & 0x1fu};
  if (m >= 0xe0) return {Kind::kInt, 0, true, false, 0};
  return {Kind::kInvalid, 0, false, false, 0};
}

Shape shape_of(uint8_t m) {
  switch (m) {
    case 0xc0: return {Kind::kNil, 0, false, false, 0};
    case 0xc2:
    case 0xc3: return {Kind::kBool, 0, false, false, 0};
    case 0xc4: return {Kind::kBlob, 1, false, false, 0};
    case 0xc5: return {Kind::kBlob, 2, false, false, 0};
    case 0xc6: return {Kind::kBlob, 4, false, false, 0};
    case 0xc7: return {Kind::kExt, 1, false, false, 0};
    case 0xc8: return {Kind::kExt, 2, false, false, 0};
    case 0xc9: return {Kind::kExt, 4, false, false, 0};
    case 0xca: return {Kind::kFloat, 4, false, false, 0};
    case 0xcb: return {Kind::kDouble, 8, false, false, 0};
    case 0xcc: return {Kind::kInt, 1, false, false, 0};
    case 0xcd: return {Kind::kInt, 2, false, false, 0};
    case 0xce: return {Kind::kInt, 4, false, false, 0};
    case 0xcf: return {Kind::kInt, 8, false, false, 0};
    case 0xd0: return {Kind::kInt, 1, true, false, 0};
    case 0xd1: return {Kind::kInt, 2, true, false, 0};
    case 0xd2: return {Kind::kInt, 4, true, false, 0};
    case 0xd3: return {Kind::kInt, 8, true, false, 0};
    case 0xd4: return {Kind::kExt, 0, false, true, 1};
    case 0xd5: return {Kind::kExt, 0, false, true, 2};
    case 0xd6: return {Kind::kExt, 0, false, true, 4};
    case 0xd7: return {Kind::kExt, 0, false, true, 8};
    case 0xd8: return {Kind::kExt, 0, false, true, 16};
    case 0xd9: return {Kind::kBlob, 1, false, false, 0};
    case 0xda: return {Kind::kBlob, 2, false, false, 0};
    case 0xdb: return {Kind::kBlob, 4, false, false, 0};
    case 0xdc: return {Kind::kList, 2, false, false, 0};
    case 0xdd: return {Kind::kList, 4, false, false, 0};
    case 0xde: return {Kind::kMap, 2, false, false, 0};
    case 0xdf: return {Kind::kMap, 4, false, false, 0};
    default: return fix_shape(m);
  }
}

}  // namespace

Kind marker_kind(uint8_t marker) { return shape_of(marker).kind; }

Element read_element(const uint8_t* p, size_t avail) {
  Element e;
  if (avail == 0) return e;
  Shape s = shape_of(p[0]);
  if (s.kind == Kind::kInvalid || avail < 1 + size_t{s.width}) return e;
  e.kind = s.kind;
  e.marker = p[0];
  e.head_size = 1 + s.width;
  uint64_t field = big_endian(p + 1, s.width);
  switch (s.kind) {
    case Kind::kInt:
      if (s.width == 0) field = s.is_signed ? sign_extend(p[0], 1) : p[0];
      e.bits = s.is_signed && s.width > 0 ? sign_extend(field, s.width) : field;
      break;
    case Kind::kBool: e.bits = p[0] == kTrue ? 1 : 0; break;
    case Kind::kFloat:
    case Kind::kDouble: e.bits = field; break;
    case Kind::kBlob:
    case Kind::kList:
    case Kind::kMap:
    case Kind::kExt: e.count = s.fixed_count ? s.count : static_cast<uint32_t>(field); break;
    default: break;
  }
  return e;
}

}  // namespace aeroshim::msgpack
