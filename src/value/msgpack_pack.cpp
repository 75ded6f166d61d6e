// The element writer of msgpack_pack.h.
#include "value/msgpack_pack.h"

#include "value/msgpack_element.h"

#include <cstdlib>
#include <cstring>

namespace aeroshim::msgpack {
namespace {

constexpr uint64_t kMaxOffset = INT32_MAX;

bool below_bits(uint64_t value, unsigned bits) { return value < (uint64_t{1} << bits); }

bool fits_signed(int64_t value, unsigned bits) { return value >= -(int64_t{1} << (bits - 1)); }

}  // namespace

bool Packer::make_room(uint32_t size) {
  if (uint64_t{pk_->offset} + size <= pk_->capacity) return true;
  if (overflow_ == Overflow::kFail) return false;
  auto* link = static_cast<as_packer_buffer*>(std::malloc(sizeof(as_packer_buffer)));
  if (link == nullptr) return false;
  uint32_t capacity = size > pk_->capacity ? size : pk_->capacity;
  auto* fresh = static_cast<unsigned char*>(std::malloc(capacity == 0 ? 1 : capacity));
  if (fresh == nullptr) {
    std::free(link);
    return false;
  }
  link->next = nullptr;
  link->buffer = pk_->buffer;
  link->length = pk_->offset;
  if (pk_->tail != nullptr) {
    pk_->tail->next = link;
  } else {
    pk_->head = link;
  }
  pk_->tail = link;
  pk_->buffer = fresh;
  pk_->capacity = capacity;
  pk_->offset = 0;
  return true;
}

int Packer::raw(const void* bytes, uint32_t size) {
  if (pk_->buffer != nullptr) {
    if (bytes == nullptr && size != 0) return -1;
    if (!make_room(size)) return -1;
    if (size != 0) std::memcpy(pk_->buffer + pk_->offset, bytes, size);
  }
  uint64_t end = uint64_t{pk_->offset} + size;
  if (end > kMaxOffset) return -1;
  pk_->offset = static_cast<uint32_t>(end);
  return 0;
}

int Packer::marked(uint8_t marker, uint64_t value, unsigned width) {
  uint8_t unit[9];
  unit[0] = marker;
  for (unsigned i = 0; i < width; ++i)
    unit[1 + i] = static_cast<uint8_t>(value >> (8 * (width - 1 - i)));
  return raw(unit, 1 + width);
}

int Packer::byte(uint8_t value) { return raw(&value, 1); }

int Packer::nil() { return byte(kNil); }

int Packer::boolean(bool value) { return byte(value ? kTrue : kFalse); }

int Packer::uint(uint64_t value) {
  if (below_bits(value, 7)) return byte(static_cast<uint8_t>(value));
  if (below_bits(value, 8)) return marked(0xcc, value, 1);
  if (below_bits(value, 16)) return marked(0xcd, value, 2);
  if (below_bits(value, 32)) return marked(0xce, value, 4);
  return marked(0xcf, value, 8);
}

int Packer::sint(int64_t value) {
  if (value >= 0) return uint(static_cast<uint64_t>(value));
  auto bits = static_cast<uint64_t>(value);
  if (fits_signed(value, 6)) return byte(static_cast<uint8_t>(bits));
  if (fits_signed(value, 8)) return marked(0xd0, bits, 1);
  if (fits_signed(value, 16)) return marked(0xd1, bits, 2);
  if (fits_signed(value, 32)) return marked(0xd2, bits, 4);
  return marked(0xd3, bits, 8);
}

int Packer::float32(float value) {
  uint32_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return marked(0xca, bits, 4);
}

int Packer::float64(double value) {
  uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return marked(0xcb, bits, 8);
}

int Packer::str_header(uint32_t size) {
  if (size < 32) return byte(static_cast<uint8_t>(0xa0 | size));
  if (below_bits(size, 8)) return marked(0xd9, size, 1);
  if (below_bits(size, 16)) return marked(0xda, size, 2);
  return marked(0xdb, size, 4);
}

int Packer::bin_header(uint32_t size) {
  if (below_bits(size, 8)) return marked(0xc4, size, 1);
  if (below_bits(size, 16)) return marked(0xc5, size, 2);
  return marked(0xc6, size, 4);
}

int Packer::list_header(uint32_t count) {
  if (count < 16) return byte(static_cast<uint8_t>(0x90 | count));
  if (below_bits(count, 16)) return marked(0xdc, count, 2);
  return marked(0xdd, count, 4);
}

int Packer::map_header(uint32_t count) {
  if (count < 16) return byte(static_cast<uint8_t>(0x80 | count));
  if (below_bits(count, 16)) return marked(0xde, count, 2);
  return marked(0xdf, count, 4);
}

int Packer::ext_header(uint32_t content_size, uint8_t type) {
  int rc = 0;
  switch (content_size) {
    case 1: rc = byte(0xd4); break;
    case 2: rc = byte(0xd5); break;
    case 4: rc = byte(0xd6); break;
    case 8: rc = byte(0xd7); break;
    case 16: rc = byte(0xd8); break;
    default:
      if (below_bits(content_size, 8)) {
        rc = marked(0xc7, content_size, 1);
      } else if (below_bits(content_size, 16)) {
        rc = marked(0xc8, content_size, 2);
      } else {
        rc = marked(0xc9, content_size, 4);
      }
  }
  return rc != 0 ? rc : byte(type);
}

int Packer::cmp_inf() {
  const uint8_t unit[3] = {kFixExt1, kCmpExtType, kCmpInf};
  return raw(unit, sizeof unit);
}

int Packer::cmp_wildcard() {
  const uint8_t unit[3] = {kFixExt1, kCmpExtType, kCmpWildcard};
  return raw(unit, sizeof unit);
}

int Packer::typed_blob(uint8_t type, const uint8_t* bytes, uint32_t size, Overflow content) {
  if (str_header(size + 1) != 0 || byte(type) != 0) return -1;
  return Packer(pk_, content).raw(bytes, size);
}

int Packer::str(const uint8_t* bytes, uint32_t size) {
  int rc = str_header(size);
  return rc == 0 && bytes != nullptr ? raw(bytes, size) : rc;
}

int Packer::str_with_type(uint8_t type, const uint8_t* bytes, uint32_t size) {
  int rc = str_header(size + 1);
  if (rc != 0 || bytes == nullptr) return rc;
  rc = byte(type);
  return rc == 0 ? raw(bytes, size) : rc;
}

int Packer::bin(const uint8_t* bytes, uint32_t size) {
  int rc = bin_header(size);
  return rc == 0 && bytes != nullptr ? raw(bytes, size) : rc;
}

uint32_t uint_size(uint64_t value) {
  if (below_bits(value, 7)) return 1;
  if (below_bits(value, 8)) return 2;
  if (below_bits(value, 16)) return 3;
  if (below_bits(value, 32)) return 5;
  return 9;
}

uint32_t sint_size(int64_t value) {
  if (value >= 0) return uint_size(static_cast<uint64_t>(value));
  if (fits_signed(value, 6)) return 1;
  if (fits_signed(value, 8)) return 2;
  if (fits_signed(value, 16)) return 3;
  if (fits_signed(value, 32)) return 5;
  return 9;
}

uint32_t str_size(uint32_t size) { return size < 32 ? 1 + size : bin_size(size); }

uint32_t bin_size(uint32_t size) {
  if (below_bits(size, 8)) return 2 + size;
  if (below_bits(size, 16)) return 3 + size;
  return 5 + size;
}

uint32_t list_header_size(uint32_t count) {
  if (count < 16) return 1;
  return below_bits(count, 16) ? 3 : 5;
}

uint32_t ext_header_size(uint32_t content_size) {
  switch (content_size) {
    case 1:
    case 2:
    case 4:
    case 8:
    case 16: return 2;
    default: break;
  }
  if (below_bits(content_size, 8)) return 3;
  return below_bits(content_size, 16) ? 4 : 6;
}

}  // namespace aeroshim::msgpack
