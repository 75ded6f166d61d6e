#include "batch_request.h"

#include <algorithm>

namespace asim::batch {
namespace {

namespace proto = aeroshim::proto;

// The row kind byte: REPEAT alone, or a full row whose optional header
// bytes the other bits announce (none at all: the oldest read-only row).
constexpr uint8_t kRepeat = 0x1;
constexpr uint8_t kHasInfo23 = 0x2;
constexpr uint8_t kHasGeneration = 0x4;
constexpr uint8_t kHasTtl = 0x8;
constexpr uint8_t kHasInfo4 = 0x10;

// A repeat row is its index, digest and kind byte.
constexpr size_t kRepeatRowSize = 4 + 20 + 1;
// info1, field and op counts, and the namespace field's header.
constexpr size_t kFullRowMinimum = 1 + 2 + 2 + 5;

// Sub-commands are never compressed nor treated as XDR writes.
constexpr uint8_t kInfo1Xdr = 0x10;
constexpr uint8_t kInfo1Dropped = proto::kInfo1CompressResponse | kInfo1Xdr;
// An old row takes its strong-consistency read flags from the parent.
constexpr uint8_t kInfo3ScFlags = proto::kInfo3ScReadType | proto::kInfo3ScReadRelax;

// A cursor over the batch field that never moves past its end.
class Cursor {
 public:
  explicit Cursor(std::string_view bytes) : bytes_(bytes) {}
  size_t left() const { return bytes_.size() - pos_; }
  bool take(size_t n, std::string_view& out) {
    if (n > left()) return false;
    out = bytes_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  uint8_t u8() { return static_cast<uint8_t>(bytes_[pos_++]); }
  uint16_t be16() {
    const uint8_t high = u8();
    return static_cast<uint16_t>((high << 8) | u8());
  }
  uint32_t be32() {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | u8();
    return v;
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

uint32_t be32_of(std::string_view four) {
  uint32_t v = 0;
  for (char c : four) v = (v << 8) | static_cast<uint8_t>(c);
  return v;
}

bool read_field(Cursor& in, proto::Field& out) {
  std::string_view head;
  std::string_view data;
  if (!in.take(5, head)) return false;
  const uint32_t size = be32_of(head.substr(0, 4));
  if (size < 1 || !in.take(size - 1, data)) return false;
  out.type = static_cast<uint8_t>(head[4]);
  out.data.assign(data);
  return true;
}

bool read_op(Cursor& in, proto::Op& out) {
  std::string_view head;
  std::string_view rest;
  if (!in.take(8, head)) return false;
  const uint32_t size = be32_of(head.substr(0, 4));
  const auto name_len = static_cast<uint8_t>(head[7]);
  if (size < 4u + name_len || !in.take(size - 4, rest)) return false;
  out.op = static_cast<uint8_t>(head[4]);
  out.particle_type = static_cast<uint8_t>(head[5]);
  out.name.assign(rest.substr(0, name_len));
  out.value.assign(rest.substr(name_len));
  return true;
}

// The header bytes of a full row after its kind byte, into `m`; false when
// the bytes cannot hold them.
bool read_row_header(Cursor& in, uint8_t kind, const proto::Message& parent, proto::Message& m,
                     uint16_t& n_fields, uint16_t& n_ops) {
  const size_t optional = ((kind & kHasInfo23) ? 2 : 0) + ((kind & kHasInfo4) ? 1 : 0) +
                          ((kind & kHasGeneration) ? 2 : 0) + ((kind & kHasTtl) ? 4 : 0);
  if (in.left() < kFullRowMinimum + optional) return false;
  m.info1 = in.u8() & static_cast<uint8_t>(~kInfo1Dropped);
  if (kind & kHasInfo23) {
    m.info2 = in.u8();
    m.info3 = in.u8();
  } else {
    m.info3 = parent.info3 & kInfo3ScFlags;
  }
  if (kind & kHasInfo4) m.info4 = in.u8();
  if (kind & kHasGeneration) m.generation = in.be16();
  if (kind & kHasTtl) m.record_ttl = in.be32();
  m.transaction_ttl = parent.transaction_ttl;
  n_fields = in.be16();
  n_ops = in.be16();
  // Old clients counted no fields, yet always sent the namespace.
  if (n_fields == 0) n_fields = 1;
  return true;
}

// A full row's message; false when it is malformed or names a namespace
// `known` refuses.
bool read_full_row(Cursor& in, uint8_t kind, const proto::Message& parent,
                   const std::function<bool(const std::string&)>& known, proto::Message& m) {
  uint16_t n_fields = 0;
  uint16_t n_ops = 0;
  if (!read_row_header(in, kind, parent, m, n_fields, n_ops)) return false;
  // Every field takes 5 bytes at least and every op 8: counts the bytes
  // cannot hold are refused before anything is reserved.
  if (uint64_t{n_fields} * 5 + uint64_t{n_ops} * 8 > in.left()) return false;
  m.fields.resize(n_fields);
  for (auto& f : m.fields)
    if (!read_field(in, f)) return false;
  // The first field is the namespace, whatever its type byte says.
  m.fields[0].type = static_cast<uint8_t>(proto::FieldType::kNamespace);
  if (!known(m.fields[0].data)) return false;
  m.ops.resize(n_ops);
  for (auto& op : m.ops)
    if (!read_op(in, op)) return false;
  return true;
}

}  // namespace

bool parse_rows(std::string_view field, const proto::Message& parent,
                const std::function<bool(const std::string&)>& known, Request& out) {
  Cursor in(field);
  if (in.left() < 5) return false;
  out.declared = in.be32();
  out.flags = in.u8();
  out.rows.reserve(std::min<size_t>(out.declared, in.left() / kRepeatRowSize));
  while (out.rows.size() < out.declared && in.left() >= kRepeatRowSize) {
    Row row;
    row.index = in.be32();
    std::string_view digest;
    in.take(20, digest);
    row.digest.assign(digest);
    const uint8_t kind = in.u8();
    if (kind & kRepeat) {
      // Nothing to repeat, or a repeat of a row that sent its key (each
      // key is its own): the server stops reading there.
      if (out.messages.empty() || out.messages.back().field(proto::FieldType::kKey)) break;
      row.message = out.messages.size() - 1;
      out.rows.push_back(std::move(row));
      continue;
    }
    proto::Message m;
    if (!read_full_row(in, kind, parent, known, m)) break;
    out.messages.push_back(std::move(m));
    row.message = out.messages.size() - 1;
    out.rows.push_back(std::move(row));
  }
  return true;
}

}  // namespace asim::batch
