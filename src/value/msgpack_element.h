// The one table of MessagePack markers: what the first bytes of an element
// say about it. Every reader of the library (the direct unpack functions,
// skipping, comparison, value decoding) classifies through it, so a marker
// means the same thing everywhere, and no reader touches a byte it has not
// checked is inside the buffer.
#pragma once

#include <cstddef>
#include <cstdint>

namespace aeroshim::msgpack {

// Markers and codes the server's dialect uses beyond the plain format.
inline constexpr uint8_t kNil = 0xc0;
inline constexpr uint8_t kFalse = 0xc2;
inline constexpr uint8_t kTrue = 0xc3;
inline constexpr uint8_t kFixExt1 = 0xd4;
// fixext1 elements of this ext type are the comparison values.
inline constexpr uint8_t kCmpExtType = 0xff;
inline constexpr uint8_t kCmpWildcard = 0x00;
inline constexpr uint8_t kCmpInf = 0x01;
// Particle types leading a blob's content (as_bytes_type values).
inline constexpr uint8_t kParticleString = 3;
inline constexpr uint8_t kParticleBlob = 4;
inline constexpr uint8_t kParticleGeoJson = 23;

enum class Kind : uint8_t {
  kInvalid,  // 0xc1, or a marker whose fixed part runs past the buffer
  kNil,
  kBool,
  kInt,     // positive and negative fixint, uint 8..64, int 8..64
  kFloat,   // float 32
  kDouble,  // float 64
  kBlob,    // str and bin alike: the server's strings, blobs and GeoJSON
  kList,
  kMap,
  kExt,
};

struct Element {
  Kind kind = Kind::kInvalid;
  uint8_t marker = 0;
  // Marker, length field and any fixed-size value: the bytes read so far.
  uint32_t head_size = 0;
  // kBlob: content bytes. kExt: content bytes after the type byte.
  // kList: elements. kMap: key/value pairs. Otherwise 0.
  uint32_t count = 0;
  // kInt: the value, sign-extended from signed forms (uint 64 kept as its
  // bits). kBool: 0 or 1. kFloat/kDouble: the IEEE bits.
  uint64_t bits = 0;
};

// What a marker byte alone says (the fixed part need not be there).
Kind marker_kind(uint8_t marker);

// Reads the element starting at p (avail bytes there). Only the marker and
// its fixed part must be present: content and children are not looked at.
Element read_element(const uint8_t* p, size_t avail);

// The bytes that follow head_size and belong to the element itself:
// blob content, ext type byte plus content (children are not counted).
inline uint64_t body_size(const Element& e) {
  if (e.kind == Kind::kBlob) return e.count;
  if (e.kind == Kind::kExt) return uint64_t{1} + e.count;
  return 0;
}

// How many child elements follow: list elements, twice the map pairs.
inline uint64_t child_count(const Element& e) {
  if (e.kind == Kind::kList) return e.count;
  if (e.kind == Kind::kMap) return uint64_t{2} * e.count;
  return 0;
}

}  // namespace aeroshim::msgpack
