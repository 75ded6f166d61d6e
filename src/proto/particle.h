// Particle types: how a bin value, a user key or a msgpack blob says what
// it holds on the wire (as_bytes_type of 7.4.0; blobs keep their own type).
#pragma once

#include <cstdint>

namespace aeroshim::proto::particle {

inline constexpr uint8_t kNil = 0;
inline constexpr uint8_t kInteger = 1;
inline constexpr uint8_t kDouble = 2;
inline constexpr uint8_t kString = 3;
inline constexpr uint8_t kBool = 17;
inline constexpr uint8_t kMap = 19;
inline constexpr uint8_t kList = 20;
inline constexpr uint8_t kGeojson = 23;

}  // namespace aeroshim::proto::particle
