// libFuzzer target for the wire codec asim and the client share: any bytes a
// peer sends, as a whole frame or as a bare message body, must be refused or
// parsed without touching memory outside the input, and whatever parses must
// survive encode/parse unchanged.
#include "proto/frame.h"
#include "proto/message.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace proto = aeroshim::proto;

namespace {

bool same(const proto::Message& a, const proto::Message& b) {
  if (a.info1 != b.info1 || a.info2 != b.info2 || a.info3 != b.info3 || a.info4 != b.info4 ||
      a.result_code != b.result_code || a.generation != b.generation || a.record_ttl != b.record_ttl ||
      a.transaction_ttl != b.transaction_ttl || a.fields.size() != b.fields.size() || a.ops.size() != b.ops.size())
    return false;
  for (size_t i = 0; i < a.fields.size(); ++i)
    if (a.fields[i].type != b.fields[i].type || a.fields[i].data != b.fields[i].data) return false;
  for (size_t i = 0; i < a.ops.size(); ++i)
    if (a.ops[i].op != b.ops[i].op || a.ops[i].particle_type != b.ops[i].particle_type ||
        a.ops[i].name != b.ops[i].name || a.ops[i].value != b.ops[i].value)
      return false;
  return true;
}

// A parsed message must encode to a frame whose header is acceptable and
// whose body parses back to the same message, and encoding that again must
// give the same bytes (the parser drops only the reserved op byte).
void check_round_trip(const proto::Message& m) {
  std::string frame;
  proto::encode_message(m, frame);
  if (frame.size() < proto::kFrameHeaderSize) abort();
  const auto h = proto::decode_frame_header(reinterpret_cast<const uint8_t*>(frame.data()));
  if (proto::frame_header_problem(h) || h.type != static_cast<uint8_t>(proto::FrameType::kMessage) ||
      h.body_size != frame.size() - proto::kFrameHeaderSize)
    abort();
  auto again = proto::parse_message(std::string_view(frame).substr(proto::kFrameHeaderSize));
  if (!again.is_ok() || !same(m, *again)) abort();
  std::string second;
  proto::encode_message(*again, second);
  if (second != frame) abort();
}

void parse_body(std::string_view body) {
  auto m = proto::parse_message(body);
  if (m.is_ok()) check_round_trip(*m);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  // As a server reads it: a frame header, then the body only if the header
  // is acceptable and the declared length is all there.
  if (size >= proto::kFrameHeaderSize) {
    const auto h = proto::decode_frame_header(data);
    uint8_t encoded[proto::kFrameHeaderSize];
    proto::encode_frame_header(static_cast<proto::FrameType>(h.type), h.body_size, encoded);
    if (h.version == proto::kVersion && std::string_view(reinterpret_cast<const char*>(encoded), sizeof encoded) !=
                                            input.substr(0, proto::kFrameHeaderSize))
      abort();
    if (!proto::frame_header_problem(h) && h.type == static_cast<uint8_t>(proto::FrameType::kMessage) &&
        h.body_size <= size - proto::kFrameHeaderSize)
      parse_body(input.substr(proto::kFrameHeaderSize, h.body_size));
  }
  // As a bare body, so mutations are not all spent breaking the frame header.
  parse_body(input);
  return 0;
}
