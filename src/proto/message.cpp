#include "proto/message.h"

#include "proto/frame.h"

#include <algorithm>

namespace aeroshim::proto {
namespace {

uint32_t get_be32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}
uint16_t get_be16(const unsigned char* p) { return static_cast<uint16_t>((p[0] << 8) | p[1]); }

void put_be32(std::string& out, uint32_t v) {
  const char bytes[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                         static_cast<char>(v >> 8), static_cast<char>(v)};
  out.append(bytes, 4);
}
void put_be16(std::string& out, uint16_t v) {
  out.push_back(static_cast<char>(v >> 8));
  out.push_back(static_cast<char>(v));
}

// A cursor that refuses to move past the end of the body.
class Reader {
 public:
  explicit Reader(std::string_view body) : body_(body) {}
  size_t left() const { return body_.size() - pos_; }
  const unsigned char* take(size_t n) {
    if (n > left()) return nullptr;
    auto* p = reinterpret_cast<const unsigned char*>(body_.data()) + pos_;
    pos_ += n;
    return p;
  }

 private:
  std::string_view body_;
  size_t pos_ = 0;
};

Status read_fields(Reader& in, uint16_t count, std::vector<Field>& fields) {
  fields.reserve(count);
  for (uint16_t i = 0; i < count; ++i) {
    const unsigned char* p = in.take(5);
    if (!p) return Status::error(AEROSPIKE_ERR_CLIENT, "field {} is truncated", i);
    const uint32_t size = get_be32(p);
    if (size < 1) return Status::error(AEROSPIKE_ERR_CLIENT, "field {} declares size 0", i);
    const unsigned char* data = in.take(size - 1);
    if (!data)
      return Status::error(AEROSPIKE_ERR_CLIENT, "field {} declares {} bytes past the end", i,
                           size);
    fields.push_back(Field{p[4], std::string(reinterpret_cast<const char*>(data), size - 1)});
  }
  return Status::ok();
}

Status read_ops(Reader& in, uint16_t count, std::vector<Op>& ops) {
  ops.reserve(count);
  for (uint16_t i = 0; i < count; ++i) {
    const unsigned char* p = in.take(8);
    if (!p) return Status::error(AEROSPIKE_ERR_CLIENT, "op {} is truncated", i);
    const uint32_t size = get_be32(p);
    const uint8_t name_len = p[7];
    if (size < 4u + name_len)
      return Status::error(AEROSPIKE_ERR_CLIENT, "op {} size {} is smaller than its name", i, size);
    const unsigned char* rest = in.take(size - 4);
    if (!rest)
      return Status::error(AEROSPIKE_ERR_CLIENT, "op {} declares {} bytes past the end", i, size);
    Op op;
    op.op = p[4];
    op.particle_type = p[5];
    op.name.assign(reinterpret_cast<const char*>(rest), name_len);
    op.value.assign(reinterpret_cast<const char*>(rest) + name_len, size - 4 - name_len);
    ops.push_back(std::move(op));
  }
  return Status::ok();
}

}  // namespace

const Field* Message::field(FieldType type) const {
  for (const auto& f : fields)
    if (f.type == static_cast<uint8_t>(type)) return &f;
  return nullptr;
}

Result<Message> parse_message(std::string_view body) {
  Reader in(body);
  const unsigned char* h = in.take(kMessageHeaderSize);
  if (!h)
    return Status::error(AEROSPIKE_ERR_CLIENT,
                         "message body of {} bytes is shorter than its 22-byte header",
                         body.size());
  if (h[0] != kMessageHeaderSize)
    return Status::error(AEROSPIKE_ERR_CLIENT, "message header size is {}, expected 22", h[0]);
  // A header that claims to be longer than 22 bytes carries bytes we skip.
  Message m;
  m.info1 = h[1];
  m.info2 = h[2];
  m.info3 = h[3];
  m.info4 = h[4];
  m.result_code = h[5];
  m.generation = get_be32(h + 6);
  m.record_ttl = get_be32(h + 10);
  m.transaction_ttl = get_be32(h + 14);
  const uint16_t n_fields = get_be16(h + 18);
  const uint16_t n_ops = get_be16(h + 20);

  // Every field takes at least 5 bytes and every op at least 8, so counts
  // that cannot fit are refused before reserving anything.
  if (uint64_t{n_fields} * 5 + uint64_t{n_ops} * 8 > in.left())
    return Status::error(AEROSPIKE_ERR_CLIENT,
                         "message declares {} fields and {} ops but has {} bytes left", n_fields,
                         n_ops, in.left());
  if (Status read = read_fields(in, n_fields, m.fields); !read) return read;
  if (Status read = read_ops(in, n_ops, m.ops); !read) return read;
  if (in.left() != 0)
    return Status::error(AEROSPIKE_ERR_CLIENT, "message has {} bytes after its last op", in.left());
  return m;
}

void encode_message(const Message& m, std::string& out) {
  const size_t start = out.size();
  out.append(kFrameHeaderSize, '\0');
  out.push_back(static_cast<char>(kMessageHeaderSize));
  out.push_back(static_cast<char>(m.info1));
  out.push_back(static_cast<char>(m.info2));
  out.push_back(static_cast<char>(m.info3));
  out.push_back(static_cast<char>(m.info4));
  out.push_back(static_cast<char>(m.result_code));
  put_be32(out, m.generation);
  put_be32(out, m.record_ttl);
  put_be32(out, m.transaction_ttl);
  put_be16(out, static_cast<uint16_t>(m.fields.size()));
  put_be16(out, static_cast<uint16_t>(m.ops.size()));
  for (const auto& f : m.fields) {
    put_be32(out, static_cast<uint32_t>(f.data.size() + 1));
    out.push_back(static_cast<char>(f.type));
    out += f.data;
  }
  for (const auto& op : m.ops) {
    const auto name_len = static_cast<uint8_t>(std::min<size_t>(op.name.size(), 255));
    put_be32(out, static_cast<uint32_t>(4 + name_len + op.value.size()));
    out.push_back(static_cast<char>(op.op));
    out.push_back(static_cast<char>(op.particle_type));
    out.push_back('\0');
    out.push_back(static_cast<char>(name_len));
    out.append(op.name, 0, name_len);
    out += op.value;
  }
  encode_frame_header(FrameType::kMessage, out.size() - start - kFrameHeaderSize,
                      reinterpret_cast<uint8_t*>(&out[start]));
}

std::string be_u64(uint64_t v) {
  std::string s(8, '\0');
  for (int i = 0; i < 8; ++i) s[i] = static_cast<char>(v >> (8 * (7 - i)));
  return s;
}

uint64_t read_be_u64(std::string_view bytes) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8 && i < bytes.size(); ++i) v = (v << 8) | static_cast<uint8_t>(bytes[i]);
  return v;
}

}  // namespace aeroshim::proto
