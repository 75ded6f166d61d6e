// The pieces 7.4.0's as_scan_to_bytes and as_query_to_bytes share, and the
// readers that take them back. The format is msgpack elements one after
// another, with no enclosing array:
//   bins        uint count, then each name as a str
//   udf         false | true, str module, str function,
//               (false | true, the argument list as a value)
//   operations  false | true, uint ttl, uint gen, uint count, then per
//               entry uint operator, str bin name, the bin value
//   partitions  false | true, uint count, uint begin, bool done, then per
//               partition uint id, bool retry, bool digest.init,
//               str of the 20 digest bytes, uint bval
// Strings are raw msgpack str (no particle type); as_pack_val values keep
// theirs. Counts are written from uint16_t fields.
#pragma once

#include "value/msgpack_pack.h"

#include <aerospike/as_bin.h>
#include <aerospike/as_msgpack.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_partition_filter.h>
#include <aerospike/as_udf.h>
#include <citrusleaf/alloc.h>

#include <cstdint>

namespace aeroshim {

// Appends elements to a packer. Like 7.4.0's serializers it ignores what
// each write answers: a value that cannot be encoded is simply left out.
class SerialWriter {
 public:
  explicit SerialWriter(as_packer* pk) : pk_(pk), out_(pk, msgpack::Overflow::kFail) {}

  void text(const char* text);
  void raw_str(const uint8_t* bytes, uint32_t size);
  // as_pack_bytes: str header, particle type blob, then the bytes.
  void blob(const uint8_t* bytes, uint32_t size);
  void uint(uint64_t value);
  void sint(int64_t value);
  void boolean(bool value);
  void value(const as_val* value);
  as_packer* packer() { return pk_; }

 private:
  as_packer* pk_;
  msgpack::Packer out_;
};

// Runs write twice, as 7.4.0's as_cdt_begin/as_cdt_end do: once counting,
// then into a cf_malloc'd buffer of exactly that size. write answers false
// to refuse the object; nothing is then allocated.
template <typename Write>
bool pack_in_two_passes(Write&& write, uint8_t** bytes, uint32_t* bytes_size) {
  as_packer sizing{nullptr, nullptr, nullptr, 0, 0};
  SerialWriter counter(&sizing);
  if (!write(counter)) return false;
  uint32_t size = sizing.offset;
  auto* buffer = static_cast<uint8_t*>(cf_malloc(size == 0 ? 1 : size));
  if (buffer == nullptr) return false;
  as_packer filling{nullptr, nullptr, buffer, 0, size};
  SerialWriter filler(&filling);
  if (!write(filler) || filling.offset != size || filling.head != nullptr) {
    cf_free(buffer);
    return false;
  }
  *bytes = buffer;
  *bytes_size = size;
  return true;
}

// Reads elements back, checking each against the bytes left.
class SerialReader {
 public:
  SerialReader(const uint8_t* bytes, uint32_t size) : pk_{bytes, 0, bytes != nullptr ? size : 0} {}

  // A str shorter than max, terminated into text[max].
  bool text(char* text, uint32_t max);
  // A new cf_malloc'd str shorter than max, terminated.
  bool text_new(char** text, uint32_t max);
  // A str of at most max bytes into bytes[max] (the rest left as it was).
  bool raw_str(uint8_t* bytes, uint32_t max);
  bool raw_str_new(uint8_t** bytes, uint32_t* size, uint32_t max);
  bool uint(uint64_t* value);
  bool sint(int64_t* value);
  bool boolean(bool* value);
  // A value; false for an ext element (no value) or malformed input.
  bool value(as_val** value);
  // A count that fits uint16_t and no more elements than bytes are left.
  bool count(uint16_t* count);
  as_unpacker* unpacker() { return &pk_; }

 private:
  as_unpacker pk_;
};

void write_bins(SerialWriter& out, const as_bin_name* entries, uint16_t size);
void write_udf(SerialWriter& out, const as_udf_call& call);
void write_operations(SerialWriter& out, const as_operations* ops);
void write_partitions(SerialWriter& out, const as_partitions_status* parts);

// Fills a selection (as_scan_bins or as_query_bins) with owned entries.
template <typename Bins>
bool read_bins(SerialReader& in, Bins& bins) {
  uint16_t n = 0;
  if (!in.count(&n)) return false;
  if (n == 0) return true;
  auto* entries = static_cast<as_bin_name*>(cf_malloc(sizeof(as_bin_name) * n));
  if (entries == nullptr) return false;
  bins.entries = entries;
  bins.capacity = n;
  bins.size = n;
  bins._free = true;
  for (uint16_t i = 0; i < n; i++) {
    if (!in.text(entries[i], AS_BIN_NAME_MAX_SIZE)) return false;
  }
  return true;
}

// Each reader leaves what it allocated in its target, so on failure the
// caller's destroy releases it.
bool read_udf(SerialReader& in, as_udf_call& call);
bool read_operations(SerialReader& in, as_operations** ops);
bool read_partitions(SerialReader& in, as_partitions_status** parts);

}  // namespace aeroshim
