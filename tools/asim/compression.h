// Compressed frames (proto type 4): an 8-byte big-endian size of the whole
// inner frame, then that frame (8-byte header included) as a zlib stream.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace asim {

// The message frame inside a compressed frame's body; nullopt when the body
// does not inflate to exactly the declared size, or to anything but one
// version-2 message frame, or declares more than the server's 128 MiB.
std::optional<std::string> inflate_frame(std::string_view body);

// `frame` (a whole message frame) as a compressed frame.
std::string deflate_frame(std::string_view frame);

}  // namespace asim
