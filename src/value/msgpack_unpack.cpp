// The bounded readers of msgpack_unpack.h, all through read_element.
#include "value/msgpack_unpack.h"

#include <cstring>

namespace aeroshim::msgpack {
namespace {

// A NULL buffer holds nothing, whatever length says.
uint64_t left(const as_unpacker& pk) {
  return pk.buffer != nullptr && pk.offset < pk.length ? uint64_t{pk.length} - pk.offset : 0;
}

// Consumes e's head when e is of `kind` (the caller just peeked it).
bool take_head(as_unpacker& pk, const Element& e, Kind kind) {
  if (e.kind != kind) return false;
  pk.offset += e.head_size;
  return true;
}

as_val_t blob_type(const as_unpacker& pk, const Element& e) {
  // An empty blob has no particle byte; as_unpack_val makes it bytes.
  if (e.count == 0) return AS_BYTES;
  if (left(pk) <= e.head_size) return AS_UNDEF;
  switch (pk.buffer[pk.offset + e.head_size]) {
    case kParticleString: return AS_STRING;
    case kParticleGeoJson: return AS_GEOJSON;
    default: return AS_BYTES;
  }
}

as_val_t ext_type(const as_unpacker& pk, const Element& e) {
  if (e.marker != kFixExt1 || left(pk) < 3) return AS_CMP_EXT;
  const uint8_t* p = pk.buffer + pk.offset;
  if (p[1] != kCmpExtType) return AS_CMP_EXT;
  if (p[2] == kCmpWildcard) return AS_CMP_WILDCARD;
  if (p[2] == kCmpInf) return AS_CMP_INF;
  return AS_CMP_EXT;
}

}  // namespace

Element peek_element(const as_unpacker& pk) {
  uint64_t n = left(pk);
  if (n == 0) return Element{};
  return read_element(pk.buffer + pk.offset, n);
}

// Like 7.4.0, only the marker decides, except where the type depends on a
// later byte (a blob's particle type, a fixext1's comparison code).
as_val_t peek_type(const as_unpacker& pk) {
  if (left(pk) == 0) return AS_UNDEF;
  switch (marker_kind(pk.buffer[pk.offset])) {
    case Kind::kNil: return AS_NIL;
    case Kind::kBool: return AS_BOOLEAN;
    case Kind::kInt: return AS_INTEGER;
    case Kind::kFloat:
    case Kind::kDouble: return AS_DOUBLE;
    case Kind::kList: return AS_LIST;
    case Kind::kMap: return AS_MAP;
    case Kind::kBlob: {
      Element e = peek_element(pk);
      return e.kind == Kind::kBlob ? blob_type(pk, e) : as_val_t{AS_UNDEF};
    }
    case Kind::kExt: return ext_type(pk, peek_element(pk));
    default: return AS_UNDEF;
  }
}

bool peek_is_ext(const as_unpacker& pk) {
  if (left(pk) == 0) return false;
  uint8_t m = pk.buffer[pk.offset];
  return (m >= 0xd4 && m <= 0xd8) || (m >= 0xc7 && m <= 0xc9);
}

bool skip(as_unpacker& pk, uint64_t count) {
  // Elements still to pass: each consumes at least one byte, so more of
  // them than bytes left can only be a lie, and the loop is bounded.
  uint64_t pending = count;
  while (pending > 0) {
    if (pending > left(pk)) return false;
    Element e = peek_element(pk);
    if (e.kind == Kind::kInvalid) return false;
    uint64_t size = e.head_size + body_size(e);
    if (size > left(pk)) return false;
    pk.offset += static_cast<uint32_t>(size);
    pending += child_count(e) - 1;
  }
  return true;
}

int64_t skip_one(as_unpacker& pk) {
  uint32_t start = pk.offset;
  if (!skip(pk, 1)) return -1;
  return int64_t{pk.offset} - start;
}

int read_bool(as_unpacker& pk, bool* value) {
  Element e = peek_element(pk);
  if (!take_head(pk, e, Kind::kBool)) return -1;
  *value = e.bits != 0;
  return 0;
}

int read_nil(as_unpacker& pk) { return take_head(pk, peek_element(pk), Kind::kNil) ? 0 : -1; }

int64_t read_blob_size(as_unpacker& pk) {
  Element e = peek_element(pk);
  if (!take_head(pk, e, Kind::kBlob)) return -1;
  return e.count;
}

int read_uint64(as_unpacker& pk, uint64_t* value) {
  Element e = peek_element(pk);
  if (!take_head(pk, e, Kind::kInt)) return -1;
  *value = e.bits;
  return 0;
}

int read_double(as_unpacker& pk, double* value) {
  Element e = peek_element(pk);
  if (e.kind == Kind::kFloat) {
    float f = 0;
    auto bits = static_cast<uint32_t>(e.bits);
    std::memcpy(&f, &bits, sizeof f);
    *value = f;
  } else if (e.kind == Kind::kDouble) {
    std::memcpy(value, &e.bits, sizeof *value);
  } else {
    return -1;
  }
  pk.offset += e.head_size;
  return 0;
}

const uint8_t* read_blob(as_unpacker& pk, uint32_t* size) {
  Element e = peek_element(pk);
  if (e.kind != Kind::kBlob || uint64_t{e.head_size} + e.count > left(pk)) return nullptr;
  const uint8_t* content = pk.buffer + pk.offset + e.head_size;
  pk.offset += e.head_size + e.count;
  *size = e.count;
  return content;
}

int read_ext(as_unpacker& pk, as_msgpack_ext* ext) {
  Element e = peek_element(pk);
  if (e.kind != Kind::kExt || uint64_t{e.head_size} + body_size(e) > left(pk)) return -1;
  uint32_t type_at = pk.offset + e.head_size;
  ext->size = e.count;
  ext->type_offset = type_at;
  ext->type = pk.buffer[type_at];
  ext->data = pk.buffer + type_at + 1;
  pk.offset = type_at + 1 + e.count;
  return 0;
}

int64_t read_list_count(as_unpacker& pk) {
  Element e = peek_element(pk);
  if (!take_head(pk, e, Kind::kList)) return -1;
  return e.count;
}

int64_t read_map_count(as_unpacker& pk) {
  Element e = peek_element(pk);
  if (!take_head(pk, e, Kind::kMap)) return -1;
  return e.count;
}

}  // namespace aeroshim::msgpack
