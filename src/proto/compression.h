// Compressed frames (proto type 4), as 7.4.0 sends and reads them: the
// proto header, the uncompressed size (8 bytes, big-endian), then zlib's
// deflate of the whole uncompressed type-3 frame, its header included.
#pragma once

#include "core/status.h"
#include "proto/wire_buffer.h"

#include <cstddef>
#include <cstdint>

namespace aeroshim::proto {

// Requests above this many bytes are compressed when the policy asks
// (AS_COMPRESS_THRESHOLD of 7.4.0).
inline constexpr size_t kCompressThreshold = 128;

// Writes the type-4 frame of `frame` into `out`, returning its size.
Result<size_t> compress_frame(const uint8_t* frame, size_t size, WireBuffer& out);

// Inflates the body of a type-4 reply into `out` and checks that it holds
// exactly one type-3 frame; returns that frame's body size (the body starts
// 8 bytes into `out`).
Result<size_t> inflate_frame(const uint8_t* body, size_t size, WireBuffer& out);

}  // namespace aeroshim::proto
