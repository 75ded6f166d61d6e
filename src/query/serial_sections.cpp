#include "query/serial_sections.h"

#include "ops/unpack_text.h"
#include "value/msgpack_element.h"
#include "value/msgpack_unpack.h"
#include "value/value_codec.h"

#include <aerospike/as_key.h>
#include <aerospike/as_list.h>

#include <cstring>

namespace aeroshim {

void SerialWriter::text(const char* text) {
  (void)out_.str(reinterpret_cast<const uint8_t*>(text), static_cast<uint32_t>(std::strlen(text)));
}

void SerialWriter::raw_str(const uint8_t* bytes, uint32_t size) { (void)out_.str(bytes, size); }

void SerialWriter::blob(const uint8_t* bytes, uint32_t size) {
  (void)msgpack::Packer(pk_, msgpack::Overflow::kGrow)
      .typed_blob(msgpack::kParticleBlob, bytes, size, msgpack::Overflow::kFail);
}

void SerialWriter::uint(uint64_t value) { (void)out_.uint(value); }

void SerialWriter::sint(int64_t value) { (void)out_.sint(value); }

void SerialWriter::boolean(bool value) { (void)out_.boolean(value); }

void SerialWriter::value(const as_val* value) { (void)msgpack::pack_value(pk_, value); }

bool SerialReader::text(char* text, uint32_t max) { return unpack_text_into(&pk_, text, max); }

bool SerialReader::text_new(char** text, uint32_t max) { return unpack_text_new(&pk_, text, max); }

bool SerialReader::raw_str(uint8_t* bytes, uint32_t max) {
  return unpack_bytes_into(&pk_, bytes, max);
}

bool SerialReader::raw_str_new(uint8_t** bytes, uint32_t* size, uint32_t max) {
  return unpack_bytes_new(&pk_, bytes, size, max);
}

bool SerialReader::uint(uint64_t* value) { return msgpack::read_uint64(pk_, value) == 0; }

bool SerialReader::sint(int64_t* value) {
  uint64_t bits = 0;
  if (msgpack::read_uint64(pk_, &bits) != 0) return false;
  std::memcpy(value, &bits, sizeof(bits));
  return true;
}

bool SerialReader::boolean(bool* value) { return msgpack::read_bool(pk_, value) == 0; }

bool SerialReader::value(as_val** value) {
  as_val* decoded = nullptr;
  if (msgpack::unpack_value(pk_, &decoded) != 0 || decoded == nullptr) return false;
  *value = decoded;
  return true;
}

bool SerialReader::count(uint16_t* count) {
  uint64_t n = 0;
  if (!uint(&n)) return false;
  // Every element takes at least one byte: a larger count is not ours.
  if (n > UINT16_MAX || n > pk_.length - pk_.offset) return false;
  *count = static_cast<uint16_t>(n);
  return true;
}

void write_bins(SerialWriter& out, const as_bin_name* entries, uint16_t size) {
  out.uint(size);
  for (uint16_t i = 0; i < size; i++) out.text(entries[i]);
}

void write_udf(SerialWriter& out, const as_udf_call& call) {
  if (call.function[0] == '\0') {
    out.boolean(false);
    return;
  }
  out.boolean(true);
  out.text(call.module);
  out.text(call.function);
  out.boolean(call.arglist != nullptr);
  if (call.arglist != nullptr) out.value(reinterpret_cast<const as_val*>(call.arglist));
}

void write_operations(SerialWriter& out, const as_operations* ops) {
  out.boolean(ops != nullptr);
  if (ops == nullptr) return;
  out.uint(ops->ttl);
  out.uint(ops->gen);
  uint16_t size = ops->binops.size;
  out.uint(size);
  for (uint16_t i = 0; i < size; i++) {
    const as_binop& op = ops->binops.entries[i];
    out.uint(static_cast<uint64_t>(op.op));
    out.text(op.bin.name);
    out.value(reinterpret_cast<const as_val*>(op.bin.valuep));
  }
}

void write_partitions(SerialWriter& out, const as_partitions_status* parts) {
  out.boolean(parts != nullptr);
  if (parts == nullptr) return;
  out.uint(parts->part_count);
  out.uint(parts->part_begin);
  out.boolean(parts->done);
  for (uint16_t i = 0; i < parts->part_count; i++) {
    const as_partition_status& ps = parts->parts[i];
    out.uint(ps.part_id);
    out.boolean(ps.retry);
    out.boolean(ps.digest.init);
    out.raw_str(ps.digest.value, AS_DIGEST_VALUE_SIZE);
    out.uint(ps.bval);
  }
}

bool read_udf(SerialReader& in, as_udf_call& call) {
  bool present = false;
  if (!in.boolean(&present)) return false;
  if (!present) return true;
  if (!in.text(call.module, AS_UDF_MODULE_MAX_SIZE)) return false;
  if (!in.text(call.function, AS_UDF_FUNCTION_MAX_SIZE)) return false;
  bool has_args = false;
  if (!in.boolean(&has_args)) return false;
  call.arglist = nullptr;
  if (!has_args) return true;
  as_val* args = nullptr;
  if (!in.value(&args)) return false;
  if (as_val_type(args) != AS_LIST) {
    as_val_destroy(args);
    return false;
  }
  call.arglist = reinterpret_cast<as_list*>(args);
  return true;
}

namespace {

// One operations entry; counted by the caller only once complete.
bool read_binop(SerialReader& in, as_binop* op) {
  int64_t code = 0;
  if (!in.sint(&code)) return false;
  op->op = static_cast<as_operator>(code);
  if (!in.text(op->bin.name, AS_BIN_NAME_MAX_SIZE)) return false;
  as_val* value = nullptr;
  if (!in.value(&value)) return false;
  op->bin.valuep = reinterpret_cast<as_bin_value*>(value);
  return true;
}

}  // namespace

bool read_operations(SerialReader& in, as_operations** target) {
  bool present = false;
  if (!in.boolean(&present)) return false;
  *target = nullptr;
  if (!present) return true;
  auto* ops = static_cast<as_operations*>(cf_malloc(sizeof(as_operations)));
  if (ops == nullptr) return false;
  // Complete before the first read, so a failure anywhere destroys cleanly.
  ops->_free = true;
  ops->ttl = 0;
  ops->gen = 0;
  ops->binops = as_binops{nullptr, 0, 0, false};
  *target = ops;
  uint64_t ttl = 0;
  uint64_t gen = 0;
  uint16_t n = 0;
  if (!in.uint(&ttl) || !in.uint(&gen) || !in.count(&n)) return false;
  ops->ttl = static_cast<uint32_t>(ttl);
  ops->gen = static_cast<uint16_t>(gen);
  if (n == 0) return true;
  ops->binops.entries = static_cast<as_binop*>(cf_malloc(sizeof(as_binop) * n));
  if (ops->binops.entries == nullptr) return false;
  ops->binops.capacity = n;
  ops->binops._free = true;
  for (uint16_t i = 0; i < n; i++) {
    if (!read_binop(in, &ops->binops.entries[i])) return false;
    ops->binops.size++;
  }
  return true;
}

namespace {

bool read_partition(SerialReader& in, as_partition_status* ps) {
  uint64_t id = 0;
  if (!in.uint(&id)) return false;
  ps->part_id = static_cast<uint16_t>(id);
  return in.boolean(&ps->retry) && in.boolean(&ps->digest.init) &&
         in.raw_str(ps->digest.value, AS_DIGEST_VALUE_SIZE) && in.uint(&ps->bval);
}

}  // namespace

bool read_partitions(SerialReader& in, as_partitions_status** target) {
  bool present = false;
  if (!in.boolean(&present)) return false;
  *target = nullptr;
  if (!present) return true;
  uint16_t n = 0;
  if (!in.count(&n)) return false;
  size_t size = sizeof(as_partitions_status) + sizeof(as_partition_status) * n;
  // cf_malloc: as_partitions_status_release frees it with cf_free.
  auto* parts = static_cast<as_partitions_status*>(cf_malloc(size));
  if (parts == nullptr) return false;
  std::memset(parts, 0, size);
  parts->ref_count = 1;
  parts->part_count = n;
  *target = parts;
  uint64_t begin = 0;
  if (!in.uint(&begin) || !in.boolean(&parts->done)) return false;
  parts->part_begin = static_cast<uint16_t>(begin);
  parts->retry = true;
  for (uint16_t i = 0; i < n; i++) {
    if (!read_partition(in, &parts->parts[i])) return false;
  }
  return true;
}

}  // namespace aeroshim
