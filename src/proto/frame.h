// The 8-byte header in front of every Aerospike request and answer:
// version (2), message type, then a 48-bit big-endian body length.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace aeroshim::proto {

inline constexpr uint8_t kVersion = 2;
inline constexpr size_t kFrameHeaderSize = 8;

enum class FrameType : uint8_t {
  kInfo = 1,
  kAdmin = 2,
  kMessage = 3,
  kCompressed = 4,
};

// Bodies above this are refused before anything is allocated: no legitimate
// single-record or info exchange comes near it, and a peer that declares more
// is broken or hostile.
inline constexpr uint64_t kMaxBodySize = uint64_t{128} << 20;

struct FrameHeader {
  uint8_t version = kVersion;
  uint8_t type = 0;
  uint64_t body_size = 0;
};

inline void encode_frame_header(FrameType type, uint64_t body_size, uint8_t out[kFrameHeaderSize]) {
  out[0] = kVersion;
  out[1] = static_cast<uint8_t>(type);
  for (int i = 0; i < 6; ++i) out[2 + i] = static_cast<uint8_t>(body_size >> (8 * (5 - i)));
}

inline FrameHeader decode_frame_header(const uint8_t in[kFrameHeaderSize]) {
  FrameHeader h;
  h.version = in[0];
  h.type = in[1];
  for (int i = 0; i < 6; ++i) h.body_size = (h.body_size << 8) | in[2 + i];
  return h;
}

// Why a frame header is unacceptable, or nullopt when it is fine.
inline std::optional<const char*> frame_header_problem(const FrameHeader& h) {
  if (h.version != kVersion) return "protocol version is not 2";
  if (h.type < static_cast<uint8_t>(FrameType::kInfo) ||
      h.type > static_cast<uint8_t>(FrameType::kCompressed))
    return "unknown message type";
  if (h.body_size > kMaxBodySize) return "declared length is over 128 MiB";
  return std::nullopt;
}

}  // namespace aeroshim::proto
