#include "proto/reply.h"

#include "proto/byte_order.h"
#include "proto/message.h"
#include "value/value_codec.h"

#include <aerospike/as_boolean.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_string.h>
#include <citrusleaf/cf_clock.h>

#include <cstdlib>
#include <cstring>
#include <string_view>

namespace aeroshim::proto {
namespace {

constexpr size_t kMessageHeader = 22;

// One op of the answer, its bounds checked.
struct ReplyOp {
  uint8_t particle = 0;
  const uint8_t* name = nullptr;
  uint8_t name_size = 0;
  const uint8_t* value = nullptr;
  uint32_t value_size = 0;
};

Result<ReplyOp> next_op(const uint8_t*& p, const uint8_t* end, uint32_t index) {
  if (end - p < 8) return Status::error(AEROSPIKE_ERR_CLIENT, "reply op {} is truncated", index);
  const uint32_t size = load_be32(p);
  ReplyOp op;
  op.particle = p[5];
  op.name_size = p[7];
  if (size < 4u + op.name_size || static_cast<size_t>(end - p - 4) < size)
    return Status::error(AEROSPIKE_ERR_CLIENT,
                         "reply op {} declares {} bytes (name {}), {} are left", index, size,
                         op.name_size, end - p - 4);
  op.name = p + 8;
  op.value = op.name + op.name_size;
  op.value_size = size - 4 - op.name_size;
  p += 4 + size;
  return op;
}

// Copies `size` bytes into a malloc'd buffer, NUL-terminated when `text`.
void* copy_out(const uint8_t* data, size_t size, bool text) {
  auto* copy = static_cast<uint8_t*>(std::malloc(size + (text ? 1 : 0)));
  if (!copy) return nullptr;
  if (size) std::memcpy(copy, data, size);
  if (text) copy[size] = 0;
  return copy;
}

Status bad_value(const ReplyOp& op, const char* what) {
  return Status::error(AEROSPIKE_ERR_CLIENT, "reply bin '{}': {} of {} bytes",
                       std::string(reinterpret_cast<const char*>(op.name), op.name_size), what,
                       op.value_size);
}

Status out_of_memory(size_t size) {
  return Status::error(AEROSPIKE_ERR_CLIENT, "malloc failure: {}", size);
}

Status decode_geojson(const ReplyOp& op, as_bin_value* slot, as_val** out) {
  if (op.value_size < 3) return bad_value(op, "GeoJSON");
  const uint32_t cells = load_be16(op.value + 1);
  const uint64_t skip = 3 + uint64_t{cells} * 8;
  if (skip > op.value_size) return bad_value(op, "GeoJSON");
  const size_t json_size = op.value_size - skip;
  auto* json = static_cast<char*>(copy_out(op.value + skip, json_size, true));
  if (!json) return out_of_memory(json_size + 1);
  *out = reinterpret_cast<as_val*>(
      as_geojson_init_wlen(reinterpret_cast<as_geojson*>(slot), json, json_size, true));
  return Status::ok();
}

Status decode_collection(const ReplyOp& op, as_val** out) {
  as_unpacker unpacker{op.value, 0, op.value_size};
  as_val* value = nullptr;
  const int rc = msgpack::unpack_value(unpacker, &value);
  if (rc != 0 || !value) return Status::error(AEROSPIKE_ERR_CLIENT, "deserialize error: {}", rc);
  *out = value;
  return Status::ok();
}

Status decode_bytes(const ReplyOp& op, as_bin_value* slot, as_val** out) {
  void* copy = copy_out(op.value, op.value_size, false);
  if (!copy && op.value_size) return out_of_memory(op.value_size);
  auto* bytes = as_bytes_init_wrap(&slot->bytes, static_cast<uint8_t*>(copy), op.value_size, true);
  bytes->type = static_cast<as_bytes_type>(op.particle);
  *out = reinterpret_cast<as_val*>(bytes);
  return Status::ok();
}

// Decodes one value into `slot` (the bin's inline storage) or onto the
// heap (lists and maps), setting *out to what the bin points at.
Status decode_value(const ReplyOp& op, bool deserialize, as_bin_value* slot, as_val** out) {
  switch (op.particle) {
    case wire(ParticleType::kNil): *out = const_cast<as_val*>(&as_nil); return Status::ok();
    case wire(ParticleType::kBool):
      if (op.value_size != 1) return bad_value(op, "boolean");
      *out = reinterpret_cast<as_val*>(as_boolean_init(&slot->boolean, op.value[0] != 0));
      return Status::ok();
    case wire(ParticleType::kInteger):
      if (op.value_size != 8) return bad_value(op, "integer");
      *out = reinterpret_cast<as_val*>(
          as_integer_init(&slot->integer, static_cast<int64_t>(load_be64(op.value))));
      return Status::ok();
    case wire(ParticleType::kDouble):
      if (op.value_size != 8) return bad_value(op, "double");
      *out = reinterpret_cast<as_val*>(as_double_init(&slot->dbl, load_be_double(op.value)));
      return Status::ok();
    case wire(ParticleType::kString): {
      auto* text = static_cast<char*>(copy_out(op.value, op.value_size, true));
      if (!text) return out_of_memory(op.value_size + 1);
      *out =
          reinterpret_cast<as_val*>(as_string_init_wlen(&slot->string, text, op.value_size, true));
      return Status::ok();
    }
    case wire(ParticleType::kGeoJson): return decode_geojson(op, slot, out);
    case wire(ParticleType::kList):
    case wire(ParticleType::kMap):
      if (deserialize) return decode_collection(op, out);
      return decode_bytes(op, slot, out);
    default: return decode_bytes(op, slot, out);
  }
}

// The value alone on the heap. Scalars are decoded into a local slot and
// moved to a malloc'd one marked free, which is what as_*_new would give.
Status decode_heap_value(const ReplyOp& op, as_val** out) {
  as_bin_value slot;
  as_val* value = nullptr;
  if (Status st = decode_value(op, true, &slot, &value); !st) return st;
  if (value != reinterpret_cast<as_val*>(&slot)) {
    *out = value;  // nil (static) or a collection (already on the heap)
    return Status::ok();
  }
  auto* heap = static_cast<as_bin_value*>(std::malloc(sizeof slot));
  if (!heap) {
    as_val_destroy(value);
    return out_of_memory(sizeof slot);
  }
  std::memcpy(heap, &slot, sizeof slot);
  reinterpret_cast<as_val*>(heap)->free = true;
  *out = reinterpret_cast<as_val*>(heap);
  return Status::ok();
}

bool op_named(const ReplyOp& op, std::string_view name) {
  return std::string_view(reinterpret_cast<const char*>(op.name), op.name_size) == name;
}

void drop_bin_values(as_record* rec) {
  for (uint16_t i = 0; i < rec->bins.size; ++i) {
    as_val_destroy(reinterpret_cast<as_val*>(rec->bins.entries[i].valuep));
    rec->bins.entries[i].valuep = nullptr;
  }
  rec->bins.size = 0;
}

// A record ready for `n` bins: the caller's (old values dropped, entries
// grown when too few) or a new one.
Result<as_record*> prepare_record(as_record** rec, uint16_t n, bool& created) {
  created = *rec == nullptr;
  if (created) {
    as_record* fresh = as_record_new(n);
    if (!fresh) return out_of_memory(sizeof(as_record));
    return fresh;
  }
  as_record* r = *rec;
  drop_bin_values(r);
  if (n > r->bins.capacity) {
    auto* entries = static_cast<as_bin*>(std::malloc(sizeof(as_bin) * n));
    if (!entries) return out_of_memory(sizeof(as_bin) * n);
    if (r->bins._free) std::free(r->bins.entries);
    r->bins.entries = entries;
    r->bins.capacity = n;
    r->bins._free = true;
  }
  return r;
}

Status fill_bins(const Reply& reply, as_record* rec, bool deserialize) {
  const uint8_t* p = reply.ops;
  for (uint16_t i = 0; i < reply.n_ops; ++i) {
    auto op = next_op(p, reply.end, i);
    if (!op) return op.status();
    as_bin& bin = rec->bins.entries[i];
    const size_t name_size =
        op->name_size <= AS_BIN_NAME_MAX_LEN ? op->name_size : AS_BIN_NAME_MAX_LEN;
    std::memcpy(bin.name, op->name, name_size);
    bin.name[name_size] = 0;
    as_val* value = nullptr;
    if (Status st = decode_value(*op, deserialize, &bin.value, &value); !st) return st;
    bin.valuep = reinterpret_cast<as_bin_value*>(value);
    rec->bins.size = static_cast<uint16_t>(i + 1);
  }
  return Status::ok();
}

void set_header(as_record* rec, const Reply& reply) {
  rec->gen = static_cast<uint16_t>(reply.generation);
  rec->ttl = cf_server_void_time_to_ttl(reply.record_ttl);
}

}  // namespace

namespace {

// The header and fields of the message at `body`; `end` bounds them.
Result<Reply> parse_head(const uint8_t* body, const uint8_t* end) {
  const auto size = static_cast<size_t>(end - body);
  if (size < kMessageHeader)
    return Status::error(AEROSPIKE_ERR_CLIENT, "Invalid proto size: {}", size);
  Reply r;
  r.info3 = body[3];
  r.result_code = body[5];
  r.generation = load_be32(body + 6);
  r.record_ttl = load_be32(body + 10);
  r.transaction_ttl = load_be32(body + 14);
  r.n_fields = load_be16(body + 18);
  r.n_ops = load_be16(body + 20);
  r.end = end;
  if (body[0] < kMessageHeader || body[0] > size)
    return Status::error(AEROSPIKE_ERR_CLIENT, "reply header size {} in a {}-byte message", body[0],
                         size);
  const uint8_t* p = body + body[0];
  r.fields = p;
  for (uint16_t i = 0; i < r.n_fields; ++i) {
    if (end - p < 4 || load_be32(p) > static_cast<size_t>(end - p - 4))
      return Status::error(AEROSPIKE_ERR_CLIENT, "reply field {} of {} runs past the message", i,
                           r.n_fields);
    p += 4 + load_be32(p);
  }
  r.ops = p;
  return r;
}

}  // namespace

Result<Reply> parse_reply(const uint8_t* body, size_t size) {
  return parse_head(body, body + size);
}

Result<Reply> next_message(const uint8_t*& p, const uint8_t* end) {
  auto head = parse_head(p, end);
  if (!head) return head;
  const uint8_t* q = head->ops;
  for (uint16_t i = 0; i < head->n_ops; ++i) {
    if (end - q < 4 || load_be32(q) > static_cast<size_t>(end - q - 4))
      return Status::error(AEROSPIKE_ERR_CLIENT, "reply op {} of {} runs past the message", i,
                           head->n_ops);
    q += 4 + load_be32(q);
  }
  head->end = q;
  p = q;
  return head;
}

namespace {

void copy_name(char* to, size_t capacity, const uint8_t* from, size_t size) {
  const size_t n = size < capacity - 1 ? size : capacity - 1;
  std::memcpy(to, from, n);
  to[n] = 0;
}

// The user key's value into the key's own storage, as 7.4.0 keeps it.
Status read_user_key(const uint8_t* data, size_t size, as_key* key) {
  if (size < 1) return Status::ok();
  const uint8_t type = data[0];
  const uint8_t* v = data + 1;
  const size_t n = size - 1;
  auto* slot = reinterpret_cast<as_val*>(&key->value);
  if (type == wire(ParticleType::kInteger) && n == 8) {
    as_integer_init(reinterpret_cast<as_integer*>(slot), static_cast<int64_t>(load_be64(v)));
  } else if (type == wire(ParticleType::kDouble) && n == 8) {
    as_double_init(reinterpret_cast<as_double*>(slot), load_be_double(v));
  } else if (type == wire(ParticleType::kString)) {
    auto* text = static_cast<char*>(copy_out(v, n, true));
    if (!text) return out_of_memory(n + 1);
    as_string_init_wlen(reinterpret_cast<as_string*>(slot), text, n, true);
  } else if (type == wire(ParticleType::kBlob)) {
    void* bytes = copy_out(v, n, false);
    if (!bytes && n) return out_of_memory(n);
    as_bytes_init_wrap(reinterpret_cast<as_bytes*>(slot), static_cast<uint8_t*>(bytes),
                       static_cast<uint32_t>(n), true);
  } else {
    return Status::ok();
  }
  key->valuep = &key->value;
  return Status::ok();
}

}  // namespace

Status read_record_key(const Reply& reply, as_key* key, uint64_t* bval) {
  const uint8_t* p = reply.fields;
  for (uint16_t i = 0; i < reply.n_fields; ++i) {
    const uint32_t size = load_be32(p);
    // A field of size 0 has no type byte: what follows it is the next field
    // or, for the last one, past the answer.
    if (size == 0) {
      p += 4;
      continue;
    }
    const uint8_t type = p[4];
    const uint8_t* data = p + 5;
    const size_t n = size - 1;
    p += 4 + size;
    switch (static_cast<FieldType>(type)) {
      case FieldType::kDigest:
        std::memcpy(key->digest.value, data, n < AS_DIGEST_VALUE_SIZE ? n : AS_DIGEST_VALUE_SIZE);
        key->digest.init = true;
        break;
      case FieldType::kNamespace: copy_name(key->ns, sizeof key->ns, data, n); break;
      case FieldType::kSet: copy_name(key->set, sizeof key->set, data, n); break;
      case FieldType::kKey:
        if (Status st = read_user_key(data, n, key); !st) return st;
        break;
      case FieldType::kBvalArray:
        if (bval && n >= 8) {
          uint64_t v = 0;
          for (int b = 7; b >= 0; --b) v = (v << 8) | data[b];
          *bval = v;
        }
        break;
      default: break;
    }
  }
  return Status::ok();
}

Status fill_record(const Reply& reply, as_record** rec, bool deserialize) {
  bool created = false;
  auto target = prepare_record(rec, reply.n_ops, created);
  if (!target) return target.status();
  as_record* r = *target;
  set_header(r, reply);
  Status filled = fill_bins(reply, r, deserialize);
  if (!filled) {
    if (created) {
      as_record_destroy(r);
    } else {
      drop_bin_values(r);
    }
    return filled;
  }
  *rec = r;
  return Status::ok();
}

Status fill_record_header(const Reply& reply, as_record** rec) {
  if (!*rec) {
    *rec = as_record_new(0);
    if (!*rec) return out_of_memory(sizeof(as_record));
  }
  set_header(*rec, reply);
  return Status::ok();
}

Result<UdfAnswer> find_udf_answer(const Reply& reply, bool failure_only, bool decode_success) {
  const uint8_t* p = reply.ops;
  for (uint16_t i = 0; i < reply.n_ops; ++i) {
    auto op = next_op(p, reply.end, i);
    if (!op) return op.status();
    UdfAnswer answer;
    if (op_named(*op, "FAILURE")) {
      answer.bin = UdfBin::kFailure;
    } else if (!failure_only && op_named(*op, "SUCCESS")) {
      answer.bin = UdfBin::kSuccess;
    } else {
      continue;
    }
    if (answer.bin == UdfBin::kFailure || decode_success)
      if (Status st = decode_heap_value(*op, &answer.value); !st) return st;
    return answer;
  }
  return UdfAnswer{};
}

}  // namespace aeroshim::proto
