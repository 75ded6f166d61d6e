#include "compression.h"

#include "proto/frame.h"
#include "proto/message.h"

#include <zlib.h>

namespace asim {
namespace {

constexpr uint64_t kMaxFrame = uint64_t{128} * 1024 * 1024;  // the server's PROTO_SIZE_MAX

}  // namespace

std::optional<std::string> inflate_frame(std::string_view body) {
  namespace proto = aeroshim::proto;
  if (body.size() < 8) return std::nullopt;
  const uint64_t size = proto::read_be_u64(body.substr(0, 8));
  if (size < proto::kFrameHeaderSize || size > kMaxFrame) return std::nullopt;
  std::string out(size, '\0');
  uLongf got = static_cast<uLongf>(size);
  const int rc = uncompress(reinterpret_cast<Bytef*>(out.data()), &got,
                            reinterpret_cast<const Bytef*>(body.data() + 8),
                            static_cast<uLong>(body.size() - 8));
  if (rc != Z_OK || got != size) return std::nullopt;
  const auto h = proto::decode_frame_header(reinterpret_cast<const uint8_t*>(out.data()));
  if (proto::frame_header_problem(h) ||
      h.type != static_cast<uint8_t>(proto::FrameType::kMessage) ||
      h.body_size + proto::kFrameHeaderSize != size)
    return std::nullopt;
  return out;
}

std::string deflate_frame(std::string_view frame) {
  namespace proto = aeroshim::proto;
  uLongf bound = compressBound(static_cast<uLong>(frame.size()));
  std::string out(proto::kFrameHeaderSize + 8 + bound, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()) + proto::kFrameHeaderSize + 8, &bound,
            reinterpret_cast<const Bytef*>(frame.data()), static_cast<uLong>(frame.size()),
            Z_BEST_SPEED);
  out.resize(proto::kFrameHeaderSize + 8 + bound);
  const std::string size = proto::be_u64(frame.size());
  out.replace(proto::kFrameHeaderSize, 8, size);
  proto::encode_frame_header(proto::FrameType::kCompressed, 8 + bound,
                             reinterpret_cast<uint8_t*>(out.data()));
  return out;
}

}  // namespace asim
