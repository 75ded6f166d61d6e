#include "proto/compression.h"

#include "proto/byte_order.h"
#include "proto/frame.h"

#include <zlib.h>

namespace aeroshim::proto {
namespace {
constexpr size_t kSizePrefix = 8;
}  // namespace

Result<size_t> compress_frame(const uint8_t* frame, size_t size, WireBuffer& out) {
  uLongf packed = compressBound(static_cast<uLong>(size));
  uint8_t* p = out.reserve(kFrameHeaderSize + kSizePrefix + packed);
  if (!p) return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory compressing {} bytes", size);
  const int rc = compress2(p + kFrameHeaderSize + kSizePrefix, &packed, frame,
                           static_cast<uLong>(size), Z_BEST_SPEED);
  if (rc != Z_OK) return Status::error(AEROSPIKE_ERR_CLIENT, "Compress failed: {}", rc);
  const uint64_t body = kSizePrefix + packed;
  encode_frame_header(FrameType::kCompressed, body, p);
  put_be64(p + kFrameHeaderSize, size);
  return static_cast<size_t>(kFrameHeaderSize + body);
}

Result<size_t> inflate_frame(const uint8_t* body, size_t size, WireBuffer& out) {
  if (size < kSizePrefix)
    return Status::error(AEROSPIKE_ERR_CLIENT, "Invalid compressed size: {}", size);
  const uint64_t expected = load_be64(body);
  if (expected > kMaxBodySize || expected < kFrameHeaderSize)
    return Status::error(AEROSPIKE_ERR_CLIENT, "Invalid compressed size: {}", expected);
  uint8_t* p = out.reserve(expected);
  if (!p) return Status::error(AEROSPIKE_ERR_CLIENT, "out of memory inflating {} bytes", expected);
  uLongf got = static_cast<uLongf>(expected);
  const int rc = uncompress(p, &got, body + kSizePrefix, static_cast<uLong>(size - kSizePrefix));
  if (rc != Z_OK) return Status::error(AEROSPIKE_ERR_CLIENT, "Decompress failed: {}", rc);
  if (got != expected)
    return Status::error(AEROSPIKE_ERR_CLIENT, "Decompressed size {} is not expected {}", got,
                         expected);
  const uint64_t inner = load_be64(p) & 0xFFFFFFFFFFFFull;
  if (p[0] != kVersion || p[1] != static_cast<uint8_t>(FrameType::kMessage) ||
      kFrameHeaderSize + inner != got)
    return Status::error(AEROSPIKE_ERR_CLIENT, "Invalid decompressed proto({},{},{},{})", p[0],
                         p[1], inner, got);
  return static_cast<size_t>(inner);
}

}  // namespace aeroshim::proto
