// Writing the server's msgpack into an as_packer, element by element, the
// way 7.4.0 lays it out: the smallest integer form, str headers for
// particle-typed blobs, fix forms below 16 (containers) and 32 (str).
//
// A Packer writes each element's marker and fixed part as one unit. A unit
// that does not fit the packer's capacity either fails (Overflow::kFail,
// what the direct as_pack_* functions do) or moves the full buffer onto the
// packer's head/tail chain and continues in a new malloc buffer
// (Overflow::kGrow, what as_pack_val does). With no buffer only the offset
// advances. Every write returns 0 or -1, and fails once the offset would
// pass INT32_MAX.
#pragma once

#include <aerospike/as_msgpack.h>

#include <cstdint>

namespace aeroshim::msgpack {

enum class Overflow { kFail, kGrow };

class Packer {
 public:
  Packer(as_packer* pk, Overflow overflow) : pk_(pk), overflow_(overflow) {}

  int raw(const void* bytes, uint32_t size);
  int byte(uint8_t value);
  int nil();
  int boolean(bool value);
  int uint(uint64_t value);
  int sint(int64_t value);
  int float32(float value);
  int float64(double value);
  int str_header(uint32_t size);
  int bin_header(uint32_t size);
  int list_header(uint32_t count);
  int map_header(uint32_t count);
  int ext_header(uint32_t content_size, uint8_t type);
  int cmp_inf();
  int cmp_wildcard();

  // A str or bin header and the bytes; a NULL `bytes` writes the header
  // only. str_with_type puts the particle type between them (none either
  // when `bytes` is NULL).
  int str(const uint8_t* bytes, uint32_t size);
  int str_with_type(uint8_t type, const uint8_t* bytes, uint32_t size);
  int bin(const uint8_t* bytes, uint32_t size);

  // A server blob: str header for size + 1, the particle type, the bytes.
  // The header and type byte follow this packer's overflow rule; the bytes
  // follow `content` (7.4.0's as_pack_bytes grows for the first two only).
  int typed_blob(uint8_t type, const uint8_t* bytes, uint32_t size, Overflow content);

 private:
  // marker followed by the low `width` bytes of value, big-endian.
  int marked(uint8_t marker, uint64_t value, unsigned width);
  bool make_room(uint32_t size);

  as_packer* pk_;
  Overflow overflow_;
};

uint32_t uint_size(uint64_t value);
uint32_t sint_size(int64_t value);
uint32_t str_size(uint32_t size);
uint32_t bin_size(uint32_t size);
uint32_t list_header_size(uint32_t count);
uint32_t ext_header_size(uint32_t content_size);

}  // namespace aeroshim::msgpack
